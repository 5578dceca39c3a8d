import ArgumentParser
import Foundation
import Verify

/// `referee where LABEL… [PATH…]`: the claims that test (or use) an equation, where they are, and
/// which engine code checks them (issue 17).
struct WhereCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "where",
        abstract: "Print the claims that test an equation (e.g. AX(S225)), their file and line, and the engine code that checks them.",
        discussion: "Example: referee where 'NC(17)' 'AX(S129)'")

    @Argument(help: "Equation labels, e.g. NC(17) AX(S129).")
    var labels: [String] = []
    @Option(help: "Derivation files or folders to search (repeatable; default: derivations).")
    var path: [String] = []

    func validate() throws {
        if labels.isEmpty { throw ValidationError("give at least one equation label, e.g. AX(S129)") }
    }

    func run() throws {
        let coverage = try EquationCoverage.measure(paths: path.isEmpty ? ["derivations"] : path)
        let engine = Engine.standard
        var lines: [String] = []
        for text in labels {
            guard let label = EquationLabel(text), label.number != nil else {
                throw BadInput(place: text, message: "not an equation label", fix: "write it as SCHEME(number), e.g. AX(S129) or NC(8a)")
            }
            let entry = coverage.citations(of: label)
            let tested = entry?.tested ?? coverage.outside.first { $0.label == label }?.by ?? []
            let used = entry?.used ?? []
            lines.append("\(label): " + (entry == nil && coverage.schemes.contains(label.scheme) ? "not in the declared inventory" : "\(tested.count) claim(s) test it, \(used.count) use it"))
            for c in tested {
                lines.append("  tested by \(c.id)  (\(c.file):\(c.line); check `\(c.check)`, checked by \(Self.implementation(of: c.check, engine)); expect \(c.expected.rawValue))")
                if let computed = c.computed { lines.append("    computed: \(computed)") }
            }
            for c in used { lines.append("  used by \(c.id)  (\(c.file):\(c.line))") }
        }
        print(lines.joined(separator: "\n"))
    }

    /// The Swift type that implements a check kind, with its source file when it is found under Sources/.
    static func implementation(of check: String, _ engine: Engine) -> String {
        guard let kind = engine.checks[check] else { return "?" }
        let type = String(describing: Swift.type(of: kind))
        let file = ["Sources/Verify/Checks", "Sources/Verify/Dynamics/Checks", "Sources/Verify/Derivation"].lazy
            .map { "\($0)/\(type).swift" }.first { FileManager.default.fileExists(atPath: $0) }
        return file.map { "\(type) (\($0))" } ?? type
    }
}
