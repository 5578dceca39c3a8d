import ArgumentParser
import Foundation
import Symbolic
import Verify

/// `referee eval EXPR [--set name=value …] [--digits N]`: the value of an expression, exactly when
/// it is a rational number, else to N correct significant digits; the value is the last line.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression exactly, or to N correct significant digits.",
        discussion: """
        Examples:
          referee eval 'exp(pi*sqrt(163))' --digits 60
          referee eval '-abs(v)^2*(1/(ed+U-eF) + 1/(eF-ed))' --set v=0.1 --set ed=-1 --set U=3 --set eF=0
        Values given with --set are exact (decimals are rationals) and may be expressions (pi/4, sqrt(2)).
        integrate(f, x, a, b) and nsum(f, n, a, b) may be used (e.g. referee eval "integrate(sin(u)/u, u, 0, oo)").
        """)

    @Argument(parsing: .allUnrecognized, help: "The expression, in the text syntax of derivations/README.md (may start with `-`).")
    var words: [String] = []
    var expression: String { words.joined(separator: " ") }
    @Option(name: .customLong("set"), help: "A value for a symbol, name=value (repeatable).")
    var assignments: [String] = []
    @Option(parsing: .unconditional, help: "Correct significant digits requested (1…\(Claim.maximumDigits)).")
    var digits: Int = 30

    func validate() throws {
        if words.isEmpty { throw ValidationError("give the expression to evaluate, e.g. referee eval 'exp(pi*sqrt(163))'") }
    }

    func run() throws {
        try BadInput.checkDigits(digits)
        let engine = Engine.standard
        var context = ParseContext(undeclaredNames: .create(.complex), operations: engine.operations,
                                   numericFunctions: Set(engine.numericFunctions.keys))
        var values: [Symbol: Expr] = [:]
        for a in assignments {
            let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].trimmed.isEmpty else {
                throw BadInput(place: "--set \(a)", message: "expected name=value", fix: "write e.g. --set kappa=0.1")
            }
            let name = parts[0].trimmed
            let value: Expr
            do { value = try ParseContext.lenient.parse(parts[1]) } catch {
                throw BadInput(place: "--set \(a)", message: "the value does not parse: \(error.message) at column \(error.column)", fix: error.fix ?? "write a number or a closed expression")
            }
            guard value.freeSymbols.isEmpty else {
                throw BadInput(place: "--set \(a)", message: "the value of \(name) contains symbols", fix: "give a number or a closed expression such as pi/4")
            }
            let symbol = Symbol(name)
            context.declare([symbol])
            values[symbol] = value
        }
        let e: Expr
        do { e = try context.parse(expression) } catch {
            throw BadInput(place: "expression, column \(error.column)", message: error.message, fix: error.fix ?? "see derivations/README.md")
        }
        let unbound = e.freeSymbols.filter { values[$0] == nil }
        if unbound.isEmpty, let exact = try? e.evaluateExactly(at: values.compactMapValues(\.numberValue)), values.values.allSatisfy(\.isNumber) {
            print("exact: \(Expr.number(exact).text)")
        }
        if !unbound.isEmpty {
            // Symbolic result: print the canonical form.
            print(e.text)
            return
        }
        let result: DigitsEvaluation
        do {
            result = try e.evaluate(digits: digits, at: values, functions: engine.numericFunctions)
        } catch {
            throw BadInput(place: "expression", message: "cannot evaluate: \(error)", fix: "check the values and the domain of the functions")
        }
        switch result.status {
        case .converged:
            let bound = result.isRigorous ? "proved by ball arithmetic" : "estimated: a registered function has no error bound"
            FileHandle.standardError.write(Data("\(result.digits) correct digits (error <= \(result.errorText), \(bound); working precision \(result.precision) bits)\n".utf8))
            print(result.text)
        case .inconclusive(let why):
            FileHandle.standardError.write(Data("inconclusive: only \(result.digits) digits could be certified (\(why)); the value lies in the printed interval\n".utf8))
            print(result.text)
            throw ExitCode(1)
        }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
