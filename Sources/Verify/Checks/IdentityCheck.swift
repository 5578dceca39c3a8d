import Symbolic

/// `check: identity` — `computed == printed` for every value of the symbols allowed by their
/// assumptions (`IdentityChecker`: exact with the Schwartz–Zippel bound where rational, numeric
/// otherwise). For an expected discrepancy the file records `correction:`, the formula that does
/// hold; the check verifies it equals `computed`, so a recorded finding is itself checked.
public struct IdentityCheck: ExpressionClaimCheck {
    public init() {}
    public var name: String { "identity" }
    public var summary: String { "computed == printed for all values allowed by the assumptions (exact for rational identities, else numeric)" }
    public var requiredKeys: [String] { ["computed"] }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        if let verdict = try typedComparison(claim, in: context) { return verdict }
        let atoms = context.engine.symbolizingFormalAtoms
        let printed = atoms(try context.expression(claim.printed, claim: claim))
        let shownComputed = try context.expression(claim.computed!, claim: claim)
        let computed = atoms(shownComputed)
        let checker = IdentityChecker(digits: claim.digits, seed: claim.seed, functions: context.engine.numericFunctions)
        var verdict = checker.check(printed: printed, computed: computed)
        verdict.computed = shownComputed.text
        let usesAtoms = try computed != shownComputed || printed != context.expression(claim.printed, claim: claim)
        if verdict.kind == .discrepancy, usesAtoms {
            // Sums of formal atoms (spin traces): say which atoms carry a different coefficient.
            let difference = Self.groupedByAtom(computed - printed)
            if verdict.relation?.contains("depends on") ?? true { verdict.relation = "computed − printed = \(difference.text)" }
            verdict.detail = "computed − printed = \(difference.text) ≠ 0; the atoms are independent, so the difference is exact. " + verdict.detail
        }
        if let field = claim.spec["correction"] {
            let correction = atoms(try context.expression(field, claim: claim))
            let c = checker.check(printed: correction, computed: computed)
            guard c.kind == .verified else {
                return Verdict(.error, detail: "the recorded correction `\(field.value)` does not equal the computed form `\(shownComputed.text)` (\(c.kind.rawValue): \(c.relation ?? c.detail)); update `correction:` at \(field.location)",
                               computed: shownComputed.text, seed: claim.seed)
            }
            verdict.detail += " The recorded correction equals the computed form (\(AuditReport.describe(c)))."
        }
        return verdict
    }

    /// Operators, superoperators, states and residual vectors (the model language): compared
    /// component by component (`ValueComparison`); nil when both sides are scalars.
    func typedComparison(_ claim: Claim, in context: DerivationContext) throws -> Verdict? {
        let printedValue = try context.modelValue(claim.printed, claim: claim)
        let computedValue = try context.modelValue(claim.computed!, claim: claim)
        func isTyped(_ v: ModelValue?) -> Bool { if let v, case .scalar = v { return false }; return v != nil }
        guard isTyped(printedValue) || isTyped(computedValue) else { return nil }
        let printed = try printedValue ?? .scalar(context.expression(claim.printed, claim: claim))
        let computed = try computedValue ?? .scalar(context.expression(claim.computed!, claim: claim))
        let checker = IdentityChecker(digits: claim.digits, seed: claim.seed, functions: context.engine.numericFunctions)
        let evaluator = context.modelEvaluator(claim.printed)
        guard var verdict = try ValueComparison.compare(printed: printed, computed: computed, checker: checker, evaluator) else {
            throw DerivationError(claim.printed.location, "cannot compare \(printed.kindName) (printed) with \(computed.kindName) (computed)",
                                  fix: "both sides of an identity must be of the same kind (a scalar stands for a multiple of the identity operator)")
        }
        if let field = claim.spec["correction"] {
            let correction = try context.modelValue(field, claim: claim) ?? .scalar(context.expression(field, claim: claim))
            let c = try ValueComparison.compare(printed: correction, computed: computed, checker: checker, evaluator)
            guard let c, c.kind == .verified else {
                return Verdict(.error, detail: "the recorded correction `\(field.value)` does not equal the computed value (\(c?.relation ?? c?.detail ?? "not comparable")); update `correction:` at \(field.location)",
                               computed: computed.shortDescription, seed: claim.seed)
            }
            verdict.detail += " The recorded correction equals the computed value (\(AuditReport.describe(c)))."
        }
        return verdict
    }

    /// Σ (coefficient of each atom, brought together) · atom, for an expression linear in symbols
    /// that stand for formal atoms (named `trD(…)`), dropping atoms whose coefficient vanishes.
    static func groupedByAtom(_ e: Expr) -> Expr {
        var coefficients: [Expr: Expr] = [:]
        var rest = Expr.zero
        for term in e.expanded().summands {
            let factors = term.factors
            if let atom = factors.first(where: { if case .symbol(let s) = $0 { return s.name.contains("(") }; return false }) {
                var c = Expr.one
                for f in factors where f != atom { c = c * f }
                coefficients[atom] = (coefficients[atom] ?? .zero) + c
            } else { rest = rest + term }
        }
        var out = rest.together()
        for (atom, c) in coefficients.sorted(by: { $0.key.text < $1.key.text }) {
            let t = c.together()
            if t != .zero { out = out + t * atom }
        }
        return out
    }
}
