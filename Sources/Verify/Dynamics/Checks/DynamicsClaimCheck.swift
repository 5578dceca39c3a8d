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
            name: "meanfield-chiral-coupling",
            summary: "smallest j_AB with a chiral phase of NC(8) for γ_B/(α_B|g_B|) ≤ `parameters: _ratioMax` (Jacobian, confirmed by simulation), compared with the bound stated in `printed:` (a number, or an inequality in J_AB parsed and solved)",
            requiredKeys: [],
            decide: { claim, context in try MeanFieldChecks.chiralCoupling(claim, context) }),
        DynamicsClaimCheck(
            name: "meanfield-temperature-expansion",
            summary: "is there a j_AB at which the chiral phase of NC(8) starts at a lower γ_B at k_BT = `parameters: T` than at `_lowT` (the chiral region expands with temperature)?",
            requiredKeys: [],
            decide: { claim, _ in try MeanFieldChecks.temperatureExpansion(claim) }),
        DynamicsClaimCheck(
            name: "llg-sign-flip",
            summary: "two spins under NC(6): the light at which the pair stops aligning, by simulation bisection, vs `printed:`. With microscopic `parameters: eps_d, U, eF, v, kFR, n, T` (meV; `_light = 1|2`, `_fixedLength = 0|1`) every coefficient is computed by the engine, the bisection runs in κ and the printed criterion (in kappa_1, U_1, alpha_1, gamma_1, g_1, J_12, Omega_12) is evaluated at the threshold; otherwise typed-in J, alpha1, alpha2, g, n (spin 1 lit, bisection in γ_1/(α_1|g_1|))",
            requiredKeys: [],
            decide: { claim, context in try LLGChecks.signFlip(claim, context) }),
        DynamicsClaimCheck(
            name: "llg-chase-and-run",
            summary: "two spins under NC(6) with microscopic `parameters:` (as for llg-sign-flip): scan κ below and above the threshold and look for the long-time state in `printed:` (aligned, antialigned, chase-and-run = a stationary rotation, reported with its frequency ω)",
            requiredKeys: ["parameters"],
            decide: { claim, _ in try LLGChecks.chaseAndRun(claim) }),
    ]
}
