import ArgumentParser
import Foundation
import Grassmann
import Symbolic
import Verify

/// `referee effective-lindbladian`: the projection method on an impurity plus a discrete bath, with the
/// coefficients read from a derivation file's declared model (`--model`, default the paper's
/// derivations/lindblad-perturbation.md) and the spectrum check on the bath declared in the model language.
struct EffectiveLindbladianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effective-lindbladian",
        abstract: "Projection-method coefficients for a discrete bath, and the slow-spectrum check against the full Lindbladian.",
        discussion: """
        Bath levels below ε_F are filled, the others empty. For each level the coefficients are the model file's
        definitions g_ek, gamma_ek, gimpc_ek, gimpd_level (symbols ed, U, kappa, v, ek) with the Fermi surface
        (ek) at that level; --model FILE reads them from another derivation file that defines these names; the spectrum check compares the eigenvalues of
        the second-order ℒ_eff (AX(S31)) with the slow eigenvalues of the full ℒ (LAPACK) at v and v/2 (up to
        \(EffectiveLindbladianReport.maximumLevelsForSpectrum) levels).
        Example: referee effective-lindbladian --eps-d -1 --U 3 --kappa 0.5 --v 0.02 --bath 0.2,0.5 --eps-F 0.3
        """)

    @Option(name: .customLong("eps-d"), parsing: .unconditional) var epsD: String
    @Option(name: .customLong("U"), parsing: .unconditional) var hubbardU: String
    @Option(name: .customLong("kappa"), parsing: .unconditional) var kappa: String
    @Option(name: .customLong("v"), parsing: .unconditional) var v: String
    @Option(name: .customLong("bath"), parsing: .unconditional, help: "Comma-separated level energies ε1,ε2,…") var bath: String
    @Option(name: .customLong("eps-F"), parsing: .unconditional) var epsF: String
    @Option(name: .customLong("model"), help: "The derivation file that declares the model (default derivations/lindblad-perturbation.md).") var model: String?
    @Option(parsing: .unconditional, help: "Significant digits printed.") var digits: Int = 12
    @Option(help: "text or json.") var format: CoefficientsFormat = .text

    func run() throws {
        let levels = try bath.split(separator: ",").map { try rationalOption("--bath", String($0).trimmingCharacters(in: .whitespaces)) }
        let path = model ?? EffectiveLindbladianReport.paperModel
        guard FileManager.default.fileExists(atPath: path) else {
            throw BadInput(place: "--model \(path)", message: "no such derivation file",
                           fix: model == nil ? "run from the repository root, or give --model PATH to the file that declares the model" : "check the path")
        }
        let definitions: DeclaredDefinitions
        do { definitions = try DeclaredDefinitions(path: path) } catch let e as DerivationError {
            throw BadInput(place: "--model \(path)", message: e.message, fix: e.fix ?? "fix the derivation file")
        }
        let r: EffectiveLindbladianReport
        do {
            r = try EffectiveLindbladianReport.compute(model: definitions, epsD: try rationalOption("--eps-d", epsD), hubbardU: try rationalOption("--U", hubbardU),
                                                        kappa: try rationalOption("--kappa", kappa), v: try rationalOption("--v", v),
                                                        bath: levels, epsF: try rationalOption("--eps-F", epsF))
        } catch let e as BadInput { throw e } catch let e as DerivationError {
            throw BadInput(place: "--model \(path)", message: e.message, fix: e.fix ?? "define g_ek, gamma_ek, gimpc_ek, gimpd_level in the file")
        } catch {
            throw BadInput(place: "parameters", message: "\(error)", fix: "bath levels must avoid ε_d and ε_d + U; U > 0, κ ≥ 0")
        }
        func coeffs(_ c: EffectiveLindbladianReport.Coefficients) -> [(String, String)] {
            [("g", c.g.decimal(digits: digits)), ("gamma", c.gamma.decimal(digits: digits)),
             ("g_imp_c", c.gImpC.decimal(digits: digits)), ("g_imp_d", c.gImpD.decimal(digits: digits))]
        }
        let dev = r.deviation.map { String(format: "%.3e", $0) }
        let dev2 = r.deviationAtHalfCoupling.map { String(format: "%.3e", $0) }
        let p = r.fittedExponent.map { String(format: "%.3f", $0) }
        switch format {
        case .json:
            let levels: [JSONValue] = r.levels.map { l in
                .object([("energy", .string(GaussianRational(l.energy).decimal(digits: digits))), ("filled", .bool(l.filled))]
                        + coeffs(l.coefficients).map { ($0.0, .string($0.1)) })
            }
            print(JSONValue.document("effective-lindbladian", [
                ("levels", .array(levels)),
                ("at_eps_f", .object(coeffs(r.atFermiEnergy).map { ($0.0, .string($0.1)) })),
                ("digits", .int(digits)),
                ("max_slow_eigenvalue_deviation", .optional(dev)),
                ("max_slow_eigenvalue_deviation_half_v", .optional(dev2)),
                ("fitted_exponent", .optional(p)),
            ]).rendered())
        case .text:
            for l in r.levels {
                print("level \(GaussianRational(l.energy).decimal(digits: 6)) (\(l.filled ? "filled" : "empty")): " + coeffs(l.coefficients).map { "\($0.0) = \($0.1)" }.joined(separator: ", "))
            }
            print("at eps_F: " + coeffs(r.atFermiEnergy).map { "\($0.0) = \($0.1)" }.joined(separator: ", "))
            if let dev, let dev2, let p {
                print("slow eigenvalues, L_eff vs full L: max deviation \(dev) at v, \(dev2) at v/2, fitted exponent \(p) (4 expected)")
            } else {
                print("slow-spectrum check skipped: more than \(EffectiveLindbladianReport.maximumLevelsForSpectrum) levels")
            }
        }
    }
}
