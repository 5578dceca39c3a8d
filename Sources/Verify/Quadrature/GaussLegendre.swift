import Symbolic

/// Gauss–Legendre quadrature on [−1, 1] at arbitrary precision:
/// ∫₋₁¹ f(x) dx ≈ Σᵢ wᵢ f(xᵢ), exact for polynomials of degree ≤ 2n − 1.
///
/// Nodes xᵢ are the zeros of the Legendre polynomial Pₙ, found by Newton's method on the
/// three-term recurrence (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1}, started from a double-precision
/// estimate and refined with doubling precision; weights wᵢ = 2/((1 − xᵢ²) Pₙ′(xᵢ)²).
/// Node sets are cached per (n, precision) in a thread-safe table.
public enum GaussLegendre {
    /// Nonnegative nodes (descending) and their weights; the negative nodes mirror them.
    /// For odd n the last node is 0.
    public struct Nodes: Sendable {
        public let n: Int
        public let precision: Int
        public let x: [BigFloat]
        public let w: [BigFloat]
    }

    struct Key: Hashable, Sendable { let n: Int; let precision: Int }
    static let cache = NodeCache<Key, Nodes>()

    /// The n-point rule at `precision` bits (cached).
    public static func nodes(_ n: Int, precision: Int) -> Nodes {
        cache.value(for: Key(n: n, precision: precision)) { compute(n, precision: precision) }
    }

    /// Pₙ(x) and Pₙ′(x) by the recurrence at `precision` bits (default: that of x), written as
    /// P_{k+1} = t + k(t − P_{k−1})/(k+1) with t = x P_k. x may carry fewer bits than `precision`
    /// (a Newton iterate from the previous level): x·P_k then costs a short-by-long product and
    /// the rest of each step is linear in the precision. With `coefficients` c_k = k/(k+1) the
    /// step is one fused multiply–add instead (three roundings instead of five).
    static func legendre(_ n: Int, _ x: BigFloat, precision: Int? = nil,
                         coefficients c: [BigFloat]? = nil) -> (p: BigFloat, dp: BigFloat) {
        let prec = precision ?? x.precision
        var p0 = BigFloat(1, precision: prec), p1 = x.rounded(toPrecision: prec)
        if n == 0 { return (p0, BigFloat(0, precision: prec)) }
        // In place: t, d and the three-term window are reused across the n steps.
        var t = BigFloat(0, precision: prec), d = t
        for k in 1..<n {
            t.setProduct(x, p1)
            d.setDifference(t, p0)
            swap(&p0, &p1)                       // p0 ← P_k; p1's number is free for P_{k+1}
            if let c = c {
                p1.setFMA(d, c[k], t)
            } else {
                d.multiply(by: k); d.divide(by: k + 1)
                p1.setSum(t, d)
            }
        }
        // (1 − x²) Pₙ′ = n (P_{n−1} − x Pₙ)
        t.setProduct(x, p1)
        d.setDifference(p0, t)
        d.multiply(by: n)
        let xx = x.rounded(toPrecision: prec)
        return (p1, d / (1 - xx * xx))
    }

    /// c_k = k/(k+1), k = 0…n−1, at `precision` bits (for `legendre`).
    static func recurrenceCoefficients(_ n: Int, precision: Int) -> [BigFloat] {
        (0..<Swift.max(n, 1)).map { BigFloat(BigRational(BigInt($0), BigInt($0 + 1)), precision: precision) }
    }

    static func compute(_ n: Int, precision: Int) -> Nodes {
        precondition(n >= 1)
        var xs: [BigFloat] = [], ws: [BigFloat] = []
        let half = (n + 1) / 2
        for i in 1...half {
            if n % 2 == 1 && i == half {
                let x0 = BigFloat(0, precision: precision)
                let (_, dp) = legendre(n, x0)
                xs.append(x0); ws.append(2 / (dp * dp)); continue
            }
            // Tricomi's initial guess, then Newton in double precision.
            var xd = Foundation_cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            for _ in 0..<8 {
                var a = 1.0, b = xd
                for k in 1..<n { let c = ((2 * Double(k) + 1) * xd * b - Double(k) * a) / Double(k + 1); a = b; b = c }
                let d = Double(n) * (a - xd * b) / (1 - xd * xd)
                let step = b / d
                xd -= step
                if abs(step) < 1e-17 { break }
            }
            // Newton with increasing precision up to the target (+ guard bits). A step at precision q
            // from an x correct to a bits gives min(q, 2a − 2 log₂ n − c) bits (the Newton constant
            // P″/2P′ is O(n²)), so the schedule is planned backwards from the target: each level needs
            // its input correct to half its precision plus 2 log₂ n + 12 bits. Only the last step runs
            // at full precision; the weight reuses its Pₙ′, moved to the new x by one Taylor step with
            // Pₙ″ from Legendre's equation (1 − x²)P″ = 2xP′ − n(n+1)P, whose O(Δx²) error is below
            // the target by the same margin.
            let target = precision + 16
            let margin = 2 * Int(Foundation_log2(Double(n)).rounded(.up)) + 12
            var schedule = [target]
            while schedule.last! > 4 * margin { schedule.append(schedule.last! / 2 + margin) }
            var x = BigFloat(xd, precision: 64)
            var dpFinal = BigFloat(0, precision: target)
            for (level, prec) in schedule.reversed().enumerated() {
                // x keeps the bits of the previous level (cheaper products in the recurrence)
                // the lowest level starts from the double estimate (~48 bits): three steps make it exact
                for _ in 0..<(level == 0 ? 3 : 1) {
                    let (p, dp) = legendre(n, x, precision: prec)
                    let dx = p / dp
                    if prec == target {
                        let ddp = (x.scaled(byPowerOf2: 1) * dp - p * (n * (n + 1))) / (1 - x * x)
                        dpFinal = dp - ddp * dx
                    }
                    x = x - dx
                }
            }
            let w = 2 / ((1 - x * x) * dpFinal * dpFinal)
            xs.append(x.rounded(toPrecision: precision)); ws.append(w.rounded(toPrecision: precision))
        }
        return Nodes(n: n, precision: precision, x: xs, w: ws)
    }

    /// Rough size of ∫ₐᵇ f from the 6-point rule: (Σ wᵢ|f(xᵢ)|·h, Σ wᵢ f(xᵢ)·h) as doubles.
    static func magnitude(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                          precision: Int) throws -> (l1: Double, sum: Double) {
        let nodes = self.nodes(6, precision: 64)
        let c = (a + b).scaled(byPowerOf2: -1), h = (b - a).scaled(byPowerOf2: -1)
        var l1 = 0.0, sum = 0.0
        let hd = h.doubleValue
        for (i, x) in nodes.x.enumerated() {
            let d = h * x.rounded(toPrecision: precision)
            let w = nodes.w[i].doubleValue * hd
            let fp = try f(c + d).doubleValue, fm = try f(c - d).doubleValue
            l1 += w * (Swift.abs(fp) + Swift.abs(fm)); sum += w * (fp + fm)
        }
        return (l1, sum)
    }

    /// ∫ₐᵇ f by the n-point rule (a, b finite, a < b), at the precision of the nodes.
    public static func integrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                                 n: Int, precision: Int) throws -> BigFloat {
        let nodes = self.nodes(n, precision: precision)
        let a = a.rounded(toPrecision: precision), b = b.rounded(toPrecision: precision)
        let c = (a + b).scaled(byPowerOf2: -1), h = (b - a).scaled(byPowerOf2: -1)
        var s = BigFloat(0, precision: precision)
        for (i, x) in nodes.x.enumerated() {
            if x.isZero {
                s = s + nodes.w[i] * (try f(c))
            } else {
                let d = h * x
                s = s + nodes.w[i] * ((try f(c + d)) + (try f(c - d)))
            }
        }
        return s * h
    }
}

@inline(__always) func Foundation_cos(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.cos(x)
    #else
    return Darwin.cos(x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif

extension GaussLegendre {
    /// Bernstein-ellipse parameter ρ > 1 of the singularity z (re, im) for the interval [a, b]:
    /// ρ = |w + √(w² − 1)| with w = (z − c)/h, c the centre and h the half-width (root with |·| > 1).
    /// Gauss–Legendre with n points then converges like ρ^(−2n).
    public static func bernsteinRho(singularity z: (re: Double, im: Double), a: Double, b: Double) -> Double {
        let c = (a + b) / 2, h = (b - a) / 2
        let wr = (z.re - c) / h, wi = z.im / h
        // w² − 1
        let qr = wr * wr - wi * wi - 1, qi = 2 * wr * wi
        // principal square root
        let m = (qr * qr + qi * qi).squareRoot()
        let sr = ((m + qr) / 2).squareRoot(); var si = ((m - qr) / 2).squareRoot()
        if qi < 0 { si = -si }
        let r1 = ((wr + sr) * (wr + sr) + (wi + si) * (wi + si)).squareRoot()
        let r2 = ((wr - sr) * (wr - sr) + (wi - si) * (wi - si)).squareRoot()
        return Swift.max(r1, r2)
    }

    /// Above this degree the degrees are taken from the ladder 2^m·{4, 6} (128, 192, 256, 384, 512,
    /// 768, 1024, …), so that pieces share node sets: at high precision, generating the nodes of a
    /// new degree costs more than the integrand evaluations it would save.
    static let ladderThreshold = 256

    /// The smallest ladder degree ≥ n.
    static func ladderDegree(atLeast n: Int) -> Int {
        var r = 128
        while r < n { r = r % 3 == 0 ? r / 3 * 4 : r / 2 * 3 }
        return r
    }

    /// The ladder degree just below the ladder degree r (r ≥ 192).
    static func ladderRung(below r: Int) -> Int { r % 3 == 0 ? r / 3 * 2 : r / 4 * 3 }

    /// ∫ₐᵇ f by Gauss–Legendre with an error estimate from two degrees n₁ < n₂ = ⌈1.5 n₁⌉
    /// (above `ladderThreshold`, two consecutive ladder degrees, n₂/n₁ = 4/3 or 3/2).
    /// With Δ = |S(n₂) − S(n₁)| ≈ err(n₁) and errors decaying like ρ^(−2n), the relative error of
    /// S(n₂) is estimated as (Δ/|S|)^(n₂/n₁); the degrees grow by 1.5 until that is below
    /// 10^(−digits). When `rho` (the Bernstein parameter of the nearest singularity of f, see
    /// `bernsteinRho`) is known, the first degree is chosen so that the second should suffice.
    /// Requires f analytic on a neighbourhood of [a, b]; otherwise the degrees run out and the
    /// result reports fewer digits than requested.
    public static func integrateAdaptive(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                                         digits: Int, precision: Int, rho: Double? = nil,
                                         maxPoints: Int? = nil) throws -> QuadratureResult {
        try integrateAdaptive(rule: { n in try integrate(f, from: a, to: b, n: n, precision: precision) },
                              digits: digits, precision: precision, rho: rho, maxPoints: maxPoints)
    }

    /// The degree selection and error estimate of `integrateAdaptive(_:from:to:…)` for a caller
    /// that evaluates the n-point Gauss–Legendre sum itself: `rule(n)` must return
    /// Σᵢ wᵢ f(xᵢ)·(b − a)/2 for the n-point nodes of `nodes(n, precision:)` (for instance with
    /// node-dependent factors it has cached per node set).
    /// `firstRatio` is n₂/n₁ for the first pair when `rho` is known (1.5 by default; 2 saves
    /// evaluations, n₁ being only the yardstick, and extrapolates the error over twice the degree).
    public static func integrateAdaptive(rule: (Int) throws -> BigFloat, digits: Int, precision: Int,
                                         rho: Double? = nil, maxPoints: Int? = nil,
                                         firstRatio: Int = 0) throws -> QuadratureResult {
        var n: Int
        var firstN2: Int? = nil
        if let rho = rho, rho > 1.05 {
            // ρ^(−2·n₂) ≤ 10^(−digits−3) with n₂ = 1.5 n₁
            let n2 = (Double(digits + 3) * 2.302585092994046 / (2 * Foundation_logD(rho))).rounded(.up)
            n = Swift.max(6, Int((n2 / 1.5).rounded(.up)))
            if firstRatio == 2 {
                n = Swift.max(6, Int((n2 / 2).rounded(.up))); firstN2 = 2 * n
            }
            if Int(n2) > ladderThreshold {
                let top = ladderDegree(atLeast: Int(n2))
                n = firstRatio == 2 ? top / 2 : ladderRung(below: top)
                firstN2 = firstRatio == 2 ? top : nil
            }
        } else {
            n = Swift.max(8, digits / 3)
        }
        var previous: BigFloat? = nil
        var previousN = 0
        var evaluations = 0
        var lastErr = BigFloat.infinity(precision: 64)
        var value = BigFloat(0, precision: precision)
        let tol = BigFloat(10, precision: 64).pow(-digits)
        let maxPoints = maxPoints ?? (4 * digits + 64)
        while n <= maxPoints {
            value = try rule(n)
            evaluations += n
            if let prev = previous {
                let mag = value.magnitude.rounded(toPrecision: 64)
                let d = (value - prev).magnitude.rounded(toPrecision: 64)
                let roundoff = mag.scaled(byPowerOf2: -precision + 8)
                var err = d
                if !mag.isZero && d < mag.scaled(byPowerOf2: -10) {
                    let rel = d / mag
                    let power = Double(n) / Double(previousN)
                    err = mag * rel.pow(BigFloat(power, precision: 64))
                }
                err = BigFloat.maximum(err, roundoff)
                lastErr = err
                if err <= tol * mag || (mag.isZero && d.isZero) {
                    return QuadratureResult(value: value, errorEstimate: err, evaluations: evaluations,
                                            rule: "Gauss-Legendre n=\(previousN),\(n)")
                }
            }
            previous = value
            previousN = n
            let next = (n * 3 + 1) / 2
            if let f = firstN2 { n = f; firstN2 = nil; continue }
            n = next > ladderThreshold ? ladderDegree(atLeast: n + 1) : next
        }
        return QuadratureResult(value: value, errorEstimate: lastErr, evaluations: evaluations,
                                rule: "Gauss-Legendre n=\(previousN) (not converged)")
    }
}

@inline(__always) func Foundation_logD(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.log(x)
    #else
    return Darwin.log(x)
    #endif
}
