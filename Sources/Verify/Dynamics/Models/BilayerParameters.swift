/// Inputs of the phenomenological two-layer mean-field model NC(8a)/(8b) = AX(8a)/(8b).
///
/// Energies in meV, ħ = k_B = 1 (time in ħ/meV). `temperature` is k_BT. Layer B is the one the light
/// acts on: γ_B is its light-induced decay rate, g_B its sd coupling.
public struct BilayerParameters: Sendable, Codable, Equatable {
    public var jAA: Double
    public var jBB: Double
    /// Interlayer coupling j_AB = j_BA (> 0 ferromagnetic).
    public var jAB: Double
    public var alphaA: Double
    public var alphaB: Double
    /// sd coupling of layer B (the paper uses g_B < 0, antiferromagnetic).
    public var gB: Double
    /// Filling n of the conduction band.
    public var filling: Double
    /// k_BT in meV.
    public var temperature: Double
    /// Light-induced decay rate γ_B in meV.
    public var gammaB: Double
    /// Deliberately wrong inputs for tests (internal): Ω_BA is multiplied by this in the equations.
    var mutantOmegaScale = 1.0
    /// Deliberately wrong inputs for tests (internal): α_B in the equations (not in the unit α_B|g_B|) is
    /// multiplied by this.
    var mutantAlphaBScale = 1.0

    public init(jAA: Double, jBB: Double, jAB: Double, alphaA: Double, alphaB: Double, gB: Double,
                filling: Double, temperature: Double, gammaB: Double) {
        self.jAA = jAA; self.jBB = jBB; self.jAB = jAB
        self.alphaA = alphaA; self.alphaB = alphaB; self.gB = gB
        self.filling = filling; self.temperature = temperature; self.gammaB = gammaB
    }

    /// The inputs stated in the caption of NC Fig. 1c / Fig. 5 (AX Figs. 1c, 4): j_AA = 10, j_BB = 5,
    /// j_AB = 5 meV, α_A = 0.1, α_B = 2×10⁻³, g_B = −10 meV, n = 1, k_BT = 9 meV; light off (γ_B = 0).
    /// These are the paper's inputs; nothing here encodes a result.
    public static let figureCaption = BilayerParameters(jAA: 10, jBB: 5, jAB: 5, alphaA: 0.1, alphaB: 2e-3,
                                                        gB: -10, filling: 1, temperature: 9, gammaB: 0)

    /// The light-induced torque coefficient Ω_BA = (γ_B/|g_B|) j_AB of NC(8b) (= NC(6)'s Ω_ab = (γ_a/|g_a|) J_ab).
    public var omegaBA: Double { gammaB / abs(gB) * jAB * mutantOmegaScale }

    /// The natural unit of γ_B in the paper's figures: α_B|g_B|.
    public var gammaUnit: Double { alphaB * abs(gB) }

    /// γ_B/(α_B|g_B|).
    public var gammaRatio: Double {
        get { gammaB / gammaUnit }
        set { gammaB = newValue * gammaUnit }
    }

    /// A copy with γ_B = r α_B|g_B|.
    public func with(gammaRatio r: Double) -> BilayerParameters {
        var p = self
        p.gammaRatio = r
        return p
    }

    /// Reject inputs for which NC(8) is undefined, naming the parameter and the fix.
    public func validate() throws {
        func check(_ ok: Bool, _ name: String, _ value: Double, _ fix: String) throws {
            if !ok || !value.isFinite { throw ModelInputError(parameter: name, value: value, fix: fix) }
        }
        try check(temperature > 0, "temperature", temperature, "k_BT must be positive (meV)")
        try check(gB != 0, "gB", gB, "g_B must be nonzero: Ω_BA = (γ_B/|g_B|) j_AB divides by it")
        try check(alphaA >= 0, "alphaA", alphaA, "Gilbert damping must be ≥ 0")
        try check(alphaB >= 0, "alphaB", alphaB, "Gilbert damping must be ≥ 0")
        try check(gammaB >= 0, "gammaB", gammaB, "γ_B is a decay rate, ≥ 0")
        try check(filling >= 0, "filling", filling, "the filling n is ≥ 0")
        try check(true, "jAA", jAA, ""); try check(true, "jBB", jBB, ""); try check(true, "jAB", jAB, "")
    }
}

/// An invalid model parameter: its name, value and how to fix it.
public struct ModelInputError: Error, Equatable, CustomStringConvertible {
    public let parameter: String
    public let value: Double
    public let fix: String
    public var description: String { "invalid parameter \(parameter) = \(value): \(fix)" }
}
