import Symbolic

/// The sinh substitution that resolves the thermal layer of the Fermi sea at u = 1:
///
///     u(s) = 1 + δ sinh s,   du = δ cosh s ds,   δ = πt/2,
///
/// with u = |k|/k_F and t = k_B T/ε_F as in `FermiSea`. The occupation f(u) = 1/(e^{(u²−1)/t} + 1)
/// has its poles at u² = 1 + iπt(2n+1), the nearest at distance ≈ δ from u = 1; in s they sit near
/// Im s = ±π/2 for every n (sinh s ≈ i(2n+1)), so the integrand in s is analytic in a strip of fixed
/// width whatever t is, and Gauss–Legendre on a few pieces of length `pieceLength` converges at a
/// rate independent of t (the graded pieces of `FermiSea.breakpoints` need O(log 1/t) pieces of
/// ~d digits each instead). Where the layer map is used, it replaces that grading; both routes stay
/// available (`FermiSea.Route`) so that each checks the other.
///
/// The argument of the Fermi function is passed to the integrand as x = (u² − 1)/t = v(2 + v)/t with
/// v = δ sinh s, so it keeps full relative precision next to the Fermi surface.
public struct FermiLayer: Sendable {
    /// t = k_B T/ε_F > 0 at the working precision.
    public let t: BigFloat
    /// δ = πt/2.
    public let delta: BigFloat
    public let precision: Int
    /// Length of the Gauss–Legendre pieces in s (the poles are ≈ π/2 away from the real s axis).
    /// Longer pieces need higher degrees but fewer pieces and fewer yardstick evaluations: at
    /// 50 digits 5 takes 258–450 evaluations for the four benchmark integrals where 3 took 396–588.
    public static let pieceLength = 5

    /// The working precision for `digits` significant digits: bits(digits) + 20 guard bits
    /// (+ `extraBits` for cancellation the caller expects), rounded up to whole 64-bit limbs.
    ///
    /// The guard bits cover: the rounding of each integrand evaluation (a few ulp, with E = e^{−|x|}
    /// within 0.5 + 2^{−36} ulp, `FixedPointExponential`), summed with weights wᵢ > 0 — bounded by
    /// Σ|wᵢ gᵢ|·2^{−p+4}, which `integrate` adds to the error estimate; the floor 2^{−p+8}|S| of
    /// `GaussLegendre.integrateAdaptive` (2^{−bits−12}: below the tolerance 10^{−digits} with
    /// 12 bits to spare); and the per-piece tolerances, tighter than the total's by the digits of
    /// the piece count (2 pieces at most for U ≤ 2: one bit).
    public static func precision(digits: Int, extraBits: Int = 0) -> Int {
        (BigFloat.bits(forDigits: digits) + 20 + Swift.max(0, extraBits) + 63) / 64 * 64
    }

    /// f = 1/(e^x + 1) in place, as E/(1 + E) for x ≥ 0 and 1/(1 + E) for x < 0 with E = e^{−|x|}
    /// from `exponential` (so that nothing overflows and the larger occupation has no cancellation).
    /// f takes the precision of `exponential`.
    @inline(__always)
    public static func setOccupation(_ f: inout BigFloat, x: BigFloat, decay E: inout BigFloat,
                                     using exponential: FixedPointExponential) {
        exponential.setExpOfMinusMagnitude(&E, x)
        f.setSum(E, 1)
        if x.isNegative { f.invert() } else { f.divide(into: E) }
    }

    /// `precision` is rounded up to a whole number of 64-bit limbs (the extra bits cost nothing), so
    /// that integrals asked for the same digits share Gauss–Legendre node sets.
    public init(t: BigFloat, precision: Int) {
        let precision = (precision + 63) / 64 * 64
        self.precision = precision
        self.t = t.rounded(toPrecision: precision)
        self.delta = BigFloat.pi(precision: precision) * self.t / 2
    }

    /// s of a point u ≥ 0: asinh((u − 1)/δ).
    public func s(ofU u: BigFloat) -> BigFloat {
        let w = (u.rounded(toPrecision: precision) - 1) / delta
        // asinh w = sign(w)·log(|w| + √(w² + 1)) (no cancellation for w < 0)
        let a = w.magnitude
        let r = (a + (a * a + 1).sqrt()).log()
        return w.isNegative ? -r : r
    }

    /// Breakpoints in s for [0, U]: s(0) and s(U) and the points that cut [s(0), s(U)] into the
    /// fewest pieces of equal length ≤ `pieceLength`.
    public func breakpoints(U: BigFloat) -> [BigFloat] {
        let s0 = s(ofU: BigFloat(0, precision: precision)), s1 = s(ofU: U)
        let k = Swift.max(1, Int(((s1 - s0).doubleValue / Double(Self.pieceLength)).rounded(.up)))
        let width = (s1 - s0) / k
        return (0..<k).map { s0 + width * $0 } + [s1]
    }

    /// The singularities of f(u(s)) nearest to the real s axis (as doubles, for the choice of
    /// Gauss–Legendre degrees): for the poles ±u_n, n = 0…3, both preimages asinh w and iπ − asinh w
    /// of w = (±u_n − 1)/δ, and their complex conjugates.
    public func singularities() -> [(re: Double, im: Double)] {
        let d = delta.doubleValue
        var out: [(re: Double, im: Double)] = []
        for pole in FermiSea.poles(t: t, count: 4) where pole.im > 0 {
            for sign in [1.0, -1.0] {
                let w: ComplexDouble.C = (re: (sign * pole.re - 1) / d, im: sign * pole.im / d)
                let a = ComplexDouble.asinh(w)
                let b: ComplexDouble.C = (re: -a.re, im: Double.pi - a.im)
                for z in [a, b] {
                    out.append((z.re, z.im)); out.append((z.re, -z.im))
                }
            }
        }
        return out
    }

    /// e^{±h xᵢ} at the nonnegative nodes xᵢ of the n-point Gauss–Legendre rule, for pieces of
    /// half-width h: with them e^{s} at the node s = c ± h xᵢ of a piece centred at c costs one
    /// product, so an integrand evaluation costs no exponential for the map.
    struct Exponentials: Sendable { let plus: [BigFloat]; let minus: [BigFloat] }
    struct ExponentialsKey: Hashable, Sendable { let n: Int; let precision: Int; let halfWidth: String }
    static let exponentialsCache = NodeCache<ExponentialsKey, Exponentials>()

    static func exponentials(_ n: Int, halfWidth h: BigFloat, precision p: Int) -> Exponentials {
        exponentialsCache.value(for: ExponentialsKey(n: n, precision: p, halfWidth: h.toString(digits: p / 3))) {
            let nodes = GaussLegendre.nodes(n, precision: p)
            let plus = nodes.x.map { (h * $0).exp() }
            return Exponentials(plus: plus, minus: plus.map { 1 / $0 })
        }
    }

    /// An integrand g(u, x) for `integrate`, with x = (u² − 1)/t: it stores its value in `result`
    /// (a temporary that lives across calls, so that the inner loop allocates nothing).
    public typealias Integrand = (_ u: BigFloat, _ x: BigFloat, _ result: inout BigFloat) throws -> Void

    /// ∫₀^U g(u, x) du with x = (u² − 1)/t, by Gauss–Legendre in s on the pieces of `breakpoints`
    /// (degrees and error estimates of `GaussLegendre.integrateAdaptive`, the first degree from the
    /// `singularities`; each piece asked for the digits its share of the total needs, from a
    /// 6-point pre-pass as in `Quadrature.integrate`). g must be analytic near [0, U] apart from
    /// the poles of the Fermi function of x. The error estimate includes the rounding bound
    /// Σᵢ|wᵢ gᵢ|·2^{−p+4} of the final rules (see `precision(digits:extraBits:)`).
    public func integrate(_ g: Integrand, U: BigFloat, digits: Int) throws -> QuadratureResult {
        let p = precision, delta = self.delta, t = self.t
        let pts = breakpoints(U: U)
        let pieces = pts.count - 1
        let h = (pts[1] - pts[0]).scaled(byPowerOf2: -1)
        let sing = singularities()
        // The integrand in s at the node with e^{s} = ea·eb and e^{−s} = ec·ed: g(u, x)·du/ds.
        // Inner loop: the map works in place on temporaries that live across calls.
        let halfDelta = delta.scaled(byPowerOf2: -1)
        let inverseT = 1 / t
        var es = BigFloat(0, precision: p), esi = es, v = es, x = es, u = es, jacobian = es
        func integrand(_ ea: BigFloat, _ eb: BigFloat, _ ec: BigFloat, _ ed: BigFloat, into r: inout BigFloat) throws {
            es.setProduct(ea, eb); esi.setProduct(ec, ed)
            v.setDifference(es, esi); v.multiply(by: halfDelta)            // δ sinh s
            jacobian.setSum(es, esi); jacobian.multiply(by: halfDelta)     // δ cosh s
            x.setSum(v, 2); x.multiply(by: v); x.multiply(by: inverseT)    // v(v + 2)/t
            u.setSum(v, 1)
            try g(u, x, &r)
            r.multiply(by: jacobian)
            guard r.isFinite else { throw QuadratureError.integrandNotFinite(at: "u = " + u.toString(digits: 20)) }
        }
        // The n-point sum on a piece with e^{±c} (c its centre), and Σ|w f| as a double.
        let one = BigFloat(1, precision: p)
        var pair = BigFloat(0, precision: p), fp = pair, fm = pair
        func rule(_ n: Int, _ ec: BigFloat, _ eci: BigFloat) throws -> (sum: BigFloat, l1: Double) {
            let nodes = GaussLegendre.nodes(n, precision: p)
            let ex = Self.exponentials(n, halfWidth: h, precision: p)
            var sum = BigFloat(0, precision: p), l1 = 0.0
            for i in nodes.x.indices {
                if nodes.x[i].isZero {
                    try integrand(ec, one, eci, one, into: &pair)
                    l1 += Swift.abs(pair.doubleValue) * nodes.w[i].doubleValue
                } else {
                    try integrand(ec, ex.plus[i], eci, ex.minus[i], into: &fp)     // s = c + h xᵢ
                    try integrand(ec, ex.minus[i], eci, ex.plus[i], into: &fm)     // s = c − h xᵢ
                    l1 += nodes.w[i].doubleValue * (Swift.abs(fp.doubleValue) + Swift.abs(fm.doubleValue))
                    pair.setSum(fp, fm)
                }
                pair.multiply(by: nodes.w[i])
                sum.add(pair)
            }
            sum.multiply(by: h)
            return (sum, l1 * h.doubleValue)
        }
        var centreExp: [(BigFloat, BigFloat)] = []
        for k in 0..<pieces {
            let e = (pts[k] + h).exp()
            centreExp.append((e, 1 / e))
        }
        // Digits per piece: baseDigits + log₁₀(Aₖ/|S|) (see Quadrature.integrate).
        let baseDigits = digits + 2 + Int(Foundation_log2(Double(pieces)) / 3.32)
        var pieceDigits = Array(repeating: baseDigits, count: pieces)
        var evaluations = 0
        if pieces >= 2 {
            var sizes: [Double] = [], signed = 0.0
            for k in 0..<pieces {
                let r = try rule(6, centreExp[k].0, centreExp[k].1)
                sizes.append(r.l1); signed += r.sum.doubleValue
                evaluations += 6
            }
            let total = Swift.abs(signed)
            if total > 0 && total.isFinite {
                for k in 0..<pieces {
                    let shift = sizes[k] > 0 ? Foundation_log10(sizes[k] / total) : -Double(baseDigits)
                    pieceDigits[k] = Swift.max(3, Swift.min(baseDigits + 30, baseDigits + Int(shift.rounded(.up))))
                }
            }
        }
        var parts: [QuadratureResult] = []
        var l1Total = 0.0
        for k in 0..<pieces {
            let a = pts[k].doubleValue, b = pts[k + 1].doubleValue
            let rho = sing.map { GaussLegendre.bernsteinRho(singularity: $0, a: a, b: b) }.min()
            var lastL1 = 0.0
            parts.append(try GaussLegendre.integrateAdaptive(rule: { n in
                let r = try rule(n, centreExp[k].0, centreExp[k].1)
                lastL1 = r.l1
                return r.sum
            }, digits: pieceDigits[k], precision: p, rho: rho, firstRatio: 2))
            l1Total += lastL1
        }
        var r = QuadratureResult.sum(parts, precision: p)
        r.errorEstimate = r.errorEstimate + BigFloat(l1Total, precision: 64).scaled(byPowerOf2: -p + 4)
        r.evaluations += evaluations
        r.rule = "Fermi-layer map, \(pieces) pieces in s: " + parts.map { $0.rule }.joined(separator: "; ")
        return r
    }
}

/// Minimal complex arithmetic in double precision for locating singularities.
enum ComplexDouble {
    typealias C = (re: Double, im: Double)
    static func sqrt(_ z: C) -> C {
        let m = (z.re * z.re + z.im * z.im).squareRoot()
        let re = ((m + z.re) / 2).squareRoot()
        var im = ((m - z.re) / 2).squareRoot()
        if z.im < 0 { im = -im }
        return (re, im)
    }
    static func log(_ z: C) -> C {
        (Foundation_logD((z.re * z.re + z.im * z.im).squareRoot()), Foundation_atan2(z.im, z.re))
    }
    /// Principal asinh z = log(z + √(z² + 1)); for Re z < 0 via −asinh(−z) (no cancellation).
    static func asinh(_ z: C) -> C {
        if z.re < 0 { let a = asinh((-z.re, -z.im)); return (-a.re, -a.im) }
        let z2 = (z.re * z.re - z.im * z.im + 1, 2 * z.re * z.im)
        let r = sqrt(z2)
        return log((z.re + r.re, z.im + r.im))
    }
}

@inline(__always) func Foundation_atan2(_ y: Double, _ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.atan2(y, x)
    #else
    return Darwin.atan2(y, x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif
