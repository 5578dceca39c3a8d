import Foundation
import Symbolic
import Verify

/// Benchmark of `integrate(f, x, a, b)` (issue 15): the paper's integrals written as expressions
/// (derivations/integrals.md) through the generic quadrature, next to today's specialised Swift
/// path for the same integral, and user integrands that are not the paper's (a Sommerfeld
/// integral, an oscillatory Fourier integral on [0, ∞)). Prints one JSON object per line:
/// {"name", "digits", "route", "warm_s", "value", "digits_reached"}; "generic-confirmed" includes
/// the second evaluation at more digits, "generic-single" is one evaluation (the specialised path
/// is one evaluation). mpmath is timed on the same integrals by Benchmarks/python/declared_integrals_benchmark.py.
public func runDeclaredIntegralsBenchmark(digitsList: [Int] = [50, 1000]) {
    let context = ParseContext()
    struct Case { let name: String; let body: String; let variable: String; let lower: String; let upper: String?; let specialised: ((Int) throws -> QuadratureResult)? }
    let cases: [Case] = [
        Case(name: "rkky_x5_t0.01", body: "u*sin(5*u)*fermi((u^2 - 1)*100)", variable: "u", lower: "0", upper: nil) { d in
            try RKKYIntegral.momentumIntegral(x: BigFloat(5, precision: 64 + 4 * d), t: BigFloat("0.01", precision: 64 + 4 * d)!, digits: d)
        },
        Case(name: "alpha_t0.01", body: "eps*fermi((eps - 1)*100)*(1 - fermi((eps - 1)*100))*100", variable: "eps", lower: "0", upper: nil) { d in
            try GilbertDampingIntegral.energyIntegral(t: BigFloat("0.01", precision: 64 + 4 * d)!, digits: d)
        },
        Case(name: "rkky_x5_t0", body: "u*sin(5*u)", variable: "u", lower: "0", upper: "1") { d in
            try RKKYIntegral.momentumIntegral(x: BigFloat(5, precision: 64 + 4 * d), t: BigFloat(0, precision: 64), digits: d)
        },
        Case(name: "sommerfeld_sqrt_t0.01", body: "sqrt(e_)*fermi((e_ - 1)*100)", variable: "e_", lower: "0", upper: nil, specialised: nil),
        Case(name: "fourier_cos2u_lorentzian", body: "cos(2*u)/(1 + u^2)", variable: "u", lower: "0", upper: nil, specialised: nil),
    ]
    let only = ProcessInfo.processInfo.environment["REFEREE_BENCH_CASE"]
    for d in digitsList {
        for c in cases where only.map({ c.name.contains($0) }) ?? true {
            do {
                let v = Symbol(c.variable, .real)
                var scope = context
                scope.symbols[c.variable] = v
                let body = try scope.parse(c.body)
                let p = 64 + 4 * d
                let a = BigFloat(try context.parse(c.lower).rationalValue!, precision: p)
                let b = c.upper.map { BigFloat(try! context.parse($0).rationalValue!, precision: p) } ?? BigFloat.infinity(precision: p)
                let reps = d >= 500 ? 1 : 5
                func time(_ body: () throws -> Void) rethrows -> Double {
                    try body()  // cold: nodes for this precision
                    var best = Double.infinity
                    for _ in 0..<reps { let t0 = Clock.now(); try body(); best = Swift.min(best, Clock.now() - t0) }
                    return best
                }
                var confirmed: DeclaredIntegral.Result? = nil
                let tConfirmed = try time { confirmed = try DeclaredIntegral.integrate(body, variable: v, from: a, to: b, digits: d) }
                var single: DeclaredIntegral.Result? = nil
                let tSingle = try time { single = try DeclaredIntegral.integrateOnce(body, variable: v, from: a, to: b, digits: d) }
                print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"route\": \"generic-confirmed\", \"warm_s\": \(tConfirmed), \"value\": \"\(confirmed!.value.re.toString(digits: d + 3))\", \"digits_reached\": \(confirmed!.digits), \"rule\": \"\(confirmed!.rule)\"}")
                print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"route\": \"generic-single\", \"warm_s\": \(tSingle), \"value\": \"\(single!.value.re.toString(digits: d + 3))\", \"digits_reached\": \(single!.digits)}")
                if let s = c.specialised {
                    var r: QuadratureResult? = nil
                    let tS = try time { r = try s(d) }
                    print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"route\": \"specialised\", \"warm_s\": \(tS), \"value\": \"\(r!.value.toString(digits: d + 3))\", \"digits_reached\": \(r!.digits)}")
                }
            } catch {
                print("{\"name\": \"\(c.name)\", \"digits\": \(d), \"failure\": \"\(error)\"}")
            }
            fflush(nil)
        }
    }
}
