import Foundation

/// The curves of NC Fig. 5a / AX Fig. 4a: the long-time state of the mean-field model NC(8) — Δφ, |m_A|,
/// |m_B|, ω and the phase — against the light strength r = γ_B/(α_B|g_B|) at fixed j_AB and k_BT, from
/// `seeds` seeded random initial conditions per r (seed `baseSeed + s`, s = 0…seeds−1, the same initial
/// condition at every r, so that each seed traces a continuous curve).
///
/// Every point is independent; the points are computed in parallel and returned in the serial order
/// (r first, then seed), identical to a one-thread run.
public struct MeanFieldCurves: Sendable {
    public var parameters: BilayerParameters
    public var ratios: [Double]
    public var seeds: Int
    public var baseSeed: UInt64
    public var simulation = BilayerSimulation()
    /// NC(8) as declared in a derivation file (system `bilayer` of derivations/dynamics.md): when set, the
    /// points are computed from it; nil runs the compiled `BilayerMeanField` (reference and cross-check).
    public var declared: DeclaredSystem? = nil

    /// One simulated point of a curve.
    public struct Point: Sendable, Equatable {
        public var ratio: Double
        public var seed: UInt64
        public var state: BilayerState
    }

    public init(parameters: BilayerParameters, ratios: [Double], seeds: Int = 1, baseSeed: UInt64 = 1) {
        self.parameters = parameters
        self.ratios = ratios
        self.seeds = seeds
        self.baseSeed = baseSeed
    }

    /// r = start, start + step, … ≤ stop (+ a rounding margin of step·10⁻⁹), computed as start + i·step.
    public static func ratios(start: Double, stop: Double, step: Double) -> [Double] {
        guard step > 0, stop >= start else { return [] }
        let count = Int(((stop - start) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { start + Double($0) * step }
    }

    public var count: Int { ratios.count * seeds }

    /// The point with serial index k = (ratio index)·seeds + seed index.
    public func point(_ k: Int) throws -> Point {
        let r = ratios[k / seeds]
        let seed = baseSeed &+ UInt64(k % seeds)
        let state: BilayerState
        if let system = declared {
            let field = try DeclaredField(system, values: parameters.with(gammaRatio: r).declaredValues)
            state = BilayerState(try DeclaredSimulation().run(field, from: DeclaredSimulation.randomInitialCondition(system, seed: seed)))
        } else {
            state = try simulation.run(BilayerMeanField(parameters.with(gammaRatio: r)),
                                       from: BilayerSimulation.randomInitialCondition(seed: seed))
        }
        return Point(ratio: r, seed: seed, state: state)
    }

    /// All points, with `threads` workers (0: one per core; 1: serial). `progress` is called (from any
    /// thread) with the number of points done.
    public func run(threads: Int = 0, progress: (@Sendable (Int) -> Void)? = nil) throws -> [Point] {
        try run(indices: Array(0..<count), threads: threads, progress: progress)
    }

    /// The points with the given serial indices (a shard of the sweep), in that order.
    public func run(indices: [Int], threads: Int = 0, progress: (@Sendable (Int) -> Void)? = nil) throws -> [Point] {
        let workers = max(1, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount)
        let results = ParallelSlots<Result<Point, any Error>>(count: indices.count)
        let curves = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var j = worker
            while j < indices.count {
                let done = results.set(j, Result { try curves.point(indices[j]) })
                progress?(done)
                j += workers
            }
        }
        return try results.values.map { try $0.get() }
    }
}

