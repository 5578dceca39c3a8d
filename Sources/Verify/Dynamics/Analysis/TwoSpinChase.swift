import Foundation

/// Long-time state of two spins under NC(6), spin 1 lit (γ_1 = γ > 0, γ_2 = 0) and J_12 = J > 0.
public enum TwoSpinPhase: String, Sendable, Codable {
    /// S_1 ∥ S_2, static.
    case aligned
    /// S_1 ∥ −S_2, static.
    case antialigned
    /// Angle strictly between 0 and π, the pair rotating: chase and runaway.
    case chaseAndRun = "chase-and-run"
    /// |S_1| or |S_2| decayed to 0.
    case decayed
    /// Not settled by the time limit.
    case unsettled
}

/// The classified long-time state of a spin pair.
public struct TwoSpinState: Sendable, Codable, Equatable {
    public var phase: TwoSpinPhase
    /// cos θ_12 = S_1·S_2/(|S_1||S_2|).
    public var cosAngle: Double
    public var length1: Double
    public var length2: Double
    /// |Ṡ_2|/|S_2|: the rotation rate of the quiescent spin (0 when static).
    public var rotationRate: Double
}

/// The two-spin experiment of the NC(6) text: "when κ_a ≳ α_a U_a [γ_a ≳ α_a|g_a|] the light-induced
/// contribution exceeds the Gilbert damping, causing the effective interaction to change its sign …
/// resulting in chase-and-runaway dynamics". r = γ_1/(α_1|g_1|).
public struct TwoSpinChase: Sendable {
    public var exchange = 1.0
    public var alpha = [0.01, 0.01]
    public var sdCoupling = -10.0
    public var filling = 1.0
    public var fixedLength = false
    public var maxTime = 2e4
    public var tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)

    public init() {}

    /// The model at r = γ_1/(α_1|g_1|); Ω_12 = (γ_1/|g_1|) J computed by `LightInducedLLG`.
    public func model(ratio r: Double) throws -> LightInducedLLG {
        var m = try LightInducedLLG(exchange: [[0, exchange], [exchange, 0]], alpha: alpha,
                                    gamma: [r * alpha[0] * abs(sdCoupling), 0], sdCoupling: [sdCoupling, sdCoupling],
                                    filling: filling)
        m.fixedLength = fixedLength
        return m
    }

    /// Integrate from S_1 = x̂, S_2 = (cos θ₀, sin θ₀, 0) with θ₀ = `initialAngle` and classify at the end.
    public func state(ratio r: Double, initialAngle: Double = 0.9) throws -> TwoSpinState {
        try Self.longTimeState(of: try model(ratio: r), initialAngle: initialAngle, maxTime: maxTime, tolerances: tolerances)
    }

    /// The long-time state of any two-spin NC(6) model: integrate from S_1 = x̂, S_2 = (cos θ₀, sin θ₀, 0) up
    /// to `maxTime` and classify by cos θ_12, the lengths and the rotation rate |Ṡ_2|/|S_2| at the end.
    public static func longTimeState(of m: LightInducedLLG, initialAngle: Double, maxTime: Double,
                                     tolerances: Tolerances) throws -> TwoSpinState {
        let y0 = [1.0, 0, 0, cos(initialAngle), sin(initialAngle), 0]
        let y = try AdaptiveRungeKutta(field: m, tolerances: tolerances).integrate(y0, from: 0, to: maxTime).y
        var dy = [Double](repeating: 0, count: 6)
        m.evaluate(t: 0, y: y, into: &dy)
        let l1 = (y[0] * y[0] + y[1] * y[1] + y[2] * y[2]).squareRoot()
        let l2 = (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]).squareRoot()
        let c = (y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / (l1 * l2)
        let rate = (dy[3] * dy[3] + dy[4] * dy[4] + dy[5] * dy[5]).squareRoot() / l2
        let phase: TwoSpinPhase
        if l1 < 1e-8 || l2 < 1e-8 { phase = .decayed }
        else if c > 1 - 1e-9 { phase = rate < 1e-9 ? .aligned : .unsettled }
        else if c < -1 + 1e-9 { phase = rate < 1e-9 ? .antialigned : .unsettled }
        else { phase = rate > 1e-9 ? .chaseAndRun : .unsettled }
        return TwoSpinState(phase: phase, cosAngle: c, length1: l1, length2: l2, rotationRate: rate)
    }

    /// Does the pair align at ratio r? Decided by the drift of the relative angle over the run (it
    /// must close: final cos θ₁₂ > initial), which stays decisive close to the threshold where full
    /// settling would take arbitrarily long.
    public func aligns(ratio r: Double, initialAngle: Double = 0.9) throws -> Bool {
        let s = try state(ratio: r, initialAngle: initialAngle)
        return s.phase == .aligned || (s.phase != .antialigned && s.phase != .decayed && s.cosAngle > cos(initialAngle))
    }

    /// Smallest r in (0, upTo] at which the pair is no longer aligned, by bisection to `tolerance`.
    public func threshold(upTo: Double = 4, tolerance: Double = 1e-3) throws -> Threshold? {
        var lo = 0.0
        var hi: Double? = nil
        var r = 0.125
        while r <= upTo {
            if try !aligns(ratio: r) { hi = r; break }
            lo = r
            r *= 2
        }
        guard var upper = hi else { return nil }
        if lo == 0, try !aligns(ratio: 1e-3) { return Threshold(value: 0, lower: 0, upper: 1e-3) }
        while upper - lo > tolerance {
            let mid = 0.5 * (lo + upper)
            if try !aligns(ratio: mid) { upper = mid } else { lo = mid }
        }
        return Threshold(value: 0.5 * (lo + upper), lower: lo, upper: upper)
    }
}
