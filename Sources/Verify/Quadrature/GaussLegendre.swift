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

    /// Pₙ(x) and Pₙ′(x) by the recurrence, at the precision of x.
    static func legendre(_ n: Int, _ x: BigFloat) -> (p: BigFloat, dp: BigFloat) {
        let prec = x.precision
        var p0 = BigFloat(1, precision: prec), p1 = x
        if n == 0 { return (p0, BigFloat(0, precision: prec)) }
        for k in 1..<n {
            let p2 = (x * p1 * (2 * k + 1) - p0 * k) / (k + 1)
            p0 = p1; p1 = p2
        }
        // (1 − x²) Pₙ′ = n (P_{n−1} − x Pₙ)
        let dp = (p0 - x * p1) * n / (1 - x * x)
        return (p1, dp)
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
            // Newton with doubling precision up to the target (+ guard bits).
            var prec = 48
            var x = BigFloat(xd, precision: prec)
            let target = precision + 16
            while true {
                prec = Swift.min(2 * prec, target)
                x = x.rounded(toPrecision: prec)
                let (p, dp) = legendre(n, x)
                x = x - p / dp
                if prec == target { break }
            }
            // One more step at full precision for the last bits.
            let (p, dp) = legendre(n, x)
            x = x - p / dp
            let (_, dpf) = legendre(n, x)
            let w = 2 / ((1 - x * x) * dpf * dpf)
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

    /// ∫ₐᵇ f by Gauss–Legendre with an error estimate from two degrees n₁ < n₂ = ⌈1.5 n₁⌉.
    /// With Δ = |S(n₂) − S(n₁)| ≈ err(n₁) and errors decaying like ρ^(−2n), the relative error of
    /// S(n₂) is estimated as (Δ/|S|)^(n₂/n₁); the degrees grow by 1.5 until that is below
    /// 10^(−digits). When `rho` (the Bernstein parameter of the nearest singularity of f, see
    /// `bernsteinRho`) is known, the first degree is chosen so that the second should suffice.
    /// Requires f analytic on a neighbourhood of [a, b]; otherwise the degrees run out and the
    /// result reports fewer digits than requested.
    public static func integrateAdaptive(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                                         digits: Int, precision: Int, rho: Double? = nil,
                                         maxPoints: Int? = nil) throws -> QuadratureResult {
        var n: Int
        if let rho = rho, rho > 1.05 {
            // ρ^(−2·n₂) ≤ 10^(−digits−3) with n₂ = 1.5 n₁
            let n2 = (Double(digits + 3) * 2.302585092994046 / (2 * Foundation_logD(rho))).rounded(.up)
            n = Swift.max(6, Int((n2 / 1.5).rounded(.up)))
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
            value = try integrate(f, from: a, to: b, n: n, precision: precision)
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
            n = (n * 3 + 1) / 2
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
