/// Greatest common divisors in Q(i)[x₀, …, x_{n−1}].
///
/// Method: the recursive primitive polynomial remainder sequence (Collins; Knuth TAOCP 4.6.1,
/// Algorithm E generalised; Geddes–Czapor–Labahn §7.3). For a main variable x, write A = cont(A)·pp(A)
/// with cont(A) the gcd of the coefficients of A in x (computed recursively in the remaining
/// variables) and pp(A) primitive. Then
///     gcd(A, B) = gcd(cont A, cont B) · pp(last nonzero element of the PRS),
/// where the PRS is R₀ = pp(A), R₁ = pp(B), R_{i+1} = pp(prem(R_{i−1}, R_i)) — Gauss's lemma makes
/// this exact over the UFD Q(i)[other variables][x]. A variable occurring in only one argument
/// cannot occur in the gcd, so that argument is first replaced by its content in that variable.
///
/// Normalisation: gcds are monic in the lexicographic order (leading coefficient 1), which fixes
/// the unit of Q(i)* left free by the definition.
extension Polynomial {
    /// The monic greatest common divisor (0 only when both are 0).
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        let (a, b) = unified(a, b)
        return gcdUnified(a, b).monic
    }

    static func gcdUnified(_ a0: Polynomial, _ b0: Polynomial) -> Polynomial {
        var a = a0, b = b0
        if a.isZero { return b }
        if b.isZero { return a }
        if a.isConstant || b.isConstant { return .one(a.variables) }
        if a.terms.count == 1 || b.terms.count == 1 { return monomialGCD(a, b) }
        // Strip variables occurring in only one of the two.
        let va = a.occurringVariables, vb = b.occurringVariables
        for k in va.subtracting(vb).sorted() {
            a = a.content(in: k)
            if a.isConstant { return .one(a.variables) }
        }
        for k in vb.subtracting(va).sorted() {
            b = b.content(in: k)
            if b.isConstant { return .one(a.variables) }
        }
        if va != vb { return gcdUnified(a, b) }
        if a == b { return a }
        // Main variable: the common variable of least total degree (cheapest PRS).
        let k = va.min { (a.degree(in: $0) + b.degree(in: $0), $0) < (a.degree(in: $1) + b.degree(in: $1), $1) }!
        let ca = a.content(in: k), cb = b.content(in: k)
        var r0 = a.divided(by: ca)!, r1 = b.divided(by: cb)!
        let c = gcdUnified(ca, cb).monic
        if r0.degree(in: k) < r1.degree(in: k) { swap(&r0, &r1) }
        while true {
            let r = r0.pseudoRemainder(r1, in: k)
            if r.isZero { break }
            if r.degree(in: k) == 0 { return c }
            r0 = r1
            r1 = r.primitivePart(in: k)
        }
        return c * r1.primitivePart(in: k).monic
    }

    /// gcd when one argument is a single term c·m: m' · (gcd of the content), where m' is the
    /// monomial gcd of m with every monomial of the other.
    static func monomialGCD(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        var g: Monomial? = nil
        for m in a.terms.keys { g = g.map { Monomial.gcd($0, m) } ?? m }
        for m in b.terms.keys { g = Monomial.gcd(g!, m) }
        return Polynomial(variables: a.variables, terms: [g!: .one])
    }

    /// The content in variable k: the monic gcd of the coefficients of p as a polynomial in x_k.
    public func content(in k: Int) -> Polynomial {
        let cs = coefficients(in: k).sorted { $0.value.terms.count < $1.value.terms.count }.map(\.value)
        var g = Polynomial.zero(variables)
        for c in cs {
            g = Polynomial.gcdUnified(g, c).monic
            if g.isOne { break }
        }
        return g
    }

    /// p / content_k(p).
    public func primitivePart(in k: Int) -> Polynomial {
        if isZero { return self }
        let c = content(in: k)
        return c.isOne ? monic : divided(by: c)!.monic
    }

    /// The least common multiple, monic: a·b / gcd(a, b).
    public static func lcm(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        if a.isZero || b.isZero { return .zero(a.variables) }
        let g = gcd(a, b)
        return (a.divided(by: g)! * b).monic
    }
}
