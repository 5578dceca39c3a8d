import Symbolic

/// The RKKY sum of NC(30)/AX(S205) for the 3D parabolic band, reduced to one dimension.
///
/// With p = k + q/2, p′ = k − q/2 (unit Jacobian) the double sum becomes a product of two
/// angular averages, cos(q·R) → j₀(pR) j₀(p′R), and the divided difference splits into two equal
/// principal-value terms; the p′ integral is done in closed form,
/// P∫₀^∞ p′ sin(p′R)/(p² − p′²) dp′ = −(π/2) cos(pR), leaving (derivations/integrals.md, §2)
///
///     f_RKKY(R) = (n²/ε_F) · J(x, t),   J(x, t) = (9π/4) · I(x, t)/x²,
///     I(x, t) = ∫₀^∞ u sin(x u) f(u) du,   x = 2k_F R,  f(u) = 1/(e^{(u²−1)/t} + 1).
///
/// At t = 0, I = ∫₀¹ u sin(xu) du (entire integrand, Gauss–Legendre). At t > 0 the integrand is
/// truncated at the cut-off U of `FermiSea` (tail bound added to the error) and integrated on
/// pieces graded towards the Fermi surface. Nothing here uses the closed form of the paper.
public enum RKKYIntegral {
    /// I(x, t) = ∫₀^∞ u sin(x u) f(u) du to `digits` significant digits.
    /// `route` chooses the quadrature layout at t > 0 (`FermiSea.Route`; the layer map needs the
    /// Gauss–Legendre rule).
    public static func momentumIntegral(x: BigFloat, t: BigFloat, digits: Int,
                                        rule: Quadrature.Rule = .gaussLegendre,
                                        route: FermiSea.Route = .layerMap) throws -> QuadratureResult {
        try validate(x: x, t: t)
        let xd = Swift.max(1.0, Swift.abs(x.doubleValue))
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64) + 2 * Int(Foundation_log2(xd + 1).rounded(.up))
        let xp = x.rounded(toPrecision: p), tp = t.rounded(toPrecision: p)
        if tp.isZero {
            let pts = FermiSea.breakpoints(t: tp, U: BigFloat(1, precision: p), oscillation: xp)
            return try Quadrature.integrate({ u in u * (xp * u).sin() }, over: pts, digits: digits, rule: rule, precision: p, singularities: FermiSea.poles(t: tp))
        }
        if route == .layerMap && rule == .gaussLegendre {
            // Cancellation between the oscillations: the integral is O(1/x) where Σ|wᵢgᵢ| is O(1), so
            // ⌈log₂(x + 1)⌉ extra guard bits (the per-piece tolerances tighten by the same factor).
            let q = FermiLayer.precision(digits: digits, extraBits: Int(Foundation_log2(xd + 1).rounded(.up)))
            let xq = x.rounded(toPrecision: q), tq = t.rounded(toPrecision: q)
            let U = FermiSea.cutoff(t: tq, bits: q)
            let exponential = FixedPointExponential(precision: q)
            var decay = BigFloat(0, precision: q), phase = decay, sine = decay
            var r = try FermiLayer(t: tq, precision: q).integrate({ u, y, f in
                FermiLayer.setOccupation(&f, x: y, decay: &decay, using: exponential)  // f
                phase.setProduct(xq, u); sine.setSin(phase)
                f.multiply(by: sine); f.multiply(by: u)                                 // u sin(xu) f
            }, U: U, digits: digits)
            r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tq, power: 1)
            return r
        }
        let U = FermiSea.cutoff(t: tp, bits: p)
        let pts = FermiSea.breakpoints(t: tp, U: U, oscillation: xp)
        var r = try Quadrature.integrate({ u in u * (xp * u).sin() * FermiSea.occupation(u2: u * u, t: tp) },
                                         over: pts, digits: digits, rule: rule, precision: p,
                                         singularities: FermiSea.poles(t: tp))
        r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 1)
        return r
    }

    /// J(x, t) = ε_F f_RKKY(R)/n² = (9π/4) I(x, t)/x²: J_ab = g_a g_b (n²/ε_F) J, AX(S214);
    /// Ω_ab = γ_a |g_b| (n²/ε_F) J, AX(S215).
    public static func value(x: BigFloat, t: BigFloat, digits: Int,
                             rule: Quadrature.Rule = .gaussLegendre,
                             route: FermiSea.Route = .layerMap) throws -> QuadratureResult {
        var r = try momentumIntegral(x: x, t: t, digits: digits + 1, rule: rule, route: route)
        let p = r.value.precision
        let factor = BigFloat.pi(precision: p) * 9 / 4 / (x.rounded(toPrecision: p) * x.rounded(toPrecision: p))
        r.value = r.value * factor
        r.errorEstimate = (r.errorEstimate * factor.magnitude).rounded(toPrecision: 64)
        return r
    }

    static func validate(x: BigFloat, t: BigFloat) throws {
        guard x.isFinite, x.signum > 0 else {
            throw IntegralError.invalidParameter(name: "x = 2 k_F R", value: x.toString(digits: 10),
                                                 requirement: "must be finite and > 0 (the on-site sum R = 0 diverges)")
        }
        guard t.isFinite, !t.isNegative else {
            throw IntegralError.invalidParameter(name: "t = k_B T/ε_F", value: t.toString(digits: 10),
                                                 requirement: "must be finite and ≥ 0")
        }
        // Pieces are at most 8π/x long: beyond x = 10⁴ (k_F R = 5000) the piece count explodes.
        guard x.doubleValue <= 1e4 else {
            throw IntegralError.invalidParameter(name: "x = 2 k_F R", value: x.toString(digits: 10),
                                                 requirement: "must be ≤ 10⁴ (k_F R ≤ 5000): the quadrature splits [0, U] into pieces of length ≤ 8π/x")
        }
    }
}
