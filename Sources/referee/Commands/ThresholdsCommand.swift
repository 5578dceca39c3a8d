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

    @Argument(help: "The model (meanfield).") var model: DynamicsModel
    @OptionGroup var inputs: MeanFieldOptions
    @Option(parsing: .unconditional, help: "Largest γ_B/(α_B|g_B|) searched.") var ratioMax: Double = 5
    @Option(parsing: .unconditional, help: "Seed of the random initial condition of the simulations.") var seed: UInt64 = 1
    @Option(help: "text or json.") var format: DynamicsFormat = .text

    func run() throws {
        let p = try inputs.parameters()
        guard ratioMax > 0, ratioMax.isFinite else { throw BadInput(place: "--ratio-max", message: "\(ratioMax)", fix: "give a positive number") }
        var t = BilayerThresholds()
        t.seed = seed
        let flip = BilayerStability.predictedFlip(p, upTo: ratioMax)
        let chiral = BilayerStability.predictedChiralOnset(p, upTo: ratioMax)
        let simFlip = try t.simulatedFlip(p, upTo: ratioMax)
        let simChiral = try t.simulatedChiralOnset(p, upTo: ratioMax)
        func entry(_ pred: (value: Double, bracket: (Double, Double))?, _ sim: Threshold?) -> JSONValue {
            .object([("predicted", pred.map { .double($0.value) } ?? .null),
                     ("predicted_bracket", pred.map { .array([.double($0.bracket.0), .double($0.bracket.1)]) } ?? .null),
                     ("simulated", sim.map { .double($0.value) } ?? .null),
                     ("simulated_bracket", sim.map { .array([.double($0.lower), .double($0.upper)]) } ?? .null)])
        }
        let chiralPred = chiral.map { ($0.value, $0.bracket) }
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
}
