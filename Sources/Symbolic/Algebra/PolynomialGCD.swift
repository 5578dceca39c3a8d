/// Greatest common divisors in Q(i)[x₀, …, x_{n−1}].
///
/// Method: Brown's dense evaluation–interpolation algorithm (W. S. Brown, J. ACM 18 (1971) 478;
/// Geddes–Czapor–Labahn, *Algorithms for Computer Algebra*, §7.4), run directly over the field
/// Q(i) — it needs only infinitely many evaluation points, not a finite field. With y the least
/// significant variable occurring and R = the others:
/// 1. remove the contents a, b ∈ Q(i)[y] of A, B as polynomials in R (univariate gcds), c = gcd(a, b);
/// 2. g = gcd(lc_R(A), lc_R(B)) ∈ Q(i)[y] fixes the scale of the images;
/// 3. for y = r = 1, 2, 3, … (skipping roots of g and of the leading coefficients) compute the gcd
///    C_r of A(r), B(r) recursively, scaled to leading coefficient g(r); discard images of larger
///    degree (unlucky points), restart on a smaller one, and Newton-interpolate in y;
/// 4. after deg g + min(deg_y A, deg_y B) + 1 consistent images (or earlier, when the interpolant
///    stops changing) the primitive part G of the interpolant is the gcd if it divides A and B —
///    a proof, since G | gcd and the degrees agree — otherwise more points are taken.
/// The result is c·G, made monic.
///
/// Normalisation: gcds are monic in the lexicographic order (leading coefficient 1), which fixes
/// the unit of Q(i)* left free by the definition.
extension Polynomial {
    /// The monic greatest common divisor (0 only when both are 0).
    public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        let (a, b) = unified(a, b)
        return gcdUnified(a, b).monic
    }

    static func gcdUnified(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        if a.isZero { return b.monic }
        if b.isZero { return a.monic }
        if a.isConstant || b.isConstant { return .one(a.variables) }
        if a.terms.count == 1 || b.terms.count == 1 { return monomialGCD(a, b) }
        if a == b { return a.monic }
        let vars = a.occurringVariables.union(b.occurringVariables).sorted()
        return brown(a, b, vars: vars).monic
    }

    /// gcd when one argument is a single term c·m: the monomial gcd of m with every monomial of
    /// the other (numeric content is a unit in Q(i)).
    static func monomialGCD(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
        var g: Monomial? = nil
        for m in a.terms.keys { g = g.map { Monomial.gcd($0, m) } ?? m }
        for m in b.terms.keys { g = Monomial.gcd(g!, m) }
        return Polynomial(variables: a.variables, terms: [g!: .one])
    }

    /// Brown's algorithm on polynomials involving only `vars` (ascending indices). Monic result.
    static func brown(_ a: Polynomial, _ b: Polynomial, vars: [Int]) -> Polynomial {
        let variables = a.variables
        if a.isZero { return b.monic }
        if b.isZero { return a.monic }
        if a.isConstant || b.isConstant || vars.isEmpty { return .one(variables) }
        let y = vars.last!
        if vars.count == 1 {
            return UnivariatePolynomial.gcd(UnivariatePolynomial(a, y), UnivariatePolynomial(b, y)).polynomial(y, variables: variables)
        }
        let rest = Array(vars.dropLast())
        let ca = a.contentOverRest(y), cb = b.contentOverRest(y)
        let c = UnivariatePolynomial.gcd(ca, cb).polynomial(y, variables: variables)
        let a1 = a.divided(by: ca.polynomial(y, variables: variables))!
        let b1 = b.divided(by: cb.polynomial(y, variables: variables))!
        let lcA = a1.leadingCoefficientOverRest(y), lcB = b1.leadingCoefficientOverRest(y)
        let g = UnivariatePolynomial.gcd(lcA, lcB)
        let bound = g.degree + Swift.min(a1.degree(in: y), b1.degree(in: y))

        var interpolant: Polynomial? = nil
        var imageDegree = Monomial.one
        var newton = UnivariatePolynomial.one
        var count = 0
        var r = 0
        while true {
            r += 1
            precondition(r < 1_000_000, "gcd: no lucky evaluation point found (impossible over Q(i))")
            let point = GaussianRational(r)
            let gr = g.value(at: point)
            if gr.isZero || lcA.value(at: point).isZero || lcB.value(at: point).isZero { continue }
            let image = brown(a1.evaluating(y, at: point), b1.evaluating(y, at: point), vars: rest).scaled(by: gr)
            let m = image.leadingMonomial!
            if m.isOne { return c }   // coprime primitive parts
            if interpolant == nil || m < imageDegree {
                interpolant = image
                imageDegree = m
                newton = UnivariatePolynomial([-point, .one])
                count = 1
                continue
            }
            if imageDegree < m { continue }   // unlucky point
            let current = interpolant!
            let difference = image - current.evaluating(y, at: point)
            count += 1
            if !difference.isZero {
                let step = difference.scaled(by: newton.value(at: point).reciprocal) * newton.polynomial(y, variables: variables)
                interpolant = current + step
            }
            newton = newton * UnivariatePolynomial([-point, .one])
            if count > bound || (difference.isZero && count >= 2) {
                let candidate = interpolant!.primitivePartOverRest(y)
                if a1.divided(by: candidate) != nil && b1.divided(by: candidate) != nil {
                    return (c * candidate).monic
                }
                if count > bound + 8 { interpolant = nil }   // restart (should not happen)
            }
        }
    }

    /// The terms grouped by their monomial in the variables other than y: coefficients in Q(i)[y].
    func groupsOverRest(_ y: Int) -> [Monomial: UnivariatePolynomial] {
        var groups: [Monomial: [Int: GaussianRational]] = [:]
        for (m, c) in terms { groups[m.setting(y, to: 0), default: [:]][m.exponent(y)] = c }
        return groups.mapValues { UnivariatePolynomial(sparse: $0) }
    }

    /// The content as a polynomial in the other variables with coefficients in Q(i)[y]: monic gcd
    /// of those coefficients.
    func contentOverRest(_ y: Int) -> UnivariatePolynomial {
        var g = UnivariatePolynomial.zero
        for (_, c) in groupsOverRest(y).sorted(by: { $0.value.degree < $1.value.degree }) {
            g = UnivariatePolynomial.gcd(g, c)
            if g.degree == 0 { return .one }
        }
        return g
    }

    /// The coefficient in Q(i)[y] of the lexicographically largest monomial in the other variables.
    func leadingCoefficientOverRest(_ y: Int) -> UnivariatePolynomial {
        let groups = groupsOverRest(y)
        return groups[groups.keys.max()!]!
    }

    /// p divided by its content over the other variables (see `contentOverRest`).
    func primitivePartOverRest(_ y: Int) -> Polynomial {
        let c = contentOverRest(y)
        return c.degree == 0 ? self : divided(by: c.polynomial(y, variables: variables))!
    }

    /// The content in variable k: the monic gcd of the coefficients of p as a polynomial in x_k.
    public func content(in k: Int) -> Polynomial {
        var g = Polynomial.zero(variables)
        for c in coefficients(in: k).values.sorted(by: { $0.terms.count < $1.terms.count }) {
            g = Polynomial.gcdUnified(g, c).monic
            if g.isOne { break }
        }
        return g
    }

    /// p / content_k(p), monic.
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

/// A dense univariate polynomial over Q(i), coefficients from degree 0 up (no trailing zeros):
/// the base case of the gcd.
struct UnivariatePolynomial: Equatable {
    var coefficients: [GaussianRational]

    init(_ coefficients: [GaussianRational]) {
        var c = coefficients
        while let last = c.last, last.isZero { c.removeLast() }
        self.coefficients = c
    }
    init(sparse: [Int: GaussianRational]) {
        let n = (sparse.keys.max() ?? -1) + 1
        var c = [GaussianRational](repeating: .zero, count: n)
        for (k, v) in sparse { c[k] = v }
        self.init(c)
    }
    /// p as a polynomial in variable y (precondition: no other variable occurs).
    init(_ p: Polynomial, _ y: Int) {
        var sparse: [Int: GaussianRational] = [:]
        for (m, c) in p.terms { sparse[m.exponent(y)] = c }
        self.init(sparse: sparse)
    }

    static let zero = UnivariatePolynomial([])
    static let one = UnivariatePolynomial([.one])

    var isZero: Bool { coefficients.isEmpty }
    /// −1 for 0.
    var degree: Int { coefficients.count - 1 }

    func polynomial(_ y: Int, variables: [Expr]) -> Polynomial {
        var terms: [Monomial: GaussianRational] = [:]
        for (k, c) in coefficients.enumerated() where !c.isZero { terms[.variable(y, power: k)] = c }
        return Polynomial(variables: variables, terms: terms)
    }

    /// Horner evaluation.
    func value(at x: GaussianRational) -> GaussianRational {
        var v = GaussianRational.zero
        for c in coefficients.reversed() { v = v * x + c }
        return v
    }

    var monic: UnivariatePolynomial {
        guard let lc = coefficients.last else { return self }
        if lc == .one { return self }
        let inv = lc.reciprocal
        return UnivariatePolynomial(coefficients.map { $0 * inv })
    }

    static func * (a: UnivariatePolynomial, b: UnivariatePolynomial) -> UnivariatePolynomial {
        if a.isZero || b.isZero { return .zero }
        var c = [GaussianRational](repeating: .zero, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, x) in a.coefficients.enumerated() where !x.isZero {
            for (j, y) in b.coefficients.enumerated() { c[i + j] += x * y }
        }
        return UnivariatePolynomial(c)
    }

    /// Remainder of a by b ≠ 0.
    static func remainder(_ a: UnivariatePolynomial, _ b: UnivariatePolynomial) -> UnivariatePolynomial {
        var r = a.coefficients
        let db = b.degree
        let inv = b.coefficients[db].reciprocal
        while r.count - 1 >= db && !r.isEmpty {
            let shift = r.count - 1 - db
            let q = r[r.count - 1] * inv
            for j in 0...db { r[shift + j] -= q * b.coefficients[j] }
            r.removeLast()
            while let last = r.last, last.isZero { r.removeLast() }
        }
        return UnivariatePolynomial(r)
    }

    /// Monic gcd by Euclid's algorithm (monic remainders keep the rationals small).
    static func gcd(_ a: UnivariatePolynomial, _ b: UnivariatePolynomial) -> UnivariatePolynomial {
        var x = a.monic, y = b.monic
        while !y.isZero {
            (x, y) = (y, remainder(x, y).monic)
        }
        return x.monic
    }
}
