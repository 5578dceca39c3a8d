import ArgumentParser
import Foundation
import Symbolic
import Verify

/// `referee integral J|Omega|alpha [--kF-R x] [--temperature t] [--digits N] [--format text|json]`:
/// one of the paper's momentum integrals, NC(30)–(32), computed by the engine for the 3D parabolic
/// band, with the printed closed form and the ratio beside it (Verify/Tables/IntegralEvaluation).
struct IntegralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integral",
        abstract: "Evaluate J_ab, Omega_ab or alpha_a of NC(30)-(32) to N digits next to the printed closed form.",
        discussion: """
        Dimensionless units (derivations/integrals.md): J in g_a g_b n^2/eps_F, Omega in gamma_a |g_b| n^2/eps_F,
        alpha in g_a^2 n^2/eps_F^2; --kF-R is k_F R (the integrals use x = 2 k_F R); --temperature is k_B T/eps_F.
        The integral is the `integrate(…)` definition of derivations/integrals.md (J0/JT, alpha0/alphaT), confirmed
        by a recomputation at more digits; when that fails the command says
        INCONCLUSIVE and exits with 1. JSON keys: value, error, digits, closed_form, ratio (and more).
        Examples:
          referee integral J --kF-R 1.3 --digits 50
          referee integral alpha --temperature 0.01 --format json
        """)

    @Argument(help: "J, Omega or alpha.")
    var name: String
    @Option(name: .customLong("kF-R"), parsing: .unconditional, help: "k_F R (> 0), for J and Omega.")
    var kFR: String?
    @Option(parsing: .unconditional, help: "k_B T / eps_F (>= 0).")
    var temperature: String = "0"
    @Option(parsing: .unconditional, help: "Correct significant digits requested (1...5000).")
    var digits: Int = 30
    @Option(help: "text or json.")
    var format: String = "text"

    func run() throws {
        guard let quantity = IntegralEvaluation.Quantity(rawValue: name) else {
            throw BadInput(place: "NAME \(name)", message: "unknown integral", fix: "use J, Omega or alpha")
        }
        guard ["text", "json"].contains(format) else {
            throw BadInput(place: "--format \(format)", message: "unknown format", fix: "use text or json")
        }
        guard let t = Self.rational(temperature) else {
            throw BadInput(place: "--temperature \(temperature)", message: "not a number", fix: "write e.g. 0.01 or 1/100")
        }
        var x: BigRational? = nil
        if quantity != .alpha {
            guard let s = kFR else { throw BadInput(place: "--kF-R", message: "missing for \(name)", fix: "give e.g. --kF-R 1.5") }
            guard let q = Self.rational(s) else { throw BadInput(place: "--kF-R \(s)", message: "not a number", fix: "write e.g. 1.5 or 3/2") }
            x = q * BigRational(2)
        }
        let evaluation: IntegralEvaluation
        do {
            evaluation = try IntegralEvaluation.evaluate(quantity, x: x, t: t, digits: digits)
        } catch let e as IntegralError {
            throw BadInput(place: "parameters", message: e.description, fix: "see `referee integral --help`")
        }
        if format == "json" { print(JSONValue.document("integral", evaluation.jsonFields).rendered()) } else { print(evaluation.text) }
        if !evaluation.value.conclusive { throw ExitCode(1) }
    }

    static func rational(_ s: String) -> BigRational? {
        (try? ParseContext().parse(s))?.rationalValue
    }
}
