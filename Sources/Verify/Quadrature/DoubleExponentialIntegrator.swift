import Symbolic

/// The level-doubling driver shared by tanh–sinh and exp–sinh: trapezoidal sums of the
/// transformed integrand with step 2⁻ʲ, j = 0, 1, 2, …, reusing all earlier nodes.
///
/// Error estimate (Bailey's heuristic for quadratically converging DE sums): with
/// D₁ = log₁₀(|Sⱼ − Sⱼ₋₁|/|Sⱼ|), D₂ = log₁₀(|Sⱼ − Sⱼ₋₂|/|Sⱼ|), the relative error of Sⱼ is
/// about 10^(D₁²/D₂); it is never reported below the rounding level 2^(−p)·Σ|wᵢfᵢ|·h nor below the
/// largest neglected tail term. The estimate is a heuristic: `Quadrature.checked` confirms it by an
/// independent recomputation at twice the digits.
struct DEIntegrator {
    /// One branch of nodes: x = map(offset), weight scaled by `scale`.
    struct Side {
        let kind: DEKind
        let map: (BigFloat) -> BigFloat
        let scale: BigFloat
        var cut: Double = .infinity
        var outerTerm = BigFloat(0, precision: 64)
    }

    var sides: [Side]
    let precision: Int
    let name: String

    init(sides: [Side], precision: Int, name: String) {
        self.sides = sides
        self.precision = precision
        self.name = name
    }

    /// Integrates to `digits` relative digits; when the top level is reached first, returns the last
    /// sum with its (large) error estimate, so that `digits` tells the caller what was reached.
    /// `offset` is a fixed contribution to the unscaled level-0 sum (the tanh–sinh centre node).
    mutating func run(_ f: (BigFloat) throws -> BigFloat, digits: Int, offset: BigFloat, maxLevel: Int? = nil) throws -> QuadratureResult {
        let p = precision
        let top = maxLevel ?? Swift.max(6, Int(Foundation_log2(Double(p))) + 3)
        var total = offset.rounded(toPrecision: p)  // Σ w f over all nodes so far (unscaled by h)
        var absTotal = offset.magnitude.rounded(toPrecision: 64)
        var estimates: [BigFloat] = []
        var evaluations = 0
        var lastError = BigFloat.infinity(precision: 64)
        let tolRel = BigFloat(1, precision: 64) / BigFloat(10, precision: 64).pow(digits)
        for level in 0...top {
            var levelSum = BigFloat(0, precision: p)
            for s in sides.indices {
                let nodes = DoubleExponential.nodes(sides[s].kind, level: level, precision: p)
                var terms: [BigFloat] = []
                if level == 0 { terms.reserveCapacity(nodes.t.count) }
                var small = 0
                for i in nodes.t.indices {
                    let t = Swift.abs(nodes.t[i])
                    if t > sides[s].cut { break }
                    let x = sides[s].map(nodes.offset[i])
                    let fx = try f(x)
                    evaluations += 1
                    if !fx.isFinite {
                        // A non-finite value deep in the endpoint layer: the node rounded onto the
                        // endpoint. Cut the branch there; elsewhere it is an error.
                        if t >= 2 { sides[s].cut = t - 1e-9; break }
                        throw QuadratureError.integrandNotFinite(at: x.toString(digits: 20))
                    }
                    let term = nodes.weight[i] * fx * sides[s].scale
                    levelSum = levelSum + term
                    absTotal = absTotal + term.magnitude.rounded(toPrecision: 64)
                    if level == 0 {
                        terms.append(term.magnitude.rounded(toPrecision: 64))
                    } else if t > 1 {
                        // beyond the bulk: stop after three consecutive negligible terms
                        let ref = (total.magnitude + levelSum.magnitude).rounded(toPrecision: 64)
                        if term.magnitude < ref.scaled(byPowerOf2: -(p + 8)) { small += 1 } else { small = 0 }
                        if small >= 3 { sides[s].cut = t; break }
                    }
                }
                if level == 0 {
                    // cut after the last term above 2^(−p−8) of the largest term
                    let maxTerm = terms.max() ?? BigFloat(0, precision: 64)
                    let thr = maxTerm.scaled(byPowerOf2: -(p + 8))
                    var lastBig = 0
                    for (i, tm) in terms.enumerated() where tm > thr { lastBig = i }
                    if lastBig + 1 < terms.count {
                        sides[s].cut = Swift.min(sides[s].cut, Swift.abs(nodes.t[lastBig]) + 1)
                        sides[s].outerTerm = terms[lastBig + 1]
                    } else if let lastT = terms.last {
                        sides[s].outerTerm = lastT
                    }
                }
            }
            total = total + levelSum
            let h = BigFloat.power2(-level, precision: p)
            let s = total * h
            estimates.append(s)
            if estimates.count >= 3 {
                let n = estimates.count
                let mag = s.magnitude.rounded(toPrecision: 64)
                let roundoff = (absTotal * h).scaled(byPowerOf2: -p + 4)
                var tail = BigFloat(0, precision: 64)
                for sd in sides { tail = tail + sd.outerTerm * h }
                let d1 = (s - estimates[n - 2]).magnitude.rounded(toPrecision: 64)
                let d2 = (s - estimates[n - 3]).magnitude.rounded(toPrecision: 64)
                var err: BigFloat
                if d1.isZero {
                    err = BigFloat(0, precision: 64)
                } else if mag.isZero {
                    err = d1
                } else {
                    let D1 = (d1 / mag).log10().doubleValue, D2 = (d2 / mag).log10().doubleValue
                    if D2 < 0, D1 < D2 * 1.2 {
                        // quadratic convergence observed
                        let e = Swift.max(D1 * D1 / D2, 2 * D1)
                        err = mag * BigFloat(10, precision: 64).pow(BigFloat(e, precision: 64))
                    } else {
                        err = d1
                    }
                }
                err = BigFloat.maximum(BigFloat.maximum(err, roundoff), tail)
                lastError = err
                if err <= tolRel * mag || (mag.isZero && err.isZero) {
                    return QuadratureResult(value: s, errorEstimate: err, evaluations: evaluations,
                                            rule: "\(name) level \(level)")
                }
            }
        }
        // Not converged: return what was reached; the error estimate says how little that is.
        return QuadratureResult(value: estimates.last!, errorEstimate: lastError, evaluations: evaluations,
                                rule: "\(name) level \(top) (not converged)")
    }
}

@inline(__always) func Foundation_log2(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.log2(x)
    #else
    return Darwin.log2(x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif
