import Symbolic

/// A check kind implemented by the dynamics harness: its name, summary and keys, and the Swift
/// function that decides a claim.
public struct DynamicsClaimCheck: ClaimCheck {
    public let name: String
    public let summary: String
    public let requiredKeys: [String]
    let decide: @Sendable (Claim, DerivationContext) throws -> Verdict

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        try decide(claim, context)
    }

    /// Every dynamics check kind, for `Engine.standard`.
    public static let all: [DynamicsClaimCheck] = [
        DynamicsClaimCheck(
            name: "meanfield-state",
            summary: "simulate NC(8) from `seeds:` seeded random initial conditions at `parameters:` (ratio = γ_B/(α_B|g_B|)) and compare the long-time phase with `printed:` (aligned, antialigned, chiral, disordered)",
            requiredKeys: ["parameters"],
            decide: { claim, _ in try MeanFieldChecks.state(claim) }),
        DynamicsClaimCheck(
            name: "meanfield-threshold",
            summary: "threshold in γ_B/(α_B|g_B|) of NC(8) (`threshold: flip|chiral`): Jacobian prediction (symbolic Jacobian at the bracket ends) and simulation bisection, compared with the number in `printed:` within `tolerance:`",
            requiredKeys: ["threshold"],
            decide: { claim, _ in try MeanFieldChecks.threshold(claim) }),
        DynamicsClaimCheck(
            name: "meanfield-chiral-coupling",
            summary: "smallest j_AB with a chiral phase of NC(8) for γ_B/(α_B|g_B|) ≤ `ratio-max:` (Jacobian, confirmed by simulation), compared with the bound stated in `printed:` (a number, or an inequality in J_AB parsed and solved)",
            requiredKeys: [],
            decide: { claim, context in try MeanFieldChecks.chiralCoupling(claim, context) }),
        DynamicsClaimCheck(
            name: "meanfield-temperature-expansion",
            summary: "is there a j_AB at which the chiral phase of NC(8) starts at a lower γ_B at k_BT = `parameters: T` than at `_lowT` (the chiral region expands with temperature)?",
            requiredKeys: [],
            decide: { claim, _ in try MeanFieldChecks.temperatureExpansion(claim) }),
        DynamicsClaimCheck(
            name: "llg-sign-flip",
            summary: "two spins under NC(6) (spin 1 lit): the γ_1/(α_1|g_1|) at which the pair stops aligning, by simulation bisection, vs the number in `printed:`; `parameters: _fixedLength = 1` for the fixed-length reading",
            requiredKeys: [],
            decide: { claim, _ in try LLGChecks.signFlip(claim) }),
        DynamicsClaimCheck(
            name: "llg-landau-lifshitz",
            summary: "the explicit Landau–Lifshitz form of NC(6) satisfies the implicit Gilbert equation: MPFR residual at seeded random states to `digits:`",
            requiredKeys: [],
            decide: { claim, _ in try LLGChecks.landauLifshitz(claim) }),
    ]
}
