import Symbolic

/// A claim with its verdict, as it appears in the audit report (docs/ARCHITECTURE.md "Contracts"; the JSON layout in docs/JSON.md).
public struct ClaimResult: Sendable {
    public var claim: Claim
    public var verdict: Verdict
    /// Wall-clock seconds spent on the check.
    public var seconds: Double
    /// The certified operations (limit, series, leading, re_part, im_part) the verdict rests on, with
    /// how each was checked (`ClaimProvenance`).
    public var operations: [OperationCertificate] = []

    /// True when the verdict is the one the derivation file expects.
    public var isAsExpected: Bool { verdict.kind == claim.expected }
}
