import Foundation
import Symbolic
import Verify

/// Benchmark of the arbitrary-precision integrals (issue 5). Call `runIntegralsBenchmark()` from
/// main.swift (owned by the lead); optional argument: comma-separated digit list (default
/// 15,50,100,1000). Prints one JSON object per line:
/// {"name", "digits", "cold_s", "warm_s", "warm_cpu_s", "value", "error", "digits_reached", "evaluations"}
/// where cold includes building the quadrature nodes for that precision and warm reuses them
/// (mpmath and Arb are timed the same way by Benchmarks/python/integrals_benchmark.py).
/// REFEREE_BENCH_ROUTE=graded runs the graded-pieces route of `FermiSea.Route` instead of the
/// layer map (to cross-check the two routes' values digit by digit). REFEREE_BENCH_REPS=n sets the
/// number of warm repetitions (best of n; default 20 below 100 digits, 3 below 500, then 1) and
/// REFEREE_BENCH_CASE=name runs the cases whose name contains it (for profiling one integral).
public func runIntegralsBenchmark(digitsList: [Int] = [15, 50, 100, 1000]) {
    let route: FermiSea.Route = ProcessInfo.processInfo.environment["REFEREE_BENCH_ROUTE"] == "graded" ? .gradedPieces : .layerMap
    struct Case { let name: String; let run: (Int) throws -> QuadratureResult }
    let cases: [Case] = [
        Case(name: "fermi_t0.01") { d in try FermiDiracIntegral.value(t: BigFloat("0.01", precision: 64 + 4 * d)!, digits: d, route: route) },
        Case(name: "fermi_t0.05") { d in try FermiDiracIntegral.value(t: BigFloat("0.05", precision: 64 + 4 * d)!, digits: d, route: route) },
        Case(name: "rkky_x5_t0.01") { d in
            try RKKYIntegral.momentumIntegral(x: BigFloat(5, precision: 64 + 4 * d), t: BigFloat("0.01", precision: 64 + 4 * d)!, digits: d, route: route)
        },
        Case(name: "alpha_t0.01") { d in try GilbertDampingIntegral.energyIntegral(t: BigFloat("0.01", precision: 64 + 4 * d)!, digits: d, route: route) },
    ]
    func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    /// CPU time of this thread: on a loaded machine it shows the cost the wall clock hides.
    func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    let environment = ProcessInfo.processInfo.environment
    let only = environment["REFEREE_BENCH_CASE"]
    for d in digitsList {
        for c in cases where only.map({ c.name.contains($0) }) ?? true {
            do {
                let t0 = now()
                _ = try c.run(d)
                let cold = now() - t0
                var best = Double.infinity, bestCPU = Double.infinity
                var result: QuadratureResult? = nil
                let reps = environment["REFEREE_BENCH_REPS"].flatMap { Int($0) } ?? (d >= 500 ? 1 : (d >= 100 ? 3 : 20))
                for _ in 0..<reps {
                    let t1 = now(), c1 = cpu()
                    result = try c.run(d)
                    best = Swift.min(best, now() - t1)
                    bestCPU = Swift.min(bestCPU, cpu() - c1)
                }
                let r = result!
                print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"cold_s\": \(cold), \"warm_s\": \(best), \"warm_cpu_s\": \(bestCPU), \"value\": \"\(r.value.toString(digits: d + 5))\", \"error\": \"\(r.errorEstimate.toString(digits: 3))\", \"digits_reached\": \(r.digits), \"evaluations\": \(r.evaluations), \"rule\": \"\(r.rule)\"}")
            } catch {
                print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"failure\": \"\(error)\"}")
            }
            fflush(nil)
        }
    }
}
