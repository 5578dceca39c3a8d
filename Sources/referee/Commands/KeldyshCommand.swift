import ArgumentParser
import Foundation
import Verify
import Symbolic
import Grassmann
import Keldysh

/// `referee keldysh …`: the Keldysh machinery on the command line.
struct KeldyshCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keldysh",
        abstract: "Keldysh partition function and Green's functions of the discrete one-mode chain (AX(S40)–(S57)).",
        discussion: "Example: referee keldysh partition --slices 200 --energy 1 --temperature 0.5",
        subcommands: [KeldyshPartitionCommand.self])
}

/// `referee keldysh partition --slices N [--energy E --temperature T | --occupation n0] [--format json]`:
/// Z of the discrete one-mode chain exactly, and its Green's functions.
struct KeldyshPartitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partition",
        abstract: "Z = tr ρ(t_f) of one fermion mode as a discrete Grassmann integral, exactly, and the discrete Green's functions.",
        discussion: """
        The chain has N slices on t_f − t₀ = --duration (δt = duration/N), H = ε₀ψ†ψ with ε₀ = --energy, and
        the initial occupation n₀ (--occupation, or thermal n₀ = 1/(e^{ε₀/T} + 1) from --temperature).
        Z is computed exactly as a function of n₀ (it is affine in n₀); "Z": "1" means Z = 1 for every n₀.
        --step unitary (default: a± = (1 ∓ iε₀δt/2)/(1 ± iε₀δt/2)) or first-order (a± = 1 ∓ iε₀δt, AX(S45));
        --closing S40 (default, the exponent of AX(S40)) or S45 (the kernel of AX(S45)).
        Examples:
          referee keldysh partition --slices 1000
          referee keldysh partition --slices 200 --energy 1 --temperature 0.5 --format json
        """)

    @Option(parsing: .unconditional, help: "Number of time slices N (1…20000).") var slices: Int
    @Option(help: "Level energy ε₀ (exact; decimals are rationals).") var energy: String = "1"
    @Option(help: "Temperature k_B T > 0 (thermal initial state).") var temperature: String?
    @Option(help: "Initial occupation n₀ in [0, 1) (exact); default 1/3 unless --temperature is given.") var occupation: String?
    @Option(help: "t_f − t₀ (exact).") var duration: String = "1"
    @Option(help: "One-step factor: unitary or first-order.") var step: String = "unitary"
    @Option(help: "Contour closing: S40 or S45.") var closing: String = "S40"
    @Option(help: "Output format: text or json.") var format: String = "text"

    func rational(_ text: String, _ option: String) throws -> BigRational {
        guard let e = try? ParseContext.lenient.parse(text), let r = e.rationalValue else {
            throw BadInput(place: "--\(option) \(text)", message: "not an exact real number", fix: "write e.g. 1, 0.25 or 3/2")
        }
        return r
    }

    func run() throws {
        guard (1...20_000).contains(slices) else {
            throw BadInput(place: "--slices \(slices)", message: "the number of slices must be between 1 and 20000", fix: "write e.g. --slices 1000")
        }
        guard ["text", "json"].contains(format) else { throw BadInput(place: "--format \(format)", message: "unknown format", fix: "use text or json") }
        let e = try rational(energy, "energy")
        let tf = try rational(duration, "duration")
        guard tf > BigRational(0) else { throw BadInput(place: "--duration \(duration)", message: "must be positive", fix: "write e.g. --duration 1") }
        let closingKind: OneModeKeldyshChain.Closing
        switch closing.uppercased() {
        case "S40": closingKind = .exponentOfS40
        case "S45": closingKind = .kernelOfS45
        default: throw BadInput(place: "--closing \(closing)", message: "unknown closing", fix: "use S40 or S45")
        }
        let dt = tf / BigRational(slices)
        let chain: OneModeKeldyshChain
        switch step {
        case "unitary": chain = try OneModeKeldyshChain.unitary(slices: slices, energy: e, timeStep: dt, closing: closingKind)
        case "first-order": chain = try OneModeKeldyshChain.firstOrder(slices: slices, energy: e, timeStep: dt, closing: closingKind)
        default: throw BadInput(place: "--step \(step)", message: "unknown step", fix: "use unitary or first-order")
        }
        // Initial occupation: exact, or the thermal value to 200 bits (an exact binary rational).
        let n0: BigRational
        var n0Text: String
        if let t = temperature {
            guard occupation == nil else { throw BadInput(place: "--occupation", message: "give either --occupation or --temperature", fix: "drop one of them") }
            let temp = try rational(t, "temperature")
            guard temp > BigRational(0) else { throw BadInput(place: "--temperature \(t)", message: "must be positive", fix: "write e.g. --temperature 0.5") }
            let f = BigFloat(e / temp, precision: 200).fermi()
            n0 = f.exactRational!
            n0Text = f.toString(digits: 20) + " (thermal, f(ε₀) to 200 bits)"
        } else {
            n0 = try rational(occupation ?? "1/3", "occupation")
            n0Text = Expr(n0).text
        }
        guard n0 >= BigRational(0), n0 < BigRational(1) else {
            throw BadInput(place: "--occupation", message: "n₀ must lie in [0, 1)", fix: "write e.g. --occupation 1/3")
        }
        let start = Date()
        let z = chain.partitionFunction()
        let zText = z.isIdenticallyOne ? "1" : z.expression(.symbol("n0", .real)).text
        let zAtN0 = z.at(GaussianRational(n0))
        let zSeconds = Date().timeIntervalSince(start)
        // Green's functions at two time pairs (t > t' and t < t').
        let j = max(1, (3 * slices + 3) / 4), k = max(1, (slices + 3) / 4)
        var rows: [[String: Any]] = []
        for (a, b) in [(j, k), (k, j)] {
            guard let g = chain.greensFunctions(a, b, occupation: GaussianRational(n0)) else { continue }
            func pair(_ x: GaussianRational) -> [Double] { [x.re.doubleValue, x.im.doubleValue] }
            rows.append(["t": (BigRational(a) * dt).doubleValue, "tp": (BigRational(b) * dt).doubleValue,
                         "lesser": pair(g.plusMinus), "greater": pair(g.minusPlus), "timeOrdered": pair(g.plusPlus),
                         "antiTimeOrdered": pair(g.minusMinus), "retarded": pair(g.retarded), "advanced": pair(g.advanced),
                         "keldysh": pair(g.keldysh), "quantumQuantum": pair(g.quantumQuantum),
                         "fdtHolds": g.keldysh == (GaussianRational.one - GaussianRational(2) * GaussianRational(n0)) * (g.retarded - g.advanced)])
        }
        if format == "json" {
            func pair(_ v: Any?) -> JSONValue { .array(((v as? [Double]) ?? []).map { .double($0) }) }
            let functions: [JSONValue] = rows.map { r in
                .object([("t", .double(r["t"] as! Double)), ("tp", .double(r["tp"] as! Double)),
                         ("lesser", pair(r["lesser"])), ("greater", pair(r["greater"])), ("time_ordered", pair(r["timeOrdered"])),
                         ("anti_time_ordered", pair(r["antiTimeOrdered"])), ("retarded", pair(r["retarded"])), ("advanced", pair(r["advanced"])),
                         ("keldysh", pair(r["keldysh"])), ("quantum_quantum", pair(r["quantumQuantum"])), ("fdt_holds", .bool(r["fdtHolds"] as! Bool))])
            }
            let zAt = zAtN0.isReal && zAtN0.re.denominator.description.count < 40 ? Expr.number(zAtN0).text : "\(zAtN0.re.doubleValue)"
            print(JSONValue.document("keldysh partition", [
                ("slices", .int(slices)), ("energy", .string(Expr(e).text)), ("duration", .string(Expr(tf).text)),
                ("time_step", .string(Expr(dt).text)), ("step", .string(step)), ("closing", .string(closing.uppercased())),
                ("occupation", .string(n0Text)), ("z", .string(zText)), ("z_at_occupation", .string(zAt)),
                ("seconds", .double(zSeconds)), ("greens_functions", .array(functions)),
                ("units", .string("exact rationals as text; Green's functions as [re, im] in binary64")),
            ]).rendered())
            return
        }
        print("one fermion mode, N = \(slices) slices, ε₀ = \(Expr(e).text), δt = \(Expr(dt).text), step \(step), closing \(closing.uppercased())")
        print("initial occupation n₀ = \(n0Text)")
        print("Z = \(zText)" + (z.isIdenticallyOne ? "   (exactly, for every n₀)" : "   (exact, as a function of n₀)"))
        if !z.isIdenticallyOne { print("Z − 1 at this n₀ ≈ \((zAtN0 - .one).re.doubleValue) (real part), \((zAtN0 - .one).im.doubleValue) (imaginary part)") }
        print(String(format: "computed in %.3f s", zSeconds))
        for r in rows {
            print("G at t = \(r["t"]!), t' = \(r["tp"]!):")
            for key in ["lesser", "greater", "retarded", "advanced", "keldysh", "quantumQuantum"] {
                let v = r[key] as! [Double]
                let re = v[0] == 0 ? 0 : v[0], im = v[1] == 0 ? 0 : v[1]
                print("  \(key.padding(toLength: 15, withPad: " ", startingAt: 0)) \(re) \(im < 0 ? "-" : "+") \(Swift.abs(im)) i")
            }
            print("  FDT G^K = (1 − 2n₀)(G^R − G^A): \((r["fdtHolds"] as! Bool) ? "holds exactly" : "fails")")
        }
    }
}
