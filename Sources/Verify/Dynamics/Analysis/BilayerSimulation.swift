import Symbolic
import Foundation

/// Simulate NC(8) from an initial condition until the rotation-invariant quantities |m_A|, |m_B| and Δφ
/// settle, then classify the state.
///
/// NC(8) is invariant under a common rotation of m_A and m_B, so every long-time state that is a fixed
/// point or a uniformly rotating limit cycle has constant |m_A|, |m_B|, Δφ. Settling is tested on
///     R = max( |d|m_A|/dt|, |d|m_B|/dt|, |ω_A − ω_B| · min(|m_A|, |m_B|) ),   ω_a = (m_a × ṁ_a)/|m_a|²,
/// computed from the FSAL derivative after every step: the state is taken as settled when R < R_settle
/// throughout a window of length `holdTime`, with the threshold relative to the integration's own noise floor,
///     R_settle = noiseMargin · Λ · (atol + rtol · m_scale),   m_scale = 1,
/// Λ = `BilayerMeanField.rateScale` (meV). Why relative: once the state is near a fixed point the DOP853 step
/// grows until it is limited by stability on the fastest mode (rate λ_fast ≤ Λ); the error controller then
/// holds that mode at the local-error amplitude ≈ atol + rtol|m|, so R plateaus at ≈ λ_fast (atol + rtol|m|)
/// and never decays further. An absolute threshold of 1e-10 meV sat on that plateau (R ≈ 1.05e-10 meV at
/// γ_B/(α_B|g_B|) = 0.0625, j_AB = 9.75 meV, step ≈ 4.2 ħ/meV): such cells never settled.
///
/// A state with the geometry of a fixed-point phase (aligned, antialigned, single-layer, disordered) counts as
/// settled only if the whole derivative vanishes, max_i |ẏ_i| < R_settle, not only R (`isStillMoving`): near an
/// unstable antialigned point R stays small while the state slowly starts to rotate, and a transient can pass
/// Δφ ≈ 0 on its way to a rotating state; neither is ever reported as aligned or antialigned.
public struct BilayerSimulation: Sendable {
    public var pair: RungeKuttaPair = .dop853
    public var tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)
    /// Give up (phase `unsettled`) after this time (ħ/meV).
    public var maxTime: Double = 2e6
    /// R_settle in units of the noise floor Λ (atol + rtol); dimensionless, in `allowedNoiseMargins`.
    public var noiseMargin: Double = 10
    /// Accepted values of `noiseMargin`: at or below 1 the threshold lies on the integrator's noise floor (cells
    /// never settle); above 10³ it reaches ≳ 10⁻⁶ meV, the rates of slow transients near the phase boundaries.
    public static let allowedNoiseMargins: ClosedRange<Double> = 1.5...1000
    /// Window over which R must stay below the threshold (ħ/meV).
    public var holdTime: Double = 2000
    /// |m| below this counts as zero.
    public var orderThreshold: Double = 1e-4
    /// |Δφ| (or π − |Δφ|) below this counts as aligned (antialigned), in radians.
    public var angleTolerance: Double = 1e-3

    public init() {}

    /// The noise floor Λ (atol + rtol · m_scale) of R for `model` (meV), m_scale = 1 (|m_a| ≤ 1 in NC(8)).
    public func noiseFloor(for model: BilayerMeanField) -> Double {
        model.rateScale * (tolerances.absolute + tolerances.relative)
    }

    /// R_settle = noiseMargin · noiseFloor (meV).
    public func settlingThreshold(for model: BilayerMeanField) -> Double {
        noiseMargin * noiseFloor(for: model)
    }

    /// The long-time state from `initial` = (m_A^x, m_A^y, m_B^x, m_B^y). Throws for invalid parameters
    /// (including a `noiseMargin` outside `allowedNoiseMargins`).
    public func run(_ model: BilayerMeanField, from initial: [Double]) throws -> BilayerState {
        try model.parameters.validate()
        if !Self.allowedNoiseMargins.contains(noiseMargin) {
            throw ModelInputError(parameter: "noiseMargin", value: noiseMargin,
                                  fix: "the settling threshold in units of the noise floor Λ(atol + rtol) must lie in \(Self.allowedNoiseMargins)")
        }
        let threshold = settlingThreshold(for: model)
        let holdTime = self.holdTime
        let solver = AdaptiveRungeKutta(field: model, pair: pair, tolerances: tolerances)
        var settledSince: Double? = nil
        var lastResidual = Double.infinity
        let result = try solver.integrate(initial, from: 0, to: maxTime) { s in
            let r = s.withDerivative { Self.invariantRates(s.y, $0) }
            lastResidual = r
            if r < threshold && s.withDerivative({ !isStillMoving(s.y, $0, threshold: threshold) }) {
                if let since = settledSince {
                    if s.t - since >= holdTime { return .stop }
                } else {
                    settledSince = s.t
                }
            } else {
                settledSince = nil
            }
            return .proceed
        }
        var dy = [Double](repeating: 0, count: 4)
        model.evaluate(t: result.t, y: result.y, into: &dy)
        return classify(result.y, dy, time: result.t, residual: lastResidual, settled: result.stoppedEarly,
                        threshold: threshold)
    }

    /// Integrate NC(8) from `initial` over [0, tFinal] with this simulation's pair and tolerances, without the
    /// settling test (the fixed-horizon workload compared with scipy in Benchmarks/python/dynamics_benchmark.py).
    public func integrate(_ model: BilayerMeanField, from initial: [Double], to tFinal: Double) throws -> IntegrationResult {
        try model.parameters.validate()
        return try AdaptiveRungeKutta(field: model, pair: pair, tolerances: tolerances, maxSteps: 100_000_000)
            .integrate(initial, from: 0, to: tFinal)
    }

    /// R of the type's documentation, from the state y and its derivative ẏ (any collection indexed 0..<4,
    /// so that the integrator's stage row is read in place, without a copy).
    public static func invariantRates<Derivative: RandomAccessCollection>(_ y: [Double], _ dy: Derivative) -> Double
    where Derivative.Element == Double, Derivative.Index == Int {
        let mA = (y[0] * y[0] + y[1] * y[1]).squareRoot(), mB = (y[2] * y[2] + y[3] * y[3]).squareRoot()
        let dA = mA > 0 ? (y[0] * dy[0] + y[1] * dy[1]) / mA : (dy[0] * dy[0] + dy[1] * dy[1]).squareRoot()
        let dB = mB > 0 ? (y[2] * dy[2] + y[3] * dy[3]) / mB : (dy[2] * dy[2] + dy[3] * dy[3]).squareRoot()
        var r = max(abs(dA), abs(dB))
        if mA > 0 && mB > 0 {
            let wA = (y[0] * dy[1] - y[1] * dy[0]) / (mA * mA)
            let wB = (y[2] * dy[3] - y[3] * dy[2]) / (mB * mB)
            r = max(r, abs(wA - wB) * min(mA, mB))
        }
        return r
    }

    /// Whether a state whose invariants look settled is nevertheless not at rest: it has the geometry of a
    /// fixed-point phase (a layer with |m| ≤ `orderThreshold`, or Δφ within `angleTolerance` of 0 or π), where
    /// NC(8) allows no rotation, yet some |ẏ_i| ≥ `threshold`. Typical case: a slow departure from an unstable
    /// antialigned point towards the chiral state (Δφ ≈ π, ω ≈ 10⁻⁶ meV, R still below threshold).
    public func isStillMoving<Derivative: RandomAccessCollection>(_ y: [Double], _ dy: Derivative, threshold: Double) -> Bool
    where Derivative.Element == Double, Derivative.Index == Int {
        if !dy.contains(where: { !(abs($0) < threshold) }) { return false }
        let mA = (y[0] * y[0] + y[1] * y[1]).squareRoot(), mB = (y[2] * y[2] + y[3] * y[3]).squareRoot()
        if mA <= orderThreshold || mB <= orderThreshold { return true }
        var deltaPhi = abs(atan2(y[1], y[0]) - atan2(y[3], y[2]))
        if deltaPhi > Double.pi { deltaPhi = 2 * Double.pi - deltaPhi }
        return deltaPhi < angleTolerance || Double.pi - deltaPhi < angleTolerance
    }

    /// Classify a settled state from y and ẏ. A fixed-point phase needs max_i |ẏ_i| < `threshold` (R_settle);
    /// otherwise the state still moves and is `unsettled`.
    public func classify(_ y: [Double], _ dy: [Double], time: Double, residual: Double, settled: Bool,
                         threshold: Double) -> BilayerState {
        let mA = (y[0] * y[0] + y[1] * y[1]).squareRoot(), mB = (y[2] * y[2] + y[3] * y[3]).squareRoot()
        var deltaPhi = atan2(y[1], y[0]) - atan2(y[3], y[2])
        if deltaPhi > Double.pi { deltaPhi -= 2 * Double.pi }
        if deltaPhi <= -Double.pi { deltaPhi += 2 * Double.pi }
        let omega = mA > 0 ? (y[0] * dy[1] - y[1] * dy[0]) / (mA * mA) : 0
        let orderedA = mA > orderThreshold, orderedB = mB > orderThreshold
        let phase: BilayerPhase
        if !settled || isStillMoving(y, dy, threshold: threshold) {
            phase = .unsettled
        } else if !orderedA && !orderedB {
            phase = .disordered
        } else if orderedA != orderedB {
            phase = .singleLayer
        } else if abs(deltaPhi) < angleTolerance {
            phase = .aligned
        } else if Double.pi - abs(deltaPhi) < angleTolerance {
            phase = .antialigned
        } else {
            phase = .chiral
        }
        return BilayerState(phase: phase, deltaPhi: deltaPhi, mA: mA, mB: mB,
                            omega: phase == .chiral ? omega : (abs(omega) < 1e-12 ? 0 : omega),
                            time: time, residual: residual, y: y)
    }

    /// A seeded random initial condition: m_A and m_B uniform in the disc of radius `radius`.
    public static func randomInitialCondition(seed: UInt64, radius: Double = 1) -> [Double] {
        var generator = SplitMix64(seed: seed)
        var y: [Double] = []
        for _ in 0..<2 {
            let r = radius * generator.nextUnit().squareRoot()
            let angle = 2 * Double.pi * generator.nextUnit()
            y += [r * cos(angle), r * sin(angle)]
        }
        return y
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): the package's one seeded generator, `SeededGenerator`.
public typealias SplitMix64 = Symbolic.SeededGenerator
