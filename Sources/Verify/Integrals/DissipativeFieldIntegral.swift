import Symbolic

/// The kernel h_dis of AX(S207) for the 3D parabolic band:
///
///     h_dis(R) = ½ Σ_{k,q} cos(q·R) 2π δ(ε₊ − ε₋) f₊ f₋.
///
/// On δ(ε₊ − ε₋), f₊f₋ = f². With the conventions of m_dis (derivations/integrals.md, §1 and §4:
/// Σ_k per site, (V/N) = 3π²n/k_F³, no spin sum, μ = ε_F) the p, p′ reduction gives
/// Σ_{k,q} cos(q·R) δ(ε₊ − ε₋) G(ε₊) = (n²/ε_F)(9/8) ∫₀^∞ u³ j₀(ux/2)² G(u²) du, hence
///
///     h_dis(R) = (n²/ε_F) · H(x, t),   H(x, t) = (9π/8) ∫₀^∞ u³ j₀(ux/2)² f² du,
///
/// j₀(z) = sin z/z, x = 2k_F R, u = k/k_F. Unlike m_dis it does not vanish at T = 0: f² → θ(1 − u),
/// and H(x, 0) = (9π/8)∫₀¹ u³ j₀(ux/2)² du (integrated here by Gauss–Legendre; its elementary
/// value (9π/(4x²))[½ + (1 − cos x − x sin x)/x²] is the claim of derivations/integrals.md).
/// Since f² + f(1 − f) = f, H + M = (9π/8)∫u³ j₀² f du with M the m_dis kernel.
///
/// At t > 0 the particle–hole split: for u < 1, f² = 1 − f̄(2 − f̄) with f̄ = 1 − f, so
/// ∫₀^∞ s f² = ∫₀¹ s − ∫₀¹ s f̄(2 − f̄) + ∫₁^U s f², the last two decaying away from u = 1.
public enum DissipativeFieldIntegral {
    public static func value(x: BigFloat, t: BigFloat, digits: Int) throws -> QuadratureResult {
        try RKKYIntegral.validate(x: x, t: t)
        let xd = Swift.max(1.0, Swift.abs(x.doubleValue))
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64) + 2 * Int(Foundation_log2(xd + 1).rounded(.up))
        let tp = t.rounded(toPrecision: p), half = x.rounded(toPrecision: p) / 2
        // s(u) = u³ j₀(ux/2)², entire.
        let s: (BigFloat) -> BigFloat = { u in
            let z = half.matching(u) * u
            let j0 = z.isZero ? BigFloat(1, precision: u.precision) : z.sin() / z
            return u * u * u * j0 * j0
        }
        let one = BigFloat(1, precision: p)
        let filled = try Quadrature.integrate(s, over: FermiSea.breakpoints(t: BigFloat(0, precision: p), U: one, oscillation: half * 2),
                                              digits: digits + 2, rule: .gaussLegendre, precision: p)
        var r = filled
        if !tp.isZero {
            let U = FermiSea.cutoff(t: tp, bits: p)
            let thermal = try Quadrature.integrate({ u in
                let u2 = u * u
                if u.exponent <= 0 || u.isZero {  // u < 1
                    let hole = FermiSea.holeOccupation(u2: u2, t: tp)
                    return -(s(u) * hole * (2 - hole))
                }
                let f = FermiSea.occupation(u2: u2, t: tp)
                return s(u) * f * f
            }, over: FermiSea.breakpoints(t: tp, U: U, oscillation: half * 2), digits: digits + 2, rule: .gaussLegendre,
               precision: p, singularities: FermiSea.poles(t: tp), relativeTo: filled.value.doubleValue)
            r = QuadratureResult.sum([filled, thermal], precision: p)
            r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 3)
            r.rule = "particle-hole split: \(filled.rule) + \(thermal.rule)"
        }
        let factor = BigFloat.pi(precision: p) * 9 / 8
        r.value = r.value * factor
        r.errorEstimate = (r.errorEstimate * factor).rounded(toPrecision: 64)
        return r
    }
}
