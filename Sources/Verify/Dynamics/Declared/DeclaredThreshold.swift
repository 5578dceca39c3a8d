import Foundation

/// A threshold of a declared system in one parameter p ∈ [a, b]: the smallest p at which the long-time state
/// from the seeded initial condition is in one of the `onset` phases, (i) by bisection on simulations (scan
/// step (b − a)/20, bracket 8·10⁻⁴ (b − a)) and (ii) predicted by continuing the fixed point reached at a
/// (`FixedPointContinuation`: Newton steps on the symbolic Jacobian) until it enters an onset phase or loses
/// stability (largest non-Goldstone eigenvalue > 0), bisected to 10⁻¹⁰ max(1, |b|).
public struct DeclaredThreshold: Sendable {
    public var simulated: (lower: Double, upper: Double)?
    public var predicted: (lower: Double, upper: Double, below: [Double], above: [Double]?)?
    /// How the prediction went (the branch, its labels and growth rates at the bracket ends).
    public var predictionNote: String

    static func fmt(_ x: Double, _ digits: Int = 6) -> String { OdeClaimInputs.fmt(x, digits) }

    public static func compute(_ system: DeclaredSystem, values: [String: Double], parameter: String, from: Double, to: Double,
                               onset: Set<String>, seed: UInt64, simulation: DeclaredSimulation = DeclaredSimulation()) throws -> DeclaredThreshold {
        let width = to - from
        func field(_ v: Double) throws -> DeclaredField {
            var w = values; w[parameter] = v
            return try DeclaredField(system, values: w)
        }
        let start = DeclaredSimulation.randomInitialCondition(system, seed: seed)
        func inOnset(_ v: Double) throws -> Bool {
            let s = try simulation.run(try field(v), from: start)
            return onset.contains { OdeClaimInputs.matches(s, $0) }
        }
        // Simulation bisection.
        var simulated: (lower: Double, upper: Double)? = nil
        if try inOnset(from) { simulated = (from, from) } else {
            var lo = from, hi: Double? = nil
            var v = from + width / 20
            while v <= to + 1e-12 * width {
                if try inOnset(v) { hi = v; break }
                lo = v; v += width / 20
            }
            if var upper = hi {
                while upper - lo > 8e-4 * width {
                    let mid = 0.5 * (lo + upper)
                    if try inOnset(mid) { upper = mid } else { lo = mid }
                }
                simulated = (lo, upper)
            }
        }
        // Jacobian continuation from the fixed point reached at `from`.
        let first = try simulation.run(try field(from), from: start)
        var predicted: (lower: Double, upper: Double, below: [Double], above: [Double]?)? = nil
        var predictionNote = ""
        if first.motion == .fixed, let y0 = FixedPointContinuation.newton(try field(from), from: first.y) {
            let startLabel = try LongTimeState.phaseLabel(field(from), y0)
            predicted = try FixedPointContinuation.threshold(field, from: from, upTo: to, start: y0, coarse: 0.004 * width, tolerance: 1e-10 * max(1, abs(to))) { y, f in
                let label = try LongTimeState.phaseLabel(f, y)
                if onset.contains(label) { return true }
                return try !FixedPointContinuation.analyse(f, at: y).isStable
            }
            if let p = predicted {
                let below = try FixedPointContinuation.analyse(try field(p.lower), at: p.below)
                var text = "branch from the \(startLabel) fixed point at \(parameter) = \(fmt(from)): at \(fmt(p.lower, 10)) \(try LongTimeState.phaseLabel(field(p.lower), p.below)), largest non-Goldstone eigenvalue \(fmt(below.growthRate, 3))"
                if let y = p.above {
                    let above = try FixedPointContinuation.analyse(try field(p.upper), at: y)
                    text += "; at \(fmt(p.upper, 10)) \(try LongTimeState.phaseLabel(field(p.upper), y)), \(fmt(above.growthRate, 3)) (symbolic Jacobian, Expr.derivative)"
                } else { text += "; the branch ends at \(fmt(p.upper, 10))" }
                predictionNote = text
            } else {
                predictionNote = "the branch from the \(startLabel) fixed point stays out of {\(onset.sorted().joined(separator: ", "))} and stable up to \(fmt(to))"
            }
        } else {
            predictionNote = "no fixed point at \(parameter) = \(fmt(from)) to continue (\(first.label))"
        }
        return DeclaredThreshold(simulated: simulated, predicted: predicted, predictionNote: predictionNote)
    }
}
