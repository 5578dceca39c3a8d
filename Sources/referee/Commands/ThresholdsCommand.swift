import ArgumentParser
import Foundation
import Verify

struct ThresholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "Thresholds of NC(8) in γ_B/(α_B|g_B|): aligned → antialigned and the chiral onset, predicted (Jacobian) and simulated (bisection).",
        discussion: """
        JSON keys: antialign and chiral, each {predicted, predicted_bracket, simulated, simulated_bracket} (null when there \
        is none ≤ --ratio-max); the layout of every JSON output is in docs/JSON.md.
        Example: referee thresholds meanfield --jAB 5 --temperature 5 --format json
        """)

    @Argument(help: "The model (meanfield: the paper's NC(8), declared as system `bilayer` in derivations/dynamics.md).") var model: DynamicsModel?
    @OptionGroup var source: SystemOptions
    @Option(parsing: .unconditional, help: "For a declared system other than the paper's: the parameter and range, name:a:b.") var vary: String?
    @Option(parsing: .unconditional, help: "For a declared system other than the paper's: the onset phases, comma-separated.") var onset: String?
    @OptionGroup var inputs: MeanFieldOptions
    @Option(parsing: .unconditional, help: "Largest γ_B/(α_B|g_B|) searched.") var ratioMax: Double = 5
    @Option(parsing: .unconditional, help: "Seed of the random initial condition of the simulations.") var seed: UInt64 = 1
    @Option(help: "text or json.") var format: DynamicsFormat = .text

    /// The threshold of the declared system as (value, bracket) pairs.
    static func pair(_ t: DeclaredThreshold) -> ((value: Double, bracket: (Double, Double))?, Threshold?) {
        (t.predicted.map { (0.5 * ($0.lower + $0.upper), ($0.lower, $0.upper)) },
         t.simulated.map { Threshold(value: 0.5 * ($0.lower + $0.upper), lower: $0.lower, upper: $0.upper) })
    }

    func run() throws {
        if !source.isPaperSystem { return try runDeclared() }
        let p = try inputs.parameters()
        guard ratioMax > 0, ratioMax.isFinite else { throw BadInput(place: "--ratio-max", message: "\(ratioMax)", fix: "give a positive number") }
        let system = try source.load()
        let values = try source.values(for: system, base: system.defaults.merging(p.declaredValues) { _, b in b })
        let (flip, simFlip) = Self.pair(try DeclaredThreshold.compute(system, values: values, parameter: "r", from: 0, to: ratioMax,
                                                                      onset: ["antialigned", "chiral"], seed: seed))
        let (chiralPred, simChiral) = Self.pair(try DeclaredThreshold.compute(system, values: values, parameter: "r", from: 0, to: ratioMax,
                                                                              onset: ["chiral"], seed: seed))
        func entry(_ pred: (value: Double, bracket: (Double, Double))?, _ sim: Threshold?) -> JSONValue {
            .object([("predicted", pred.map { .double($0.value) } ?? .null),
                     ("predicted_bracket", pred.map { .array([.double($0.bracket.0), .double($0.bracket.1)]) } ?? .null),
                     ("simulated", sim.map { .double($0.value) } ?? .null),
                     ("simulated_bracket", sim.map { .array([.double($0.lower), .double($0.upper)]) } ?? .null)])
        }
        switch format {
        case .json:
            print(JSONValue.document("thresholds", [
                ("model", .string("NC(8)")), ("parameters", meanFieldParametersJSON(p)),
                ("antialign", entry(flip, simFlip)), ("chiral", entry(chiralPred, simChiral)),
                ("units", .string("gamma_B/(alpha_B*|g_B|); binary64 results")), ("seed", .int(Int(seed))),
            ]).rendered())
        case .text:
            func line(_ name: String, _ pred: (value: Double, bracket: (Double, Double))?, _ sim: Threshold?) {
                let a = pred.map { "predicted \($0.value) [\($0.bracket.0), \($0.bracket.1)]" } ?? "predicted: none ≤ \(ratioMax)"
                let b = sim.map { "simulated \($0.value) [\($0.lower), \($0.upper)]" } ?? "simulated: none ≤ \(ratioMax)"
                print("\(name): \(a); \(b)")
            }
            line("antialign", flip, simFlip)
            line("chiral", chiralPred, simChiral)
        }
    }

    /// Another declared system: the threshold in `--vary name:a:b` where the state enters an `--onset` phase.
    func runDeclared() throws {
        let system = try source.load()
        guard let vary, let onset else {
            throw BadInput(place: "--vary/--onset", message: "a declared system other than the paper's needs the parameter and the onset phases",
                           fix: "write e.g. --vary \(system.parameters.first?.name ?? "p"):0:1 --onset \(system.phases.first?.name ?? "rotating")")
        }
        let (name, range) = try SystemOptions.axis(vary, option: "vary", system: system)
        let phases = onset.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let known = system.phases.map(\.name) + ["fixed", "rotating", "unsettled"]
        if let bad = phases.first(where: { !known.contains($0) }) {
            throw BadInput(place: "--onset \(onset)", message: "`\(bad)` is not a phase of \(system.name)", fix: "phases: \(known.joined(separator: ", "))")
        }
        let values = try source.values(for: system, base: system.defaults.merging([name: range.lowerBound]) { _, b in b })
        let t = try DeclaredThreshold.compute(system, values: values, parameter: name, from: range.lowerBound, to: range.upperBound, onset: Set(phases), seed: seed)
        let (pred, sim) = Self.pair(t)
        switch format {
        case .json:
            print(JSONValue.document("thresholds", [
                ("model", .string(system.name)), ("parameter", .string(name)), ("onset", .array(phases.map { .string($0) })),
                ("predicted", pred.map { .double($0.value) } ?? .null),
                ("predicted_bracket", pred.map { .array([.double($0.bracket.0), .double($0.bracket.1)]) } ?? .null),
                ("simulated", sim.map { .double($0.value) } ?? .null),
                ("simulated_bracket", sim.map { .array([.double($0.lower), .double($0.upper)]) } ?? .null),
                ("seed", .int(Int(seed))),
            ]).rendered())
        case .text:
            print("\(name) → {\(phases.joined(separator: ", "))}: " + (pred.map { "predicted \($0.value) [\($0.bracket.0), \($0.bracket.1)]" } ?? "predicted: none") + "; "
                  + (sim.map { "simulated \($0.value) [\($0.lower), \($0.upper)]" } ?? "simulated: none") + " (\(t.predictionNote))")
        }
    }
}
