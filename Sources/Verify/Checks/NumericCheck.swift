import Symbolic

/// `check: numeric` — `computed` and `printed` evaluated at one point (every symbol fixed by
/// `where:`) to `digits` correct digits and compared. Used where the computed side is an engine
/// computation (an integral, a spectrum) known only numerically.
public struct NumericCheck: ExpressionClaimCheck {
    public init() {}
    public var name: String { "numeric" }
    public var summary: String { "computed and printed evaluated at the `where` point to `digits` digits and compared" }
    public var requiredKeys: [String] { ["computed"] }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let printed = try context.expression(claim.printed, claim: claim)
        let computed = try context.expression(claim.computed!, claim: claim)
        let free = printed.freeSymbols.union(computed.freeSymbols)
        if !free.isEmpty {
            throw DerivationError(claim.spec["where"]?.location ?? claim.spec.location,
                                  "a numeric claim fixes every symbol; free: \(free.map(\.name).sorted().joined(separator: ", "))",
                                  fix: "add them to `where:`")
        }
        let functions = context.engine.numericFunctions
        let p: DigitsEvaluation, c: DigitsEvaluation
        do {
            p = try printed.evaluate(digits: claim.digits, functions: functions)
            c = try computed.evaluate(digits: claim.digits, functions: functions)
        } catch {
            return Verdict(.error, detail: "evaluation failed: \(error)")
        }
        guard p.isConverged, c.isConverged else {
            return Verdict(.inconclusive, detail: "could not reach \(claim.digits) digits (printed: \(p.digits), computed: \(c.digits))",
                           computed: c.text)
        }
        let difference = (c.value - p.value).magnitude
        let scale = BigFloat.maximum(c.value.magnitude, p.value.magnitude)
        let tolerance = BigFloat.maximum(p.errorEstimate + c.errorEstimate, scale * BigFloat.power2(-BigFloat.bits(forDigits: claim.digits)))
        let error = (p.errorEstimate + c.errorEstimate).toString(digits: 2)
        if difference <= tolerance * 4 {
            return Verdict(.verified, method: .numeric(digits: claim.digits, errorEstimate: error),
                           detail: "computed \(c.text), printed \(p.text): agree to \(claim.digits) digits", computed: c.text)
        }
        let ratio = (c.value / p.value)
        return Verdict(.discrepancy, method: .numeric(digits: claim.digits, errorEstimate: error),
                       detail: "computed \(c.text), printed \(p.text)", computed: c.text,
                       relation: "computed/printed = \(ratio.toString(digits: 12))")
    }
}
