extension Expr {
    /// The single canonical fraction P/Q equal to this expression as a rational function of its
    /// atoms (symbols and non-rational subexpressions, whose arguments are normalised the same way):
    /// numerator and denominator expanded, their gcd cancelled (`Polynomial.gcd`), and the
    /// denominator's leading coefficient 1 in the lexicographic order of atoms sorted canonically.
    /// Two rational expressions in the same atoms are equal iff their `together()` forms are equal.
    ///
    /// Example: 1/(x+1) − 1/(x−1) → −2·(x² − 1)⁻¹.
    public func together() -> Expr {
        switch self {
        case .number, .symbol, .constant: return self
        default: return RationalFunction(self).expression
        }
    }

    /// Same normal form as `together()`: common factors of numerator and denominator cancelled.
    public func cancel() -> Expr { together() }

    /// (P, Q) with self = P/Q in the normal form of `together()`: both expanded, coprime,
    /// Q with leading coefficient 1.
    public func numeratorDenominator() -> (numerator: Expr, denominator: Expr) {
        let r = RationalFunction(self)
        return (r.numerator.expression, r.denominator.expression)
    }
}
