import Symbolic

/// `check: requires` — a claim of the paper that the engine cannot check yet. The claim stays in
/// the audit, with its equations and printed formula (free text here), and gets the verdict
/// `unsupported` with the capability it needs (`requires:`), so that the gap is visible rather
/// than silently skipped. Never `verified`.
public struct RequiresCheck: ClaimCheck {
    public init() {}
    public var name: String { "requires" }
    public var summary: String { "a claim the engine cannot check yet: verdict `unsupported`, naming the capability in `requires:`" }
    public var requiredKeys: [String] { ["requires"] }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let needs = claim.spec.text("requires") ?? ""
        return Verdict(.unsupported, detail: "not checked: the engine lacks \(needs)")
    }
}
