extension Expr {
    /// The expanded form: products distributed over sums and positive integer powers of sums
    /// multiplied out (multinomial theorem), recursively inside function and call arguments and
    /// inside the bases of non-integer powers.
    ///
    /// Negative integer powers of sums keep an expanded base and are not distributed:
    /// ((x+y)²)⁻¹ stays (x+y)⁻² and x/(x+y) stays a single term, as in other CAS.
    /// Example: (a + b)² (a − b) → a³ + a²b − ab² − b³.
    public func expanded() -> Expr {
        switch self {
        case .number, .symbol, .constant: return self
        default: break
        }
        var table = AtomTable(mode: .polynomial, normaliseInside: { $0.expanded() })
        table.collectRadicals(self)
        var p = table.polynomial(self)
        p.variables = table.atoms
        return p.withSortedVariables.expression
    }
}
