/// A multivariate polynomial with coefficients in Q(i), stored sparsely:
/// p = Σ c_m · m over monomials m in the ordered `variables`.
///
/// The variables are expressions treated as independent indeterminates ("atoms"): symbols, and
/// any non-polynomial subexpression such as `exp(x)`, `x^(1/2)` or `F(y)`. Variable 0 is the most
/// significant in the lexicographic monomial order used for leading terms.
///
/// Two polynomials combined by an operator may have different variable lists: the result uses the
/// first operand's variables followed by the new ones of the second.
public struct Polynomial: Hashable, Sendable {
    /// The ordered indeterminates.
    public internal(set) var variables: [Expr]
    /// Nonzero coefficients by monomial.
    public internal(set) var terms: [Monomial: GaussianRational]

    /// A polynomial from its terms (zero coefficients are dropped).
    public init(variables: [Expr], terms: [Monomial: GaussianRational]) {
        self.variables = variables
        self.terms = terms.filter { !$0.value.isZero }
    }

    /// The constant polynomial c.
    public init(_ c: GaussianRational, variables: [Expr] = []) {
        self.variables = variables
        self.terms = c.isZero ? [:] : [.one: c]
    }

    /// The polynomial equal to variable number k.
    public static func variable(_ k: Int, in variables: [Expr]) -> Polynomial {
        Polynomial(variables: variables, terms: [.variable(k): .one])
    }

    /// The zero polynomial over `variables`.
    public static func zero(_ variables: [Expr] = []) -> Polynomial { Polynomial(GaussianRational.zero, variables: variables) }
    /// The constant 1 over `variables`.
    public static func one(_ variables: [Expr] = []) -> Polynomial { Polynomial(GaussianRational.one, variables: variables) }

    /// True for the zero polynomial (no terms).
    public var isZero: Bool { terms.isEmpty }
    /// True for a constant (including 0).
    public var isConstant: Bool { terms.isEmpty || (terms.count == 1 && terms.keys.first!.isOne) }
    /// The constant value if constant.
    public var constantValue: GaussianRational? {
        if terms.isEmpty { return .zero }
        return isConstant ? terms[.one] : nil
    }
    /// True for the constant 1.
    public var isOne: Bool { constantValue == .one }

    /// Monomials, largest first in the lexicographic order.
    public var sortedMonomials: [Monomial] { terms.keys.sorted(by: >) }

    /// The lexicographically largest monomial (nil for 0).
    public var leadingMonomial: Monomial? { terms.keys.max() }

    /// The coefficient of the leading monomial (0 for the zero polynomial).
    public var leadingCoefficient: GaussianRational {
        guard let m = leadingMonomial else { return .zero }
        return terms[m]!
    }

    /// Total degree (−1 for the zero polynomial).
    public var totalDegree: Int { terms.keys.map(\.totalDegree).max() ?? -1 }

    /// Degree in variable k (−1 for the zero polynomial).
    public func degree(in k: Int) -> Int {
        guard !terms.isEmpty else { return -1 }
        return terms.keys.map { $0.exponent(k) }.max()!
    }

    /// Degree in the variable `x` (an atom of this polynomial); 0 if `x` does not occur.
    public func degree(in x: Expr) -> Int {
        guard let k = variables.firstIndex(of: x) else { return isZero ? -1 : 0 }
        return degree(in: k)
    }

    /// Minimum exponent of variable k over the terms.
    func minimumDegree(in k: Int) -> Int { terms.keys.map { $0.exponent(k) }.min() ?? 0 }

    /// Indices of the variables that actually occur.
    public var occurringVariables: Set<Int> {
        var out = Set<Int>()
        for m in terms.keys { for (k, e) in m.exponents.enumerated() where e > 0 { out.insert(k) } }
        return out
    }

    /// The coefficients in variable k: p = Σ_d c_d x_k^d with each c_d free of x_k.
    func coefficients(in k: Int) -> [Int: Polynomial] {
        var out: [Int: [Monomial: GaussianRational]] = [:]
        for (m, c) in terms {
            out[m.exponent(k), default: [:]][m.setting(k, to: 0)] = c
        }
        return out.mapValues { Polynomial(variables: variables, terms: $0) }
    }

    /// The coefficient of x_k^d (free of x_k).
    func coefficient(in k: Int, degree d: Int) -> Polynomial {
        var out: [Monomial: GaussianRational] = [:]
        for (m, c) in terms where m.exponent(k) == d { out[m.setting(k, to: 0)] = c }
        return Polynomial(variables: variables, terms: out)
    }

    /// c·p.
    public func scaled(by c: GaussianRational) -> Polynomial {
        if c.isZero { return .zero(variables) }
        if c == .one { return self }
        return Polynomial(variables: variables, terms: terms.mapValues { $0 * c })
    }

    /// m·p.
    func shifted(by m: Monomial) -> Polynomial {
        if m.isOne { return self }
        var out: [Monomial: GaussianRational] = [:]
        out.reserveCapacity(terms.count)
        for (n, c) in terms { out[n * m] = c }
        return Polynomial(variables: variables, terms: out)
    }

    /// The same polynomial with each coefficient conjugated (its complex conjugate when all
    /// variables are real).
    public var conjugateCoefficients: Polynomial {
        Polynomial(variables: variables, terms: terms.mapValues { $0.conjugate })
    }

    /// Re of each coefficient (the real part when all variables are real).
    public var realCoefficientPart: Polynomial {
        Polynomial(variables: variables, terms: terms.mapValues { GaussianRational($0.re) })
    }
    /// Im of each coefficient (the imaginary part when all variables are real).
    public var imaginaryCoefficientPart: Polynomial {
        Polynomial(variables: variables, terms: terms.mapValues { GaussianRational($0.im) })
    }

    /// The polynomial divided by its leading coefficient (leading coefficient 1); 0 stays 0.
    public var monic: Polynomial {
        isZero ? self : scaled(by: leadingCoefficient.reciprocal)
    }

    // MARK: Variables

    /// Both polynomials over one variable list (the first's, then the new ones of the second).
    static func unified(_ a: Polynomial, _ b: Polynomial) -> (Polynomial, Polynomial) {
        if a.variables == b.variables { return (a, b) }
        if b.variables.count <= a.variables.count, Array(a.variables.prefix(b.variables.count)) == b.variables {
            var b2 = b; b2.variables = a.variables; return (a, b2)
        }
        if a.variables.count < b.variables.count, Array(b.variables.prefix(a.variables.count)) == a.variables {
            var a2 = a; a2.variables = b.variables; return (a2, b)
        }
        var vars = a.variables
        var index: [Expr: Int] = [:]
        for (k, v) in vars.enumerated() { index[v] = k }
        var map: [Int] = []
        for v in b.variables {
            if let k = index[v] { map.append(k) } else { index[v] = vars.count; map.append(vars.count); vars.append(v) }
        }
        var a2 = a; a2.variables = vars
        return (a2, b.reindexed(map, variables: vars))
    }

    /// Renumbers variable k as map[k] in the new variable list.
    func reindexed(_ map: [Int], variables newVariables: [Expr]) -> Polynomial {
        var out: [Monomial: GaussianRational] = [:]
        for (m, c) in terms {
            var e = [Int](repeating: 0, count: newVariables.count)
            for (k, x) in m.exponents.enumerated() { e[map[k]] += x }
            out[Monomial(e)] = c
        }
        return Polynomial(variables: newVariables, terms: out)
    }

    /// The same polynomial with its variables sorted by the canonical expression order.
    public var withSortedVariables: Polynomial {
        let order = variables.indices.sorted { Expr.precedes(variables[$0], variables[$1]) }
        if order == Array(variables.indices) { return self }
        var map = [Int](repeating: 0, count: variables.count)
        for (newIndex, old) in order.enumerated() { map[old] = newIndex }
        return reindexed(map, variables: order.map { variables[$0] })
    }

    // MARK: Arithmetic

    /// Sum, coefficientwise in Q(i).
    public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        let (a, b) = unified(a, b)
        var out = a.terms
        for (m, c) in b.terms {
            if let old = out[m] {
                let s = old + c
                if s.isZero { out[m] = nil } else { out[m] = s }
            } else { out[m] = c }
        }
        var p = a; p.terms = out
        return p
    }

    /// Negation.
    public static prefix func - (a: Polynomial) -> Polynomial { a.scaled(by: GaussianRational(-1)) }
    /// Difference.
    public static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }

    /// Product: Σ_{m,n} c_m d_n · mn.
    public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        let (a, b) = unified(a, b)
        if a.isZero || b.isZero { return .zero(a.variables) }
        if let c = a.constantValue { return b.scaled(by: c) }
        if let c = b.constantValue { return a.scaled(by: c) }
        var out: [Monomial: GaussianRational] = [:]
        for (m, c) in a.terms {
            for (n, d) in b.terms {
                let k = m * n
                if let old = out[k] { out[k] = old + c * d } else { out[k] = c * d }
            }
        }
        return Polynomial(variables: a.variables, terms: out)
    }

    /// In-place sum.
    public static func += (a: inout Polynomial, b: Polynomial) { a = a + b }
    /// In-place difference.
    public static func -= (a: inout Polynomial, b: Polynomial) { a = a - b }
    /// In-place product.
    public static func *= (a: inout Polynomial, b: Polynomial) { a = a * b }

    /// pⁿ for n ≥ 0 (repeated squaring).
    public func power(_ n: Int) -> Polynomial {
        precondition(n >= 0, "negative power of a polynomial")
        var result = Polynomial.one(variables), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// The exact quotient a/b when b divides a in Q(i)[variables], else nil.
    ///
    /// Multivariate division in the lexicographic order: when b | a the leading monomial of b divides
    /// that of every intermediate remainder, so failure of that test proves b ∤ a.
    public func divided(by b: Polynomial) -> Polynomial? {
        precondition(!b.isZero, "division by the zero polynomial")
        let (a, b) = Polynomial.unified(self, b)
        if let c = b.constantValue { return a.scaled(by: c.reciprocal) }
        let lm = b.leadingMonomial!, lcInverse = b.leadingCoefficient.reciprocal
        var remainder = a.terms
        var quotient: [Monomial: GaussianRational] = [:]
        // Remainder terms kept in a max-heap order by re-sorting lazily: the leading monomial of the
        // remainder strictly decreases, so we scan candidates from a sorted list.
        while let m = remainder.keys.max() {
            guard let q = m.divided(by: lm) else { return nil }
            let c = remainder[m]! * lcInverse
            quotient[q] = c
            for (n, d) in b.terms {
                let k = n * q
                let s = (remainder[k] ?? .zero) - c * d
                if s.isZero { remainder[k] = nil } else { remainder[k] = s }
            }
        }
        return Polynomial(variables: a.variables, terms: quotient)
    }

    /// Substitutes x_k = value (a constant), giving a polynomial free of x_k.
    public func evaluating(_ k: Int, at value: GaussianRational) -> Polynomial {
        var out: [Monomial: GaussianRational] = [:]
        for (m, c) in terms {
            let e = m.exponent(k)
            let n = m.setting(k, to: 0)
            let v = e == 0 ? c : c * value.power(e)
            out[n] = (out[n] ?? .zero) + v
        }
        return Polynomial(variables: variables, terms: out)
    }

    /// ∂p/∂x_k.
    public func derivative(_ k: Int) -> Polynomial {
        var out: [Monomial: GaussianRational] = [:]
        for (m, c) in terms {
            let e = m.exponent(k)
            if e > 0 { out[m.setting(k, to: e - 1)] = c * GaussianRational(e) }
        }
        return Polynomial(variables: variables, terms: out)
    }
}

extension Polynomial: CustomStringConvertible {
    /// The polynomial as an expression (see `expression`).
    public var description: String { "\(expression)" }
}
