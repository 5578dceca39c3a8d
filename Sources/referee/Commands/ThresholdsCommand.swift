import ArgumentParser
import Foundation
import Verify

struct ThresholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "Thresholds of NC(8) in γ_B/(α_B|g_B|): aligned → antialigned and the chiral onset, predicted (Jacobian) and simulated (bisection).",
        discussion: "JSON keys: antialign and chiral, each {predicted, predicted_bracket, simulated, simulated_bracket} (null when there is none ≤ --ratio-max).")

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
        func entry(_ pred: (value: Double, bracket: (Double, Double))?, _ sim: Threshold?) -> String {
            let a = pred.map { "\"predicted\": \(jsonNumber($0.value)), \"predicted_bracket\": [\(jsonNumber($0.bracket.0)), \(jsonNumber($0.bracket.1))]" }
                ?? "\"predicted\": null, \"predicted_bracket\": null"
            let b = sim.map { "\"simulated\": \(jsonNumber($0.value)), \"simulated_bracket\": [\(jsonNumber($0.lower)), \(jsonNumber($0.upper))]" }
                ?? "\"simulated\": null, \"simulated_bracket\": null"
            return "{\(a), \(b)}"
        }
        let chiralPred = chiral.map { ($0.value, $0.bracket) }
        switch format {
        case .json:
            print("{\"antialign\": \(entry(flip, simFlip)), \"chiral\": \(entry(chiralPred, simChiral)), \"unit\": \"gamma_B/(alpha_B*|g_B|)\", \"seed\": \(seed)}")
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
