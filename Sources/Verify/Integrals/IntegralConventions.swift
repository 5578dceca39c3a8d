/// The normalisation behind every dimensionless integral in this folder (stated in the output of
/// `referee integral` and in `derivations/integrals.md`).
public enum IntegralConventions {
    public static let text = """
    Conventions (3D parabolic band ε_k = ħ²k²/2m, ħ = k_B = 1):
    • Σ_k is per site: Σ_k → (V/N) ∫ d³k/(2π)³ (V volume, N sites); likewise Σ_q; no spin sum inside Σ_k.
    • Filling n = n_e/(N/V), electron density n_e = k_F³/(3π²) (both spin directions), as in AX(S222).
    • Fermi functions at chemical potential μ = ε_F for all T; t = k_B T/ε_F; x = 2 k_F R.
    • f_RKKY(R) = −½ Σ_{k,q} cos(q·R)(f₊−f₋)/(ε₊−ε₋)  [AX(S205)];  J_ab = g_a g_b f_RKKY  [AX(S214), NC(30)];
      Ω_ab = γ_a |g_b| f_RKKY  [AX(S215), NC(31)];  α_a = −4π g_a² Σ_{k,q} (f₊−f₋)/(ε₊−ε₋) δ(ε₊−ε₋)  [NC(32), AX(S221)].
    • Dimensionless results, written as integrate(…) in derivations/integrals.md (J0/JT, alpha0/alphaT,
      m_disT, h_dis0/h_disT): J = ε_F f_RKKY/n² (J_ab = g_a g_b n²/ε_F · J; Ω_ab = γ_a|g_b| n²/ε_F · J);
      alpha = α_a ε_F²/(g_a² n²);  m_dis·ε_F/n²  [AX(S206)];  h_dis·ε_F/n²  [AX(S207)].
    """
}
