import Symbolic

/// The thermal kernel m_dis of AX(S206) for the 3D parabolic band, which the paper states
/// vanishes at T = 0.
///
/// On δ(ε₊ − ε₋): (1−f₊)f₋ + f₊(1−f₋) = 2f(1−f), and the same p, p′ reduction as for f_RKKY
/// gives (derivations/integrals.md, §4)
///
///     m_dis(R) = (n²/ε_F) · M(x, t),   M(x, t) = (9π/8) ∫₀^∞ u³ j₀(ux/2)² f(1−f) du,
///
/// j₀(z) = sin z/z, x = 2k_F R. Since f(1−f) = t·(−∂f/∂ε), M(x, t) = O(t): it vanishes at t = 0.
public enum DissipativeKernelIntegral {
    public static func value(x: BigFloat, t: BigFloat, digits: Int, rule: Quadrature.Rule = .gaussLegendre) throws -> QuadratureResult {
        try RKKYIntegral.validate(x: x, t: t)
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64)
        if t.isZero {
            // f(1 − f) ≡ 0 for the step function.
            return QuadratureResult(value: BigFloat(0, precision: p), errorEstimate: BigFloat(0, precision: 64),
                                    evaluations: 0, rule: "f(1−f) = 0 at T = 0 (analytic)")
        }
        let tp = t.rounded(toPrecision: p), half = x.rounded(toPrecision: p) / 2
        let U = FermiSea.cutoff(t: tp, bits: p)
        let pts = FermiSea.breakpoints(t: tp, U: U, oscillation: x.rounded(toPrecision: p))
        var r = try Quadrature.integrate({ u in
            let f = FermiSea.occupation(u2: u * u, t: tp)
            let z = half * u
            let j0 = z.isZero ? BigFloat(1, precision: p) : z.sin() / z
            return u * u * u * j0 * j0 * f * (1 - f)
        }, over: pts, digits: digits + 1, rule: rule, precision: p,
                                         singularities: FermiSea.poles(t: tp))
        r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 3)
        let factor = BigFloat.pi(precision: p) * 9 / 8
        r.value = r.value * factor
        r.errorEstimate = (r.errorEstimate * factor).rounded(toPrecision: 64)
        return r
    }
}
