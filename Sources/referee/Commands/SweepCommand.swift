import ArgumentParser
import Foundation
import Verify

/// Output formats of `referee sweep`.
enum SweepFormat: String, ExpressibleByArgument, CaseIterable { case csv, json }

/// `referee sweep meanfield`: the curves of NC Fig. 5a (AX Fig. 4a) — Δφ, |m_A|, |m_B|, ω and the phase of
/// NC(8) against γ_B/(α_B|g_B|) — one row per (ratio, seed), computed in parallel, identical to a serial run.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep NC(8) over γ_B/(α_B|g_B|) (the curves of NC Fig. 5a): Δφ, |m_A|, |m_B|, ω and the phase per ratio and seed.",
        discussion: """
        Other inputs default to the NC Fig. 1c / Fig. 5 caption. Seed s = --seed … --seed + --seeds − 1 starts every ratio
        from the same random initial condition. Columns (CSV) / keys (JSON points): ratio, seed, phase, delta_phi (rad),
        m_a, m_b, omega (meV). The figure of these curves (NC Fig. 5e/f) is `referee figure curves`. Uses all cores (--threads); the output does not depend on the thread count.
        Example: referee sweep meanfield --gamma-ratio 0:2:0.1 --jAB 5 --seeds 4 --format csv
        """)

    @Argument(help: "The model (meanfield: the paper's NC(8), declared as system `bilayer` in derivations/dynamics.md).") var model: DynamicsModel?
    @OptionGroup var source: SystemOptions
    @Option(help: "γ_B/(α_B|g_B|) as start:stop:step (the paper's system).") var gammaRatio: String?
    @Option(parsing: .unconditional, help: "For a declared system other than the paper's: the swept parameter, name:start:stop:step.") var vary: String?
    @OptionGroup var inputs: MeanFieldOptions
    @Option(parsing: .unconditional, help: "Number of random initial conditions per ratio.") var seeds: Int = 1
    @Option(parsing: .unconditional, help: "First seed.") var seed: UInt64 = 1
    @Option(parsing: .unconditional, help: "Worker threads (0: one per core).") var threads: Int = 0
    @Option(help: "csv or json.") var format: SweepFormat = .csv

    /// `start:stop:step` → the ratios, or BadInput naming --gamma-ratio.
    static func ratios(_ text: String) throws -> [Double] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 3, let start = parts[0], let stop = parts[1], let step = parts[2],
              start.isFinite, stop.isFinite, step.isFinite else {
            throw BadInput(place: "--gamma-ratio \(text)", message: "expected start:stop:step", fix: "write e.g. --gamma-ratio 0:2:0.05")
        }
        guard start >= 0 else { throw BadInput(place: "--gamma-ratio \(text)", message: "start \(start) < 0", fix: "γ_B is a rate: start at a ratio ≥ 0") }
        guard step > 0, stop >= start else {
            throw BadInput(place: "--gamma-ratio \(text)", message: "empty range", fix: "give stop ≥ start and step > 0, e.g. 0:2:0.05")
        }
        let r = MeanFieldCurves.ratios(start: start, stop: stop, step: step)
        guard r.count <= 100_000 else { throw BadInput(place: "--gamma-ratio \(text)", message: "\(r.count) ratios", fix: "use at most 100000 points (a larger step)") }
        return r
    }

    @Option(help: "Write to this file (atomically) instead of standard output; with --shard, the folder for the shard file.") var output: String?
    @Option(help: ArgumentHelp(ShardOption.help)) var shard: String?

    func run() throws {
        if !source.isPaperSystem { return try runDeclared() }
        guard let gammaRatio else { throw BadInput(place: "--gamma-ratio", message: "missing", fix: "write e.g. --gamma-ratio 0:2:0.05") }
        let ratios = try Self.ratios(gammaRatio)
        guard (1...10_000).contains(seeds) else { throw BadInput(place: "--seeds \(seeds)", message: "out of range", fix: "give 1…10000 initial conditions") }
        guard threads >= 0 else { throw BadInput(place: "--threads \(threads)", message: "negative", fix: "give 0 (one per core) or a positive count") }
        let part = try ShardOption.parse(shard)
        if part != nil, output == nil {
            throw BadInput(place: "--shard \(shard!)", message: "a shard needs an --output folder", fix: "add e.g. --output sweep-run (then `referee merge sweep-run`)")
        }
        let p = try inputs.parameters()
        var curves = MeanFieldCurves(parameters: p, ratios: ratios, seeds: seeds, baseSeed: seed)
        curves.declared = try source.load()
        // Rows are (ratio, seed) in the order of one run; a shard computes rows K−1, K−1+N, ….
        let indices = (part ?? .whole).indices(of: curves.count)
        let progress = Progress(total: indices.count, what: "points")
        let points = try curves.run(indices: indices, threads: threads, progress: { progress.update($0) })
        progress.finish()
        let pieces = Self.pieces(points, parameters: p, format: format)
        if let part, let output {
            let inputs = "sweep meanfield --gamma-ratio \(gammaRatio) jAA=\(p.jAA) jBB=\(p.jBB) jAB=\(p.jAB) alphaA=\(p.alphaA) alphaB=\(p.alphaB) gB=\(p.gB) n=\(p.filling) T=\(p.temperature) --seeds \(seeds) --seed \(seed) --format \(format.rawValue)"
            let shardFile = RowShard(command: "sweep", inputs: inputs, shard: part, total: curves.count, fileExtension: format.rawValue, head: pieces.head,
                                     separator: pieces.separator, tail: pieces.tail,
                                     rows: zip(indices, pieces.rows).map { RowShard.Row(index: $0, text: $1) })
            try Output.write(shardFile.encoded(), to: try ShardOption.path(folder: output, stem: "sweep", shard: part, fileExtension: "json"))
            return
        }
        try Output.write(pieces.head + pieces.rows.joined(separator: pieces.separator) + pieces.tail, to: output)
    }

    /// The output of one run as head + rows.joined(separator) + tail, one row per (ratio, seed), so
    /// that shards can be merged row by row (`RowShard`).
    static func pieces(_ points: [MeanFieldCurves.Point], parameters p: BilayerParameters, format: SweepFormat)
        -> (head: String, rows: [String], separator: String, tail: String) {
        switch format {
        case .csv:
            let head = "# referee sweep meanfield: NC(8), jAA=\(p.jAA) jBB=\(p.jBB) jAB=\(p.jAB) alphaA=\(p.alphaA) alphaB=\(p.alphaB) gB=\(p.gB) n=\(p.filling) T=\(p.temperature) (meV)\n"
                + "ratio,seed,phase,delta_phi,m_a,m_b,omega\n"
            let rows = points.map { q in
                let s = q.state
                return "\(jsonNumber(q.ratio)),\(q.seed),\(s.phase.rawValue),\(jsonNumber(s.deltaPhi)),\(jsonNumber(s.mA)),\(jsonNumber(s.mB)),\(jsonNumber(s.omega))"
            }
            return (head, rows, "\n", "\n")
        case .json:
            let rows: [String] = points.map { q in
                "    " + JSONValue.object([("ratio", .double(q.ratio)), ("seed", .int(Int(q.seed))), ("phase", .string(q.state.phase.rawValue)),
                                          ("delta_phi", .double(q.state.deltaPhi)), ("m_a", .double(q.state.mA)), ("m_b", .double(q.state.mB)),
                                          ("omega", .double(q.state.omega))]).rendered(indent: 2)
            }
            let header = JSONValue.document("sweep", [
                ("model", .string("NC(8)")), ("parameters", meanFieldParametersJSON(p)),
                ("units", .string("ratio = gamma_B/(alpha_B*|g_B|); delta_phi in rad; omega in meV; binary64 results")),
            ])
            let head = String(header.rendered().dropLast(2)) + ",\n  \"points\": [\n"
            return (head, rows, ",\n", "\n  ]\n}\n")
        }
    }

    /// Another declared system: the long-time state over one parameter (`--vary name:start:stop:step`), CSV.
    func runDeclared() throws {
        let system = try source.load()
        guard let vary else {
            throw BadInput(place: "--vary", message: "a declared system other than the paper's needs the swept parameter", fix: "write e.g. --vary \(system.parameters.first?.name ?? "p"):0:1:0.1")
        }
        let parts = vary.split(separator: ":").map(String.init)
        guard parts.count == 4, system.parameter(named: parts[0]) != nil, let a = Double(parts[1]), let b = Double(parts[2]), let h = Double(parts[3]), h > 0, b >= a else {
            throw BadInput(place: "--vary \(vary)", message: "expected name:start:stop:step with a parameter of \(system.name)", fix: "parameters: \(system.parameters.map(\.name).joined(separator: ", "))")
        }
        guard (1...10_000).contains(seeds) else { throw BadInput(place: "--seeds \(seeds)", message: "out of range", fix: "give 1…10000 initial conditions") }
        let values = MeanFieldCurves.ratios(start: a, stop: b, step: h)
        let base = try source.values(for: system, base: system.defaults.merging([parts[0]: a]) { _, new in new })
        let seeds = self.seeds, first = seed
        let states = try DeclaredPhaseDiagram.parallel(count: values.count * seeds, threads: threads, progress: nil) { k in
            var v = base; v[parts[0]] = values[k / seeds]
            return try DeclaredSimulation().run(try DeclaredField(system, values: v),
                                                from: DeclaredSimulation.randomInitialCondition(system, seed: first &+ UInt64(k % seeds)))
        }
        var lines = ["# referee sweep: system \(system.name) over \(parts[0])", ([parts[0], "seed", "phase", "motion", "omega"] + system.state.map(\.name)).joined(separator: ",")]
        for (k, s) in states.enumerated() {
            lines.append(([jsonNumber(values[k / seeds]), String(first &+ UInt64(k % seeds)), s.label, s.motion.rawValue, jsonNumber(s.omega)] + s.y.map(jsonNumber)).joined(separator: ","))
        }
        try Output.write(lines.joined(separator: "\n") + "\n", to: output)
    }
}
