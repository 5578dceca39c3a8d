/// Every benchmark of the package: add a line when a module adds a benchmark file.
let allBenchmarks: [(name: String, run: @Sendable () -> Void)] = [
    ("timer-resolution", { print("clock: \(Clock.now())") }),
    ("evaluation", { _ = runEvaluationBenchmark() }),
    ("lindblad", { runLindbladBenchmark() }),
    ("lindblad-construct", { runLindbladBenchmark(spectra: false) }),
    ("liouvillian-steps", { runLiouvillianStepsBenchmark(levelCounts: benchmarkOptions.first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1, 2, 3]) }),
    ("keldysh", { runKeldyshBenchmark() }),
    ("dynamics", { runDynamicsBenchmark() }),
    ("declared-dynamics", { runDeclaredDynamicsBenchmark() }),
    ("exponential", { runExponentialBenchmark() }),
    ("declared-integrals", { runDeclaredIntegralsBenchmark(digitsList: benchmarkOptions.first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [50, 1000]) }),
    ("integrals", { runIntegralsBenchmark(digitsList: benchmarkOptions.first.map { $0.split(separator: ",").compactMap { Int($0) } } ?? [15, 50, 100, 1000]) }),
]

import Foundation

/// A benchmark option: digits and commas ("50" or "15,50,100").
func isBenchmarkOption(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isNumber || $0 == "," } }
/// The options on the command line, in order.
let benchmarkOptions = CommandLine.arguments.dropFirst().filter(isBenchmarkOption)

/// Wall-clock timing helper shared by the benchmark files.
enum Clock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    /// Runs `body` repeatedly for at least `minimum` seconds and returns seconds per call (best of 3 batches).
    static func measure(minimum: Double = 0.3, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var n = 0
            let start = now()
            repeat { body(); n += 1 } while now() - start < minimum / 3
            best = min(best, (now() - start) / Double(n))
        }
        return best
    }
}
