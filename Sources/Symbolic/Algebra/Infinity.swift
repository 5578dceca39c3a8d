/// The point at infinity for limits and series.
///
/// Convention: +∞ is the symbol `oo` (written `oo` in the text syntax), built as
/// `Expr.symbol("oo", .positive)`; −∞ is `-oo`. Any symbol named `oo`, whatever its assumptions,
/// is read as +∞ by `series`, `leadingTerm` and `limit`, so a parser that does not know the
/// convention still works. Limits that diverge return `Expr.infinity` or `-Expr.infinity`.
extension Expr {
    /// +∞ = the symbol `oo` (positive).
    public static let infinity = Expr.symbol("oo", .positive)

    /// +1 for `oo`, −1 for `-oo`, nil otherwise.
    public var infinitySign: Int? {
        if case .symbol(let s) = self, s.name == "oo" { return 1 }
        if case .product(let fs) = self, fs.count == 2, case .symbol(let s) = fs[1], s.name == "oo",
           let c = fs[0].rationalValue, c.signum != 0 {
            return c.signum
        }
        return nil
    }

    /// True when the expression contains the infinity marker (a symbol named `oo`) anywhere.
    public var containsInfinity: Bool {
        freeSymbols.contains { $0.name == "oo" }
    }
}
