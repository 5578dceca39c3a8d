extension Expr {
    /// lim_{x → point} of the expression, from its Laurent series (`leadingTerm`): with leading
    /// term c·t^v (t = x − x₀ → 0, or t = ±1/x → 0⁺ at ±∞),
    /// - v > 0: the limit is 0; v = 0: it is c;
    /// - v < 0: the expression diverges; the limit is ±∞ (`Expr.infinity`, see `Infinity.swift`)
    ///   when c is real with a known sign.
    /// A two-sided limit at a finite point is the common value of the two one-sided limits; for a
    /// variable declared positive, the limit at 0 is the one from above (the only side in its domain).
    ///
    /// Works for rational functions (the 0/0 and ∞/∞ cases included) and everything `series`
    /// expands. When there is no Laurent expansion, the limit is taken by continuity on the extended
    /// reals (`ContinuityLimit`): e^(−∞) = 0, fermi(±∞) = 0 or 1, atan(±∞) = ±π/2, tanh(±∞) = ±1,
    /// sums and products of limits when they are determinate. Throws `OperationError` when the limit does not exist (different one-sided limits,
    /// complex infinity) or cannot be decided (unknown sign of the divergent term, no expansion).
    public func limit(_ x: Symbol, to point: Expr, approach: Approach = .twoSided) throws -> Expr {
        if !contains(x) { return self }
        if approach == .twoSided && x.isPositive && point.isZero {
            // A positive variable can only approach 0 from above.
            return try limit(x, to: point, approach: .fromAbove)
        }
        if approach == .twoSided && point.infinitySign == nil {
            // Two-sided at a finite point: both one-sided limits must exist and agree.
            let above = try limit(x, to: point, approach: .fromAbove)
            let below = try limit(x, to: point, approach: .fromBelow)
            if above == below || (above.infinitySign == nil && below.infinitySign == nil && (above - below).together().isZero) {
                return above
            }
            throw OperationError("limit of \(self) as \(x.name) → \(point) does not exist: the limit from above is \(above), from below \(below)",
                                 fix: "take a one-sided limit: approach .fromAbove/.fromBelow, in the text syntax limit(e, x, point, 1) or limit(e, x, point, -1)")
        }
        let s: LaurentSeries
        do {
            s = try leadingSeries(x, at: point, approach: approach)
        } catch let error as OperationError {
            if together().isZero { return .zero }
            // No Laurent expansion (e.g. exp(−x) at ∞): try continuity on the extended reals.
            if let value = try? ContinuityLimit(variable: x, point: point, approach: approach).limit(self) {
                return value.expression
            }
            throw error
        }
        let c = s.coefficients[0], v = s.valuation
        if v > 0 { return .zero }
        if v == 0 { return c }
        // Divergent: decide the sign of c·t^v as t → 0⁺ (and 0⁻ for two-sided finite points).
        let place = "limit of \(self) as \(x.name) → \(point)"
        guard c.isKnownReal, let sign = c.knownSign, sign != 0 else {
            throw OperationError("\(place): diverges like (\(c))·t^\(v) and the sign of \(c) is not known",
                                 fix: "declare the symbols' signs (positive/real), or the limit is complex infinity")
        }
        // t > 0 here (one-sided, or t = ±1/x at infinity).
        return sign > 0 ? .infinity : -.infinity
    }
}

/// A limit in the extended reals.
enum ExtendedLimit: Equatable {
    case finite(Expr)
    case plusInfinity
    case minusInfinity

    var expression: Expr {
        switch self {
        case .finite(let e): return e
        case .plusInfinity: return .infinity
        case .minusInfinity: return -.infinity
        }
    }

    init(_ e: Expr) {
        switch e.infinitySign {
        case 1: self = .plusInfinity
        case -1: self = .minusInfinity
        default: self = .finite(e)
        }
    }

    /// +1/−1 for ±∞, nil otherwise.
    var infiniteSign: Int? {
        switch self {
        case .plusInfinity: return 1
        case .minusInfinity: return -1
        case .finite: return nil
        }
    }
}

/// Limits by continuity: the limit of f(u) is f(lim u) where f is continuous there, extended to
/// ±∞ by the known behaviour of exp, fermi, atan, tanh, log and of sums, products and integer
/// powers. Indeterminate forms (∞ − ∞, 0·∞) and oscillating functions at ∞ throw. Each
/// sub-expression is first given to `Expr.limit` (series), so this only combines what series cannot.
struct ContinuityLimit {
    let variable: Symbol
    let point: Expr
    let approach: Approach

    func fail(_ what: String) -> OperationError {
        OperationError("limit as \(variable.name) → \(point): \(what)", fix: "rewrite the expression so that the limit is determinate")
    }

    func limit(_ e: Expr) throws -> ExtendedLimit {
        if !e.contains(variable) { return .finite(e) }
        switch e {
        case .symbol:
            return ExtendedLimit(point)
        case .sum(let ts):
            let ls = try ts.map(childLimit)
            var finite: [Expr] = []
            var signs = Set<Int>()
            for l in ls {
                if let s = l.infiniteSign { signs.insert(s) } else if case .finite(let c) = l { finite.append(c) }
            }
            if signs.count > 1 { throw fail("indeterminate ∞ − ∞") }
            if let s = signs.first { return s > 0 ? .plusInfinity : .minusInfinity }
            return .finite(Expr.sum(of: finite).together())
        case .product(let fs):
            let ls = try fs.map(childLimit)
            var sign = 1
            var infinite = false, zero = false
            var finite: [Expr] = []
            for l in ls {
                switch l {
                case .plusInfinity: infinite = true
                case .minusInfinity: infinite = true; sign = -sign
                case .finite(let c):
                    let c = c.together()
                    if c.isZero { zero = true }
                    finite.append(c)
                }
            }
            if infinite && zero { throw fail("indeterminate 0·∞") }
            if infinite {
                let c = Expr.product(of: finite)
                guard c.isKnownReal, let s = c.knownSign, s != 0 else { throw fail("∞ times a factor of unknown sign") }
                return sign * s > 0 ? .plusInfinity : .minusInfinity
            }
            return .finite(Expr.product(of: finite).together())
        case .power(let b, let p):
            guard let n = p.integerValue else {
                if !p.contains(variable), let q = p.rationalValue {
                    // b^q with rational q: continuous where b ≠ 0 (principal branch along the approach),
                    // 0 or +∞ where b → 0 through nonnegative values, 0 or +∞ where b → +∞.
                    switch try childLimit(b) {
                    case .plusInfinity: return q.signum > 0 ? .plusInfinity : .finite(.zero)
                    case .minusInfinity: throw fail("fractional power of a base tending to −∞")
                    case .finite(let c):
                        if !c.together().isZero { return .finite(Expr.pow(c, p).together()) }
                        if q.signum > 0 { return .finite(.zero) }
                        let nonnegative = b.isKnownNonnegative || (b == .symbol(variable) && approach == .fromAbove)
                        if nonnegative { return .plusInfinity }
                        throw fail("negative fractional power of a vanishing base of unknown sign")
                    }
                }
                return try limit(.exp(p * .log(b)))
            }
            switch try childLimit(b) {
            case .plusInfinity: return n > 0 ? .plusInfinity : .finite(.zero)
            case .minusInfinity: return n > 0 ? (n % 2 == 0 ? .plusInfinity : .minusInfinity) : .finite(.zero)
            case .finite(let c):
                if c.together().isZero && n < 0 { throw fail("division by a vanishing factor") }
                return .finite(Expr.pow(c, p).together())
            }
        case .function(let f, let u):
            let l = try childLimit(u)
            if case .finite(let c) = l {
                if f == .log && c.together().isZero { throw fail("log of a vanishing argument") }
                return .finite(.apply(f, c))
            }
            let plus = l == .plusInfinity
            switch f {
            case .exp: return plus ? .plusInfinity : .finite(.zero)
            case .fermi: return .finite(plus ? .zero : .one)
            case .atan: return .finite(plus ? .pi / 2 : -.pi / 2)
            case .tanh: return .finite(plus ? .one : .minusOne)
            case .sinh: return plus ? .plusInfinity : .minusInfinity
            case .cosh: return .plusInfinity
            case .log: if plus { return .plusInfinity }; throw fail("log of −∞")
            case .abs: return .plusInfinity
            case .re, .conj: return l
            case .im: return .finite(.zero)
            default: throw fail("\(f.rawValue) oscillates at infinity")
            }
        case .call(let name, _):
            throw fail("\(name)(…) depends on \(variable.name)")
        case .number, .constant:
            return .finite(e)
        }
    }

    /// The limit of a sub-expression: by series first, by continuity otherwise.
    func childLimit(_ e: Expr) throws -> ExtendedLimit {
        if !e.contains(variable) { return .finite(e) }
        if let l = try? e.limit(variable, to: point, approach: approach) { return ExtendedLimit(l) }
        return try limit(e)
    }
}
