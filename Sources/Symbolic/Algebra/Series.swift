/// From which side a point is approached.
public enum Approach: Sendable, Hashable {
    /// Both sides (limits must agree).
    case twoSided
    /// x → x₀⁺ (x = x₀ + t, t > 0).
    case fromAbove
    /// x → x₀⁻ (x = x₀ − t, t > 0).
    case fromBelow
}

/// A truncated Laurent (or Puiseux) series of an expression in x about a point:
///     f(x) = Σ_{k = valuation}^{order − 1} c_k t^(k/D) + O(t^(order/D)),   D = `ramification`,
/// with the expansion variable t = x − x₀ at a finite point (t = x₀ − x when approached from below),
/// t = 1/x at +∞ and t = −1/x at −∞. D = 1 (a Laurent series) unless fractional powers of t occur,
/// e.g. √x = t^(1/2) at x₀ = 0 from above has D = 2. The coefficients are expressions free of x,
/// in `together()` form.
public struct LaurentSeries: Sendable, Hashable, CustomStringConvertible {
    /// The variable x.
    public let variable: Symbol
    /// The expansion point x₀ (`Expr.infinity` or its negative for ±∞).
    public let point: Expr
    /// t as an expression in x.
    public let expansionVariable: Expr
    /// D times the exponent of `coefficients[0]`; equals `order` when the series has no terms.
    public let valuation: Int
    /// c_valuation, …, c_{order−1} (consecutive multiples of 1/D); the first is nonzero unless the list is empty.
    public let coefficients: [Expr]
    /// The remainder is O(t^(order/D)).
    public let order: Int
    /// D: exponents are multiples of 1/D.
    public let ramification: Int

    /// c_k, the coefficient of t^(k/D) (0 when k is below the valuation; precondition k < order).
    public func coefficient(_ k: Int) -> Expr {
        precondition(k < order, "coefficient beyond the order of the series")
        let i = k - valuation
        return i >= 0 && i < coefficients.count ? coefficients[i] : .zero
    }

    /// t^(k/D) in x; at ±∞, where ±x > 0, written (±x)^(−k/D).
    func power(_ k: Int) -> Expr {
        let e = Expr(BigRational(k, ramification))
        if let s = point.infinitySign {
            let x = Expr.symbol(variable)
            return .pow(s > 0 ? x : -x, -e)
        }
        return .pow(expansionVariable, e)
    }

    /// Σ c_k t^(k/D) with t written in x: the series without its remainder.
    public var polynomialPart: Expr {
        .sum(of: coefficients.enumerated().map { (i, c) in c * power(valuation + i) })
    }

    /// Σ c_k t^(k/D) over the terms with exponent k/D ≤ n: the series "up to t^n", its t^n term included.
    public func polynomialPart(through n: Int) -> Expr {
        .sum(of: coefficients.enumerated().compactMap { (i, c) in
            let k = valuation + i
            return k <= n * ramification ? c * power(k) : nil
        })
    }

    /// c_v t^(v/D), the first nonzero term, in x; nil if the series has no terms below its order.
    public var leadingTerm: Expr? {
        guard let c = coefficients.first else { return nil }
        return c * power(valuation)
    }

    /// "Σ c_k t^(k/D) + O(t^(order/D))" with t written in x.
    public var description: String { "\(polynomialPart) + O(\(power(order)))" }
}

extension Expr {
    /// Largest order accepted by `series`.
    public static let maximumSeriesOrder = 200

    /// The Laurent expansion of this expression in x about `point` to remainder O(t^order)
    /// (t = x − x₀, or 1/x at `oo`; see `LaurentSeries`), built by composition: sums, products,
    /// integer powers (inversion of the leading term), rational powers (binomial series), and
    /// Taylor series f(s₀ + p) = Σ f⁽ᵏ⁾(s₀)/k! pᵏ of exp, log, sin, cos, tan, atan, sinh, cosh, tanh and
    /// fermi with f⁽ᵏ⁾ from `derivative`.
    ///
    /// Poles of tan, tanh and fermi are expanded through sin/cos, sinh/cosh and 1/(e^u + 1).
    ///
    /// Convention: a fractional power of a vanishing or divergent factor, (c t^v (1+u))^α with vα an
    /// integer, is expanded as c^α t^(vα) (1+u)^α on the principal branch, valid for t > 0: at ±∞
    /// always, at a finite point only for a one-sided approach (two-sided throws).
    ///
    /// Fractional powers of t (vα not an integer, one-sided or at ±∞) give a Puiseux series in
    /// t^(1/D), D ≤ 24 (`ramification`). Throws `OperationError` for a logarithmic term (log of
    /// a vanishing argument), an essential singularity (exp of a divergent argument), uninterpreted
    /// calls depending on x, or an order out of range (|order| ≤ `maximumSeriesOrder`).
    /// Coefficients are decided zero by `together()`, i.e. as rational functions of their atoms:
    /// a coefficient that vanishes only by a transcendental identity (sin² + cos² − 1) is not
    /// recognised as zero.
    public func series(_ x: Symbol, around point: Expr, order n: Int, approach: Approach = .twoSided) throws -> LaurentSeries {
        if SeriesWork.current == nil {
            return try SeriesWork.$current.withValue(SeriesWork()) { try series(x, around: point, order: n, approach: approach) }
        }
        guard Swift.abs(n) <= Expr.maximumSeriesOrder else {
            throw OperationError("series: order \(n) is out of range", fix: "use an order between −\(Expr.maximumSeriesOrder) and \(Expr.maximumSeriesOrder)")
        }
        guard !point.contains(x) else {
            throw OperationError("series: the point \(point) depends on the variable \(x.name)", fix: "expand about a point free of \(x.name)")
        }
        // Working precision: raise until the result reaches the requested order (intermediate
        // inversions of vanishing factors lose precision, so the working order may exceed n).
        // Fractional powers of t raise the ramification D and restart.
        var ramification = 1
        var working = Swift.max(n, 1) + 2
        var shortfall: SeriesPrecisionShortfall? = nil
        var attempts = 0
        while attempts < 8 {
            attempts += 1
            var expander = SeriesExpander(variable: x, point: point, approach: approach,
                                          workingOrder: working * ramification, ramification: ramification)
            do {
                let s = try expander.expand(self)
                let target = n * ramification
                if s.order >= target || s.start >= target {
                    return expander.result(s, order: target)
                }
                working += (target - s.order) / ramification + 2
            } catch let error as SeriesPrecisionShortfall {
                shortfall = error
                working *= 2
            } catch let needed as PuiseuxRamification {
                ramification = try SeriesExpander.raise(ramification, by: needed)
                attempts -= 1
            }
        }
        if let shortfall { throw shortfall.operationError }
        throw OperationError("series: could not reach order \(n) (too much cancellation)", fix: "lower the order")
    }

    /// The leading term c·t^v of the expansion about `point` (t = x − x₀, or 1/x at `oo`), written in x.
    /// Throws when no nonzero term appears up to order 48 (e.g. the expression is zero, or its zero
    /// cannot be decided), or when the series cannot be computed.
    public func leadingTerm(_ x: Symbol, at point: Expr, approach: Approach = .twoSided) throws -> Expr {
        try leadingSeries(x, at: point, approach: approach).leadingTerm!
    }

    /// A series whose first coefficient is the nonzero leading one.
    func leadingSeries(_ x: Symbol, at point: Expr, approach: Approach) throws -> LaurentSeries {
        if SeriesWork.current == nil {
            return try SeriesWork.$current.withValue(SeriesWork()) { try leadingSeries(x, at: point, approach: approach) }
        }
        if !contains(x) {
            if isZero { throw OperationError("leading term: the expression is 0", fix: "a zero expression has no leading term") }
            return try series(x, around: point, order: 1, approach: approach)
        }
        if together().isZero { throw OperationError("leading term: the expression is identically 0", fix: "a zero expression has no leading term") }
        var n = 2
        var ramification = 1
        while n <= 48 {
            var expander = SeriesExpander(variable: x, point: point, approach: approach,
                                          workingOrder: n * ramification, ramification: ramification)
            do {
                let s = try expander.expand(self)
                if !s.isZeroToOrder { return expander.result(s, order: s.start + 1) }
            } catch is SeriesPrecisionShortfall {
                // retry at a higher working order
            } catch let needed as PuiseuxRamification {
                ramification = try SeriesExpander.raise(ramification, by: needed)
                continue
            }
            n *= 2
        }
        throw OperationError("leading term: every coefficient up to order 48 is zero (or not decided zero)",
                             fix: "simplify the expression, or check whether it vanishes identically")
    }
}

/// Computes `TruncatedSeries` of sub-expressions, memoised.
struct SeriesExpander {
    let variable: Symbol
    let point: Expr
    let approach: Approach
    /// In units of t^(1/D).
    let workingOrder: Int
    /// D: the series is in s = t^(1/D).
    let ramification: Int
    var memo: [Expr: TruncatedSeries] = [:]

    init(variable: Symbol, point: Expr, approach: Approach, workingOrder: Int, ramification: Int = 1) {
        self.variable = variable
        self.point = point
        self.approach = approach
        self.workingOrder = workingOrder
        self.ramification = ramification
    }

    /// Largest ramification tried.
    static let maximumRamification = 24

    /// D·q for a needed denominator q, or an error beyond the maximum.
    static func raise(_ d: Int, by needed: PuiseuxRamification) throws -> Int {
        let (next, overflow) = d.multipliedReportingOverflow(by: needed.denominator)
        guard !overflow, next <= maximumRamification else {
            throw OperationError("series: fractional powers with denominators beyond \(maximumRamification) (a Puiseux series too fine to expand)",
                                 fix: "simplify the radicals first")
        }
        return next
    }

    /// t in terms of x.
    var expansionVariable: Expr {
        let x = Expr.symbol(variable)
        if let s = point.infinitySign { return s > 0 ? 1 / x : -1 / x }
        return approach == .fromBelow ? point - x : x - point
    }

    func result(_ s: TruncatedSeries, order n: Int) -> LaurentSeries {
        let cut = s.padded()
        let k = Swift.max(0, Swift.min(cut.coefficients.count, n - cut.start))
        var cs = Array(cut.coefficients.prefix(k))
        var v = Swift.min(cut.start, n)
        while let f = cs.first, f.isZero { cs.removeFirst(); v += 1 }
        if cs.isEmpty { v = n }
        return LaurentSeries(variable: variable, point: point, expansionVariable: expansionVariable,
                             valuation: v, coefficients: cs, order: n, ramification: ramification)
    }

    /// The series of x itself in s = t^(1/D): x₀ ± s^D, or ±s^(−D).
    var leaf: TruncatedSeries {
        let d = ramification
        if let s = point.infinitySign {
            return TruncatedSeries(start: -d, coefficients: [Expr(s)], order: workingOrder).padded()
        }
        let sign: Expr = approach == .fromBelow ? .minusOne : .one
        var cs = [Expr](repeating: .zero, count: d + 1)
        cs[0] = point
        cs[d] = sign
        return TruncatedSeries(start: 0, coefficients: cs, order: workingOrder).padded().normalised()
    }

    mutating func expand(_ e: Expr) throws -> TruncatedSeries {
        if !e.contains(variable) { return .constant(e, order: workingOrder) }
        if let s = memo[e] { return s }
        try SeriesWork.check()
        let s = try compute(e)
        memo[e] = s
        return s
    }

    private mutating func compute(_ e: Expr) throws -> TruncatedSeries {
        switch e {
        case .symbol: return leaf
        case .sum(let ts):
            var out = try expand(ts[0])
            for t in ts.dropFirst() { out = out + (try expand(t)) }
            return out
        case .product(let fs):
            var out = try expand(fs[0])
            for f in fs.dropFirst() { out = out * (try expand(f)) }
            return out
        case .power(let b, let p):
            if p.contains(variable) {
                // b^p = exp(p log b)
                return try expand(.exp(p * .log(b)))
            }
            let sb = try expand(b)
            if let n = p.integerValue { return try sb.power(n) }
            return try binomial(sb, p, base: b)
        case .function(let f, let u):
            return try function(f, u)
        case .call(let name, _):
            throw OperationError("series: the function \(name) depends on \(variable.name) and has no known expansion",
                                 fix: "replace \(name)(…) by its definition before expanding")
        case .number, .constant:
            return .constant(e, order: workingOrder)
        }
    }

    /// s^α = c^α t^(vα) (1 + u)^α, (1+u)^α = Σ binom(α, k) u^k.
    private func binomial(_ s: TruncatedSeries, _ alpha: Expr, base: Expr) throws -> TruncatedSeries {
        let (c, v, u) = try s.leadingFactorization()
        var shift = 0
        if v != 0 {
            guard let q = alpha.rationalValue else {
                throw OperationError("series: (\(base))^(\(alpha)): a symbolic power of a vanishing or divergent factor",
                                     fix: "give the exponent a rational value")
            }
            let vq = q * BigRational(v)
            if !vq.isInteger {
                guard approach != .twoSided || point.infinitySign != nil else {
                    throw OperationError("series: (\(base))^(\(alpha)) has different expansions on the two sides of the point",
                                         fix: "choose a one-sided approach (fromAbove or fromBelow; side 1 or -1 in the text syntax)")
                }
                guard let den = vq.denominator.intValue else { throw PuiseuxRamification(denominator: Int.max / 2) }
                throw PuiseuxRamification(denominator: den)
            }
            guard let k = vq.numerator.intValue else {
                throw OperationError("series: exponent too large in (\(base))^(\(alpha))", fix: "lower the powers")
            }
            shift = k
            if approach == .twoSided && point.infinitySign == nil {
                throw OperationError("series: (\(base))^(\(alpha)) has different expansions on the two sides of the point",
                                     fix: "choose a one-sided approach (fromAbove or fromBelow; side 1 or -1 in the text syntax)")
            }
        }
        var factor = Expr.pow(c, alpha)
        if alpha.integerValue == nil, let re0 = BranchCutSide.realPartIfPossiblyOnCut(c) {
            // (c·t^v·(1+u))^α = c^α t^(vα) (1+u)^α on the principal branch unless c is on the cut and
            // c(1+u) comes from below it: Im(c(1+u)) = c·Im u, so the side is that of −u for c < 0.
            let side = try BranchCutSide.side(of: -u, at: c, realPart: re0, approach: approach, atInfinity: point.infinitySign != nil,
                                              ramification: ramification, function: "(\(base))^(\(alpha))")
            if re0.isKnownNegative {
                // c^α = |c|^α e^(±iπα): + on and above the cut, − from below.
                factor = Expr.pow(-c, alpha) * Expr.exp((side == .below ? -Expr.pi : Expr.pi) * Expr.i * alpha)
            } else if side == .below {
                factor = factor * Expr.exp(-2 * Expr.pi * Expr.i * alpha)
            }
        }
        let body = try TruncatedSeries.compose(u) { k in
            // binom(α, k) = α(α−1)…(α−k+1)/k!
            var b = Expr.one
            for j in 0..<k { b = b * (alpha - Expr(j)) }
            return b / Expr(BigRational(BigInt.factorial(k)))
        }
        let scaled = body.scaled(factor)
        return TruncatedSeries(start: scaled.start + shift, coefficients: scaled.coefficients, order: scaled.order + shift)
    }

    private mutating func function(_ f: MathFunction, _ u: Expr) throws -> TruncatedSeries {
        let s = try expand(u)
        switch f {
        case .abs:
            // |s| = sign(c)·s when the leading coefficient has a known sign and v = 0 (or v even on both sides).
            guard !s.isZeroToOrder, s.coefficients.allSatisfy({ $0.isKnownReal }),
                  let sign = s.coefficients[0].knownSign, sign != 0,
                  s.start == 0 || s.start % 2 == 0 || approach != .twoSided || point.infinitySign != nil else {
                throw OperationError("series: cannot expand |\(u)| (sign of its leading term unknown)",
                                     fix: "declare the symbols real/positive, or replace abs by its argument with a sign")
            }
            if s.start % 2 != 0 && point.infinitySign == nil && approach == .twoSided {
                throw OperationError("series: |\(u)| changes sign across the point", fix: "choose a one-sided approach")
            }
            return sign > 0 ? s : -s
        case .re, .im, .conj:
            // Termwise for a real variable approached along the real axis.
            guard variable.isReal, point.isKnownReal || point.infinitySign != nil else {
                throw OperationError("series: \(f.rawValue)(…) of a complex variable has no Laurent expansion in it",
                                     fix: "declare \(variable.name) real, or take real and imaginary parts first")
            }
            let g: (Expr) -> Expr = { .apply(f, $0) }
            return TruncatedSeries(start: s.start, coefficients: s.coefficients.map(g), order: s.order).normalised()
        default: break
        }
        if s.start < 0 {
            throw OperationError("series: \(f.rawValue)(…) of an argument that diverges at the point (essential singularity or no Laurent series)",
                                 fix: "use leading-order reasoning by hand, or expand about another point")
        }
        let s0 = s.coefficient(0)
        let p = s.start > 0 ? s : s + TruncatedSeries.constant(-s0, order: s.order)
        if f == .log && s0.isZero {
            throw OperationError("series: log of an argument vanishing at the point gives a log(t) term (not a Laurent series)",
                                 fix: "split off the logarithm by hand")
        }
        // Poles of the meromorphic functions: expand the quotient instead, so the pole appears as a
        // negative power (tan = sin/cos, tanh = sinh/cosh, fermi = 1/(e^u + 1)).
        switch f {
        case .tan where Expr.cos(s0).together().isZero:
            return try expand(.sin(u) / .cos(u))
        case .tanh where Expr.apply(.cosh, s0).together().isZero:
            return try expand(.apply(.sinh, u) / .apply(.cosh, u))
        case .fermi where (Expr.exp(s0) + 1).together().isZero:
            return try expand(1 / (Expr.exp(u) + 1))
        case .atan where (1 + s0 * s0).together().isZero:
            throw OperationError("series: atan has a logarithmic branch point at ±i", fix: "expand about another point")
        case .atan where BranchCutSide.possiblyOnArctangentCut(s0):
            // atan's cuts are i·(−∞, −1] and i·[1, ∞); a point on the imaginary axis may lie on one.
            throw OperationError("series: atan(\(u)) about \(s0), a point on the imaginary axis where atan may have its branch cut",
                                 fix: "rewrite atan through log, or expand about a point off the imaginary axis")
        default: break
        }
        var cutCorrection = Expr.zero
        if f == .log, let re0 = BranchCutSide.realPartIfPossiblyOnCut(s0) {
            let side = try BranchCutSide.side(of: p, at: s0, realPart: re0, approach: approach, atInfinity: point.infinitySign != nil,
                                              ramification: ramification, function: "log(\(u))")
            if re0.isKnownNegative {
                // log s₀ = log|s₀| + iπ, from below log|s₀| − iπ: written out so the canonical form sees it.
                cutCorrection = Expr.log(-s0) + (side == .below ? -Expr.pi * Expr.i : Expr.pi * Expr.i) - Expr.log(s0)
            } else if side == .below {
                cutCorrection = -2 * Expr.pi * Expr.i
            }
        }
        let y = Symbol("series·ζ")
        var fk = Expr.apply(f, .symbol(y))
        var derivatives: [Expr] = []
        var factorial = BigInt(1)
        return try TruncatedSeries.compose(p) { k in
            while derivatives.count <= k {
                let n = derivatives.count
                if n > 0 { factorial *= BigInt(n); fk = fk.derivative(y) }
                let value = fk.substituting(y, with: s0) / Expr(BigRational(factorial))
                derivatives.append(n == 0 ? value + cutCorrection : value)
            }
            return derivatives[k]
        }
    }
}

/// Thrown when a fractional power of the expansion variable appears: `Expr.series` restarts with the
/// ramification multiplied by `denominator` (a Puiseux series in t^(1/D)).
struct PuiseuxRamification: Error {
    let denominator: Int
}
