import Symbolic

/// The Gilbert damping sum of NC(32)/AX(S221) for the 3D parabolic band.
///
/// On the support of δ(ε₊ − ε₋) the divided difference (f₊ − f₋)/(ε₊ − ε₋) is f′(ε₊); with
/// p = k + q/2, p′ = k − q/2 the p′ integral of the δ function gives the density of states
/// ν(ε) = m p/(2π²) per spin and volume, so (derivations/integrals.md, §3)
///
///     α_a = (g_a² n²/ε_F²) · A(t),   A(t) = (9π/4) · ∫₀^∞ ε (−∂f/∂ε) dε   (ε in units of ε_F).
///
/// At t = 0, −∂f/∂ε = δ(ε − 1) is integrated analytically: the integral is exactly 1 and
/// A(0) = 9π/4. At t > 0 the integrand ε/(4t cosh²((ε−1)/(2t))) = ε f(1 − f)/t is integrated
/// numerically in u = √ε, truncated where it is below 2^(−p) (tail bound added), by Gauss–Legendre in
/// the layer variable of `FermiLayer` (default) or on pieces graded towards u = 1 (`FermiSea.Route`).
public enum GilbertDampingIntegral {
    /// ∫₀^∞ ε (−∂f/∂ε) dε; exactly 1 at t = 0.
    /// `route` chooses the quadrature layout at t > 0 (`FermiSea.Route`).
    public static func energyIntegral(t: BigFloat, digits: Int,
                                      rule: Quadrature.Rule = .gaussLegendre,
                                      route: FermiSea.Route = .layerMap) throws -> QuadratureResult {
        guard t.isFinite, !t.isNegative else {
            throw IntegralError.invalidParameter(name: "t = k_B T/ε_F", value: t.toString(digits: 10), requirement: "must be finite and ≥ 0")
        }
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64)
        if t.isZero {
            // ∫ ε δ(ε − 1) dε = 1, exactly.
            return QuadratureResult(value: BigFloat(1, precision: p), errorEstimate: BigFloat(0, precision: 64),
                                    evaluations: 0, rule: "delta function (analytic)")
        }
        // In u = √ε the Fermi poles sit where FermiSea expects them; ε (−f′(ε)) dε = 2u³ (−f′) du.
        if route == .layerMap && rule == .gaussLegendre {
            // −∂f/∂ε = f(1 − f)/t = E/(t(1 + E)²) with E = e^{−|x|}. The integrand is positive: no
            // cancellation, no extra guard bits.
            let q = FermiLayer.precision(digits: digits)
            let tq = t.rounded(toPrecision: q)
            let U = FermiSea.cutoff(t: tq, bits: q)
            let exponential = FixedPointExponential(precision: q)
            let inverseT = 1 / tq
            var d = BigFloat(0, precision: q)
            var r = try FermiLayer(t: tq, precision: q).integrate({ u, x, g in
                exponential.setExpOfMinusMagnitude(&g, x)                              // E = e^{−|x|}
                d.setSum(g, 1); d.multiply(by: d)                                        // (1 + E)²
                g.divide(by: d); g.multiply(by: inverseT)                                // −f′ = E/(t(1 + E)²)
                d.setProduct(u, u); d.multiply(by: u); d.scale(byPowerOf2: 1)           // 2u³
                g.multiply(by: d)
            }, U: U, digits: digits)
            r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tq, power: 3) / tq
            return r
        }
        let tp = t.rounded(toPrecision: p)
        let U = FermiSea.cutoff(t: tp, bits: p)
        let pts = FermiSea.breakpoints(t: tp, U: U)
        var r = try Quadrature.integrate({ u in
            let e = u * u
            let z = (e - 1) / (tp * 2)
            let c = z.cosh()
            return u * e * 2 / (tp * c * c * 4)
        }, over: pts, digits: digits, rule: rule, precision: p,
                                         singularities: FermiSea.poles(t: tp))
        r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 3) / tp
        return r
    }

    /// A(t) = α_a ε_F²/(g_a² n²) = (9π/4) ∫₀^∞ ε(−∂f/∂ε) dε.
    public static func value(t: BigFloat, digits: Int, rule: Quadrature.Rule = .gaussLegendre,
                             route: FermiSea.Route = .layerMap) throws -> QuadratureResult {
        var r = try energyIntegral(t: t, digits: digits + 1, rule: rule, route: route)
        let factor = BigFloat.pi(precision: r.value.precision) * 9 / 4
        r.value = r.value * factor
        r.errorEstimate = (r.errorEstimate * factor).rounded(toPrecision: 64)
        return r
    }
}
