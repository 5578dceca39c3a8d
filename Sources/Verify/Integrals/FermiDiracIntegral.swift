import Symbolic

/// The benchmark Fermi integral Φ(t) = ∫₀^∞ √x /(e^{(x−1)/t} + 1) dx (complete Fermi–Dirac
/// integral of order 1/2 at η = 1/t, times t^{3/2}Γ(3/2)).
///
/// Method: the substitution x = u² removes the √x endpoint singularity (Φ = ∫₀^∞ 2u² f(u) du with
/// the `FermiSea` occupation), after which the integrand is analytic except for the Fermi poles;
/// it is truncated at the cut-off U (tail bound added) and integrated by Gauss–Legendre in the
/// layer variable s of `FermiLayer` (default) or on pieces graded towards u = 1 (`route: .gradedPieces`,
/// or any `rule` other than Gauss–Legendre).
public enum FermiDiracIntegral {
    public static func value(t: BigFloat, digits: Int, rule: Quadrature.Rule = .gaussLegendre,
                             route: FermiSea.Route = .layerMap) throws -> QuadratureResult {
        guard t.isFinite, t.signum > 0 else {
            throw IntegralError.invalidParameter(name: "t", value: t.toString(digits: 10), requirement: "must be finite and > 0")
        }
        if route == .layerMap && rule == .gaussLegendre {
            let p = FermiLayer.precision(digits: digits)
            let tp = t.rounded(toPrecision: p)
            let U = FermiSea.cutoff(t: tp, bits: p)
            let exponential = FixedPointExponential(precision: p)
            var decay = BigFloat(0, precision: p)
            var r = try FermiLayer(t: tp, precision: p).integrate({ u, x, f in
                FermiLayer.setOccupation(&f, x: x, decay: &decay, using: exponential)  // f
                f.multiply(by: u); f.multiply(by: u); f.scale(byPowerOf2: 1)            // 2u² f
            }, U: U, digits: digits)
            r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 2) * 2
            return r
        }
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64)
        let tp = t.rounded(toPrecision: p)
        let U = FermiSea.cutoff(t: tp, bits: p)
        let pts = FermiSea.breakpoints(t: tp, U: U)
        var r = try Quadrature.integrate({ u in
            let u2 = u * u
            return u2.scaled(byPowerOf2: 1) * FermiSea.occupation(u2: u2, t: tp)
        }, over: pts, digits: digits, rule: rule, precision: p,
                                         singularities: FermiSea.poles(t: tp))
        r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 2) * 2
        return r
    }
}
