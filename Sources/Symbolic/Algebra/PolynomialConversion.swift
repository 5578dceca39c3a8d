/// Conversion between `Expr` and `Polynomial` / `RationalFunction`.
///
/// Atoms (the polynomial variables) are the subexpressions that are not sums, products, numbers or
/// integer powers: symbols, π and e, functions and calls (with their arguments normalised first), and
/// powers with a non-integer exponent. A rational exponent p/q becomes the atom b^(1/q) raised to p,
/// and exp(n·u) with integer n becomes exp(u)ⁿ, so that √x³/√x or exp(2u)/exp(u) are seen as
/// polynomial relations. When a base b occurs with fractional exponents of denominators q₁, q₂, …,
/// the atom is b^(1/L) with L = lcm(qᵢ), and b itself (when b is an atom: a symbol, function or
/// call) is written (b^(1/L))^L — exact on the principal branch for every b, since
/// (e^(log b/L))^k = e^(k log b/L) — so (x − 1)/(√x − 1) cancels to √x + 1.
/// Other algebraic relations between atoms (√2² = 2, √(x²+1)² = x² + 1 with a sum base) are not
/// used by the arithmetic; the canonical constructors re-apply them when converting back to `Expr`.
struct AtomTable {
    enum Mode {
        /// Negative integer powers become atoms b⁻¹ (used by `expanded()`).
        case polynomial
        /// Negative integer powers become denominators (used by `together()`).
        case rational
    }

    let mode: Mode
    /// Normalises the arguments of functions and calls, and the bases of atom powers.
    let normaliseInside: (Expr) -> Expr
    private(set) var atoms: [Expr] = []
    private var index: [Expr: Int] = [:]
    /// lcm of the denominators of the fractional exponents of each (normalised) base.
    private var radicalDenominator: [Expr: Int] = [:]
    /// lcm of the denominators of the rational coefficients q of each exponent term q·r.
    private var expDenominator: [Expr: Int] = [:]
    private var expTermsMemo: [Expr: [(BigRational, Expr)]] = [:]
    private var normalised: [Expr: Expr] = [:]

    /// normaliseInside, memoised.
    mutating func inside(_ e: Expr) -> Expr {
        if let n = normalised[e] { return n }
        let n = normaliseInside(e)
        normalised[e] = n
        return n
    }

    /// Records the fractional exponents of every base in the polynomial part of e.
    mutating func collectRadicals(_ e: Expr) {
        switch e {
        case .sum(let xs), .product(let xs): xs.forEach { collectRadicals($0) }
        case .power(let b, let x):
            if x.integerValue != nil { collectRadicals(b); return }
            if let q = x.rationalValue, let d = q.denominator.intValue, q.numerator.intValue != nil {
                let base = inside(b)
                let old = radicalDenominator[base] ?? 1
                radicalDenominator[base] = old / gcdInt(old, d) * d
            }
        case .function(.exp, let u):
            for (q, r) in expTerms(u) {
                guard let d = q.denominator.intValue else { continue }
                let old = expDenominator[r] ?? 1
                expDenominator[r] = old / gcdInt(old, d) * d
            }
        case .constant(.e):
            expDenominator[.one] = expDenominator[.one] ?? 1
        default: break
        }
    }

    /// The exponent u of exp(u) as Σ q_j r_j with q_j rational and r_j canonical (the terms of the
    /// normalised, expanded exponent; a complex coefficient a + ib gives the terms a·r and b·(i r)).
    mutating func expTerms(_ u: Expr) -> [(BigRational, Expr)] {
        if let t = expTermsMemo[u] { return t }
        let v = inside(u).expanded()
        var out: [(BigRational, Expr)] = []
        let terms: [Expr]
        if case .sum(let ts) = v { terms = ts } else { terms = [v] }
        for t in terms {
            let (c, rest) = t.coefficientAndRest
            if !c.re.isZero { out.append((c.re, rest)) }
            if !c.im.isZero { out.append((c.im, .i * rest)) }
        }
        expTermsMemo[u] = out
        return out
    }

    /// exp(u) = Π exp(r_j/L_j)^(q_j L_j) with L_j the lcm of the denominators met for r_j, so that
    /// exp(2), exp(4), exp(x + 1) and e share the atom exp(1). Atoms that fold to numbers
    /// (exp(iπ/2) = i) are returned as numbers.
    mutating func expFactors(_ u: Expr) -> [(Expr, Int)] {
        var out: [(Expr, Int)] = []
        for (q, r) in expTerms(u) {
            guard let d = q.denominator.intValue, let p = q.numerator.intValue else { return [(.exp(inside(u)), 1)] }
            let l = Swift.max(expDenominator[r] ?? d, d)
            let (k, overflow) = p.multipliedReportingOverflow(by: l / d)
            if overflow || l % d != 0 { return [(.exp(inside(u)), 1)] }
            out.append((.exp(r * Expr(BigRational(1, l))), k))
        }
        return out
    }

    private func gcdInt(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcdInt(b, a % b) }

    /// b^(p/q) as (atom, exponent) with atom = b^(1/L) (or b^(−1/L) for negative exponents in
    /// polynomial mode, so that expansion keeps denominators).
    mutating func radicalPower(_ b: Expr, _ q: BigRational) -> (Expr, Int)? {
        guard let p = q.numerator.intValue, let d = q.denominator.intValue else { return nil }
        let base = inside(b)
        let l = radicalDenominator[base] ?? d
        let k = p * (l / d)
        if k < 0 && mode == .polynomial { return (.pow(base, Expr(BigRational(-1, l))), -k) }
        return (.pow(base, Expr(BigRational(1, l))), k)
    }

    /// A plain atom a as (b^(1/L))^L when a is a radical base, else (a, 1).
    func radicalAtom(_ a: Expr) -> (Expr, Int) {
        if let l = radicalDenominator[a], l > 1 { return (.pow(a, Expr(BigRational(1, l))), l) }
        return (a, 1)
    }

    init(mode: Mode, normaliseInside: @escaping (Expr) -> Expr) {
        self.mode = mode
        self.normaliseInside = normaliseInside
    }

    mutating func atom(_ a: Expr) -> Int {
        if let k = index[a] { return k }
        index[a] = atoms.count
        atoms.append(a)
        return atoms.count - 1
    }

    mutating func atomPower(_ a: Expr, _ n: Int) -> Polynomial {
        let k = atom(a)
        return Polynomial(variables: [], terms: [.variable(k, power: n): .one])
    }

    /// The polynomial of e (mode `.polynomial`). Variables are filled in by the caller.
    mutating func polynomial(_ e: Expr) -> Polynomial {
        switch e {
        case .number(let z): return Polynomial(z)
        case .sum(let ts):
            var out = Polynomial.zero()
            for t in ts { out = out + polynomial(t) }
            return out
        case .product(let fs):
            var out = Polynomial.one()
            for f in fs { out = out * polynomial(f) }
            return out
        case .power(let b, let x):
            if let n = x.integerValue {
                if n > 0 { return polynomial(b).power(n) }
                return atomPower(.pow(inside(b), .minusOne), -n)
            }
            if let q = x.rationalValue, let (a, k) = radicalPower(b, q) {
                return atomPower(a, k)
            }
            return atomPower(.pow(inside(b), inside(x)), 1)
        default:
            var out = Polynomial.one()
            for (a, n) in atomFactors(e) {
                if case .number(let z) = a { out = out.scaled(by: z.power(n)); continue }
                out = out * (n > 0 ? atomPower(a, n) : atomPower(.pow(a, .minusOne), -n))
            }
            return out
        }
    }

    /// The rational function of e (mode `.rational`).
    mutating func rational(_ e: Expr) -> RationalFunction {
        switch e {
        case .number(let z): return RationalFunction(Polynomial(z))
        case .sum(let ts):
            var out = RationalFunction(.zero())
            for t in ts { out = out + rational(t) }
            return out
        case .product(let fs):
            var out = RationalFunction(.one())
            for f in fs { out = out * rational(f) }
            return out
        case .power(let b, let x):
            if let n = x.integerValue {
                let r = rational(b)
                if n < 0 && r.isZero { return RationalFunction(atomPower(.pow(b, x), 1)) }
                return r.power(n)
            }
            if let q = x.rationalValue, let (a, k) = radicalPower(b, q) {
                return RationalFunction(atomPower(a, 1)).power(k)
            }
            return RationalFunction(atomPower(.pow(inside(b), inside(x)), 1))
        default:
            var out = RationalFunction(.one())
            for (a, n) in atomFactors(e) {
                if case .number(let z) = a { out = out * RationalFunction(Polynomial(z.power(n))); continue }
                out = out * RationalFunction(atomPower(a, 1)).power(n)
            }
            return out
        }
    }

    /// Atoms aⱼ and integers nⱼ with e = Π aⱼ^nⱼ: exp(u) by `expFactors`, e = exp(1), a radical
    /// base b = (b^(1/L))^L, functions and calls with normalised arguments, otherwise e itself.
    mutating func atomFactors(_ e: Expr) -> [(Expr, Int)] {
        switch e {
        case .function(.exp, let u):
            return expFactors(u)
        case .constant(.e):
            return expFactors(.one)
        default:
            let a: Expr
            switch e {
            case .function(let f, let u): a = .apply(f, inside(u))
            case .call(let name, let args): a = .call(name, args.map { inside($0) })
            default: a = e
            }
            return [radicalAtom(a)]
        }
    }
}

extension Polynomial {
    /// The polynomial of `e` in its atoms (sorted by the canonical order); negative powers of
    /// non-atoms become atoms b⁻¹.
    public init(_ e: Expr) {
        var table = AtomTable(mode: .polynomial, normaliseInside: { $0 })
        table.collectRadicals(e)
        var p = table.polynomial(e)
        p.variables = table.atoms
        self = p.withSortedVariables
    }

    /// The polynomial of `e` with the given variables first, in the given order (variable 0 most
    /// significant), followed by any other atoms of `e` sorted canonically.
    public init(_ e: Expr, variables: [Expr]) {
        let p = Polynomial(e)
        var vars = variables
        for v in p.variables where !vars.contains(v) { vars.append(v) }
        let map = p.variables.map { vars.firstIndex(of: $0)! }
        self = p.reindexed(map, variables: vars)
    }

    /// The expression Σ c_m ∏ x_k^{m_k}, built canonically.
    public var expression: Expr {
        var out: [Expr] = []
        out.reserveCapacity(terms.count)
        for m in sortedMonomials {
            var fs: [Expr] = [.number(terms[m]!)]
            for (k, e) in m.exponents.enumerated() where e > 0 {
                fs.append(e == 1 ? variables[k] : .pow(variables[k], Expr(e)))
            }
            out.append(.product(of: fs))
        }
        return .sum(of: out)
    }
}

extension RationalFunction {
    /// The rational function of `e` in its atoms, in normal form with variables sorted by the
    /// canonical expression order. Arguments of functions and calls are brought to normal form first.
    public init(_ e: Expr) {
        var table = AtomTable(mode: .rational, normaliseInside: { $0.together() })
        table.collectRadicals(e)
        let r = table.rational(e)
        var p = r.numerator, q = r.denominator
        p.variables = table.atoms
        q.variables = table.atoms
        let vars = table.atoms
        let order = vars.indices.sorted { Expr.precedes(vars[$0], vars[$1]) }
        var map = [Int](repeating: 0, count: vars.count)
        for (newIndex, old) in order.enumerated() { map[old] = newIndex }
        let sorted = order.map { vars[$0] }
        p = p.reindexed(map, variables: sorted)
        q = q.reindexed(map, variables: sorted)
        self.init(reduced: p, q)
        self = normalisedSign()
    }

    /// P/Q as an expression: the expanded numerator times the expanded denominator to the power −1.
    public var expression: Expr {
        if denominator.isOne { return numerator.expression }
        return numerator.expression * .pow(denominator.expression, .minusOne)
    }
}
