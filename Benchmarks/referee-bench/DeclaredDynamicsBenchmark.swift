import Foundation
import Verify

/// Benchmark of declared equations of motion (issue 15): the NC(8) phase diagram computed from the system
/// declared in derivations/dynamics.md (```ode block `bilayer`, compiled once to Double code) side by side
/// with the compiled `BilayerMeanField`, on the same grid, in one run, one thread each (then two).
/// Grid from REFEREE_BENCH_DYNAMICS_GRID=NxM (default 40x40; the issue's figure is 200x200). Prints one JSON
/// object per workload and the ratio declared/compiled, and how many cells agree in phase.
/// The `fixed` workload integrates every point over [0, 5000] (no settling test): the right-hand side and
/// the integrator alone.
public func runDeclaredDynamicsBenchmark() {
    let environment = ProcessInfo.processInfo.environment
    var columns = 40, rows = 40
    if let g = environment["REFEREE_BENCH_DYNAMICS_GRID"] {
        let parts = g.split(separator: "x").compactMap { Int($0) }
        if parts.count == 2, parts[0] > 0, parts[1] > 0 { columns = parts[0]; rows = parts[1] }
    }
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("derivations/dynamics.md").path
    guard let context = try? DerivationContext(file: try DerivationReader.read(path: path), engine: .standard),
          let system = context.systems["bilayer"] else {
        print("{\"name\": \"declared-dynamics\", \"error\": \"cannot read system bilayer from \(path)\"}")
        return
    }
    let grid = PhaseDiagramGrid(columns: columns, rows: rows, ratioRange: 0...2.5, couplingRange: 0...10, seed: 1)
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    // The first field compiles the right-hand side to machine code (once per process): timed apart.
    let compileStart = Clock.now()
    let native = (try? DeclaredField(system, values: grid.parameters(at: 0).declaredValues))?.usesNativeCode == true
    print("{\"name\": \"declared-system\", \"instructions_per_evaluation\": \(system.instructionCount), \"dimension\": \(system.dimension), \"native_code\": \(native), \"compile_seconds\": \(Clock.now() - compileStart)}")

    // Fixed horizon: right-hand side + integrator.
    let sample = Array(Swift.stride(from: 0, to: grid.count, by: max(1, grid.count / 200)))
    var fixedTimes: [String: Double] = [:]
    for kind in ["compiled", "declared"] {
        let start = Clock.now()
        var checksum = 0.0
        for i in sample {
            let p = grid.parameters(at: i)
            let y0 = BilayerSimulation.randomInitialCondition(seed: grid.seed &+ UInt64(i))
            let tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)
            let y: [Double]?
            if kind == "compiled" {
                y = try? AdaptiveRungeKutta(field: BilayerMeanField(p), pair: .dop853, tolerances: tolerances, maxSteps: 100_000_000).integrate(y0, from: 0, to: 5000).y
            } else {
                y = try? AdaptiveRungeKutta(field: DeclaredField(system, values: p.declaredValues), pair: .dop853, tolerances: tolerances, maxSteps: 100_000_000).integrate(y0, from: 0, to: 5000).y
            }
            checksum += y?.reduce(0) { $0 + abs($1) } ?? .nan
        }
        let seconds = Clock.now() - start
        fixedTimes[kind] = seconds
        print("{\"name\": \"fixed-\(kind)\", \"points\": \(sample.count), \"t_final\": 5000, \"seconds\": \(seconds), \"s_per_point\": \(seconds / Double(sample.count)), \"checksum\": \(String(format: "%.12g", checksum))}")
        fflush(nil)
    }
    print("{\"name\": \"fixed-ratio\", \"declared_over_compiled\": \(fixedTimes["declared"]! / fixedTimes["compiled"]!)}")

    for threads in [1, 2] {
        var results: [String: (Double, [PhaseDiagramPoint])] = [:]
        for kind in ["compiled", "declared"] {
            var sweep = PhaseDiagramSweep(grid: grid)
            if kind == "declared" { sweep.declared = system }
            let start = Clock.now()
            let points = (try? sweep.run(indices: Array(0..<grid.count), threads: threads)) ?? []
            let seconds = Clock.now() - start
            results[kind] = (seconds, points)
            var phases: [String: Int] = [:]
            for p in points { phases[p.state.phase.rawValue, default: 0] += 1 }
            let counts = phases.keys.sorted().map { "\"\($0)\": \(phases[$0]!)" }.joined(separator: ", ")
            print("{\"name\": \"phase-diagram-\(kind)\", \"grid\": \"\(columns)x\(rows)\", \"threads\": \(threads), \"seconds\": \(seconds), \"s_per_point\": \(seconds / Double(grid.count)), \"phases\": {\(counts)}, \"simulated_time\": \(points.reduce(0) { $0 + $1.state.time }), \"loadavg\": \"\(load)\"}")
            fflush(nil)
        }
        let (tc, pc) = results["compiled"]!, (td, pd) = results["declared"]!
        let agree = zip(pc, pd).filter { $0.state.phase == $1.state.phase }.count
        print("{\"name\": \"phase-diagram-ratio\", \"threads\": \(threads), \"declared_over_compiled\": \(td / tc), \"cells_same_phase\": \(agree), \"cells\": \(grid.count)}")
        fflush(nil)
    }
}
