/// Exact values of elementary functions at special arguments, used to prove a closed difference
/// zero exactly (issue 20: tan(π/4) − 1, log 2 + log 3 − log 6) instead of observing it
/// numerically.
///
/// Each rewrite is an identity on the principal branch:
/// - sin, cos, tan of c·π with c rational of denominator 1, 2, 3, 4 or 6: the values in
///   Q(√2, √3) (cos π/6 = √3/2, cos π/4 = √2/2, cos π/3 = 1/2, reduced mod 2π with the usual
///   symmetries; tan = sin/cos where cos ≠ 0);
/// - log q for a rational q ≠ 0 whose numerator and denominator factor completely by trial
///   division (below 10^6): Σ e_p log p over primes p, plus iπ when q < 0 (arg = π).
/// A sum of rational multiples of logarithms of distinct primes vanishes only when every
/// coefficient does (unique factorization), so after these rewrites the canonical form of a true
/// identity between such constants is 0; a form that is not 0 proves nothing and the numeric
/// test decides.
extension Expr {
    /// This expression with every special value written exactly (see above).
    var withSpecialValues: Expr { mapBottomUp { $0.specialValue ?? $0 } }

    /// True when some node is sin, cos, tan or log (the functions with rewrites here).
    var containsSpecialFunction: Bool {
        if case .function(let f, _) = self, [.sin, .cos, .tan, .log].contains(f) { return true }
        return children.contains { $0.containsSpecialFunction }
    }

    /// The exact value of this node when it is a special value, else nil.
    var specialValue: Expr? {
        guard case .function(let f, let x) = self else { return nil }
        switch f {
        case .sin, .cos, .tan:
            guard let c = x.rationalMultipleOfPi else { return nil }
            guard let twelfths = (c * BigRational(12)).integerValueIfInteger else { return nil }
            let n = ((twelfths % 24) + 24) % 24
            guard n % 2 == 0 || n % 3 == 0 else { return nil }
            let cosine = Self.cosineOfTwelfths(n), sine = Self.cosineOfTwelfths(((6 - n) % 24 + 24) % 24)
            switch f {
            case .sin: return sine
            case .cos: return cosine
            default: return cosine.isZero ? nil : sine / cosine
            }
        case .log:
            guard case .number(let z) = x, z.im.isZero, !z.re.isZero else { return nil }
            let q = z.re
            guard let num = Self.primeFactors(q.numerator.magnitude), let den = Self.primeFactors(q.denominator) else { return nil }
            if num.count + den.count <= 1 && !q.isNegative && (num.first?.1 ?? 1) == 1 && den.isEmpty { return nil }
            var terms: [Expr] = num.map { Expr($0.1) * .apply(.log, Expr($0.0)) } + den.map { Expr(-$0.1) * .apply(.log, Expr($0.0)) }
            if q.isNegative { terms.append(.number(.i) * .pi) }
            return .sum(of: terms)
        default:
            return nil
        }
    }

    /// cos(nπ/12) for n ∈ 0..<24 with n even or divisible by 3.
    static func cosineOfTwelfths(_ n: Int) -> Expr {
        let r2 = Expr.sqrt(Expr(2)), r3 = Expr.sqrt(Expr(3))
        let half = Expr.half
        // First quadrant values at 0, π/6, π/4, π/3, π/2 (n = 0, 2, 3, 4, 6).
        func firstQuadrant(_ k: Int) -> Expr {
            switch k {
            case 0: return .one
            case 2: return r3 * half
            case 3: return r2 * half
            case 4: return half
            default: return .zero
            }
        }
        switch n {
        case 0...6: return firstQuadrant(n)
        case 7...12: return -firstQuadrant(12 - n)
        case 13...18: return -firstQuadrant(n - 12)
        default: return firstQuadrant(24 - n)
        }
    }

    /// (prime, exponent) pairs of n ≥ 1 by trial division below 10^6; nil if a cofactor above
    /// 10^12 remains unfactored.
    static func primeFactors(_ n: BigInt) -> [(Int, Int)]? {
        guard var m = n.intValue, m >= 1 else { return nil }
        var out: [(Int, Int)] = []
        var p = 2
        while p * p <= m && p < 1_000_000 {
            var e = 0
            while m % p == 0 { m /= p; e += 1 }
            if e > 0 { out.append((p, e)) }
            p += p == 2 ? 1 : 2
        }
        if m > 1 {
            guard p * p > m else { return nil }
            out.append((m, 1))
        }
        return out
    }
}

extension BigRational {
    /// The value as an Int when it is an integer that fits.
    var integerValueIfInteger: Int? { isInteger ? numerator.intValue : nil }
}
