extension Expr {
    /// The coefficients c_k of the expression as a polynomial in x: e = Σ_k c_k xᵏ, with each c_k
    /// free of x (expanded; coefficients may be rational in the other symbols). Throws when x occurs
    /// other than in nonnegative integer powers (e.g. 1/(x + 1), exp(x)).
    public func polynomialCoefficients(in x: Symbol) throws -> [Int: Expr] {
        let xe = Expr.symbol(x)
        let p = Polynomial(self, variables: [xe])
        for v in p.variables.dropFirst() where v.contains(x) {
            throw OperationError("\(self) is not a polynomial in \(x.name): \(v) depends on it",
                                 fix: "bring the expression to a polynomial in \(x.name) first (e.g. numerator(together(e)))")
        }
        var out: [Int: Expr] = [:]
        for (d, c) in p.coefficients(in: 0) { out[d] = c.expression }
        return out
    }

    /// The degree of the expression as a polynomial in x (−1 for 0); throws when it is not one.
    public func polynomialDegree(in x: Symbol) throws -> Int {
        try polynomialCoefficients(in: x).keys.max() ?? -1
    }
}
