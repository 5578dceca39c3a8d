import ArgumentParser
import Foundation
import Plot
import Verify
#if canImport(Glibc)
import Glibc
#endif

/// Writes CSV, PNG, PDF and SVG of a (complete) phase diagram into a folder.
enum PhaseDiagramFiles {
    static func writeAll(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint], folder: String, stem: String = "phase-diagram",
                         dashedTemperature: Double? = 5) throws {
        try Output.write(PhaseDiagramCSV.render(grid, points), to: folder + "/\(stem).csv")
        try FigureFiles.write(PhaseDiagramPicture.figure(grid, points, dashedTemperature: dashedTemperature), folder: folder, stem: stem)
    }

    static func ensureFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BadInput(place: "--output \(folder)", message: "is a file", fix: "give a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw BadInput(place: "--output \(folder)", message: "cannot create the folder", fix: "check the path and permissions")
            }
        }
    }
}

struct PhaseDiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-diagram",
        abstract: "Phase diagram of NC(8) over (γ_B/(α_B|g_B|), j_AB) as in NC Fig. 1c: CSV and a figure (PNG, PDF, SVG) with the Jacobian boundaries at k_BT and at 5 meV (dashed).",
        discussion: """
        With --shard K/N only every N-th point starting at K−1 is computed and written as phase-diagram.shard-K-of-N.csv; \
        `referee merge` joins shards into the same result as one run. Uses all cores (--threads); progress on standard error.
        Example: referee phase-diagram meanfield --grid 100x100 --output fig1c
        """)

    @Argument(help: "The model (meanfield: the paper's NC(8), declared as system `bilayer` in derivations/dynamics.md).") var model: DynamicsModel?
    @OptionGroup var source: SystemOptions
    @Option(parsing: .unconditional, help: "For a declared system other than the paper's: the horizontal axis, parameter:a:b.") var x: String?
    @Option(parsing: .unconditional, help: "For a declared system other than the paper's: the vertical axis, parameter:a:b.") var y: String?
    @Option(help: "Grid size NxM: N values of γ_B/(α_B|g_B|), M values of j_AB.") var grid: String = "40x40"
    @Option(help: "Output folder.") var output: String = "phase-diagram"
    @Option(help: ArgumentHelp(ShardOption.help)) var shard: String?
    @Option(parsing: .unconditional, help: "Range of γ_B/(α_B|g_B|), a:b.") var ratioRange: String = "0:2.5"
    @Option(parsing: .unconditional, help: "Range of j_AB in meV, a:b (the diagram sweeps j_AB: --jAB is not accepted here).") var couplingRange: String = "0:10"
    @OptionGroup var inputs: MeanFieldOptions
    @Option(parsing: .unconditional, help: "k_BT in meV of the dashed Jacobian boundaries (a second temperature drawn over the diagram); `none` for no dashed lines.")
    var dashedTemperature: String = "5"
    @Option(parsing: .unconditional, help: "Base seed of the initial conditions (point i uses seed + i).") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Worker threads (0: one per core).") var threads: Int = 0

    static func pair<T: LosslessStringConvertible>(_ text: String, separator: Character, option: String, example: String) throws -> (T, T) {
        let parts = text.split(separator: separator).map(String.init)
        guard parts.count == 2, let a = T(parts[0]), let b = T(parts[1]) else {
            throw BadInput(place: "--\(option) \(text)", message: "malformed", fix: "write e.g. --\(option) \(example)")
        }
        return (a, b)
    }

    /// The dashed boundaries' temperature: a positive number, or nil for `none`.
    static func dashed(_ text: String) throws -> Double? {
        if text.lowercased() == "none" { return nil }
        guard let t = Double(text), t.isFinite, t > 0 else {
            throw BadInput(place: "--dashed-temperature \(text)", message: "must be a positive k_BT in meV or `none`",
                           fix: "write e.g. --dashed-temperature 5, or --dashed-temperature none")
        }
        return t
    }

    func run() throws {
        if !source.isPaperSystem { return try runDeclared() }
        if inputs.jAB != nil {
            throw BadInput(place: "--jAB", message: "the phase diagram sweeps j_AB over --coupling-range, so a single --jAB has no effect",
                           fix: "give the j_AB range instead, e.g. --coupling-range 0:10")
        }
        let dashedT = try Self.dashed(dashedTemperature)
        let (n, m): (Int, Int) = try Self.pair(grid, separator: "x", option: "grid", example: "200x200")
        guard n >= 1, m >= 1, n * m <= 4_000_000 else { throw BadInput(place: "--grid \(grid)", message: "size out of range", fix: "use 1…2000 per side") }
        let (r0, r1): (Double, Double) = try Self.pair(ratioRange, separator: ":", option: "ratio-range", example: "0:2.5")
        let (j0, j1): (Double, Double) = try Self.pair(couplingRange, separator: ":", option: "coupling-range", example: "0:10")
        guard r0 >= 0, r0 < r1, j0 < j1 else { throw BadInput(place: "--ratio-range/--coupling-range", message: "empty or negative range", fix: "give a < b, ratios ≥ 0") }
        let part = try ShardOption.parse(shard) ?? .whole
        let (k, parts) = (part.index, part.count)
        let g = PhaseDiagramGrid(columns: n, rows: m, ratioRange: r0...r1, couplingRange: j0...j1, parameters: try inputs.parameters(), seed: seed)
        try PhaseDiagramFiles.ensureFolder(output)
        let indices = g.indices(shard: k, of: parts)
        let total = indices.count
        let start = Date()
        let progress = Progress(total: total, what: "points")
        var sweep = PhaseDiagramSweep(grid: g)
        sweep.declared = try source.load()
        let points = try sweep.run(indices: indices, threads: threads) { progress.update($0) }
        progress.finish()
        let seconds = Date().timeIntervalSince(start)
        if shard != nil {
            try Output.write(PhaseDiagramCSV.render(g, points), to: try ShardOption.path(folder: output, stem: "phase-diagram", shard: part, fileExtension: "csv"))
        } else {
            try PhaseDiagramFiles.writeAll(g, points, folder: output, dashedTemperature: dashedT)
        }
        FileHandle.standardError.write(Data(String(format: "%d points in %.2f s (%.3g s per point)\n", total, seconds, seconds / Double(max(total, 1))).utf8))
    }

    /// A declared system other than the paper's: any two parameters (--x, --y), CSV and figure.
    func runDeclared() throws {
        let system = try source.load()
        guard let x, let y else {
            throw BadInput(place: "--x/--y", message: "a declared system other than the paper's needs its two axes",
                           fix: "write e.g. --x \(system.parameters.first?.name ?? "p"):0:1 --y \(system.parameters.last?.name ?? "q"):0:1")
        }
        let (xName, xRange) = try SystemOptions.axis(x, option: "x", system: system)
        let (yName, yRange) = try SystemOptions.axis(y, option: "y", system: system)
        let (n, m): (Int, Int) = try Self.pair(grid, separator: "x", option: "grid", example: "200x200")
        guard n >= 1, m >= 1, n * m <= 4_000_000 else { throw BadInput(place: "--grid \(grid)", message: "size out of range", fix: "use 1…2000 per side") }
        var values = system.defaults
        for p in system.parameters where p.name == xName || p.name == yName { values[p.name] = 0 }
        values = try source.values(for: system, base: values)
        let diagram = DeclaredPhaseDiagram(system: system, values: values, x: xName, xRange: xRange, y: yName, yRange: yRange, columns: n, rows: m, seed: seed)
        try PhaseDiagramFiles.ensureFolder(output)
        let part = try ShardOption.parse(shard) ?? .whole
        let indices = Array(stride(from: part.index - 1, to: diagram.count, by: part.count))
        let start = Date()
        let progress = Progress(total: indices.count, what: "points")
        let states = try diagram.run(indices: indices, threads: threads) { progress.update($0) }
        progress.finish()
        try Output.write(diagram.csv(indices, states), to: output + "/phase-diagram.csv")
        if shard == nil { try FigureFiles.write(diagram.figure(indices, states), folder: output, stem: "phase-diagram") }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "%d points in %.2f s (%.3g s per point)\n", indices.count, seconds, seconds / Double(max(indices.count, 1))).utf8))
    }
}
