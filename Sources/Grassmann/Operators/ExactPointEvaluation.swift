import Symbolic

/// Exact evaluation of expressions at points of Q(i), and the randomized identity test built on it.
///
/// Used where the Grassmann module must decide whether two symbolic coefficients (rational
/// functions of the model symbols and their conjugates) are equal: both sides are evaluated
/// exactly at random points, real symbols at random rationals (positive ones at positive
/// rationals), complex ones at random Gaussian rationals; `conj` is evaluated exactly.
/// A false identity of total degree ≤ D in numerator and denominator survives one random point
/// with probability ≤ 2D / N (Schwartz–Zippel, sample range of size N per coordinate).
public enum ExactPointEvaluation {
    /// The value of `e` with every symbol replaced by its value, or nil when the result is not a
    /// Gaussian rational (a symbol without value, a non-rational power, a division by zero).
    public static func evaluate(_ e: Expr, at point: [Symbol: GaussianRational]) -> GaussianRational? {
        var failed = false
        let r = e.mapBottomUp { x in
            if case .symbol(let s) = x {
                if let v = point[s] { return Expr(v) }
                failed = true
            }
            if case .power(let b, let ex) = x, b.isZero, let q = ex.rationalValue, q.signum < 0 { failed = true }
            return x
        }
        if failed { return nil }
        return r.numberValue
    }

    /// The package's one seeded generator (SplitMix64, `SeededGenerator`), so that every check can be repeated from its seed.
    public typealias SplitMix64 = SeededGenerator

    /// Sample range N per coordinate: numerators in [−N/2, N/2], denominators in [1, 997].
    public static let sampleRange = 2_000_000

    /// A random point respecting the symbols' assumptions.
    public static func randomPoint(_ symbols: Set<Symbol>, using g: inout SplitMix64) -> [Symbol: GaussianRational] {
        func rational(positive: Bool) -> BigRational {
            let num = Int(g.next() % UInt64(sampleRange)) - sampleRange / 2
            let den = Int(g.next() % 997) + 1
            let n = positive ? (Swift.abs(num) + 1) : num
            return BigRational(n, den)
        }
        var p: [Symbol: GaussianRational] = [:]
        for s in symbols.sorted() {
            if s.isPositive { p[s] = GaussianRational(rational(positive: true)) }
            else if s.isReal { p[s] = GaussianRational(rational(positive: false)) }
            else { p[s] = GaussianRational(rational(positive: false), rational(positive: false)) }
        }
        return p
    }

    /// Decides lhs = rhs by exact evaluation at `trials` random points (seeded).
    /// Verified with falseAcceptBound (2D/N)^trials for the stated degree bound D; a single
    /// point with unequal exact values is a proof of discrepancy (the point is reported).
    public static func identity(_ lhs: Expr, _ rhs: Expr, degreeBound: Int = 16, trials: Int = 4, seed: UInt64 = 0x5EED) -> Verdict {
        var g = SplitMix64(seed: seed)
        let symbols = lhs.freeSymbols.union(rhs.freeSymbols)
        var done = 0
        var attempts = 0
        while done < trials && attempts < 4 * trials + 8 {
            attempts += 1
            let p = randomPoint(symbols, using: &g)
            guard let a = evaluate(lhs, at: p), let b = evaluate(rhs, at: p) else { continue }
            if a != b {
                let where_ = p.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil),
                               detail: "exact values differ at \(where_): lhs = \(a), rhs = \(b)",
                               relation: b.isZero ? nil : "lhs/rhs = \(a / b) at that point", seed: seed)
            }
            done += 1
        }
        if done < trials {
            return Verdict(.inconclusive, detail: "could not evaluate both sides exactly at enough random points (\(done) of \(trials))", seed: seed)
        }
        let bound = Foundation_pow(2.0 * Double(degreeBound) / Double(sampleRange), Double(trials))
        return Verdict(.verified, method: .exact(falseAcceptBound: bound),
                       detail: "equal at \(trials) random points of Q(i) (exact arithmetic)", seed: seed)
    }

    static func Foundation_pow(_ x: Double, _ n: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(n) { r *= x }
        return r
    }
}
