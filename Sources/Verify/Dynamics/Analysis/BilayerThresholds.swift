import Foundation

/// A threshold in r = γ_B/(α_B|g_B|) with the bracket that contains it.
public struct Threshold: Sendable, Codable, Equatable {
    public var value: Double
    public var lower: Double
    public var upper: Double
    public init(value: Double, lower: Double, upper: Double) {
        self.value = value; self.lower = lower; self.upper = upper
    }
}

/// Thresholds of NC(8) in r = γ_B/(α_B|g_B|): predicted from the Jacobian (`BilayerStability`) and
/// measured by bisection on simulations from a seeded random initial condition.
public struct BilayerThresholds: Sendable {
    public var simulation = BilayerSimulation()
    /// Bisection stops when the bracket is narrower than this (in r).
    public var tolerance = 1e-3
    public var seed: UInt64 = 1

    public init() {}

    /// Simulated aligned → antialigned threshold: the smallest r where the long-time cos Δφ < 0.
    public func simulatedFlip(_ parameters: BilayerParameters, upTo: Double = 5) throws -> Threshold? {
        try bisect(parameters, upTo: upTo) { state in cos(state.deltaPhi) < 0 && state.mB > 0 }
    }

    /// Simulated chiral onset: the smallest r where the long-time state is chiral.
    public func simulatedChiralOnset(_ parameters: BilayerParameters, upTo: Double = 10) throws -> Threshold? {
        try bisect(parameters, upTo: upTo) { $0.phase == .chiral }
    }

    /// The state at r from the seeded initial condition.
    public func state(_ parameters: BilayerParameters, ratio r: Double) throws -> BilayerState {
        try simulation.run(BilayerMeanField(parameters.with(gammaRatio: r)),
                           from: BilayerSimulation.randomInitialCondition(seed: seed))
    }

    func bisect(_ parameters: BilayerParameters, upTo: Double, _ predicate: (BilayerState) -> Bool) throws -> Threshold? {
        var lo = 0.0
        guard try !predicate(state(parameters, ratio: lo)) else { return Threshold(value: 0, lower: 0, upper: 0) }
        var hi: Double? = nil
        var r = 0.25
        while r <= upTo {
            if try predicate(state(parameters, ratio: r)) { hi = r; break }
            lo = r
            r += 0.25
        }
        guard var upper = hi else { return nil }
        while upper - lo > tolerance {
            let mid = 0.5 * (lo + upper)
            if try predicate(state(parameters, ratio: mid)) { upper = mid } else { lo = mid }
        }
        return Threshold(value: 0.5 * (lo + upper), lower: lo, upper: upper)
    }
}
