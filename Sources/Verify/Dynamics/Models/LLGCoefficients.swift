import Grassmann
import Symbolic

/// The coefficients of the light-induced LLG equation NC(6) = AX(6) = AX(S262) for N local moments,
/// computed by the engine from the microscopic model NC(3) — nothing is typed in from the paper:
///
/// - g_a, γ_a: computed from the model declared in derivations/sd-coupling.md at site a's ε_d, U, v, κ
///   and ε_k = ε_F, in exact rational arithmetic (`SdLightDependence`; equal to the projection method
///   AX(S31), as the audit checks). Convention `perChannelRate` (default true): κ_a/2 per spin
///   channel, the reading in which the printed NC(17), NC(18) hold (see derivations/sd-coupling.md), so
///   that κ_a here is the κ_a of the text's "κ_a ≳ α_a U_a". False: NC(3) as written (|↑↓⟩ decays at 2κ).
/// - J_ab = g_a g_b (n²/ε_F) J(2k_F R_ab, t)   [AX(S214), NC(30)],
/// - Ω_ab = γ_a |g_b| (n²/ε_F) J(2k_F R_ab, t)  [AX(S215), NC(31)],
/// - α_a  = g_a² (n²/ε_F²) A(t)                  [AX(S221), NC(32)],
///
/// with J = `RKKYIntegral.value` and A = `GilbertDampingIntegral.value` (MPFR quadrature, t = k_BT/ε_F;
/// conventions in `IntegralConventions`). Since g_a < 0 in the regime ε_d < ε_F < ε_d + U, g_a g_b =
/// |g_a||g_b| and Ω_ab = (γ_a/|g_a|) J_ab — the main-text form, recovered here rather than assumed
/// (`LLGCoefficientTests` checks it). Energies in meV, ħ = k_B = 1.
public struct LLGCoefficients: Sendable {
    public var g: [Double]
    public var gamma: [Double]
    public var alpha: [Double]
    /// J_ab, N × N (zero diagonal).
    public var exchange: [[Double]]
    /// Ω_ab, N × N (zero diagonal); Ω_ab ≠ Ω_ba when γ_a|g_b| ≠ γ_b|g_a|.
    public var lightTorque: [[Double]]
    public var filling: Double
    /// The dimensionless integrals used: J(2k_F R_ab, t) per pair and A(t).
    public var rkkyIntegral: [[Double]]
    public var dampingIntegral: Double

    /// Digits requested from the quadratures (Double needs ~16).
    public static let quadratureDigits = 18

    /// Computes every coefficient for `sites` at mutual distances `kFR[a][b]` = k_F R_ab (symmetric, > 0 off
    /// the diagonal), Fermi energy ε_F > 0, filling n > 0 and temperature k_BT ≥ 0 (meV).
    /// Throws `ModelInputError` naming the parameter and the fix.
    public static func compute(sites: [ImpuritySite], kFR: [[Double]], fermiEnergy: BigRational, filling: Double,
                               temperature: Double, perChannelRate: Bool = true) throws -> LLGCoefficients {
        let n = sites.count
        guard n >= 1 else { throw ModelInputError(parameter: "sites", value: 0, fix: "give at least one spin") }
        guard kFR.count == n, kFR.allSatisfy({ $0.count == n }) else {
            throw ModelInputError(parameter: "kFR", value: Double(kFR.count), fix: "k_F R_ab must be \(n) × \(n)")
        }
        let eF = fermiEnergy.doubleValue
        guard eF > 0, eF.isFinite else {
            throw ModelInputError(parameter: "eF", value: eF, fix: "ε_F is measured from the band bottom: give ε_F > 0 (meV)")
        }
        guard filling > 0, filling.isFinite else { throw ModelInputError(parameter: "n", value: filling, fix: "the filling must be > 0") }
        guard temperature >= 0, temperature.isFinite else {
            throw ModelInputError(parameter: "T", value: temperature, fix: "k_BT must be ≥ 0 (meV)")
        }
        for a in 0..<n {
            for b in 0..<n where a != b {
                guard kFR[a][b] > 0, kFR[a][b] == kFR[b][a] else {
                    throw ModelInputError(parameter: "kFR[\(a)][\(b)]", value: kFR[a][b],
                                          fix: "distances must be positive and symmetric (k_F R_ab = k_F R_ba > 0)")
                }
            }
        }
        var g: [Double] = [], gamma: [Double] = []
        for (a, site) in sites.enumerated() {
            let c: (g: GaussianRational, gamma: GaussianRational)
            do {
                c = try SdLightDependence.exactCoefficients(site: site, fermiEnergy: fermiEnergy, perChannelRate: perChannelRate)
            } catch {
                throw ModelInputError(parameter: "site \(a + 1)", value: site.kappa.doubleValue,
                                      fix: "g, γ could not be computed (\(error)); choose ε_d < ε_F < ε_d + U, U > 0, κ ≥ 0")
            }
            g.append(c.g.re.doubleValue)
            gamma.append(c.gamma.re.doubleValue)
        }
        let integrals = try MomentumIntegrals.compute(kFR: kFR, fermiEnergy: eF, temperature: temperature)
        return assemble(g: g, gamma: gamma, integrals: integrals, fermiEnergy: eF, filling: filling)
    }

    /// J_ab, Ω_ab, α_a from g_a, γ_a (already computed by the projection method) and the integrals.
    public static func assemble(g: [Double], gamma: [Double], integrals: MomentumIntegrals, fermiEnergy eF: Double,
                                filling: Double) -> LLGCoefficients {
        let n = g.count
        let rkky = integrals.rkky
        let scale = filling * filling / eF
        var exchange = rkky, omega = rkky
        for a in 0..<n {
            for b in 0..<n {
                exchange[a][b] = a == b ? 0 : g[a] * g[b] * scale * rkky[a][b]
                omega[a][b] = a == b ? 0 : gamma[a] * abs(g[b]) * scale * rkky[a][b]
            }
        }
        let alpha = g.map { $0 * $0 * filling * filling / (eF * eF) * integrals.damping }
        return LLGCoefficients(g: g, gamma: gamma, alpha: alpha, exchange: exchange, lightTorque: omega,
                               filling: filling, rkkyIntegral: rkky, dampingIntegral: integrals.damping)
    }

    /// NC(6) with these coefficients (Ω_ab as computed, not re-derived from γ_a/|g_a|).
    public func model(fixedLength: Bool = false) -> LightInducedLLG {
        var m = LightInducedLLG(exchange: exchange.flatMap { $0 }, lightTorque: lightTorque.flatMap { $0 },
                                alpha: alpha, gamma: gamma, filling: filling)
        m.fixedLength = fixedLength
        return m
    }

    /// γ_a/(α_a|g_a|): the light strength in the unit of the text's criterion γ_a ≳ α_a|g_a|.
    public func lightRatio(_ a: Int) -> Double { gamma[a] / (alpha[a] * abs(g[a])) }
}
