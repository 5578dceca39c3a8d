// Release-mode benchmarks (never timed assertions in tests): `swift run -c release referee-bench [NAME…]`.
// Each benchmark prints its figures; the Python counterparts live in Benchmarks/python/ and are
// run by Benchmarks/run.sh in a benchmark-only virtual environment, side by side in one run.
import Foundation

/// Registered benchmarks, by name. Each module's benchmark file adds itself here.
let benchmarks = allBenchmarks

/// Names of benchmarks; arguments made of digits and commas (`integrals 50,1000`) are options of
/// the benchmark before them (read by that benchmark from `benchmarkOptions`).
let requested = Array(CommandLine.arguments.dropFirst()).filter { !isBenchmarkOption($0) }
if requested.contains("--list") {
    for b in benchmarks { print(b.name) }
    exit(0)
}
let unknown = requested.filter { name in !benchmarks.contains { $0.name == name } }
if !unknown.isEmpty {
    FileHandle.standardError.write(Data("referee-bench: unknown benchmark(s) \(unknown.joined(separator: ", ")); known: \(benchmarks.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
for b in benchmarks where requested.isEmpty || requested.contains(b.name) {
    print("== \(b.name)")
    b.run()
}
