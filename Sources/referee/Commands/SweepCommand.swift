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
        mA, mB, omega (meV). Uses all cores (--threads); the output does not depend on the thread count.
        Example: referee sweep meanfield --gamma-ratio 0:2:0.1 --jAB 5 --seeds 4 --format csv
        """)

    @Argument(help: "The model (meanfield).") var model: DynamicsModel
    @Option(help: "γ_B/(α_B|g_B|) as start:stop:step.") var gammaRatio: String
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

    func run() throws {
        let ratios = try Self.ratios(gammaRatio)
        guard (1...10_000).contains(seeds) else { throw BadInput(place: "--seeds \(seeds)", message: "out of range", fix: "give 1…10000 initial conditions") }
        guard threads >= 0 else { throw BadInput(place: "--threads \(threads)", message: "negative", fix: "give 0 (one per core) or a positive count") }
        let p = try inputs.parameters()
        let points = try MeanFieldCurves(parameters: p, ratios: ratios, seeds: seeds, baseSeed: seed).run(threads: threads)
        switch format {
        case .csv:
            var lines = ["# referee sweep meanfield: NC(8), jAA=\(p.jAA) jBB=\(p.jBB) jAB=\(p.jAB) alphaA=\(p.alphaA) alphaB=\(p.alphaB) gB=\(p.gB) n=\(p.filling) T=\(p.temperature) (meV)",
                         "ratio,seed,phase,delta_phi,mA,mB,omega"]
            for q in points {
                let s = q.state
                lines.append("\(jsonNumber(q.ratio)),\(q.seed),\(s.phase.rawValue),\(jsonNumber(s.deltaPhi)),\(jsonNumber(s.mA)),\(jsonNumber(s.mB)),\(jsonNumber(s.omega))")
            }
            print(lines.joined(separator: "\n"))
        case .json:
            let rows = points.map { q in
                "    {\"ratio\": \(jsonNumber(q.ratio)), \"seed\": \(q.seed), \"phase\": \"\(q.state.phase.rawValue)\", \"delta_phi\": \(jsonNumber(q.state.deltaPhi)), \"mA\": \(jsonNumber(q.state.mA)), \"mB\": \(jsonNumber(q.state.mB)), \"omega\": \(jsonNumber(q.state.omega))}"
            }
            print("""
            {
              "model": "NC(8)",
              "parameters": {"jAA": \(jsonNumber(p.jAA)), "jBB": \(jsonNumber(p.jBB)), "jAB": \(jsonNumber(p.jAB)), "alphaA": \(jsonNumber(p.alphaA)), "alphaB": \(jsonNumber(p.alphaB)), "gB": \(jsonNumber(p.gB)), "n": \(jsonNumber(p.filling)), "T": \(jsonNumber(p.temperature))},
              "unit": "ratio = gamma_B/(alpha_B*|g_B|); delta_phi in rad; omega in meV",
              "points": [
            \(rows.joined(separator: ",\n"))
              ]
            }
            """)
        }
    }
}
