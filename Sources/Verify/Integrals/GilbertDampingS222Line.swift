import Symbolic

/// The intermediate line of AX(S222) evaluated as printed:
///
///     α_a = −4π g_a² · 2π(V/N)²/(4π²)² · ∫₀^∞ dk k² ∫₀^∞ dq q² ∫_{−π}^{π} dθ cos θ
///           · (f_{k+q} − f_k)/(ε_{k+q} − ε_k) · δ(ε_{k+q} − ε_k),
///
/// with |k + q|² = k² + q² + 2kq cos θ, in the units of `IntegralConventions` (result α_a ε_F²/(g_a² n²)).
/// On the δ support the divided difference is f′(ε_k). The δ function in θ has the two roots
/// cos θ₀ = −q/(2k) (q < 2k) with |∂ε/∂θ| = kq sin θ₀/m, so the θ integral is −m/(k² sin θ₀) and
/// the q integral is −(m/k²)(2k)³ S with S = ∫₀¹ s²/√(1 − s²) ds, computed here by tanh–sinh
/// (endpoint singularity). The k integral leaves ∫ k³ f′(ε_k) dk = −(k_F⁴/ε_F)·E(t)/2 with
/// E(t) = ∫₀^∞ ε(−∂f/∂ε) dε (E(0) = 1, `GilbertDampingIntegral.energyIntegral`), and
/// (V/N) = 3π²n/k_F³. The value is assembled below from the printed factors, not from the
/// paper's result.
public enum GilbertDampingS222Line {
    public static func value(t: BigFloat, digits: Int) throws -> QuadratureResult {
        let p = Quadrature.workingPrecision(digits: digits + 2)
        let pi = BigFloat.pi(precision: p)
        // S = ∫₀¹ s²/√(1 − s²) ds
        let one = BigFloat(1, precision: p), zero = BigFloat(0, precision: p)
        let s = try Quadrature.integrate({ x in x * x / (1 - x * x).sqrt() }, over: [zero, one],
                                         digits: digits + 2, rule: .doubleExponential, precision: p)
        let e = try GilbertDampingIntegral.energyIntegral(t: t.rounded(toPrecision: p), digits: digits + 2)
        // Units k_F = 1, m = 1 (ε_F = 1/2), (V/N) = 3π² n (n = 1); result × ε_F² to make α ε_F²/(g² n²).
        let vn = pi * pi * 3
        let printedPrefactor = pi * 2 * vn * vn / (pi * pi * 4).pow(2)       // 2π (V/N)²/(4π²)²
        // θ and q integrals per k: −(m/k²)(2k)³ S = −8 m k S ; k integral: ∫ k² · (−8 m k S) · f′(ε_k) dk
        // = −8 S ∫ k³ f′(ε_k) dk = −8 S · (−(k_F⁴/ε_F) E/2) = 8 S E   (k_F = 1, ε_F = 1/2)
        let radial = s.value * e.value * 8
        let epsF = one / 2
        let alpha = -(pi * 4) * printedPrefactor * radial * epsF * epsF
        let rel = (s.errorEstimate / s.value.magnitude + e.errorEstimate / e.value.magnitude).rounded(toPrecision: 64)
        return QuadratureResult(value: alpha, errorEstimate: (rel * alpha.magnitude).rounded(toPrecision: 64),
                                evaluations: s.evaluations + e.evaluations, rule: "AX(S222) line: tanh-sinh in s, δ in θ analytic")
    }
}
