import Foundation
import Symbolic

/// The generic check kinds on a system declared in an ```ode block (derivations/README.md,
/// "Equations of motion"). Each decision takes plain inputs so that tests can feed wrong claims.
public enum OdeChecks {
    typealias Inputs = OdeClaimInputs
    static func fmt(_ x: Double, _ digits: Int = 6) -> String { OdeClaimInputs.fmt(x, digits) }

    /// The check kinds, for `Engine.standard`.
    public static let all: [DynamicsClaimCheck] = [
        DynamicsClaimCheck(
            name: "ode-state",
            summary: "long-time state of a declared `system:` from `samples:` (default 8) seeded random initial conditions at `parameters:`, classified as fixed point / rotating (with ω) / unsettled and by the system's declared phases; verified when every sample ends in the phase named in `printed:`; the spread over samples is reported",
            requiredKeys: ["system"],
            decide: { claim, context in try state(claim, context) }),
        DynamicsClaimCheck(
            name: "ode-threshold",
            summary: "threshold in one parameter (`vary: p from a to b`) of a declared `system:` where the long-time state enters a phase of `onset:`: bisection on simulations from the seeded initial condition, cross-checked by continuing the fixed point from a with Newton steps on the symbolic Jacobian (the branch enters an onset phase or loses stability: largest non-Goldstone eigenvalue crosses 0); the printed relation `expression = number` is evaluated at the threshold and compared within `tolerance:`",
            requiredKeys: ["system", "vary", "onset"],
            decide: { claim, context in try threshold(claim, context) }),
        DynamicsClaimCheck(
            name: "ode-implicit-form",
            summary: "a declared `system:` whose right-hand sides contain the derivatives (the Gilbert term): the engine's generic solve (𝟙 − M) v = τ, in MPFR at seeded random states (and the compiled Double path), inserted back into the declared equations: residual below 10^(−digits), and det(𝟙 − M) bounded away from 0 (the derivatives are determined uniquely)",
            requiredKeys: ["system"],
            decide: { claim, context in try implicitForm(claim, context) }),
        DynamicsClaimCheck(
            name: "ode-frequency",
            summary: "oscillation frequency of the scalar `observe:` along a simulated trajectory of a declared `system:` from `initial:` (zero crossings located on the dense output over `time:`), compared with the printed expression (`omega = …`, in the parameters) within `tolerance:`",
            requiredKeys: ["system", "initial", "observe"],
            decide: { claim, context in try oscillation(claim, context, rate: false) }),
        DynamicsClaimCheck(
            name: "ode-relaxation",
            summary: "relaxation rate of the oscillation of `observe:` (decay of successive extrema, λ = ln(A_k/A_{k+1})/(t_{k+1} − t_k), averaged) along a simulated trajectory of a declared `system:` from `initial:`, compared with the printed expression within `tolerance:`",
            requiredKeys: ["system", "initial", "observe"],
            decide: { claim, context in try oscillation(claim, context, rate: true) }),
        DynamicsClaimCheck(
            name: "ode-conserved",
            summary: "the printed scalar expression of the state is conserved by a declared `system:`: its largest relative change along trajectories from `samples:` seeded random initial conditions over `time:` (DOP853, rtol 1e-12) must be below `tolerance:` (default 1e-8)",
            requiredKeys: ["system"],
            decide: { claim, context in try conserved(claim, context) }),
    ]

    // MARK: ode-state

    static func state(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        let system = try Inputs.system(claim, context)
        let printed = try Inputs.phaseName(claim.printed, system)
        let values = try Inputs.values(claim, system, context)
        let field = try Inputs.field(claim, system, values)
        let samples = try Inputs.count(claim, key: "samples", default: 8)
        return try stateVerdict(field, printed: printed, samples: samples, seed: claim.seed)
    }

    /// Simulate from `samples` seeded random initial conditions (seed, seed + 1, …) and compare every
    /// long-time state with `printed`.
    public static func stateVerdict(_ field: DeclaredField, printed: String, samples: Int, seed: UInt64,
                                    simulation: DeclaredSimulation = DeclaredSimulation()) throws -> Verdict {
        var states: [LongTimeState] = []
        for i in 0..<max(1, samples) {
            states.append(try simulation.run(field, from: DeclaredSimulation.randomInitialCondition(field.system, seed: seed &+ UInt64(i))))
        }
        var counts: [String: Int] = [:]
        for s in states { counts[s.label, default: 0] += 1 }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
        func range(_ f: (LongTimeState) -> Double) -> String {
            let v = states.map(f)
            return "\(fmt(v.min()!)) … \(fmt(v.max()!))"
        }
        var spread: [String] = []
        for v in field.system.variables {
            if case .vector(let d) = v.shape {
                spread.append("|\(v.name)| \(range { DeclaredSimulation.norm($0.y, v.offset, d) })")
            } else {
                spread.append("\(v.name) \(range { $0.y[v.offset] })")
            }
        }
        let vectors = field.system.variables.filter { $0.shape != .scalar }
        if vectors.count >= 2 {
            let (u, w) = (vectors[0], vectors[1])
            spread.append("angle(\(u.name), \(w.name)) \(range { s in Self.angle(s.y, u, w) }) rad")
        }
        spread.append("|ω| \(range { abs($0.omega) })")
        let residual = states.map(\.residual).max()!
        let method = CheckMethod.numeric(digits: 8, errorEstimate: "settling residual ≤ \(fmt(residual, 2))")
        let parameters = zip(field.system.parameters, field.values).map { "\($0.name) = \(fmt($1))" }.joined(separator: ", ")
        let detail = "system `\(field.system.name)` at \(parameters); DOP853 rtol 1e-10, \(states.count) seeded random initial conditions: \(summary); spread: \(spread.joined(separator: ", "))"
        let agree = counts[printed] == states.count || states.allSatisfy { Inputs.matches($0, printed) }
        return Verdict(agree ? .verified : .discrepancy, method: method, detail: detail, computed: summary,
                       relation: agree ? nil : "printed: \(printed)", seed: seed)
    }

    static func angle(_ y: [Double], _ u: DeclaredSystem.Variable, _ w: DeclaredSystem.Variable) -> Double {
        let d = u.shape.count
        var dot = 0.0
        for i in 0..<d { dot += y[u.offset + i] * y[w.offset + i] }
        let nu = DeclaredSimulation.norm(y, u.offset, d), nw = DeclaredSimulation.norm(y, w.offset, d)
        guard nu > 0, nw > 0 else { return 0 }
        return acos(max(-1, min(1, dot / (nu * nw))))
    }

    // MARK: ode-threshold

    static func threshold(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        let system = try Inputs.system(claim, context)
        let values = try Inputs.values(claim, system, context)
        let (parameter, from, to) = try Inputs.vary(claim, system)
        let onsetField = claim.spec["onset"]!
        let onset = try TextSyntax.splitTopLevel(onsetField).map { try Inputs.phaseName($0, system) }
        let relation: (lhs: Expr, kind: TextSyntax.Relation, rhs: Expr)
        do {
            let r = try system.claimContext.parseRelation(claim.printed.value, origin: TextSyntax.origin(claim.printed.location))
            relation = (r.lhs, r.kind, r.rhs)
        } catch { throw TextSyntax.located(error, claim.printed.location) }
        let functions = context.engine.numericFunctions
        let printed = try Inputs.evaluate(relation.rhs, system, values, functions: functions)
        let tolerance = try DynamicsClaimInputs.tolerance(claim, default: 0.05)
        return try thresholdVerdict(system, values: values, parameter: parameter, from: from, to: to, onset: Set(onset),
                                    quantity: { v in var w = values; w[parameter] = v; return try Inputs.evaluate(relation.lhs, system, w, functions: functions) },
                                    quantityText: relation.lhs.text, printed: printed, tolerance: tolerance, seed: claim.seed)
    }

    /// Simulated threshold (scan in steps of (b − a)/20, bisection to 8·10⁻⁴ (b − a)) and predicted threshold
    /// (continuation of the fixed point reached at a; bisection to 10⁻¹⁰), compared with each other and with
    /// `printed` (the value of `quantity` at the threshold against it, relative `tolerance`).
    public static func thresholdVerdict(_ system: DeclaredSystem, values: [String: Double], parameter: String, from: Double, to: Double,
                                        onset: Set<String>, quantity: (Double) throws -> Double, quantityText: String,
                                        printed: Double, tolerance: Double, seed: UInt64,
                                        simulation: DeclaredSimulation = DeclaredSimulation()) throws -> Verdict {
        let t = try DeclaredThreshold.compute(system, values: values, parameter: parameter, from: from, to: to, onset: onset,
                                              seed: seed, simulation: simulation)
        let width = to - from
        let simulated = t.simulated, predicted = t.predicted, predictionNote = t.predictionNote
        let simText = simulated.map { "simulation bisection (seed \(seed)): [\(fmt($0.lower)), \(fmt($0.upper))]" } ?? "simulation finds no onset for \(parameter) ≤ \(fmt(to))"
        func quantityAt(_ v: Double) throws -> Double { try quantity(v) }
        guard let p = predicted else {
            if let s = simulated {
                let value = try quantityAt(0.5 * (s.lower + s.upper))
                let deviation = abs(value - printed) / abs(printed)
                return Verdict(.inconclusive, method: .numeric(digits: 3, errorEstimate: fmt(s.upper - s.lower, 2)),
                               detail: "system `\(system.name)`: \(simText); no Jacobian prediction: \(predictionNote); \(quantityText) = \(fmt(value)) (printed \(fmt(printed)), deviation \(DynamicsClaimInputs.percent(deviation)))",
                               computed: fmt(value), seed: seed)
            }
            return Verdict(.discrepancy, method: .numeric(digits: 3, errorEstimate: "scan step \(fmt(width / 20))"),
                           detail: "system `\(system.name)`: no onset of {\(onset.sorted().joined(separator: ", "))} for \(parameter) in [\(fmt(from)), \(fmt(to))]; \(predictionNote); \(simText)",
                           computed: "none ≤ \(fmt(to))", relation: "printed: \(fmt(printed))", seed: seed)
        }
        let value = 0.5 * (p.lower + p.upper)
        let computed = try quantityAt(value)
        let deviation = abs(computed - printed) / abs(printed)
        let agree = simulated.map { value >= $0.lower - 2e-3 * width && value <= $0.upper + 2e-3 * width } ?? false
        let detail = "system `\(system.name)`: Jacobian prediction \(parameter) = \(fmt(value, 10)) (bracket width \(fmt(p.upper - p.lower, 2))); \(predictionNote); \(simText); \(quantityText) = \(fmt(computed, 8)) at the threshold, printed \(fmt(printed)), deviation \(DynamicsClaimInputs.percent(deviation)) (tolerance \(DynamicsClaimInputs.percent(tolerance)))"
        let method = CheckMethod.numeric(digits: 8, errorEstimate: fmt(p.upper - p.lower, 2))
        if !agree {
            return Verdict(.inconclusive, method: method, detail: "prediction and simulation disagree: " + detail, computed: fmt(computed, 10), seed: seed)
        }
        return Verdict(deviation <= tolerance ? .verified : .discrepancy, method: method, detail: detail, computed: fmt(computed, 10),
                       relation: deviation <= tolerance ? nil : "computed = \(fmt(computed / printed, 4)) × printed", seed: seed)
    }
}

extension LongTimeState {
    /// The declared phase of a fixed point y (or "fixed").
    static func phaseLabel(_ field: DeclaredField, _ y: [Double]) throws -> String {
        try DeclaredSimulation.phase(of: field, y: y, motion: .fixed) ?? "fixed"
    }
}
