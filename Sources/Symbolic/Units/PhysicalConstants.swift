/// SI constants, CODATA 2018 (the SI 2019 defining constants are exact).
///
/// Exact: c, h, ħ = h/(2π) (exact as a rational times π⁻¹), e, k_B, N_A. Measured: m_e, ε0, μ0, α,
/// each with its CODATA 2018 standard uncertainty carried as `relativeUncertainty`. This is the
/// only place in Referee where SI constants are typed in (docs/ARCHITECTURE.md, "Conventions").
public enum PhysicalConstants {
    /// A CODATA value "v" with standard uncertainty "u" (same units): central value exact, u_r = u/|v|.
    static func measured(_ value: String, _ uncertainty: String, _ dimension: PhysicalDimension) -> Quantity {
        let v = BigRational(value)!, u = BigRational(uncertainty)!
        return Quantity(v, dimension, relativeUncertainty: (u / v.magnitude).doubleValue)
    }

    /// Speed of light in vacuum c = 299 792 458 m s⁻¹ (exact).
    public static let speedOfLight = Quantity(BigRational(299_792_458), PhysicalDimension(length: 1, time: -1))
    /// Planck constant h = 6.626 070 15 × 10⁻³⁴ J s (exact).
    public static let planck = Quantity(BigRational("6.62607015e-34")!, .action)
    /// Reduced Planck constant ħ = h/(2π) (exact in terms of π).
    public static let hbar = Quantity(.exact(BigRational("6.62607015e-34")! / 2, piPower: -1), .action)
    /// Elementary charge e = 1.602 176 634 × 10⁻¹⁹ C (exact).
    public static let elementaryCharge = Quantity(BigRational("1.602176634e-19")!, .charge)
    /// Boltzmann constant k_B = 1.380 649 × 10⁻²³ J K⁻¹ (exact).
    public static let boltzmann = Quantity(BigRational("1.380649e-23")!, .entropy)
    /// Avogadro constant N_A = 6.022 140 76 × 10²³ mol⁻¹ (exact).
    public static let avogadro = Quantity(BigRational("6.02214076e23")!, PhysicalDimension(amount: -1))
    /// Electron mass m_e = 9.109 383 7015(28) × 10⁻³¹ kg.
    public static let electronMass = measured("9.1093837015e-31", "0.0000000028e-31", .mass)
    /// Vacuum electric permittivity ε0 = 8.854 187 8128(13) × 10⁻¹² F m⁻¹.
    public static let vacuumPermittivity = measured("8.8541878128e-12", "0.0000000013e-12",
                                                    PhysicalDimension(mass: -1, length: -3, time: 4, current: 2))
    /// Vacuum magnetic permeability μ0 = 1.256 637 062 12(19) × 10⁻⁶ N A⁻².
    public static let vacuumPermeability = measured("1.25663706212e-6", "0.00000000019e-6",
                                                    PhysicalDimension(mass: 1, length: 1, time: -2, current: -2))
    /// Fine-structure constant α = 7.297 352 5693(11) × 10⁻³ (dimensionless).
    public static let fineStructure = measured("7.2973525693e-3", "0.0000000011e-3", .dimensionless)

    /// The constants by their usual symbols in formulas: c, h, hbar, e, k_B (also kB), N_A, m_e, eps0, mu0, alpha_fs.
    public static let bySymbol: [String: Quantity] = [
        "c": speedOfLight, "h": planck, "hbar": hbar, "e": elementaryCharge, "k_B": boltzmann, "kB": boltzmann,
        "N_A": avogadro, "m_e": electronMass, "eps0": vacuumPermittivity, "epsilon0": vacuumPermittivity,
        "mu0": vacuumPermeability, "alpha_fs": fineStructure,
    ]
}
