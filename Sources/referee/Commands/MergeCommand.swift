import ArgumentParser
import Foundation
import Verify

/// `referee merge SHARDS… [--output FOLDER]`: joins the shard files of one sharded run
/// (phase-diagram, audit/check, sweep, table) into exactly the output of a single run. Only files
/// named `STEM.shard-K-of-N.EXT` are read, so merge's own outputs in the same folder are ignored and
/// merging again gives the same files; a missing or inconsistent shard is named with the fix.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a run (phase-diagram, audit, check, mutate, sweep, table run with a shard option K/N) into the output of one run.",
        discussion: """
        Pass the shard files or their folder: `referee merge fig1c/*` or `referee merge fig1c`. Files that are not shards (named STEM.shard-K-of-N.EXT) are ignored, so merging again is safe.

        Writes into --output (default: the shards' folder): phase-diagram.csv/.svg/.png, audit.txt/.md/.json/.html (the format the shards were run with), sweep.csv/.json, table.csv/.json/.tex, mutate.txt — byte for byte the output of one run. An audit merge exits 1 when a verdict is not the expected one, like `referee audit`; a mutate merge when a mutant survived, like `referee mutate`. A phase diagram is drawn as PNG, PDF and SVG from the merged CSV.
        Example: referee merge fig1c --output fig1c
        """)

    @Argument(help: "Shard files, or folders holding them.") var files: [String]
    @Option(help: "Output folder (default: the folder of the shards).") var output: String?
    @Option(help: "Audit shards only: render the report in this format (text, markdown, json, html) instead of the one the shards were run with.")
    var format: ReportFormat?
    @Option(parsing: .unconditional, help: "Phase diagrams only: k_BT in meV of the dashed Jacobian boundaries, as in phase-diagram; `none` for no dashed lines.")
    var dashedTemperature: String = "5"

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the shard files or their folder, e.g. referee merge fig1c/*") }
    }

    func run() throws {
        let set: ShardSet
        do { set = try ShardSet(paths: files) } catch { throw BadInput(place: error.place, message: error.message, fix: error.fix) }
        let folder = output ?? set.folder
        try PhaseDiagramFiles.ensureFolder(folder)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        var exitCode: Int32 = 0
        do {
            switch (set.stem, set.files[0].fileExtension) {
            case ("phase-diagram", "csv") where format == nil:
                try mergePhaseDiagram(set, folder: folder)
            case ("audit", "json"):
                var (report, recorded) = try AuditShard.merge(set, engine: .standard)
                // The provenance of one run: version, commit and file digests; date and command line are
                // left out without timings, as `referee audit --no-timings` leaves them out.
                var provenance = ReportProvenance.current(files: report.derivationFiles)
                if !report.includeTimings { provenance.date = ""; provenance.commandLine = "" }
                report.provenance = provenance
                let text: String, ext: String
                switch format ?? ReportFormat(rawValue: recorded) ?? .json {
                case .text: (text, ext) = (report.text(), "txt")
                case .markdown: (text, ext) = (report.markdown(), "md")
                case .json: (text, ext) = (report.json().rendered() + "\n", "json")
                case .html: (text, ext) = (report.html(), "html")
                }
                try Output.write(text, to: path("audit.\(ext)"))
                FileHandle.standardError.write(Data((report.summaryLine() + "\n").utf8))
                exitCode = report.exitCode
            case ("mutate", "json") where format == nil:
                let report = try MutationShard.merge(set)
                try Output.write(report.text(), to: path("mutate.txt"))
                if !report.survivors.isEmpty { exitCode = 1 }
            case ("sweep", "json") where format == nil, ("table", "json") where format == nil:
                let (text, ext) = try RowShard.merge(set)
                try Output.write(text, to: path("\(set.stem).\(ext)"))
            case ("sweep", "json"), ("table", "json"), ("phase-diagram", "csv"), ("mutate", "json"):
                throw BadInput(place: "--format \(format!.rawValue)", message: "only an audit's report can be rendered in another format when merging",
                               fix: "drop --format; \(set.stem) shards merge into the format they were computed in")
            default:
                throw BadInput(place: set.files[0].path, message: "shards of `\(set.stem).\(set.files[0].fileExtension)` are not something merge knows",
                               fix: "merge the shards written by phase-diagram, audit, check, mutate, sweep or table --shard")
            }
        } catch let e as MergeError {
            throw BadInput(place: e.place, message: e.message, fix: e.fix)
        }
        let note = set.ignored.isEmpty ? "" : " (ignored \(set.ignored.count) file\(set.ignored.count == 1 ? "" : "s") that are not shards)"
        FileHandle.standardError.write(Data("merged \(set.count) shard\(set.count == 1 ? "" : "s") of \(set.stem) into \(folder)\(note)\n".utf8))
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    func mergePhaseDiagram(_ set: ShardSet, folder: String) throws {
        var signature: String?
        var points: [PhaseDiagramPoint] = []
        for file in set.files {
            guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else {
                throw MergeError(file.path, "cannot read the file", fix: "check the path and permissions")
            }
            let parsed: (signature: String, points: [PhaseDiagramPoint])
            do { parsed = try PhaseDiagramCSV.parse(text, file: file.path) } catch let e as PhaseDiagramCSV.ReadError {
                throw BadInput(place: "\(e.file):\(e.line)", message: e.message, fix: e.fix)
            }
            if let signature, parsed.signature != signature {
                throw MergeError(file.path, "comes from a different run than \(set.files[0].path): \(parsed.signature) vs \(signature)",
                                 fix: "recompute shard \(file.shard) with the same grid and parameters as the others")
            }
            signature = parsed.signature
            guard let grid = PhaseDiagramGrid(signature: parsed.signature) else {
                throw MergeError(file.path + ":1", "unreadable grid signature", fix: "recompute shard \(file.shard)")
            }
            guard parsed.points.map(\.index) == grid.indices(shard: file.shard.index, of: file.shard.count) else {
                throw MergeError(file.path, "does not hold the points of shard \(file.shard) (truncated, edited or renamed?)", fix: "recompute shard \(file.shard)")
            }
            points += parsed.points
        }
        guard let signature, let grid = PhaseDiagramGrid(signature: signature) else { return }
        try PhaseDiagramFiles.writeAll(grid, points.sorted { $0.index < $1.index }, folder: folder, dashedTemperature: try PhaseDiagramCommand.dashed(dashedTemperature))
    }
}
