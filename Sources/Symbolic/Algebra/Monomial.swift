/// A power product x₀^e₀ x₁^e₁ ⋯ of the variables of a `Polynomial`, stored as its exponent
/// vector with trailing zeros removed (so that the same monomial has one representation whatever
/// the number of variables in scope).
///
/// Monomials are ordered lexicographically with variable 0 most significant:
/// x₀ > x₁ > ⋯ > 1. This is the order in which "leading term" and "leading coefficient" are meant.
public struct Monomial: Hashable, Sendable, Comparable {
    /// Exponents, index = variable number; no trailing zeros.
    public private(set) var exponents: [Int]

    /// The monomial with these exponents (trailing zeros are dropped).
    public init(_ exponents: [Int]) {
        var e = exponents
        while let last = e.last, last == 0 { e.removeLast() }
        self.exponents = e
    }

    /// The monomial 1.
    public static let one = Monomial([])

    /// x_k^n.
    public static func variable(_ k: Int, power n: Int = 1) -> Monomial {
        var e = [Int](repeating: 0, count: k + 1)
        e[k] = n
        return Monomial(e)
    }

    /// The exponent of variable k.
    public func exponent(_ k: Int) -> Int { k < exponents.count ? exponents[k] : 0 }

    /// Total degree Σ eₖ.
    public var totalDegree: Int { exponents.reduce(0, +) }

    /// True for the monomial 1 (all exponents zero).
    public var isOne: Bool { exponents.isEmpty }

    /// The product: exponents add.
    public static func * (a: Monomial, b: Monomial) -> Monomial {
        let n = Swift.max(a.exponents.count, b.exponents.count)
        var e = [Int](repeating: 0, count: n)
        for k in 0..<n { e[k] = a.exponent(k) + b.exponent(k) }
        return Monomial(e)
    }

    /// a/b when b divides a (every exponent of b ≤ that of a), else nil.
    public func divided(by b: Monomial) -> Monomial? {
        if b.exponents.count > exponents.count { return nil }
        var e = exponents
        for k in 0..<b.exponents.count {
            e[k] -= b.exponents[k]
            if e[k] < 0 { return nil }
        }
        return Monomial(e)
    }

    /// The greatest common divisor: the minimum of each exponent.
    public static func gcd(_ a: Monomial, _ b: Monomial) -> Monomial {
        let n = Swift.min(a.exponents.count, b.exponents.count)
        return Monomial((0..<n).map { Swift.min(a.exponents[$0], b.exponents[$0]) })
    }

    /// This monomial with the exponent of variable k set to `n`.
    public func setting(_ k: Int, to n: Int) -> Monomial {
        var e = exponents
        if k >= e.count { if n == 0 { return self }; e += [Int](repeating: 0, count: k + 1 - e.count) }
        e[k] = n
        return Monomial(e)
    }

    /// Lexicographic order, variable 0 most significant.
    public static func < (a: Monomial, b: Monomial) -> Bool {
        let n = Swift.max(a.exponents.count, b.exponents.count)
        for k in 0..<n {
            let x = a.exponent(k), y = b.exponent(k)
            if x != y { return x < y }
        }
        return false
    }
}
