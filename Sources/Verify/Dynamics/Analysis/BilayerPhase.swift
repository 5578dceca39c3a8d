/// Long-time states of the bilayer mean-field model NC(8), with m_a = |m_a|(cos φ_a, sin φ_a) and
/// Δφ = φ_A − φ_B (NC text after (8)).
public enum BilayerPhase: String, Sendable, Codable, CaseIterable {
    /// Static, Δφ = 0.
    case aligned
    /// Static, Δφ = π.
    case antialigned
    /// Δφ ≠ 0, π; both magnetisations rotate together at a frequency ω ≠ 0 (a rotating wave: a fixed point
    /// in the co-rotating frame, a limit cycle in the lab frame).
    case chiral
    /// |m_A| = |m_B| = 0.
    case disordered
    /// Exactly one layer ordered (Δφ undefined).
    case singleLayer = "single-layer"
    /// The invariants |m_A|, |m_B|, Δφ had not settled by the time limit.
    case unsettled
}

/// The long-time state reached from one initial condition.
public struct BilayerState: Sendable, Codable, Equatable {
    public var phase: BilayerPhase
    /// Δφ = φ_A − φ_B wrapped to (−π, π] (radians).
    public var deltaPhi: Double
    public var mA: Double
    public var mB: Double
    /// Common rotation frequency ω = dφ_A/dt (meV, ħ = 1); 0 for static states.
    public var omega: Double
    /// Time at which the state was classified (ħ/meV).
    public var time: Double
    /// Largest remaining rate of the invariants at that time (see `BilayerSimulation`).
    public var residual: Double
    /// Final state vector (m_A^x, m_A^y, m_B^x, m_B^y).
    public var y: [Double]

    /// Static state (fixed point in the lab frame).
    public var isFixedPoint: Bool { phase == .aligned || phase == .antialigned || phase == .disordered || phase == .singleLayer }
    /// Rotating state (limit cycle in the lab frame, fixed point in the co-rotating frame).
    public var isLimitCycle: Bool { phase == .chiral }
}
