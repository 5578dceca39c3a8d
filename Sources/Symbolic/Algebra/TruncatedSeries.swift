/// A truncated Laurent series Σ_{k=start}^{order−1} c_k t^k + O(t^order) in an expansion variable t,
/// with coefficients free of t. The arithmetic on which `Expr.series` is built.
///
/// Invariants: `coefficients.count == order − start`; after `normalised`, either the series is zero
/// to this order (`start == order`, no coefficients) or `coefficients[0]` is not zero (after
/// `together()`), so `start` is the valuation.
struct TruncatedSeries {
    var start: Int
    var coefficients: [Expr]
    var order: Int

    /// The coefficient of t^k (0 outside the stored range; only meaningful for k < order).
    func coefficient(_ k: Int) -> Expr {
        let i = k - start
        return i >= 0 && i < coefficients.count ? coefficients[i] : .zero
    }

    var isZeroToOrder: Bool { coefficients.isEmpty }

    static func zero(order: Int) -> TruncatedSeries { TruncatedSeries(start: order, coefficients: [], order: order) }

    static func constant(_ c: Expr, order: Int) -> TruncatedSeries {
        if order <= 0 { return .zero(order: order) }
        return TruncatedSeries(start: 0, coefficients: [c], order: order).padded().normalised()
    }

    /// Fills the coefficient array up to `order`.
    func padded() -> TruncatedSeries {
        var s = self
        let need = order - start
        if s.coefficients.count < need { s.coefficients += [Expr](repeating: .zero, count: need - s.coefficients.count) }
        if s.coefficients.count > need { s.coefficients.removeLast(s.coefficients.count - Swift.max(need, 0)) }
        return s
    }

    /// Coefficients in `together()` normal form, leading zeros removed.
    func normalised() -> TruncatedSeries {
        var s = self.padded()
        s.coefficients = s.coefficients.map { Self.simplify($0) }
        while let first = s.coefficients.first, first.isZero {
            s.coefficients.removeFirst()
            s.start += 1
        }
        if s.coefficients.isEmpty { s.start = s.order }
        return s
    }

    static func simplify(_ e: Expr) -> Expr {
        switch e {
        case .number, .symbol, .constant: return e
        default:
            SeriesWork.spend(e.nodeCount)
            return e.together()
        }
    }

    static func + (a: TruncatedSeries, b: TruncatedSeries) -> TruncatedSeries {
        let order = Swift.min(a.order, b.order)
        let start = Swift.min(a.start, b.start, order)
        let cs = (start..<Swift.max(start, order)).map { a.coefficient($0) + b.coefficient($0) }
        return TruncatedSeries(start: start, coefficients: cs, order: order).normalised()
    }

    static prefix func - (a: TruncatedSeries) -> TruncatedSeries {
        TruncatedSeries(start: a.start, coefficients: a.coefficients.map { -$0 }, order: a.order)
    }

    static func * (a: TruncatedSeries, b: TruncatedSeries) -> TruncatedSeries {
        let order = Swift.min(a.start + b.order, b.start + a.order)
        if a.isZeroToOrder || b.isZeroToOrder { return .zero(order: order) }
        let start = a.start + b.start
        var cs: [Expr] = []
        if start < order {
            for k in start..<order {
                var terms: [Expr] = []
                for i in a.start...(k - b.start) where i - a.start < a.coefficients.count {
                    let j = k - i
                    if j - b.start < b.coefficients.count {
                        terms.append(a.coefficient(i) * b.coefficient(j))
                    }
                }
                cs.append(.sum(of: terms))
            }
        }
        return TruncatedSeries(start: Swift.min(start, order), coefficients: cs, order: order).normalised()
    }

    /// Multiplication by a constant (free of t).
    func scaled(_ c: Expr) -> TruncatedSeries {
        TruncatedSeries(start: start, coefficients: coefficients.map { c * $0 }, order: order).normalised()
    }

    /// 1/a for a with a nonzero leading coefficient: relative precision is preserved.
    func inverse() throws -> TruncatedSeries {
        guard !isZeroToOrder else {
            throw SeriesPrecisionShortfall(message: "series: cannot invert a series that vanishes to order \(order)")
        }
        let v = start, r = order - start
        let c = coefficients[0]
        let cInverse = TruncatedSeries.simplify(.pow(c, .minusOne))
        var b: [Expr] = [cInverse]
        if r > 1 {
            for k in 1..<r {
                var terms: [Expr] = []
                for j in 1...k { terms.append(coefficient(v + j) * b[k - j]) }
                b.append(TruncatedSeries.simplify(-cInverse * .sum(of: terms)))
            }
        }
        return TruncatedSeries(start: -v, coefficients: b, order: -v + r).normalised()
    }

    /// aⁿ for an integer n.
    func power(_ n: Int) throws -> TruncatedSeries {
        if n < 0 { return try inverse().power(-n) }
        var result: TruncatedSeries? = nil
        var base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result.map { $0 * base } ?? base }
            k >>= 1
            if k > 0 { base = base * base }
            try SeriesWork.check()
        }
        guard let result else { return .constant(.one, order: order - start) }
        return result
    }

    /// Σ_{k≥0} a_k p^k for p with positive valuation (p(0) = 0), to the precision of p.
    static func compose(_ p: TruncatedSeries, coefficient a: (Int) -> Expr) throws -> TruncatedSeries {
        precondition(p.start >= 1 || p.isZeroToOrder)
        let order = p.order
        var result = TruncatedSeries.constant(a(0), order: order)
        if p.isZeroToOrder { return result }
        var pk = p
        var k = 1
        while pk.start < order {
            let ak = a(k)
            if !ak.isZero { result = result + pk.scaled(ak) }
            k += 1
            try SeriesWork.check()
            pk = pk * p
        }
        return result
    }

    /// Splits a series with nonzero leading term as c·t^v·(1 + u) with u(0) = 0.
    func leadingFactorization() throws -> (c: Expr, v: Int, u: TruncatedSeries) {
        guard !isZeroToOrder else {
            throw SeriesPrecisionShortfall(message: "series: the argument vanishes to order \(order); its leading term is unknown")
        }
        let c = coefficients[0]
        let cInverse = TruncatedSeries.simplify(.pow(c, .minusOne))
        let r = order - start
        var us: [Expr] = [.zero]
        if r > 1 { for k in 1..<r { us.append(coefficients[k] * cInverse) } }
        let u = TruncatedSeries(start: 0, coefficients: us, order: r).normalised()
        return (c, start, u)
    }
}

/// Thrown when a series is zero to the working order where a leading term is needed (inversion,
/// powers, logarithms): `Expr.series` retries at a higher working order, and reports it as an
/// `OperationError` only when the order limit is reached.
struct SeriesPrecisionShortfall: Error {
    let message: String
    var operationError: OperationError {
        OperationError(message + " (up to the largest working order tried)",
                       fix: "check that the expression is not identically zero, or simplify it first")
    }
}
