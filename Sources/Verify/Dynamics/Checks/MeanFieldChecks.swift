import Foundation
import Symbolic

/// The decisions behind the `meanfield-*` check kinds. Each core function takes plain inputs so that
/// tests can feed deliberately wrong models; the claim wrappers read the keys.
public enum MeanFieldChecks {
    typealias Inputs = DynamicsClaimInputs

    // MARK: meanfield-state

    /// Simulate from `seeds` seeded random initial conditions (seeds seed, seed+1, …) and compare every
    /// long-time phase with `printed`.
    public static func stateVerdict(_ p: BilayerParameters, printed: BilayerPhase, seeds: Int, seed: UInt64,
                                    simulation: BilayerSimulation = BilayerSimulation()) throws -> Verdict {
        let model = BilayerMeanField(p)
        var states: [BilayerState] = []
        for i in 0..<max(1, seeds) {
            states.append(try simulation.run(model, from: BilayerSimulation.randomInitialCondition(seed: seed &+ UInt64(i))))
        }
        var counts: [BilayerPhase: Int] = [:]
        for s in states { counts[s.phase, default: 0] += 1 }
        func range(_ f: (BilayerState) -> Double) -> String {
            let v = states.map(f)
            return "\(Inputs.fmt(v.min()!)) … \(Inputs.fmt(v.max()!))"
        }
        let spread = "|m_A| \(range { $0.mA }), |m_B| \(range { $0.mB }), |Δφ| \(range { abs($0.deltaPhi) }) rad, |ω| \(range { abs($0.omega) }) meV"
        let summary = counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value)× \($0.key.rawValue)" }.joined(separator: ", ")
        let residual = states.map(\.residual).max()!
        let method = CheckMethod.numeric(digits: 8, errorEstimate: "settling residual ≤ \(Inputs.fmt(residual, 2)) meV")
        let detail = "NC(8) at γ_B/(α_B|g_B|) = \(Inputs.fmt(p.gammaRatio)), j_AB = \(p.jAB) meV, k_BT = \(p.temperature) meV, DOP853 rtol 1e-10, \(states.count) seeded random initial conditions: \(summary); spread: \(spread)"
        let agree = counts[printed] == states.count
        return Verdict(agree ? .verified : .discrepancy, method: method, detail: detail,
                       computed: summary, relation: agree ? nil : "paper: \(printed.rawValue)", seed: seed)
    }

    // MARK: meanfield-threshold

    /// Which threshold of NC(8).
    public enum ThresholdKind: String, Sendable { case flip, chiral }

    /// Predicted threshold (continuation + bisection on the Jacobian; the sign change confirmed with the
    /// symbolic Jacobian at the bracket ends), simulated threshold (bisection on simulations), and the
    /// comparison with the printed value.
    public static func thresholdVerdict(_ p: BilayerParameters, kind: ThresholdKind, printed: Double, tolerance: Double,
                                        upTo: Double, seed: UInt64) throws -> Verdict {
        let predicted: (value: Double, bracket: (Double, Double))?
        switch kind {
        case .flip: predicted = BilayerStability.predictedFlip(p, upTo: upTo)
        case .chiral: predicted = BilayerStability.predictedChiralOnset(p, upTo: upTo).map { ($0.value, $0.bracket) }
        }
        var thresholds = BilayerThresholds()
        thresholds.seed = seed
        thresholds.tolerance = 4e-3
        let simulated = try kind == .flip ? thresholds.simulatedFlip(p, upTo: upTo) : thresholds.simulatedChiralOnset(p, upTo: upTo)
        guard let predicted else {
            let sim = simulated.map { "simulation finds \(Inputs.fmt($0.value)) in [\(Inputs.fmt($0.lower)), \(Inputs.fmt($0.upper))]" } ?? "simulation finds none either"
            return Verdict(.discrepancy, method: .numeric(digits: 6, errorEstimate: "scan step 0.02"),
                           detail: "no \(kind.rawValue) threshold of NC(8) for γ_B/(α_B|g_B|) ≤ \(upTo) along the continued branch; \(sim)",
                           computed: "none ≤ \(upTo)", relation: "paper: \(printed)", seed: seed)
        }
        // Symbolic Jacobian at the bracket ends.
        var symbolicNote = ""
        if let lo = BilayerStability.branch(p.with(gammaRatio: 0), to: predicted.bracket.0),
           let hi = BilayerStability.branch(p.with(gammaRatio: 0), to: predicted.bracket.1) {
            let jac = BilayerSymbolicModel.jacobian
            let tLo = try BilayerSymbolicModel.evaluateJacobian(jac, p.with(gammaRatio: predicted.bracket.0), [lo.a, 0, lo.b, 0])
            let tHi = try BilayerSymbolicModel.evaluateJacobian(jac, p.with(gammaRatio: predicted.bracket.1), [hi.a, 0, hi.b, 0])
            switch kind {
            case .flip:
                symbolicNote = "; b changes sign across the bracket (\(Inputs.fmt(lo.b, 3)) → \(Inputs.fmt(hi.b, 3))); closed form 1 − j_AB²(j_AA − T)/j_AA³ = \(Inputs.fmt(BilayerStability.flipClosedForm(p), 12))"
            case .chiral:
                symbolicNote = "; tr J_⊥ from the symbolic Jacobian (Expr.derivative): \(Inputs.fmt(tLo[5] + tLo[15], 3)) → \(Inputs.fmt(tHi[5] + tHi[15], 3)) across the bracket, det J_⊥ ≈ \(Inputs.fmt(tHi[5] * tHi[15] - tHi[7] * tHi[13], 2)) (Goldstone mode): the transverse eigenvalue coalesces with the Goldstone mode"
            }
        }
        let simText = simulated.map { "simulation bisection (seed \(seed)): [\(Inputs.fmt($0.lower)), \(Inputs.fmt($0.upper))]" } ?? "simulation finds no threshold ≤ \(upTo)"
        let agree = simulated.map { predicted.value >= $0.lower - 0.01 && predicted.value <= $0.upper + 0.01 } ?? false
        let deviation = abs(predicted.value - printed) / abs(printed)
        let detail = "NC(8), j_AB = \(p.jAB) meV, k_BT = \(p.temperature) meV: Jacobian prediction γ_B/(α_B|g_B|) = \(Inputs.fmt(predicted.value, 10)) (bracket width \(Inputs.fmt(predicted.bracket.1 - predicted.bracket.0, 2)))\(symbolicNote); \(simText); paper \(printed), deviation \(Inputs.percent(deviation)) (tolerance \(Inputs.percent(tolerance)))"
        let method = CheckMethod.numeric(digits: 8, errorEstimate: Inputs.fmt(predicted.bracket.1 - predicted.bracket.0, 2))
        if !agree {
            return Verdict(.inconclusive, method: method, detail: "prediction and simulation disagree: " + detail,
                           computed: Inputs.fmt(predicted.value, 10), seed: seed)
        }
        return Verdict(deviation <= tolerance ? .verified : .discrepancy, method: method, detail: detail,
                       computed: Inputs.fmt(predicted.value, 10),
                       relation: deviation <= tolerance ? nil : "computed = \(Inputs.fmt(predicted.value / printed, 4)) × printed", seed: seed)
    }

    // MARK: meanfield-chiral-coupling

    /// The smallest j_AB (meV) at which NC(8) has a chiral onset with γ_B/(α_B|g_B|) ≤ ratioMax, by scan
    /// (step 0.25 meV) and bisection on the Jacobian prediction; nil if none up to `jMax`.
    public static func minimalChiralCoupling(_ p: BilayerParameters, ratioMax: Double, jMax: Double = 20,
                                             tolerance: Double = 1e-3) -> Double? {
        func chiral(_ j: Double) -> Bool {
            var q = p; q.jAB = j
            return BilayerStability.predictedChiralOnset(q, upTo: ratioMax, tolerance: 1e-3)?.transverse == true
        }
        var lo = 0.0, j = 0.25
        var hi: Double? = nil
        while j <= jMax { if chiral(j) { hi = j; break }; lo = j; j += 0.25 }
        guard var upper = hi else { return nil }
        while upper - lo > tolerance { let mid = 0.5 * (lo + upper); if chiral(mid) { upper = mid } else { lo = mid } }
        return 0.5 * (lo + upper)
    }

    static func chiralCoupling(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        let (p, _, extra) = try Inputs.bilayer(claim)
        let ratioMax = extra["ratioMax"] ?? 20
        let tolerance = try Inputs.tolerance(claim, default: 0.5)
        // The bound: a number after the relation sign, or the printed inequality solved for J_AB.
        var bound: Double
        var how: String
        if let number = try? Inputs.printedNumber(claim), !claim.printed.value.contains("J_AB") {
            bound = number; how = "stated bound"
        } else {
            let (lhs, _, rhs) = try context.relation(claim.printed, claim: claim)
            guard let solved = try solveForCoupling(lhs: lhs, rhs: rhs, parameters: p) else {
                return Verdict(.inconclusive, detail: "could not solve the printed relation for J_AB in (1e-6, 1e4) meV")
            }
            bound = solved; how = "printed relation solved for J_AB (lhs = rhs)"
        }
        return try chiralCouplingVerdict(p, bound: bound, how: how, ratioMax: ratioMax, tolerance: tolerance, seed: claim.seed)
    }

    /// J_AB where lhs(J_AB) = rhs with α_A, α_B, n (symbols alpha_A, alpha_B, n or nfill) from `p`, by bisection
    /// in log J_AB on (1e-6, 1e4).
    public static func solveForCoupling(lhs: Expr, rhs: Expr, parameters p: BilayerParameters) throws -> Double? {
        let bits = 128
        func value(_ j: Double) throws -> Double {
            var values: [Symbol: BigComplex] = [:]
            for s in lhs.freeSymbols.union(rhs.freeSymbols) {
                let v: Double
                switch s.name {
                case "alpha_A": v = p.alphaA
                case "alpha_B": v = p.alphaB
                case "n", "nfill": v = p.filling
                case "J_AB", "j_AB": v = j
                default: throw EvaluationError.unboundSymbol(s.name)
                }
                values[s] = BigComplex(BigFloat(v, precision: bits))
            }
            return try (lhs - rhs).evaluate(at: values, precision: bits).re.doubleValue
        }
        var lo = log(1e-6), hi = log(1e4)
        let fLo = try value(exp(lo)), fHi = try value(exp(hi))
        guard (fLo < 0) != (fHi < 0) else { return nil }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if (try value(exp(mid)) < 0) == (fLo < 0) { lo = mid } else { hi = mid }
        }
        return exp(0.5 * (lo + hi))
    }

    /// Compare the computed minimal j_AB for a chiral phase with `bound`; confirm by simulation that the
    /// state is chiral just above the computed coupling and not chiral just below.
    public static func chiralCouplingVerdict(_ p: BilayerParameters, bound: Double, how: String, ratioMax: Double,
                                             tolerance: Double, seed: UInt64) throws -> Verdict {
        guard let jMin = minimalChiralCoupling(p, ratioMax: ratioMax) else {
            return Verdict(.discrepancy, method: .numeric(digits: 3, errorEstimate: "scan step 0.25 meV"),
                           detail: "no chiral phase of NC(8) for j_AB ≤ 20 meV and γ_B/(α_B|g_B|) ≤ \(ratioMax)",
                           computed: "none", seed: seed)
        }
        // Simulation confirmation: chiral just above the onset at j_min + 0.25 meV; not chiral at
        // j_min − 0.25 meV for the same γ_B and for γ_B/(α_B|g_B|) = 1.5 and 3.
        var above = p; above.jAB = jMin + 0.25
        var below = p; below.jAB = max(jMin - 0.25, 0.01)
        var confirm = ""
        if let onset = BilayerStability.predictedChiralOnset(above, upTo: ratioMax, tolerance: 1e-4) {
            let r = onset.value + 0.02
            let sim = BilayerSimulation()
            let start = BilayerSimulation.randomInitialCondition(seed: seed)
            let sAbove = try sim.run(BilayerMeanField(above.with(gammaRatio: r)), from: start)
            var belowPhases: [String] = []
            var anyChiralBelow = false
            for rb in [r, 1.5, 3] {
                let s = try sim.run(BilayerMeanField(below.with(gammaRatio: rb)), from: start)
                belowPhases.append("\(s.phase.rawValue) at \(Inputs.fmt(rb, 4))")
                if s.phase == .chiral { anyChiralBelow = true }
            }
            confirm = "; simulation: j_AB = \(Inputs.fmt(above.jAB, 4)) meV at γ_B/(α_B|g_B|) = \(Inputs.fmt(r, 4)) → \(sAbove.phase.rawValue); j_AB = \(Inputs.fmt(below.jAB, 4)) meV → \(belowPhases.joined(separator: ", "))"
            if sAbove.phase != .chiral || anyChiralBelow {
                return Verdict(.inconclusive, detail: "Jacobian and simulation disagree near j_AB = \(Inputs.fmt(jMin, 4)) meV" + confirm, seed: seed)
            }
        }
        let deviation = abs(jMin - bound) / jMin
        let detail = "NC(8) at k_BT = \(p.temperature) meV, other inputs from the caption: the chiral phase exists (γ_B/(α_B|g_B|) ≤ \(ratioMax)) only for j_AB ≥ \(Inputs.fmt(jMin, 4)) meV (Jacobian onset, bisection in j_AB to 1e-3 meV)\(confirm); \(how): j_AB ≈ \(Inputs.fmt(bound, 4)) meV; ratio computed/printed = \(Inputs.fmt(jMin / bound, 4)) (tolerance \(Inputs.percent(tolerance)))"
        return Verdict(deviation <= tolerance ? .verified : .discrepancy, method: .numeric(digits: 3, errorEstimate: "1e-3 meV"),
                       detail: detail, computed: "j_AB ≥ \(Inputs.fmt(jMin, 4)) meV",
                       relation: deviation <= tolerance ? nil : "computed bound = \(Inputs.fmt(jMin / bound, 4)) × printed bound", seed: seed)
    }

    // MARK: meanfield-temperature-expansion

    static func temperatureExpansion(_ claim: Claim) throws -> Verdict {
        let (p, _, extra) = try Inputs.bilayer(claim)
        let lowT = extra["lowT"] ?? 5
        let ratioMax = extra["ratioMax"] ?? 10
        return try temperatureExpansionVerdict(p, lowTemperature: lowT, ratioMax: ratioMax, seed: claim.seed)
    }

    /// Scan j_AB (0.25 … 10 meV, step 0.25): the chiral onset r_c(T) at the claim's T and at the lower
    /// temperature; the region expands with temperature where r_c(T_high) < r_c(T_low) (or only T_high is
    /// chiral). One such point is confirmed by simulation at both temperatures.
    public static func temperatureExpansionVerdict(_ p: BilayerParameters, lowTemperature: Double, ratioMax: Double,
                                                   seed: UInt64) throws -> Verdict {
        var expanding: [(j: Double, high: Double, low: Double?)] = []
        var shrinking: [Double] = []
        var j = 0.25
        while j <= 10 {
            var high = p; high.jAB = j
            var low = high; low.temperature = lowTemperature
            let rHigh = BilayerStability.predictedChiralOnset(high, upTo: ratioMax, tolerance: 1e-4)?.value
            let rLow = BilayerStability.predictedChiralOnset(low, upTo: ratioMax, tolerance: 1e-4)?.value
            if let rHigh, rLow.map({ $0 > rHigh + 1e-3 }) ?? true { expanding.append((j, rHigh, rLow)) }
            else if let rLow, rHigh.map({ $0 > rLow + 1e-3 }) ?? true { shrinking.append(j) }
            j += 0.25
        }
        guard let sample = expanding.first else {
            return Verdict(.discrepancy, method: .numeric(digits: 3, errorEstimate: "scan step 0.25 meV"),
                           detail: "no j_AB ≤ 10 meV where the chiral region at k_BT = \(p.temperature) meV extends beyond the one at \(lowTemperature) meV",
                           computed: "none", seed: seed)
        }
        let r = min(sample.high + 0.5 * ((sample.low ?? ratioMax) - sample.high), ratioMax)
        var high = p; high.jAB = sample.j
        var low = high; low.temperature = lowTemperature
        let start = BilayerSimulation.randomInitialCondition(seed: seed)
        let sHigh = try BilayerSimulation().run(BilayerMeanField(high.with(gammaRatio: r)), from: start)
        let sLow = try BilayerSimulation().run(BilayerMeanField(low.with(gammaRatio: r)), from: start)
        let js = expanding.map(\.j)
        let detail = "chiral onset from the Jacobian at k_BT = \(p.temperature) and \(lowTemperature) meV, j_AB = 0.25…10 meV: the region is larger at the higher temperature for j_AB ∈ {\(Inputs.fmt(js.first!, 3)) … \(Inputs.fmt(js.last!, 3))} meV (\(js.count) grid points) and smaller for \(shrinking.count) points; simulation at j_AB = \(sample.j), γ_B/(α_B|g_B|) = \(Inputs.fmt(r, 4)): \(sHigh.phase.rawValue) at \(p.temperature) meV, \(sLow.phase.rawValue) at \(lowTemperature) meV"
        let confirmed = sHigh.phase == .chiral && sLow.phase != .chiral
        return Verdict(confirmed ? .verified : .inconclusive, method: .numeric(digits: 3, errorEstimate: "scan step 0.25 meV"),
                       detail: detail, computed: "expands for j_AB ∈ [\(Inputs.fmt(js.first!, 3)), \(Inputs.fmt(js.last!, 3))] meV", seed: seed)
    }
}
