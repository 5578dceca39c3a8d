import Symbolic

/// g_a(κ) and γ_a(κ) of one site as functions of the light intensity κ, computed from the model
/// declared in `derivations/sd-coupling.md` (`modelFile`): the impurity and two conduction levels at
/// ε_k, ℒ_0 = −i[H_0, ·] + Σ_σ (κ/2)𝒟[d_σP_↑↓] (κ/2 per spin channel, total decay κ of |↑↓⟩), the
/// eigenvalues λ_(a)+, λ_(b)+ of the intermediate coherences computed by the engine from that
/// declaration, and the file's definitions
///   g_derived = −|v|² Im W,  γ_derived = −2|v|² Re W,  W = λ_(a)+⁻¹ + λ_(b)+⁻¹ at ε_k = ε_F.
/// That these are the coefficients of the second-order projection method (AX(S31), the fit of ℒ_eff to
/// NC(16)) is checked in the audit: lindblad-perturbation.md derives g, γ by the projection method from
/// its own declaration of NC(3), and its claims `lindblad.sd.g.half-rate`, `lindblad.sd.gamma.half-rate`
/// equal NC(17), NC(18) at κ/2 per channel, which sd-coupling.md's `sd.g.minus-imaginary-part`,
/// `sd.gamma.minus-twice-real-part` equal to g_derived, γ_derived.
///
/// The file is evaluated once per process with κ a symbol; a site substitutes its exact ε_d, U, v and
/// ε_F, so g(κ), γ(κ) are exact rational functions and a sweep or bisection in κ evaluates them exactly.
/// Convention `perChannelRate` as in `LLGCoefficients` (true: κ/2 per spin channel, the κ of NC(17),
/// NC(18) and of the text's "κ_a ≳ α_a U_a"; false: NC(3) read literally, κ per channel, i.e. the file's
/// κ is 2κ).
public struct SdLightDependence: Sendable {
    /// g(κ), γ(κ) in the symbol `kappa` of the model file.
    public let g: Expr
    public let gamma: Expr
    public let site: ImpuritySite
    let kappaSymbol: Symbol

    /// The derivation file that declares the model and defines g, γ.
    public static let modelFile = "derivations/sd-coupling.md"
    static let gName = "g_derived", gammaName = "gamma_derived"

    /// The model file, read once.
    static func definitions() throws -> DeclaredDefinitions {
        let path = DeclaredDefinitions.repositoryFile(modelFile)
        do { return try DeclaredDefinitions.shared(path: path) } catch {
            throw ModelInputError(parameter: "model", value: 0, fix: "cannot read the model file \(path): \(error)")
        }
    }

    /// The file's g, γ with ε_d, U, v, ε_F of the site substituted and κ (file's symbol) replaced by `kappa`.
    static func coefficients(site: ImpuritySite, fermiEnergy: BigRational, kappa: Expr, perChannelRate: Bool) throws -> (g: Expr, gamma: Expr, kappa: Symbol) {
        let d = try definitions()
        guard let k = d.symbol("kappa") else {
            throw ModelInputError(parameter: "model", value: 0, fix: "\(modelFile) declares no symbol `kappa`")
        }
        let values: [String: Expr] = ["ed": Expr(site.epsD), "U": Expr(site.hubbardU), "v": Expr(GaussianRational(site.v)),
                                      "eF": Expr(fermiEnergy), "kappa": perChannelRate ? kappa : Expr(2) * kappa]
        return (try d.value(gName, at: values), try d.value(gammaName, at: values), k)
    }

    public static func derive(site: ImpuritySite, fermiEnergy: BigRational, perChannelRate: Bool = true) throws -> SdLightDependence {
        guard site.hubbardU.signum > 0, site.epsD < fermiEnergy, fermiEnergy < site.epsD + site.hubbardU else {
            throw ModelInputError(parameter: "eps_d/U/eF", value: site.epsD.doubleValue,
                                  fix: "choose ε_d < ε_F < ε_d + U with U > 0 (the regime of NC(17), where g < 0)")
        }
        let d = try definitions()
        guard let k = d.symbol("kappa") else {
            throw ModelInputError(parameter: "model", value: 0, fix: "\(modelFile) declares no symbol `kappa`")
        }
        let c = try coefficients(site: site, fermiEnergy: fermiEnergy, kappa: .symbol(k), perChannelRate: perChannelRate)
        return SdLightDependence(g: c.g, gamma: c.gamma, site: site, kappaSymbol: k)
    }

    /// (g_a, γ_a) at light intensity κ ≥ 0, exactly.
    public func at(kappa: BigRational) throws -> (g: BigRational, gamma: BigRational) {
        let map: [Symbol: Expr] = [kappaSymbol: Expr(kappa)]
        guard let g = g.substituting(map).numberValue, let gamma = gamma.substituting(map).numberValue,
              g.im.isZero, gamma.im.isZero else {
            throw ModelInputError(parameter: "kappa", value: kappa.doubleValue, fix: "g(κ), γ(κ) did not reduce to real numbers")
        }
        return (g.re, gamma.re)
    }

    /// (g_a, γ_a) of `site` at its own κ, exactly (`LLGCoefficients`): the file's definitions at the
    /// site's parameters. Throws when ε_F is resonant with ε_d or ε_d + U, U ≤ 0 or κ < 0.
    static func exactCoefficients(site: ImpuritySite, fermiEnergy: BigRational, perChannelRate: Bool) throws -> (g: GaussianRational, gamma: GaussianRational) {
        guard site.hubbardU.signum > 0 else { throw ModelInputError(parameter: "U", value: site.hubbardU.doubleValue, fix: "U must be positive") }
        guard site.kappa.signum >= 0 else { throw ModelInputError(parameter: "kappa", value: site.kappa.doubleValue, fix: "κ must be non-negative") }
        guard site.epsD != fermiEnergy, site.epsD + site.hubbardU != fermiEnergy else {
            throw ModelInputError(parameter: "eps_d/U/eF", value: site.epsD.doubleValue,
                                  fix: "ε_F coincides with ε_d or ε_d + U: an intermediate state is resonant and second-order theory breaks down (choose ε_d < ε_F < ε_d + U)")
        }
        let c = try coefficients(site: site, fermiEnergy: fermiEnergy, kappa: Expr(site.kappa), perChannelRate: perChannelRate)
        guard let g = c.g.numberValue, let gamma = c.gamma.numberValue else {
            throw ModelInputError(parameter: "site", value: site.epsD.doubleValue, fix: "g, γ of \(modelFile) did not reduce to numbers")
        }
        return (g, gamma)
    }
}
