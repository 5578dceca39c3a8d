import Foundation
import Verify

/// Benchmark of the dynamics harness (issue 6): seconds per grid point of the NC(8) phase diagram (NC Fig. 1c)
/// on one core and on two, next to scipy (Benchmarks/python/dynamics_benchmark.py) on the same points.
///
/// Grid: `PhaseDiagramGrid` cell centres over γ_B/(α_B|g_B|) ∈ [0, 2.5] × j_AB ∈ [0, 10] meV at the Fig. 5
/// caption (k_BT = 9 meV); point i starts from `randomInitialCondition(seed: 1 + i)` (SplitMix64, reproduced
/// in the Python file). Two workloads, one JSON object per line:
/// - `fixed`: integrate NC(8) over [0, t_final] with DOP853, rtol 1e-10, atol 1e-12 — exactly what scipy's
///   solve_ivp(method='DOP853', same rtol/atol, same t_final) does on the same right-hand side; `checksum` =
///   Σ_points Σ_i |y_i(t_final)| lets the two final states be compared;
/// - `phase-diagram`: the real sweep (`PhaseDiagramSweep`: integrate until |m_A|, |m_B|, Δφ settle, classify).
/// Grid size from REFEREE_BENCH_DYNAMICS_GRID=NxM (default 10x10), t_final from REFEREE_BENCH_DYNAMICS_TFINAL (5000).
/// REFEREE_BENCH_DYNAMICS_STRIDE=k times the `fixed` workload on the points i = 0, k, 2k, … only (the sample
/// the Python side integrates with the same k); `phase-diagram` always sweeps the whole grid.
public func runDynamicsBenchmark() {
    let environment = ProcessInfo.processInfo.environment
    var columns = 10, rows = 10
    if let g = environment["REFEREE_BENCH_DYNAMICS_GRID"] {
        let parts = g.split(separator: "x").compactMap { Int($0) }
        if parts.count == 2, parts[0] > 0, parts[1] > 0 { columns = parts[0]; rows = parts[1] }
    }
    let tFinal = environment["REFEREE_BENCH_DYNAMICS_TFINAL"].flatMap(Double.init) ?? 5000
    let stride = max(1, environment["REFEREE_BENCH_DYNAMICS_STRIDE"].flatMap { Int($0) } ?? 1)
    let grid = PhaseDiagramGrid(columns: columns, rows: rows, ratioRange: 0...2.5, couplingRange: 0...10, seed: 1)
    let tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"

    /// One fixed-horizon integration: (steps, evaluations, Σ|y_i(t_final)|).
    @Sendable func fixed(_ i: Int) -> (Int, Int, Double) {
        var simulation = BilayerSimulation()
        simulation.pair = .dop853
        simulation.tolerances = tolerances
        guard let r = try? simulation.integrate(BilayerMeanField(grid.parameters(at: i)),
                                                from: BilayerSimulation.randomInitialCondition(seed: grid.seed &+ UInt64(i)), to: tFinal) else {
            return (0, 0, .nan)
        }
        return (r.statistics.acceptedSteps + r.statistics.rejectedSteps, r.statistics.evaluations, r.y.reduce(0) { $0 + abs($1) })
    }
    for threads in [1, 2] {
        let sample = Array(Swift.stride(from: 0, to: grid.count, by: stride))
        let results = BenchResults(count: sample.count)
        let start = Clock.now()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var k = worker
            while k < sample.count { results.set(k, fixed(sample[k])); k += threads }
        }
        let seconds = Clock.now() - start
        let all = results.values()
        let steps = all.reduce(0) { $0 + $1.0 }, evaluations = all.reduce(0) { $0 + $1.1 }
        let checksum = all.reduce(0.0) { $0 + $1.2 }
        print("{\"name\": \"fixed\", \"grid\": \"\(columns)x\(rows)\", \"stride\": \(stride), \"points\": \(sample.count), \"t_final\": \(tFinal), \"rtol\": 1e-10, \"atol\": 1e-12, \"threads\": \(threads), \"cores\": \(cores), \"seconds\": \(seconds), \"s_per_point\": \(seconds / Double(sample.count)), \"steps\": \(steps), \"evaluations\": \(evaluations), \"checksum\": \(String(format: "%.12g", checksum)), \"loadavg\": \"\(load)\"}")
        fflush(nil)
    }
    for threads in [1, 2] {
        let start = Clock.now()
        let points = (try? PhaseDiagramSweep(grid: grid).run(indices: Array(0..<grid.count), threads: threads)) ?? []
        let seconds = Clock.now() - start
        var phases: [String: Int] = [:]
        for p in points { phases[p.state.phase.rawValue, default: 0] += 1 }
        let counts = phases.keys.sorted().map { "\"\($0)\": \(phases[$0]!)" }.joined(separator: ", ")
        print("{\"name\": \"phase-diagram\", \"grid\": \"\(columns)x\(rows)\", \"threads\": \(threads), \"cores\": \(cores), \"seconds\": \(seconds), \"s_per_point\": \(seconds / Double(grid.count)), \"phases\": {\(counts)}, \"loadavg\": \"\(load)\"}")
        fflush(nil)
    }
}

/// Thread-safe result slots of the benchmark.
final class BenchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [(Int, Int, Double)]
    init(count: Int) { storage = Array(repeating: (0, 0, 0), count: count) }
    func set(_ i: Int, _ value: (Int, Int, Double)) { lock.lock(); storage[i] = value; lock.unlock() }
    func values() -> [(Int, Int, Double)] { lock.lock(); defer { lock.unlock() }; return storage }
}
