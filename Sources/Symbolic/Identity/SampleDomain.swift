/// Where a variable may be sampled: inside its assumptions, so that a counterexample found at a
/// sample point is a genuine one.
struct SampleDomain: Hashable, Sendable {
    var positive = false
    var real = false
    var nonzero = false
    var integer = false

    init(_ s: Symbol) {
        positive = s.isPositive
        real = s.isReal
        nonzero = s.isNonzero || s.isPositive
        integer = s.isInteger
    }

    /// The domain of a compound atom from what is known about it (positive, real, or complex).
    init(atom e: Expr) {
        positive = e.isKnownPositive
        real = e.isKnownReal
        nonzero = positive || e.isKnownNonzero
    }

    // MARK: Exact sampling (Schwartz–Zippel)

    /// Half-width M of the integer box [−M, M] used for exact sample points.
    static let exactHalfWidth = 1 << 30

    /// Size of the finite set this domain samples from in the exact test.
    var exactSetSize: Double {
        let m = Double(Self.exactHalfWidth)
        if positive { return m }
        if real { return 2 * m + (nonzero ? 0 : 1) }
        return (2 * m + 1) * (2 * m + 1) - (nonzero ? 1 : 0)
    }

    /// A uniform point of the exact sample set: integers, positive integers, or Gaussian integers.
    func exactSample(_ g: inout SeededGenerator) -> GaussianRational {
        let m = Self.exactHalfWidth
        if positive { return GaussianRational(g.integer(1, m)) }
        while true {
            let a = g.integer(-m, m)
            let b = real ? 0 : g.integer(-m, m)
            if nonzero && a == 0 && b == 0 { continue }
            return GaussianRational(BigRational(a), BigRational(b))
        }
    }

    // MARK: Numeric sampling

    /// A moderate rational point (magnitudes in about 0.2…3, denominator 1009, so that no special
    /// value is hit by accident). `sign` forces the sign of the real part: −1, +1, or 0 for random.
    /// `gentle` draws magnitudes in about 0.02…0.3 and puts complex symbols on the real axis (a
    /// subset of their domain), so that polynomials inside exp and sin stay moderate and a small
    /// absolute difference is not hidden behind huge values.
    func numericSample(_ g: inout SeededGenerator, sign: Int, gentle: Bool = false) -> GaussianRational {
        func magnitude() -> BigRational {
            if integer { return BigRational(g.integer(1, gentle ? 2 : 5)) }
            return gentle ? BigRational(g.integer(20, 300), 1009) : BigRational(g.integer(200, 3000), 1009)
        }
        func signed(_ forced: Int) -> BigRational {
            let s = forced != 0 ? forced : (g.integer(0, 1) == 0 ? -1 : 1)
            return s < 0 ? -magnitude() : magnitude()
        }
        if positive { return GaussianRational(magnitude()) }
        if real || gentle { return GaussianRational(signed(sign)) }
        return GaussianRational(signed(sign), signed(0))
    }
}

/// A point: exact values for the symbols (and, in the exact test, for the compound atoms).
struct SamplePoint {
    var symbols: [Symbol: GaussianRational]
    var atoms: [Expr: GaussianRational] = [:]

    /// "x = 3, y = -1/2" in symbol order.
    var text: String {
        symbols.keys.sorted().map { "\($0.name) = \(symbols[$0]!)" }.joined(separator: ", ")
    }
}
