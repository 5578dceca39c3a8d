import Symbolic

/// The coefficients of NC(4)/AX(S139) at given parameters, obtained by running the projection
/// method (`SdExchangeDerivation`) on the model NC(3) with exact rational parameters and the
/// conduction levels at ε_k = ε_F. Exact Gaussian rationals; the model is NC(3) as written
/// (Σ_σ κ𝒟[d_σP_↑↓], total decay 2κ of |↑↓⟩). `perChannelRate: true` uses κ/2 per spin channel
/// (total κ), the convention under which NC(17), NC(18) hold.
public struct SdCoefficients: Sendable {
    public var g: GaussianRational
    public var gamma: GaussianRational
    public var gImpC: GaussianRational
    /// Per conduction level (AX(S134) with its Σ_k).
    public var gImpD: GaussianRational

    public static func compute(epsD: BigRational, hubbardU: BigRational, epsF: BigRational, kappa: BigRational,
                               v: GaussianRational, perChannelRate: Bool = false) throws -> SdCoefficients {
        guard hubbardU.signum > 0 else { throw FockSpaceError("--U must be positive, got \(hubbardU)") }
        guard kappa.signum >= 0 else { throw FockSpaceError("--kappa must be non-negative, got \(kappa)") }
        guard epsD != epsF, epsD + hubbardU != epsF else {
            throw FockSpaceError("ε_F coincides with ε_d or ε_d + U: an intermediate state is resonant and second-order theory breaks down (choose ε_d < ε_F < ε_d + U)")
        }
        let k = perChannelRate ? kappa / BigRational(2) : kappa
        let d = try SdExchangeDerivation.derive(ed: Expr(epsD), U: Expr(hubbardU), kappa: Expr(k), v: Expr(v), ek: Expr(epsF))
        guard d.fullResidual.kind == .verified, d.ketResidual.kind == .verified,
              let g = d.g.numberValue, let gamma = d.gamma.numberValue, let c = d.gImpC.numberValue, let dd = d.gImpD.numberValue else {
            throw FockSpaceError("the effective Lindbladian did not match NC(16) at these parameters: \(d.fullResidual.detail)")
        }
        return SdCoefficients(g: g, gamma: gamma, gImpC: c, gImpD: dd / GaussianRational(2))
    }
}
