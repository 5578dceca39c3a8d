import Foundation
import Symbolic

/// Evaluation benchmark (issue 2): a 200-term expression and the Fermi integrand
/// √x/(e^{(x−1)/t} + 1) at 50 and 1000 digits, ours against mpmath on the same machine in the
/// same run (`Benchmarks/python/evaluation_mpmath.py`, run with `python`, when it is available).
///
/// "fixed" is one evaluation at bits(digits) + 32 bits (comparable to mpmath at `mp.dps = digits`);
/// "N digits" is `Expr.evaluate(digits:)`, which evaluates at least twice to certify the digits.
/// Returns the report as text (also printed). Registered as `evaluation` in Registry.swift.
@discardableResult
func runEvaluationBenchmark(digits: [Int] = [50, 1000], python: String? = nil,
                            script: String = "Benchmarks/python/evaluation_mpmath.py") -> String {
    let x = Symbol("x", .real), y = Symbol("y", .real), z = Symbol("z", .positive), t = Symbol("t", .positive)
    let (ex, ey, ez, et) = (Expr.symbol(x), Expr.symbol(y), Expr.symbol(z), Expr.symbol(t))
    // Σ_{k=1}^{200} sin(k x) e^{−k y}/(k² + z)
    let terms = (1...200).map { k -> Expr in
        let kk = Expr(k)
        return Expr.sin(kk * ex) * Expr.exp(-kk * ey) / (Expr(k * k) + ez)
    }
    let sum = Expr.sum(of: terms)
    let fermiIntegrand = Expr.sqrt(ex) / (Expr.exp((ex - 1) / et) + 1)
    func q(_ n: Int, _ d: Int) -> BigRational { BigRational(n, d) }
    let cases: [(String, Expr, [Symbol: BigRational])] = [
        ("200-term sum", sum, [x: q(1, 3), y: q(1, 7), z: q(2, 5)]),
        ("fermi integrand", fermiIntegrand, [x: q(7, 10), t: q(1, 20)]),
    ]

    /// Seconds per call (best of 3 batches, `Clock.measure`); NaN when the evaluation throws.
    func secondsPerRun(_ body: () throws -> Void) -> Double {
        do { try body() } catch { return .nan }
        return Clock.measure { try? body() }
    }

    var rows: [String: (fixed: Double, certified: Double, value: String)] = [:]
    for n in digits {
        for (name, expr, values) in cases {
            let p = BigFloat.bits(forDigits: n) + 32
            let complexValues = values.mapValues { BigComplex(GaussianRational($0), precision: p) }
            let fixed = secondsPerRun { _ = try expr.evaluate(at: complexValues, precision: p) }
            var text = "?"
            let certified = secondsPerRun {
                text = try expr.evaluate(digits: n, at: values).value.re.toString(digits: Swift.min(n, 40))
            }
            rows["\(name)|\(n)"] = (fixed, certified, text)
        }
    }

    // mpmath, same machine, same run.
    var mpmath: [String: (Double, String)] = [:]
    let pythonPath = python ?? ProcessInfo.processInfo.environment["REFEREE_BENCH_PYTHON"] ?? "/usr/bin/env"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pythonPath)
    process.arguments = (pythonPath == "/usr/bin/env" ? ["python3"] : []) + [script] + digits.map(String.init)
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let name = object["case"] as? String, let d = object["digits"] as? Int,
                  let s = object["seconds_per_eval"] as? Double, let v = object["value"] as? String else { continue }
            mpmath["\(name)|\(d)"] = (s, v)
        }
    } catch {}

    func ms(_ s: Double?) -> String {
        guard let s, s.isFinite else { return "n/a" }
        return String(format: "%.4f", s * 1000)
    }
    var report = "Evaluation benchmark (milliseconds per evaluation)\n"
    report += "case              digits   ours fixed   ours N digits   mpmath    value (ours, rounded to 40 digits)\n"
    for n in digits {
        for (name, _, _) in cases {
            let key = "\(name)|\(n)"
            let r = rows[key]!
            let m = mpmath[key]
            report += name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(n).padding(toLength: 9, withPad: " ", startingAt: 0)
                + ms(r.fixed).padding(toLength: 13, withPad: " ", startingAt: 0)
                + ms(r.certified).padding(toLength: 16, withPad: " ", startingAt: 0)
                + ms(m?.0).padding(toLength: 10, withPad: " ", startingAt: 0)
                + r.value + "\n"
            if let m { report += String(repeating: " ", count: 66) + m.1 + "  (mpmath)\n" }
        }
    }
    if mpmath.isEmpty { report += "(mpmath not run: set REFEREE_BENCH_PYTHON to a python with mpmath)\n" }
    print(report, terminator: "")
    return report
}
