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
    @Option(help: ArgumentHelp(ShardOption.help + " With --shard, --output names that folder (required)."))
    var shard: String?

    func validate() throws {
        guard jobs >= 0, jobs <= 1024 else { throw ValidationError("--jobs must be between 0 (one per core) and 1024, got \(jobs)") }
    }

    func run(paths: [String], command: String = "audit") throws {
        try BadInput.checkDigits(digits)
        let runner = AuditRunner(engine: .standard, digits: digits, seed: seed, jobs: jobs)
        if let shard = try ShardOption.parse(shard) {
            guard let output else {
                throw BadInput(place: "--shard \(shard)", message: "a shard needs an --output folder", fix: "add e.g. --output audit-run (then `referee merge audit-run`)")
            }
            let result = try AuditShard.run(runner, files: try AuditRunner.derivationFiles(in: paths), shard: shard,
                                            format: format.rawValue, includeTimings: !noTimings)
            try Output.write(result.encoded(), to: try ShardOption.path(folder: output, stem: "audit", shard: shard, fileExtension: "json"))
            FileHandle.standardError.write(Data("shard \(shard): \(result.results.count) of \(result.claimCount) claims\n".utf8))
            return
        }
        let box = ProgressBox()
        var report = try runner.audit(paths: paths, started: { box.progress = Progress(total: $0, what: "claims") },
                                      progress: { box.progress?.update($0) })
        box.progress?.finish()
        report.includeTimings = !noTimings
        var provenance = ReportProvenance.current(files: try AuditRunner.derivationFiles(in: paths))
        // Byte-identical reports: what varies between runs of the same audit (date, command line) is left out too.
        if noTimings { provenance.date = ""; provenance.commandLine = "" }
        report.provenance = provenance
        let text: String
        switch format {
        case .text: text = report.text()
        case .markdown: text = report.markdown()
        case .json: text = report.json(command: command).rendered() + "\n"
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
        discussion: """
        Exit code 0 when every verdict equals the one its file expects, 1 otherwise, 2 on bad input. Progress on standard \
        error. The HTML page typesets every formula (MathML) and gives each claim an anchor (report.html#sd.gamma); \
        the JSON layout is in docs/JSON.md.
        Example: referee audit derivations --format html --output report.html
        """)

    @Argument(help: "Derivation files or folders.")
    var paths: [String] = ["derivations"]
    @OptionGroup var options: AuditOptions

    func run() throws { try options.run(paths: paths) }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the claims of single derivation files (same output and exit codes as audit).",
        discussion: "Example: referee check derivations/sd-coupling.md --format markdown")

    @Argument(help: "Derivation files.")
    var files: [String]
    @OptionGroup var options: AuditOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one derivation file") }
    }
    func run() throws { try options.run(paths: files, command: "check") }
}
