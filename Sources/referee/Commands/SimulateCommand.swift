import ArgumentParser
import Foundation
import Verify

/// Output formats of the dynamics commands.
enum DynamicsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

/// Mean-field inputs shared by the dynamics commands; defaults are the NC Fig. 1c / Fig. 5 caption.
struct MeanFieldOptions: ParsableArguments {
    /// nil when not given (the default 5 meV applies; `phase-diagram` sweeps j_AB and rejects it).
    @Option(name: .customLong("jAB"), parsing: .unconditional, help: "Interlayer coupling j_AB in meV (default: 5.0; not for phase-diagram, which sweeps it).")
    var jAB: Double?
    @Option(parsing: .unconditional, help: "k_BT in meV.")
    var temperature: Double = 9
    @Option(name: .customLong("jAA"), parsing: .unconditional, help: "Intralayer coupling of layer A in meV.") var jAA: Double = 10
    @Option(name: .customLong("jBB"), parsing: .unconditional, help: "Intralayer coupling of layer B in meV.") var jBB: Double = 5
    @Option(name: .customLong("alphaA"), parsing: .unconditional, help: "Gilbert damping of layer A.") var alphaA: Double = 0.1
    @Option(name: .customLong("alphaB"), parsing: .unconditional, help: "Gilbert damping of layer B.") var alphaB: Double = 2e-3
    @Option(name: .customLong("gB"), parsing: .unconditional, help: "sd coupling of layer B in meV.") var gB: Double = -10
    @Option(parsing: .unconditional, help: "Filling n.") var filling: Double = 1

    func parameters() throws -> BilayerParameters {
        let p = BilayerParameters(jAA: jAA, jBB: jBB, jAB: jAB ?? 5, alphaA: alphaA, alphaB: alphaB, gB: gB,
                                  filling: filling, temperature: temperature, gammaB: 0)
        do { try p.validate() } catch let e as ModelInputError {
            throw BadInput(place: "--\(e.parameter)", message: "\(e.value) is invalid", fix: e.fix)
        }
        return p
    }
}

/// Which model a dynamics command acts on.
enum DynamicsModel: String, ExpressibleByArgument, CaseIterable { case meanfield }

func jsonNumber(_ x: Double) -> String { x.isFinite ? String(format: "%.17g", x) : "null" }

/// The inputs of NC(8) as a JSON object (meV; snake_case as everywhere in the JSON outputs).
func meanFieldParametersJSON(_ p: BilayerParameters) -> JSONValue {
    .object([("j_aa", .double(p.jAA)), ("j_bb", .double(p.jBB)), ("j_ab", .double(p.jAB)), ("alpha_a", .double(p.alphaA)),
             ("alpha_b", .double(p.alphaB)), ("g_b", .double(p.gB)), ("n", .double(p.filling)), ("temperature", .double(p.temperature))])
}

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate the mean-field model NC(8) from a seeded random initial condition and classify the long-time state.",
        discussion: """
        Other inputs default to the NC Fig. 1c / Fig. 5 caption. JSON keys: phase, delta_phi (rad), m_a, m_b, omega (meV), \
        time, seed (docs/JSON.md). The trajectories themselves are drawn by `referee figure trajectories`.
        Example: referee simulate meanfield --gamma-ratio 1.5 --jAB 5 --format json
        """)

    @Argument(help: "The model (meanfield: the paper's NC(8), declared as system `bilayer` in derivations/dynamics.md).") var model: DynamicsModel?
    @OptionGroup var source: SystemOptions
    @Option(parsing: .unconditional, help: "γ_B/(α_B|g_B|) (the paper's system).") var gammaRatio: Double?
    @OptionGroup var inputs: MeanFieldOptions
    @Option(parsing: .unconditional, help: "Seed of the random initial condition.") var seed: UInt64 = 1
    @Option(help: "text or json.") var format: DynamicsFormat = .text

    func run() throws {
        if !source.isPaperSystem { return try runDeclared() }
        guard let gammaRatio else {
            throw BadInput(place: "--gamma-ratio", message: "missing", fix: "give the light strength, e.g. --gamma-ratio 1.5")
        }
        guard gammaRatio >= 0, gammaRatio.isFinite else {
            throw BadInput(place: "--gamma-ratio", message: "\(gammaRatio) is invalid", fix: "γ_B is a rate: give a ratio ≥ 0")
        }
        let p = try inputs.parameters().with(gammaRatio: gammaRatio)
        let system = try source.load()
        let field = try DeclaredField(system, values: try source.values(for: system, base: system.defaults.merging(p.declaredValues) { _, b in b }))
        let s = BilayerState(try DeclaredSimulation().run(field, from: DeclaredSimulation.randomInitialCondition(system, seed: seed)))
        switch format {
        case .json:
            print(JSONValue.document("simulate", [
                ("model", .string("NC(8)")), ("parameters", meanFieldParametersJSON(p)), ("gamma_ratio", .double(gammaRatio)),
                ("phase", .string(s.phase.rawValue)), ("delta_phi", .double(s.deltaPhi)), ("m_a", .double(s.mA)), ("m_b", .double(s.mB)),
                ("omega", .double(s.omega)), ("time", .double(s.time)), ("seed", .int(Int(seed))),
                ("units", .string("delta_phi in rad; omega in meV; time in hbar/meV; binary64 results")),
            ]).rendered())
        case .text:
            print("phase \(s.phase.rawValue)  Δφ = \(s.deltaPhi) rad  |m_A| = \(s.mA)  |m_B| = \(s.mB)  ω = \(s.omega) meV  (t = \(s.time) ħ/meV, seed \(seed))")
        }
    }

    /// Another declared system: its long-time state from the seeded initial condition.
    func runDeclared() throws {
        let system = try source.load()
        let values = try source.values(for: system)
        let s = try DeclaredSimulation().run(try DeclaredField(system, values: values), from: DeclaredSimulation.randomInitialCondition(system, seed: seed))
        switch format {
        case .json:
            print(JSONValue.document("simulate", [
                ("model", .string(system.name)),
                ("parameters", .object(system.parameters.map { ($0.name, JSONValue.double(values[$0.name]!)) })),
                ("phase", .string(s.label)), ("motion", .string(s.motion.rawValue)), ("omega", .double(s.omega)), ("time", .double(s.time)),
                ("state", .object(zip(system.state, s.y).map { ($0.name, JSONValue.double($1)) })), ("seed", .int(Int(seed))),
            ]).rendered())
        case .text:
            let state = zip(system.state, s.y).map { "\($0.name) = \($1)" }.joined(separator: ", ")
            print("phase \(s.label) (\(s.motion.rawValue))  ω = \(s.omega)  (t = \(s.time), seed \(seed))  \(state)")
        }
    }
}
