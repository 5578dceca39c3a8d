/// The work one `series` expansion may do, counted as the sizes (`nodeCount`) of the coefficients it
/// brings to normal form. Coefficients with symbolic parameters grow combinatorially with the order
/// (exp(a·x + x) to order 51 has coefficients (1 + a)ᵏ/k! expanded, and each composition step
/// normalises them all again); past `budget` the expansion stops with an error that says to ask for
/// fewer terms, instead of running for minutes (fuzzer findings `ops-timeout-*`). Deterministic: the
/// same input always either succeeds or is refused, on any machine.
final class SeriesWork: @unchecked Sendable {
    /// The work of the expansion running on this task (one `series` call is synchronous).
    @TaskLocal static var current: SeriesWork?

    /// Nodes normalised in one expansion: series(exp(a·x + x), x, 1, 20) spends 22 000 (numeric
    /// coefficients spend nothing: series(exp(sin(x)), x, 0, 60) is not limited).
    static let budget = 100_000

    private(set) var spent = 0

    static func spend(_ nodes: Int) { current?.spent += nodes }

    /// Throws once the budget is spent.
    static func check() throws {
        guard let work = current, work.spent > budget else { return }
        throw OperationError("series: the coefficients grow too fast for this order (more than \(budget) terms of them brought to normal form)",
                             fix: "ask for fewer terms, or substitute numbers for the parameters before expanding")
    }
}
