extension Expr {
    /// lim_{x → point} of the expression, from its Laurent or Puiseux series (`leadingTerm`): with
    /// leading term c·t^v (t = x − x₀ → 0, or t = ±1/x → 0⁺ at ±∞; v may be fractional one-sided),
    /// - v > 0: the limit is 0; v = 0: it is c;
    /// - v < 0: the expression diverges; the limit is ±∞ (`Expr.infinity`, see `Infinity.swift`)
    ///   when c is real with a known sign.
    /// A two-sided limit at a finite point is the common value of the two one-sided limits; for a
    /// variable declared positive, the limit at 0 is the one from above (the only side in its domain).
    ///
    /// Works for rational functions (the 0/0 and ∞/∞ cases included) and everything `series`
    /// expands. When there is no Laurent expansion, the limit is taken by continuity on the extended
    /// reals (`ContinuityLimit`): e^(−∞) = 0, fermi(±∞) = 0 or 1, atan(±∞) = ±π/2, tanh(±∞) = ±1,
    /// log(0⁺) = −∞, t^a·logⁿ t → 0 (a > 0), tⁿ·e^(−1/t) → 0 (an exponential decay beats powers),
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
            if infinite && zero {
                // A power law beats a logarithm: t^a·logⁿ t → 0 for a > 0.
                if powerBeatsLogarithm(fs, limits: ls) || exponentialBeatsPower(fs, limits: ls) { return .finite(.zero) }
                throw fail("indeterminate 0·∞")
            }
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
                        if !c.together().isZero {
                            if BranchCutSide.realPartIfPossiblyOnCut(c) != nil {
                                throw fail("the fractional power (\(b))^(\(p)) tends to \(c), which may lie on its branch cut (the negative reals); the side is not decided")
                            }
                            return .finite(Expr.pow(c, p).together())
                        }
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
                if f == .log && c.together().isZero {
                    // log u → −∞ when u → 0 through positive values (leading term c·t^v with c > 0, t > 0).
                    if let lead = try? u.leadingSeries(variable, at: point, approach: approach),
                       let c0 = lead.coefficients.first, c0.isKnownReal, c0.knownSign == 1 {
                        return .minusInfinity
                    }
                    throw fail("log of a vanishing argument of unknown sign")
                }
                if f == .log && BranchCutSide.realPartIfPossiblyOnCut(c) != nil {
                    throw fail("log tends to log(\(c)), and \(c) may lie on the branch cut (the negative reals); the side is not decided")
                }
                if f == .atan && BranchCutSide.possiblyOnArctangentCut(c) {
                    throw fail("atan tends to atan(\(c)), on the imaginary axis where its branch cuts lie")
                }
                if f == .tan && Expr.cos(c).together().isZero { throw fail("tan at a pole") }
                if f == .tanh && Expr.apply(.cosh, c).together().isZero { throw fail("tanh at a pole") }
                if f == .fermi && (Expr.exp(c) + 1).together().isZero { throw fail("fermi at a pole") }
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

    /// True when every divergent factor is a power of a logarithm and every vanishing factor
    /// vanishes like a positive power of t (a Laurent/Puiseux leading term with positive valuation).
    func powerBeatsLogarithm(_ factors: [Expr], limits: [ExtendedLimit]) -> Bool {
        var sawVanishing = false
        for (f, l) in zip(factors, limits) {
            switch l {
            case .plusInfinity, .minusInfinity:
                let base: Expr
                if case .power(let b, let n) = f, let k = n.integerValue, k > 0 { base = b } else { base = f }
                guard case .function(.log, _) = base else { return false }
            case .finite(let c):
                guard c.together().isZero else { continue }
                guard let s = try? f.leadingSeries(variable, at: point, approach: approach), s.valuation > 0 else { return false }
                sawVanishing = true
            }
        }
        return sawVanishing
    }

    /// True when some vanishing factor decays exponentially (exp(u) with u → −∞, fermi(u) with
    /// u → +∞) and every divergent factor grows at most like a power or a logarithm (it has a
    /// Laurent/Puiseux leading term, or is a power of a logarithm): tⁿ·e^(−1/t) → 0, x^n e^(−x) → 0.
    func exponentialBeatsPower(_ factors: [Expr], limits: [ExtendedLimit]) -> Bool {
        var sawExponential = false
        for (f, l) in zip(factors, limits) {
            switch l {
            case .plusInfinity, .minusInfinity:
                let base: Expr
                if case .power(let b, let n) = f, let k = n.integerValue, k > 0 { base = b } else { base = f }
                if case .function(.log, _) = base { continue }
                guard (try? f.leadingSeries(variable, at: point, approach: approach)) != nil else { return false }
            case .finite(let c):
                guard c.together().isZero else { continue }
                switch f {
                case .function(.exp, let u):
                    if (try? childLimit(u)) == .minusInfinity { sawExponential = true }
                case .function(.fermi, let u):
                    if (try? childLimit(u)) == .plusInfinity { sawExponential = true }
                default: break
                }
            }
        }
        return sawExponential
    }

    /// The limit of a sub-expression: by series first, by continuity otherwise.
    func childLimit(_ e: Expr) throws -> ExtendedLimit {
        if !e.contains(variable) { return .finite(e) }
        if let l = try? e.limit(variable, to: point, approach: approach) { return ExtendedLimit(l) }
        return try limit(e)
    }
}
