import ArgumentParser
import Foundation
import Verify

/// `referee coverage [PATH…] [--format text|markdown|json] [--output FILE]`: which equations of the
/// declared numbering schemes the claims test (issue 17).
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List every declared equation label with the claims that test it, and those no claim tests.",
        discussion: """
        The inventory is the `labels:` front matter of the files (e.g. `labels: NC 1–41, 8a, 8b; AX 1–39, S1–S262`).
        A label is tested when a claim lists it under `equations:`; `uses:` marks an input only.
        Verdicts are the expected ones (the tests hold them equal to the computed ones); nothing is evaluated.
        Example: referee coverage derivations --format markdown --output coverage.md
        """)

    @Argument(help: "Derivation files or folders.")
    var paths: [String] = ["derivations"]
    @Option(help: "Report format: text, markdown or json.")
    var format: Format = .text
    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    enum Format: String, ExpressibleByArgument { case text, markdown, json }

    func run() throws {
        let coverage = try EquationCoverage.measure(paths: paths)
        if coverage.schemes.isEmpty {
            throw BadInput(place: paths.joined(separator: " "), message: "no file declares the equations of its numbering schemes",
                           fix: "add `labels: NC 1–41; AX 1–39, S1–S262` (your schemes and ranges) to a file's front matter")
        }
        let text: String
        switch format {
        case .text: text = coverage.text()
        case .markdown: text = coverage.markdown()
        case .json: text = coverage.json().rendered() + "\n"
        }
        try Output.write(text, to: output)
    }
}
