import Symbolic

/// Arbitrary-precision definite integrals ∫ f(x) dx on MPFR, with error estimates.
///
/// The interval is given by increasing breakpoints `[x₀, x₁, …, xₘ]`; the integral is the sum of
/// the pieces [xᵢ, xᵢ₊₁]. Put a breakpoint at every kink, near-singularity and integrable endpoint
/// singularity of f (the rules converge fast only where f is analytic). x₀ may be −∞ and xₘ may be
/// +∞ (exp–sinh on the outer pieces); interior breakpoints are finite.
///
/// Rules: tanh–sinh (finite pieces; tolerates integrable endpoint singularities such as x^(−1/2)
/// or log x: put them at the *left* end of a piece when possible, where the node offsets are exact),
/// exp–sinh (half-lines), Gauss–Legendre (finite pieces, f analytic on the closed piece; fastest
/// for entire or far-from-singular integrands). Precision is explicit: `digits` requested decimal
/// digits, working precision `workingPrecision(digits:)` bits.
public enum Quadrature {
    public enum Rule: Sendable, Equatable {
        /// Tanh–sinh on finite pieces, exp–sinh on infinite ones.
        case doubleExponential
        /// Gauss–Legendre with degree doubling on finite pieces (exp–sinh on infinite ones).
        case gaussLegendre
    }

    /// Working precision in bits for `digits` requested digits on `pieces` pieces: the digits'
    /// bits plus 32 guard bits plus the bits lost to summation.
    public static func workingPrecision(digits: Int, pieces: Int = 1) -> Int {
        BigFloat.bits(forDigits: digits) + 32 + 2 * Int(Foundation_log2(Double(Swift.max(1, pieces))).rounded(.up))
    }

    /// ∫ f over the pieces between consecutive `breakpoints`, to `digits` significant digits.
    ///
    /// Returns the value with an error estimate; when the rule does not converge the result's
    /// `digits` is below the request (use `checked` to turn that into an inconclusive answer).
    /// Throws `QuadratureError.invalidInput` for bad breakpoints and `.integrandNotFinite` when f is
    /// NaN/∞ inside a piece. `singularities` (optional) lists the complex singularities of f nearest
    /// to the real axis; Gauss–Legendre uses them to choose its first degree per piece (a hint for
    /// speed only: the error estimate never relies on it).
    public static func integrate(_ f: (BigFloat) throws -> BigFloat, over breakpoints: [BigFloat],
                                 digits: Int, rule: Rule = .doubleExponential,
                                 precision: Int? = nil,
                                 singularities: [(re: Double, im: Double)] = []) throws -> QuadratureResult {
        guard breakpoints.count >= 2 else { throw QuadratureError.invalidInput("need at least two breakpoints") }
        guard digits >= 1 && digits <= 100_000 else { throw QuadratureError.invalidInput("digits = \(digits), expected 1…100000") }
        for (i, b) in breakpoints.enumerated() {
            if b.isNaN { throw QuadratureError.invalidInput("breakpoint \(i) is NaN") }
            if b.isInfinite && i != 0 && i != breakpoints.count - 1 {
                throw QuadratureError.invalidInput("interior breakpoint \(i) is infinite; only the first may be −∞ and the last +∞")
            }
            if i > 0 && !(breakpoints[i - 1] < b) {
                throw QuadratureError.invalidInput("breakpoints must increase (breakpoint \(i - 1) ≥ breakpoint \(i))")
            }
        }
        let pieces = breakpoints.count - 1
        let p = precision ?? workingPrecision(digits: digits, pieces: pieces)
        let baseDigits = digits + 2 + Int(Foundation_log2(Double(pieces)) / 3.32)
        // Pieces that contribute little need fewer relative digits: a 6-point Gauss–Legendre
        // pre-pass estimates each finite piece's L¹ size Aᵢ and the signed total S; piece i is asked
        // for baseDigits + log₁₀(Aᵢ/|S|) digits (so its absolute error stays ≤ 10^(−digits)|S|/pieces;
        // cancellation between pieces raises the request). Only for Gauss–Legendre on ≥ 3 pieces.
        var pieceDigitsList = Array(repeating: baseDigits, count: pieces)
        if rule == .gaussLegendre && pieces >= 3 {
            var sizes: [Double] = [], signed = 0.0
            for i in 0..<pieces {
                let a = breakpoints[i], b = breakpoints[i + 1]
                if a.isInfinite || b.isInfinite { sizes.append(.infinity); continue }
                let (l1, sum) = try GaussLegendre.magnitude(f, from: a.rounded(toPrecision: p), to: b.rounded(toPrecision: p), precision: p)
                sizes.append(l1); signed += sum
            }
            let total = Swift.abs(signed)
            if total > 0 && total.isFinite {
                for i in 0..<pieces where sizes[i].isFinite {
                    let shift = sizes[i] > 0 ? Foundation_log10(sizes[i] / total) : -Double(baseDigits)
                    pieceDigitsList[i] = Swift.max(3, Swift.min(baseDigits + 30, baseDigits + Int(shift.rounded(.up))))
                }
            }
        }
        var parts: [QuadratureResult] = []
        for i in 0..<pieces {
            let pieceDigits = pieceDigitsList[i]
            let a = breakpoints[i].rounded(toPrecision: p), b = breakpoints[i + 1].rounded(toPrecision: p)
            if a.isInfinite && b.isInfinite {
                let zero = BigFloat(0, precision: p)
                parts.append(try ExpSinh.integrate({ try f(-$0) }, from: zero, digits: pieceDigits, precision: p))
                parts.append(try ExpSinh.integrate(f, from: zero, digits: pieceDigits, precision: p))
            } else if b.isInfinite {
                parts.append(try ExpSinh.integrate(f, from: a, digits: pieceDigits, precision: p))
            } else if a.isInfinite {
                // ∫_{−∞}^{b} f(x) dx = ∫_{−b}^{∞} f(−y) dy
                parts.append(try ExpSinh.integrate({ try f(-$0) }, from: -b, digits: pieceDigits, precision: p))
            } else {
                switch rule {
                case .doubleExponential:
                    parts.append(try TanhSinh.integrate(f, from: a, to: b, digits: pieceDigits, precision: p))
                case .gaussLegendre:
                    let ad = a.doubleValue, bd = b.doubleValue
                    let rho = singularities.map { GaussLegendre.bernsteinRho(singularity: $0, a: ad, b: bd) }.min()
                    parts.append(try GaussLegendre.integrateAdaptive(f, from: a, to: b, digits: pieceDigits, precision: p, rho: rho))
                }
            }
        }
        return QuadratureResult.sum(parts, precision: p)
    }
}

/// Tanh–sinh (Takahasi–Mori) rule on a finite interval: x = (a+b)/2 + (b−a)/2 · tanh(π/2 · sinh t),
/// trapezoidal in t. Integrable algebraic or logarithmic endpoint singularities keep its
/// double-exponential convergence. Nodes x = a + (b−a)/2·δ and x = b − (b−a)/2·δ with
/// δ = 1 − tanh(π/2 sinh t) computed directly, so points near a are exact.
public enum TanhSinh {
    public static func integrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat,
                                 digits: Int, precision p: Int) throws -> QuadratureResult {
        let hw = (b - a).scaled(byPowerOf2: -1)
        let centre = (a + b).scaled(byPowerOf2: -1)
        // Level 0 centre node: t = 0, x = centre, dx/dt = π/2 · hw.
        let halfPi = BigFloat.pi(precision: p).scaled(byPowerOf2: -1)
        let f0 = try f(centre)
        guard f0.isFinite else { throw QuadratureError.integrandNotFinite(at: centre.toString(digits: 20)) }
        var de = DEIntegrator(sides: [
            .init(kind: .tanhSinh, map: { exactNear(a, plus: hw * $0) }, scale: hw),
            .init(kind: .tanhSinh, map: { exactNear(b, plus: -(hw * $0)) }, scale: hw),
        ], precision: p, name: "tanh-sinh")
        let centreTerm = halfPi * hw * f0
        var r = try de.run(f, digits: digits, offset: centreTerm)
        r.evaluations += 1
        return r
    }
}

/// Exp–sinh rule on a half-line [a, ∞): x = a + exp(π/2 · sinh t), trapezoidal in t. The integrand
/// must decay (at least like a power > 1); the nodes cluster double-exponentially at a (integrable
/// singularities at a are fine) and spread double-exponentially towards ∞.
public enum ExpSinh {
    public static func integrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat,
                                 digits: Int, precision p: Int) throws -> QuadratureResult {
        let one = BigFloat(1, precision: p)
        var de = DEIntegrator(sides: [
            .init(kind: .expSinhPositive, map: { a + $0 }, scale: one),
            .init(kind: .expSinhNegative, map: { exactNear(a, plus: $0) }, scale: one),
        ], precision: p, name: "exp-sinh")
        return try de.run(f, digits: digits, offset: BigFloat(0, precision: p))
    }
}

/// e + d computed exactly enough that (e + d) − e = d to the working precision: when |d| ≪ |e|
/// the sum gets the extra bits it needs (at most 8× the precision), so that an integrand singular at
/// the endpoint e sees the true distance. The integrand then runs at that higher precision.
@inline(__always) func exactNear(_ e: BigFloat, plus d: BigFloat) -> BigFloat {
    if e.isZero || d.isZero { return e + d }
    let extra = e.exponent - d.exponent
    if extra <= 0 { return e + d }
    let p = Swift.max(e.precision, d.precision)
    let boosted = p + Swift.min(extra, 7 * p)
    return e.rounded(toPrecision: boosted) + d.rounded(toPrecision: boosted)
}

@inline(__always) func Foundation_log10(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.log10(x)
    #else
    return Darwin.log10(x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif
