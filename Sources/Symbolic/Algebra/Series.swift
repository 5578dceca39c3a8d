/// From which side a point is approached.
public enum Approach: Sendable, Hashable {
    /// Both sides (limits must agree).
    case twoSided
    /// x → x₀⁺ (x = x₀ + t, t > 0).
    case fromAbove
    /// x → x₀⁻ (x = x₀ − t, t > 0).
    case fromBelow
}

/// A truncated Laurent series of an expression in x about a point:
///     f(x) = Σ_{k = valuation}^{order − 1} c_k t^k + O(t^order),
/// with the expansion variable t = x − x₀ at a finite point (t = x₀ − x when approached from below),
/// t = 1/x at +∞ and t = −1/x at −∞. The coefficients are expressions free of x, in `together()` form.
public struct LaurentSeries: Sendable, Hashable, CustomStringConvertible {
    /// The variable x.
    public let variable: Symbol
    /// The expansion point x₀ (`Expr.infinity` or its negative for ±∞).
    public let point: Expr
    /// t as an expression in x.
    public let expansionVariable: Expr
    /// The exponent of `coefficients[0]`; equals `order` when the series is O(t^order) with no terms.
    public let valuation: Int
    /// c_valuation, …, c_{order−1}; the first is nonzero unless the list is empty.
    public let coefficients: [Expr]
    /// The remainder is O(t^order).
    public let order: Int

    /// c_k (0 when k is below the valuation; precondition k < order).
    public func coefficient(_ k: Int) -> Expr {
        precondition(k < order, "coefficient beyond the order of the series")
        let i = k - valuation
        return i >= 0 && i < coefficients.count ? coefficients[i] : .zero
    }

    /// Σ c_k t^k with t written in x: the series without its remainder.
    public var polynomialPart: Expr {
        .sum(of: coefficients.enumerated().map { (i, c) in c * .pow(expansionVariable, Expr(valuation + i)) })
    }

    /// c_v t^v, the first nonzero term, in x; nil if the series is O(t^order) with no terms.
    public var leadingTerm: Expr? {
        guard let c = coefficients.first else { return nil }
        return c * .pow(expansionVariable, Expr(valuation))
    }

    /// "Σ c_k t^k + O(t^order)" with t written in x.
    public var description: String { "\(polynomialPart) + O(\(Expr.pow(expansionVariable, Expr(order))))" }
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
    /// Convention: a fractional power of a vanishing or divergent factor, (c t^v (1+u))^α with vα an
    /// integer, is expanded as c^α t^(vα) (1+u)^α on the principal branch, valid for t > 0: at ±∞
    /// always, at a finite point only for a one-sided approach (two-sided throws). Throws `OperationError` for a Puiseux series (vα not an integer), a
    /// logarithmic term (log of a vanishing argument), an essential singularity (exp of a divergent
    /// argument), uninterpreted calls depending on x, or an order out of range.
    /// Coefficients are decided zero by `together()`, i.e. as rational functions of their atoms.
    public func series(_ x: Symbol, around point: Expr, order n: Int, approach: Approach = .twoSided) throws -> LaurentSeries {
        guard Swift.abs(n) <= Expr.maximumSeriesOrder else {
            throw OperationError("series: order \(n) is out of range", fix: "use an order between −\(Expr.maximumSeriesOrder) and \(Expr.maximumSeriesOrder)")
        }
        guard !point.contains(x) else {
            throw OperationError("series: the point \(point) depends on the variable \(x.name)", fix: "expand about a point free of \(x.name)")
        }
        // Working precision: raise until the result reaches the requested order.
        var extra = 2
        for _ in 0..<6 {
            var expander = SeriesExpander(variable: x, point: point, approach: approach, workingOrder: n + extra)
            let s = try expander.expand(self)
            if s.order >= n || s.start >= n {
                return expander.result(s, order: n)
            }
            extra += (n - s.order) + 2
        }
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
        if !contains(x) {
            if isZero { throw OperationError("leading term: the expression is 0", fix: "a zero expression has no leading term") }
            return try series(x, around: point, order: 1, approach: approach)
        }
        if together().isZero { throw OperationError("leading term: the expression is identically 0", fix: "a zero expression has no leading term") }
        var n = 2
        while n <= 48 {
            var expander = SeriesExpander(variable: x, point: point, approach: approach, workingOrder: n)
            let s = try expander.expand(self)
            if !s.isZeroToOrder { return expander.result(s, order: s.start + 1) }
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
    let workingOrder: Int
    var memo: [Expr: TruncatedSeries] = [:]

    init(variable: Symbol, point: Expr, approach: Approach, workingOrder: Int) {
        self.variable = variable
        self.point = point
        self.approach = approach
        self.workingOrder = workingOrder
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
                             valuation: v, coefficients: cs, order: n)
    }

    /// The series of x itself: x₀ ± t, or ±1/t.
    var leaf: TruncatedSeries {
        if let s = point.infinitySign {
            return TruncatedSeries(start: -1, coefficients: [Expr(s)], order: workingOrder).padded()
        }
        let sign: Expr = approach == .fromBelow ? .minusOne : .one
        return TruncatedSeries(start: 0, coefficients: [point, sign], order: workingOrder).padded().normalised()
    }

    mutating func expand(_ e: Expr) throws -> TruncatedSeries {
        if !e.contains(variable) { return .constant(e, order: workingOrder) }
        if let s = memo[e] { return s }
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
            guard let q = alpha.rationalValue, (q * BigRational(v)).isInteger, let k = (q * BigRational(v)).numerator.intValue else {
                throw OperationError("series: (\(base))^(\(alpha)) has a fractional power of the expansion variable (a Puiseux series)",
                                     fix: "expand in a variable such that the power is integral, e.g. x = t²")
            }
            shift = k
            if approach == .twoSided && point.infinitySign == nil {
                throw OperationError("series: (\(base))^(\(alpha)) has different expansions on the two sides of the point",
                                     fix: "choose a one-sided approach (fromAbove or fromBelow; side 1 or -1 in the text syntax)")
            }
        }
        let factor = Expr.pow(c, alpha)
        let body = TruncatedSeries.compose(u) { k in
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
        let y = Symbol("series·ζ")
        var fk = Expr.apply(f, .symbol(y))
        var derivatives: [Expr] = []
        var factorial = BigInt(1)
        return TruncatedSeries.compose(p) { k in
            while derivatives.count <= k {
                let n = derivatives.count
                if n > 0 { factorial *= BigInt(n); fk = fk.derivative(y) }
                derivatives.append(fk.substituting(y, with: s0) / Expr(BigRational(factorial)))
            }
            return derivatives[k]
        }
    }
}
