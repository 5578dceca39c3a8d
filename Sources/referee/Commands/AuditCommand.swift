import ArgumentParser
import Foundation
import Verify

/// Output formats of an audit.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

/// Options shared by `audit` and `check`.
struct AuditOptions: ParsableArguments {
    @Option(help: "Report format: text, markdown, json or html (a self-contained page).")
    var format: ReportFormat = .text
    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?
    @Option(parsing: .unconditional, help: "Digits requested by numeric methods when a claim does not say (1…\(Claim.maximumDigits)).")
    var digits: Int = 30
    @Option(parsing: .unconditional, help: "Seed of the random evaluation points when a claim does not say.")
    var seed: UInt64 = 20_261_121
    @Flag(help: "Leave per-claim timings out of the JSON, so that reports are byte-identical between runs.")
    var noTimings = false
    @Option(parsing: .unconditional, help: "Claims checked at once (default: one per core). The report does not depend on it.")
    var jobs: Int = 0

    func validate() throws {
        guard jobs >= 0, jobs <= 1024 else { throw ValidationError("--jobs must be between 0 (one per core) and 1024, got \(jobs)") }
    }

    func run(paths: [String]) throws {
        try BadInput.checkDigits(digits)
        let runner = AuditRunner(engine: .standard, digits: digits, seed: seed, jobs: jobs)
        var report = try runner.audit(paths: paths)
        report.includeTimings = !noTimings
        let text: String
        switch format {
        case .text: text = report.text()
        case .markdown: text = report.markdown()
        case .json: text = report.json().rendered() + "\n"
        case .html: text = report.html()
        }
        try Output.write(text, to: output)
        if output != nil { FileHandle.standardError.write(Data((report.summaryLine() + "\n").utf8)) }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every claim under the paths (default: derivations/) and print each verdict.",
        discussion: "Exit code 0 when every verdict equals the one its file expects, 1 otherwise, 2 on bad input.")

    @Argument(help: "Derivation files or folders.")
    var paths: [String] = ["derivations"]
    @OptionGroup var options: AuditOptions

    func run() throws { try options.run(paths: paths) }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the claims of single derivation files (same output and exit codes as audit).")

    @Argument(help: "Derivation files.")
    var files: [String]
    @OptionGroup var options: AuditOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one derivation file") }
    }
    func run() throws { try options.run(paths: files) }
}
