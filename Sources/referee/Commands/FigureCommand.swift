import ArgumentParser
import Foundation
import Plot
import Verify

/// Writes one figure as PNG, PDF and SVG (`<folder>/<stem>.png` …), each file atomically.
enum FigureFiles {
    static func write(_ figure: Figure, folder: String, stem: String, formats: [FigureFormat] = FigureFormat.allCases) throws {
        for format in formats {
            let path = folder + "/\(stem).\(format.rawValue)"
            let bytes: [UInt8]
            do { bytes = try figure.rendered(format) } catch {
                throw BadInput(place: "--output \(folder)", message: "cannot draw the \(format.rawValue.uppercased()) (\(error))", fix: "check that libcairo2 is installed")
            }
            do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw BadInput(place: "--output \(folder)", message: "cannot write \(path) (\(error.localizedDescription))", fix: "check the folder is writable")
            }
        }
    }
}

/// `referee figure …`: the figures of the dynamics harness as PNG, PDF and SVG.
struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Figures of the dynamics: NC Fig. 5e/f curves, NC Fig. 5b–d trajectories, the two-spin chase (PNG, PDF, SVG).",
        discussion: """
        The phase diagram (NC Fig. 1c) is drawn by `referee phase-diagram`. Every figure carries a caption saying what \
        was computed and how.
        Example: referee figure curves --gamma-ratio 0:2:0.05 --seeds 2 --output figures
        """,
        subcommands: [CurvesFigureCommand.self, TrajectoriesFigureCommand.self, TwoSpinFigureCommand.self])
}

struct CurvesFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "NC Fig. 5e/f: Δφ and |m_A|, |m_B| of NC(8) against γ_B/(α_B|g_B|), with the Jacobian thresholds.",
        discussion: "Writes <output>/fig5ef.png, .pdf and .svg. Progress on standard error.\nExample: referee figure curves --gamma-ratio 0:2:0.05 --seeds 2 --output figures")

    @Option(help: "γ_B/(α_B|g_B|) as start:stop:step.") var gammaRatio: String = "0:2:0.05"
    @OptionGroup var inputs: MeanFieldOptions
    @Option(help: "Number of random initial conditions per ratio.") var seeds: Int = 1
    @Option(help: "First seed.") var seed: UInt64 = 1
    @Option(help: "Worker threads (0: one per core).") var threads: Int = 0
    @Option(help: "Output folder.") var output: String = "figures"

    func run() throws {
        let ratios = try SweepCommand.ratios(gammaRatio)
        guard (1...10_000).contains(seeds) else { throw BadInput(place: "--seeds \(seeds)", message: "out of range", fix: "give 1…10000 initial conditions") }
        guard threads >= 0 else { throw BadInput(place: "--threads \(threads)", message: "negative", fix: "give 0 (one per core) or a positive count") }
        let p = try inputs.parameters()
        try PhaseDiagramFiles.ensureFolder(output)
        let curves = MeanFieldCurves(parameters: p, ratios: ratios, seeds: seeds, baseSeed: seed)
        let progress = Progress(total: curves.count, what: "points")
        let points = try curves.run(threads: threads, progress: { progress.update($0) })
        progress.finish()
        try FigureFiles.write(DynamicsPictures.curves(points, parameters: p), folder: output, stem: "fig5ef")
    }
}

struct TrajectoriesFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectories",
        abstract: "NC Fig. 5b–d: trajectories of m_A and m_B of NC(8) in the plane, one panel per γ_B/(α_B|g_B|).",
        discussion: "Writes <output>/fig5bcd.png, .pdf and .svg.\nExample: referee figure trajectories --ratios 0,1.1,1.5 --duration 3000 --output figures")

    @Option(help: "Comma-separated values of γ_B/(α_B|g_B|), one panel each.") var ratios: String = "0,1.1,1.5"
    @OptionGroup var inputs: MeanFieldOptions
    @Option(help: "Seed of the random initial condition.") var seed: UInt64 = 1
    @Option(help: "Length of the trajectory in ħ/meV.") var duration: Double = 3000
    @Option(help: "Output folder.") var output: String = "figures"

    func run() throws {
        let rs = try parseList(ratios, option: "ratios")
        guard duration > 0, duration.isFinite, duration <= 1e7 else { throw BadInput(place: "--duration \(duration)", message: "out of range", fix: "give a time in (0, 1e7] ħ/meV") }
        try PhaseDiagramFiles.ensureFolder(output)
        let figure = try DynamicsPictures.bilayerTrajectories(try inputs.parameters(), ratios: rs, seed: seed, duration: duration)
        try FigureFiles.write(figure, folder: output, stem: "fig5bcd")
    }
}

struct TwoSpinFigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "two-spin",
        abstract: "The two-spin experiment of NC(6): angle and lengths of S_1 (lit) and S_2 against time for several γ_1/(α_1|g_1|).",
        discussion: "Writes <output>/two-spin.png, .pdf and .svg.\nExample: referee figure two-spin --ratios 0.5,1.5,3 --duration 300 --output figures")

    @Option(help: "Comma-separated values of γ_1/(α_1|g_1|), one curve each.") var ratios: String = "0.5,1.5,3"
    @Option(help: "Length of the trajectory in ħ/J.") var duration: Double = 300
    @Option(help: "Initial angle between the spins (rad).") var initialAngle: Double = 0.9
    @Option(help: "Gilbert damping of the lit spin 1.") var alpha1: Double = 0.2
    @Option(help: "Gilbert damping of spin 2.") var alpha2: Double = 0
    @Flag(inversion: .prefixedNo, help: "Hold the spin lengths fixed (|S| = 1).") var fixedLength = true
    @Option(help: "Output folder.") var output: String = "figures"

    func run() throws {
        let rs = try parseList(ratios, option: "ratios")
        guard duration > 0, duration.isFinite, duration <= 1e7 else { throw BadInput(place: "--duration \(duration)", message: "out of range", fix: "give a time in (0, 1e7] ħ/J") }
        guard initialAngle.isFinite else { throw BadInput(place: "--initial-angle", message: "not a number", fix: "give an angle in radians, e.g. 0.9") }
        try PhaseDiagramFiles.ensureFolder(output)
        guard alpha1 >= 0, alpha2 >= 0, alpha1.isFinite, alpha2.isFinite else {
            throw BadInput(place: "--alpha1/--alpha2", message: "negative or not a number", fix: "Gilbert dampings are ≥ 0, e.g. --alpha1 0.2")
        }
        var chase = TwoSpinChase()
        chase.alpha = [alpha1, alpha2]
        chase.fixedLength = fixedLength
        let figure = try DynamicsPictures.twoSpinTrajectories(chase, ratios: rs, initialAngle: initialAngle, duration: duration)
        try FigureFiles.write(figure, folder: output, stem: "two-spin")
    }
}

/// `a,b,c` → ratios ≥ 0 (at most 8), or BadInput naming the option.
func parseList(_ text: String, option: String) throws -> [Double] {
    let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.count <= 8, values.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else {
        throw BadInput(place: "--\(option) \(text)", message: "expected 1 to 8 comma-separated ratios ≥ 0", fix: "write e.g. --\(option) 0,1.1,1.5")
    }
    return values.map { $0! }
}
