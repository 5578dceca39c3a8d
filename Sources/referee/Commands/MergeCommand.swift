import ArgumentParser
import Foundation
import Verify

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge phase-diagram shards (phase-diagram.shard-K-of-N.csv) into the full CSV, SVG and PNG.",
        discussion: "The shards must come from the same grid; the result is identical to a single run.")

    @Argument(help: "Shard CSV files.") var files: [String]
    @Option(help: "Output folder.") var output: String = "phase-diagram"
    @Option(parsing: .unconditional, help: "k_BT in meV of the dashed Jacobian boundaries, as in phase-diagram; `none` for no dashed lines.")
    var dashedTemperature: String = "5"

    func run() throws {
        let dashedT = try PhaseDiagramCommand.dashed(dashedTemperature)
        guard !files.isEmpty else { throw BadInput(place: "merge", message: "no files", fix: "pass the shard CSV files") }
        var inputs: [(name: String, text: String)] = []
        for f in files {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else {
                throw BadInput(place: f, message: "cannot read the file", fix: "check the path")
            }
            inputs.append((f, text))
        }
        let merged: (signature: String, points: [PhaseDiagramPoint], missing: [Int])
        do { merged = try PhaseDiagramCSV.merge(inputs) } catch let e as PhaseDiagramCSV.ReadError {
            throw BadInput(place: "\(e.file):\(e.line)", message: e.message, fix: e.fix)
        }
        guard merged.missing.isEmpty else {
            throw BadInput(place: "merge", message: "\(merged.missing.count) grid points are missing (first: \(merged.missing[0]))",
                           fix: "pass every shard K/N of the run")
        }
        guard let grid = PhaseDiagramGrid(signature: merged.signature) else {
            throw BadInput(place: files[0] + ":1", message: "unreadable grid signature", fix: "recompute the shard")
        }
        try PhaseDiagramFiles.ensureFolder(output)
        try PhaseDiagramFiles.writeAll(grid, merged.points, folder: output, dashedTemperature: dashedT)
    }
}
