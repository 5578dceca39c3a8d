import Symbolic

/// A kind of check (the value of a claim's `check:` key). Built-in kinds live in
/// `Sources/Verify/Checks/`; engine modules register their own (simulations, projection method).
public protocol ClaimCheck: Sendable {
    /// The `check:` value this kind handles, e.g. "identity".
    var name: String { get }
    /// One line for `derivations/README.md` and `--help`.
    var summary: String { get }
    /// Keys this kind reads besides the common ones (checked when the file is loaded).
    var requiredKeys: [String] { get }
    /// Decides the claim. Throwing `DerivationError` marks bad input (exit code 2);
    /// any other failure should be returned as a verdict (`error`, `inconclusive`, `unsupported`).
    func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict
}

extension ClaimCheck {
    public var requiredKeys: [String] { [] }
}
