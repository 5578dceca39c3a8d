import ArgumentParser
import Foundation
import Grassmann
import Symbolic
import Verify

/// `referee coefficients`: g, γ and the impurity couplings of NC(4)/AX(S139), computed by the
/// projection method on the model NC(3) at the given parameters (exact arithmetic, then rounded).
struct CoefficientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coefficients",
        abstract: "g, γ, g_imp^c and g_imp^d from the projection method on the model NC(3).",
        discussion: """
        Values are exact (decimals are rationals) and may be expressions (1/3, 0.1+0.2*I for v).
        The model is NC(3) as written, Σ_σ κ D[d_σ P_↑↓] (|↑↓⟩ decays at 2κ); --per-channel-rate uses κ/2 per
        spin channel, the convention in which NC(17) and NC(18) hold. g_imp^d is per conduction level.
        Example: referee coefficients --eps-d -1 --U 3 --eps-F 0 --kappa 0.2 --v 0.1 --format json
        """)

    @Option(name: .customLong("eps-d"), parsing: .unconditional, help: "ε_d.") var epsD: String
    @Option(name: .customLong("U"), parsing: .unconditional, help: "U > 0.") var hubbardU: String
    @Option(name: .customLong("eps-F"), parsing: .unconditional, help: "ε_F.") var epsF: String
    @Option(name: .customLong("kappa"), parsing: .unconditional, help: "κ ≥ 0.") var kappa: String
    @Option(name: .customLong("v"), parsing: .unconditional, help: "c–d mixing v (may be complex).") var v: String
    @Option(parsing: .unconditional, help: "Significant digits printed.") var digits: Int = 16
    @Option(help: "text or json.") var format: CoefficientsFormat = .text
    @Flag(name: .customLong("per-channel-rate"), help: "Use κ/2 per spin channel (total decay κ).") var perChannel = false

    func run() throws {
        guard digits >= 1, digits <= 10000 else { throw BadInput(place: "--digits \(digits)", message: "must be between 1 and 10000", fix: "e.g. --digits 30") }
        let c: SdCoefficients
        do {
            c = try SdCoefficients.compute(epsD: try rationalOption("--eps-d", epsD), hubbardU: try rationalOption("--U", hubbardU),
                                           epsF: try rationalOption("--eps-F", epsF), kappa: try rationalOption("--kappa", kappa),
                                           v: try complexOption("--v", v), perChannelRate: perChannel)
        } catch let e as BadInput { throw e } catch {
            throw BadInput(place: "parameters", message: "\(error)", fix: "choose ε_d < ε_F < ε_d + U, U > 0, κ ≥ 0")
        }
        let values = [("g", c.g), ("gamma", c.gamma), ("g_imp_c", c.gImpC), ("g_imp_d", c.gImpD)]
        let model = perChannel ? "NC(3) with (kappa/2) per spin channel" : "NC(3): sum_sigma kappa D[d_sigma P_updown]"
        switch format {
        case .json:
            let body = values.map { "  \"\($0.0)\": \"\($0.1.decimal(digits: digits))\"" }.joined(separator: ",\n")
            print("{\n\(body),\n  \"model\": \"\(model)\",\n  \"method\": \"projection method AX(S31), exact rational arithmetic\"\n}")
        case .text:
            for (k, x) in values { print("\(k.padding(toLength: 8, withPad: " ", startingAt: 0)) = \(x.decimal(digits: digits))") }
            print("model: \(model); projection method AX(S31), exact arithmetic; g_imp_d per conduction level")
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
