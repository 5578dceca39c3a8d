extension Expr {
    /// lim_{x → point} of the expression, from its Laurent series (`leadingTerm`): with leading
    /// term c·t^v (t = x − x₀ → 0, or t = ±1/x → 0⁺ at ±∞),
    /// - v > 0: the limit is 0; v = 0: it is c;
    /// - v < 0: the expression diverges; the limit is ±∞ (`Expr.infinity`, see `Infinity.swift`)
    ///   when c is real with a known sign.
    /// A two-sided limit at a finite point is the common value of the two one-sided limits.
    ///
    /// Works for rational functions (the 0/0 and ∞/∞ cases included) and everything `series`
    /// expands. Throws `OperationError` when the limit does not exist (different one-sided limits,
    /// complex infinity) or cannot be decided (unknown sign of the divergent term, no expansion).
    public func limit(_ x: Symbol, to point: Expr, approach: Approach = .twoSided) throws -> Expr {
        if !contains(x) { return self }
        if approach == .twoSided && point.infinitySign == nil {
            // Two-sided at a finite point: both one-sided limits must exist and agree.
            let above = try limit(x, to: point, approach: .fromAbove)
            let below = try limit(x, to: point, approach: .fromBelow)
            if above == below || (above.infinitySign == nil && below.infinitySign == nil && (above - below).together().isZero) {
                return above
            }
            throw OperationError("limit of \(self) as \(x.name) → \(point) does not exist: the limit from above is \(above), from below \(below)",
                                 fix: "take a one-sided limit (approach: .fromAbove or .fromBelow)")
        }
        let s: LaurentSeries
        do {
            s = try leadingSeries(x, at: point, approach: approach)
        } catch let error as OperationError where together().isZero {
            _ = error
            return .zero
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
