import Grassmann
import Symbolic

/// g_a(κ) and γ_a(κ) of one site as functions of the light intensity κ: the projection method
/// (`SdExchangeDerivation`, AX(S31)) run once on NC(3) with ε_d, U, v, ε_k = ε_F exact and κ a symbol,
/// so that a sweep or bisection in κ evaluates the engine's own rational functions exactly instead of
/// re-running the projection at every κ. Convention `perChannelRate` as in `LLGCoefficients` (κ/2 per
/// spin channel: the κ of NC(17), NC(18) and of the text's "κ_a ≳ α_a U_a").
public struct SdLightDependence: Sendable {
    /// g(κ), γ(κ) in the symbol `SdExchangeDerivation.kappa`.
    public let g: Expr
    public let gamma: Expr
    public let site: ImpuritySite

    public static func derive(site: ImpuritySite, fermiEnergy: BigRational, perChannelRate: Bool = true) throws -> SdLightDependence {
        guard site.hubbardU.signum > 0, site.epsD < fermiEnergy, fermiEnergy < site.epsD + site.hubbardU else {
            throw ModelInputError(parameter: "eps_d/U/eF", value: site.epsD.doubleValue,
                                  fix: "choose ε_d < ε_F < ε_d + U with U > 0 (the regime of NC(17), where g < 0)")
        }
        let k = SdExchangeDerivation.kappa
        let d = try SdExchangeDerivation.derive(ed: Expr(site.epsD), U: Expr(site.hubbardU), kappa: perChannelRate ? k / Expr(2) : k,
                                                v: Expr(GaussianRational(site.v)), ek: Expr(fermiEnergy), includeHamiltonianFit: false)
        guard d.fullResidual.kind == .verified else {
            throw ModelInputError(parameter: "site", value: site.epsD.doubleValue,
                                  fix: "the effective Lindbladian did not match NC(16): \(d.fullResidual.detail)")
        }
        return SdLightDependence(g: d.g, gamma: d.gamma, site: site)
    }

    /// (g_a, γ_a) at light intensity κ ≥ 0, exactly.
    public func at(kappa: BigRational) throws -> (g: BigRational, gamma: BigRational) {
        guard case .symbol(let k) = SdExchangeDerivation.kappa else { preconditionFailure("κ is a symbol") }
        let map: [Symbol: Expr] = [k: Expr(kappa)]
        guard let g = g.substituting(map).numberValue, let gamma = gamma.substituting(map).numberValue,
              g.im.isZero, gamma.im.isZero else {
            throw ModelInputError(parameter: "kappa", value: kappa.doubleValue, fix: "g(κ), γ(κ) did not reduce to real numbers")
        }
        return (g.re, gamma.re)
    }
}
