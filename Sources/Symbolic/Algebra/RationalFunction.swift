/// A rational function P/Q over Q(i) in the atoms of a `Polynomial`, always in normal form:
/// gcd(P, Q) = 1 and Q has leading coefficient 1 in the lexicographic monomial order (variables
/// sorted by the canonical expression order when built from an `Expr`). Equal rational functions
/// over the same variables therefore have equal numerators and denominators.
public struct RationalFunction: Hashable, Sendable {
    /// P, coprime to Q.
    public private(set) var numerator: Polynomial
    /// Q, leading coefficient 1.
    public private(set) var denominator: Polynomial

    /// P/Q reduced to normal form. Precondition: Q ≠ 0.
    public init(_ numerator: Polynomial, _ denominator: Polynomial) {
        precondition(!denominator.isZero, "rational function with zero denominator")
        var (p, q) = Polynomial.unified(numerator, denominator)
        if p.isZero {
            self.numerator = p
            self.denominator = .one(p.variables)
            return
        }
        let g = Polynomial.gcd(p, q)
        if !g.isOne {
            p = p.divided(by: g)!
            q = q.divided(by: g)!
        }
        let lc = q.leadingCoefficient.reciprocal
        self.numerator = p.scaled(by: lc)
        self.denominator = q.scaled(by: lc)
    }

    /// A polynomial as P/1.
    public init(_ p: Polynomial) {
        numerator = p
        denominator = .one(p.variables)
    }

    /// Without normalisation (caller guarantees normal form).
    init(reduced p: Polynomial, _ q: Polynomial) {
        numerator = p
        denominator = q
    }

    /// The atoms (the longer variable list of P and Q).
    public var variables: [Expr] { numerator.variables.count >= denominator.variables.count ? numerator.variables : denominator.variables }
    /// True when P = 0.
    public var isZero: Bool { numerator.isZero }
    /// True when Q = 1.
    public var isPolynomial: Bool { denominator.isOne }

    /// Sum over the lcm of the denominators, reduced.
    public static func + (a: RationalFunction, b: RationalFunction) -> RationalFunction {
        if a.isZero { return b }
        if b.isZero { return a }
        if a.denominator == b.denominator {
            return RationalFunction(a.numerator + b.numerator, a.denominator)
        }
        // P/Q + R/S over the lcm of the denominators keeps sizes down.
        let g = Polynomial.gcd(a.denominator, b.denominator)
        let qa = a.denominator.divided(by: g)!, qb = b.denominator.divided(by: g)!
        return RationalFunction(a.numerator * qb + b.numerator * qa, a.denominator * qb)
    }
    /// Negation.
    public static prefix func - (a: RationalFunction) -> RationalFunction {
        RationalFunction(reduced: -a.numerator, a.denominator)
    }
    /// Difference.
    public static func - (a: RationalFunction, b: RationalFunction) -> RationalFunction { a + (-b) }
    /// Product with cross-cancellation, reduced.
    public static func * (a: RationalFunction, b: RationalFunction) -> RationalFunction {
        if a.isZero { return a }
        if b.isZero { return b }
        // Cross-cancel first: (P/Q)(R/S) with g₁ = gcd(P, S), g₂ = gcd(R, Q).
        let g1 = Polynomial.gcd(a.numerator, b.denominator), g2 = Polynomial.gcd(b.numerator, a.denominator)
        let p = a.numerator.divided(by: g1)! * b.numerator.divided(by: g2)!
        let q = a.denominator.divided(by: g2)! * b.denominator.divided(by: g1)!
        let lc = q.leadingCoefficient.reciprocal
        return RationalFunction(reduced: p.scaled(by: lc), q.scaled(by: lc))
    }
    /// a/b. Precondition: b ≠ 0.
    public static func / (a: RationalFunction, b: RationalFunction) -> RationalFunction {
        precondition(!b.isZero, "division by zero rational function")
        return a * RationalFunction(reduced: b.denominator, b.numerator).normalisedSign()
    }

    /// Rescales so that the denominator has leading coefficient 1.
    func normalisedSign() -> RationalFunction {
        let lc = denominator.leadingCoefficient
        if lc == .one { return self }
        let inv = lc.reciprocal
        return RationalFunction(reduced: numerator.scaled(by: inv), denominator.scaled(by: inv))
    }

    /// (P/Q)ⁿ for any integer n (n < 0 needs P ≠ 0).
    public func power(_ n: Int) -> RationalFunction {
        if n >= 0 { return RationalFunction(reduced: numerator.power(n), denominator.power(n)).normalisedSign() }
        precondition(!isZero, "negative power of zero")
        return RationalFunction(reduced: denominator.power(-n), numerator.power(-n)).normalisedSign()
    }
}
