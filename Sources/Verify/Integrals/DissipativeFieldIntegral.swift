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
/// At t > 0 the integrand s(u) f(u)² is integrated over the breakpoints of `FermiSea` (graded towards the
/// Fermi surface, as for m_dis), with the tail beyond the cut-off bounded by `FermiSea.tailBound`.
public enum DissipativeFieldIntegral {
    public static func value(x: BigFloat, t: BigFloat, digits: Int) throws -> QuadratureResult {
        try RKKYIntegral.validate(x: x, t: t)
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64)
        let tp = t.rounded(toPrecision: p), half = x.rounded(toPrecision: p) / 2
        // s(u) = u³ j₀(ux/2)², entire.
        let s: (BigFloat) -> BigFloat = { u in
            let z = half * u
            let j0 = z.isZero ? BigFloat(1, precision: p) : z.sin() / z
            return u * u * u * j0 * j0
        }
        var r: QuadratureResult
        if tp.isZero {
            // f² = θ(1 − u).
            r = try Quadrature.integrate(s, over: FermiSea.breakpoints(t: tp, U: BigFloat(1, precision: p), oscillation: x.rounded(toPrecision: p)),
                                         digits: digits + 1, rule: .gaussLegendre, precision: p)
        } else {
            let U = FermiSea.cutoff(t: tp, bits: p)
            r = try Quadrature.integrate({ u in
                let f = FermiSea.occupation(u2: u * u, t: tp)
                return s(u) * f * f
            }, over: FermiSea.breakpoints(t: tp, U: U, oscillation: x.rounded(toPrecision: p)), digits: digits + 1,
               rule: .gaussLegendre, precision: p, singularities: FermiSea.poles(t: tp))
            r.errorEstimate = r.errorEstimate + FermiSea.tailBound(U: U, t: tp, power: 3)
        }
        let factor = BigFloat.pi(precision: p) * 9 / 8
        r.value = r.value * factor
        r.errorEstimate = (r.errorEstimate * factor).rounded(toPrecision: 64)
        return r
    }
}
