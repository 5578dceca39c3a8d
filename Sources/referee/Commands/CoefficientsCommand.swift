import ArgumentParser
import Foundation
import Grassmann
import Symbolic
import Verify

/// `referee coefficients`: the coefficients a derivation file computes from its declared model,
/// evaluated at a point of parameter space in exact arithmetic and then rounded. The default file
/// is the paper's `derivations/lindblad-perturbation.md`, whose ```define lines derive g, γ,
/// g_imp^c and g_imp^d of NC(4)/AX(S139) by the projection method on the model NC(1)–(3) declared
/// there; the options --eps-d … --v name that file's symbols (ed, U, kappa, v, and ek = ε_F, the
/// energy of the conduction levels at the Fermi surface).
struct CoefficientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coefficients",
        abstract: "Coefficients computed by a derivation file from its declared model (default: g, γ, g_imp^c, g_imp^d of the paper's projection method).",
        discussion: """
        Values are exact (decimals are rationals) and may be expressions (1/3, 0.1+0.2*I for v).
        The model is read from --model (default derivations/lindblad-perturbation.md): NC(3) as written there,
        Σ_σ κ D[d_σ P_↑↓] (|↑↓⟩ decays at 2κ); --per-channel-rate uses κ/2 per spin channel, the convention
        in which NC(17) and NC(18) hold. g_imp^d is per conduction level.
        Another file: --model FILE --show NAME[=label] … --set symbol=value … prints the file's scalar definitions.
        Example: referee coefficients --eps-d -1 --U 3 --eps-F 0 --kappa 0.2 --v 0.1 --format json
        """)

    @Option(name: .customLong("eps-d"), parsing: .unconditional, help: "ε_d (symbol ed of the paper's file).") var epsD: String?
    @Option(name: .customLong("U"), parsing: .unconditional, help: "U > 0.") var hubbardU: String?
    @Option(name: .customLong("eps-F"), parsing: .unconditional, help: "ε_F (the conduction levels' energy ek).") var epsF: String?
    @Option(name: .customLong("kappa"), parsing: .unconditional, help: "κ ≥ 0.") var kappa: String?
    @Option(name: .customLong("v"), parsing: .unconditional, help: "c–d mixing v (may be complex).") var v: String?
    @Option(name: .customLong("model"), help: "The derivation file that declares the model (default derivations/lindblad-perturbation.md).") var model: String?
    @Option(name: .customLong("set"), parsing: .unconditionalSingleValue, help: "symbol=value for any symbol of the file (repeatable).") var settings: [String] = []
    @Option(name: .customLong("show"), help: "NAME or NAME=label: a scalar definition of the file to print (repeatable).") var shown: [String] = []
    @Option(parsing: .unconditional, help: "Significant digits printed.") var digits: Int = 16
    @Option(help: "text or json.") var format: CoefficientsFormat = .text
    @Flag(name: .customLong("per-channel-rate"), help: "Use κ/2 per spin channel (total decay κ).") var perChannel = false

    static let paperModel = "derivations/lindblad-perturbation.md"
    static let paperCoefficients = [("g", "g_ek"), ("gamma", "gamma_ek"), ("g_imp_c", "gimpc_ek"), ("g_imp_d", "gimpd_level")]

    func run() throws {
        guard digits >= 1, digits <= 10000 else { throw BadInput(place: "--digits \(digits)", message: "must be between 1 and 10000", fix: "e.g. --digits 30") }
        let path = model ?? Self.paperModel
        guard FileManager.default.fileExists(atPath: path) else {
            throw BadInput(place: "--model \(path)", message: "no such derivation file",
                           fix: model == nil ? "run from the repository root, or give --model PATH to the file that declares the model" : "check the path")
        }
        var values: [String: Expr] = [:]
        for (option, symbol, text) in [("--eps-d", "ed", epsD), ("--U", "U", hubbardU), ("--eps-F", "ek", epsF), ("--kappa", "kappa", kappa)] {
            if let text { values[symbol] = Expr(try rationalOption(option, text)) }
        }
        if let v { values["v"] = Expr(try complexOption("--v", v)) }
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let e = try? ParseContext.lenient.parse(parts[1]), e.numberValue != nil else {
                throw BadInput(place: "--set \(setting)", message: "expected symbol=number", fix: "write e.g. --set U=3")
            }
            values[parts[0]] = e
        }
        if perChannel, let k = values["kappa"] { values["kappa"] = k / Expr(2) }
        let requested: [(String, String)] = shown.isEmpty ? Self.paperCoefficients : shown.map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts.count == 2 ? parts[1] : parts[0], parts[0])
        }
        if model == nil, shown.isEmpty {
            for (option, symbol) in [("--eps-d", "ed"), ("--U", "U"), ("--eps-F", "ek"), ("--kappa", "kappa"), ("--v", "v")] where values[symbol] == nil {
                throw BadInput(place: option, message: "missing", fix: "give \(option) VALUE")
            }
            guard let u = values["U"]?.rationalValue, u.signum > 0 else { throw BadInput(place: "--U", message: "must be positive", fix: "e.g. --U 3") }
            guard let k = values["kappa"]?.rationalValue, k.signum >= 0 else { throw BadInput(place: "--kappa", message: "must be non-negative", fix: "e.g. --kappa 0.5") }
            let ed = values["ed"]!.rationalValue!, ek = values["ek"]!.rationalValue!
            guard ed != ek, ed + u != ek else {
                throw BadInput(place: "parameters", message: "ε_F coincides with ε_d or ε_d + U: an intermediate state is resonant and second-order theory breaks down",
                               fix: "choose ε_d < ε_F < ε_d + U")
            }
        }
        let definitions: DeclaredDefinitions
        do { definitions = try DeclaredDefinitions(path: path) } catch let e as DerivationError {
            throw BadInput(place: "--model \(path)", message: e.message, fix: e.fix ?? "fix the derivation file")
        }
        var out: [(String, String)] = []
        for (label, name) in requested {
            let e: Expr
            do { e = try definitions.value(name, at: values) } catch let d as DerivationError {
                throw BadInput(place: "--show \(name)", message: d.message, fix: d.fix ?? "")
            }
            guard let z = e.numberValue else {
                let free = e.freeSymbols.map(\.name).sorted()
                throw BadInput(place: "parameters", message: "`\(name)` still depends on \(free.joined(separator: ", "))", fix: "give a value for each: --set \(free.first ?? "x")=…")
            }
            out.append((label, z.decimal(digits: digits)))
        }
        let modelText = model ?? (perChannel ? "NC(3) with (kappa/2) per spin channel, declared in \(path)" : "NC(3): sum_sigma kappa D[d_sigma P_updown], declared in \(path)")
        switch format {
        case .json:
            // Exact rationals printed to `digits` digits: the only error is the final rounding.
            var fields: [(String, JSONValue)] = out.map { ($0.0, .string($0.1)) }
            fields += [("digits", .int(digits)), ("error", .string("rounding to \(digits) digits")),
                       ("model", .string(modelText)), ("method", .string("the file's derivation (projection method AX(S31)), exact rational arithmetic"))]
            print(JSONValue.document("coefficients", fields).rendered())
        case .text:
            for (k, x) in out { print("\(k.padding(toLength: 8, withPad: " ", startingAt: 0)) = \(x)") }
            print("model: \(modelText); exact arithmetic on the file's derivation")
        }
    }
}

enum CoefficientsFormat: String, ExpressibleByArgument { case text, json }

/// Parses an exact rational option value.
func rationalOption(_ name: String, _ text: String) throws -> BigRational {
    guard let e = try? ParseContext.lenient.parse(text), let q = e.rationalValue else {
        throw BadInput(place: "\(name) \(text)", message: "not a real number", fix: "write a decimal or a fraction, e.g. \(name) 0.25")
    }
    return q
}
/// Parses an exact Gaussian-rational option value.
func complexOption(_ name: String, _ text: String) throws -> GaussianRational {
    guard let e = try? ParseContext.lenient.parse(text), let z = e.numberValue else {
        throw BadInput(place: "\(name) \(text)", message: "not a number", fix: "write e.g. \(name) 0.1 or \(name) 0.1+0.05*I")
    }
    return z
}
