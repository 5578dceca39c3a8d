import Symbolic
import Grassmann

/// One fermion mode attached to a bath of free fermions, AX(S60)–(S72):
/// H = ε₀ψ†ψ + Σ_μ ω_μ φ_μ†φ_μ + Σ_μ (v_μ φ_μ†ψ + h.c.) (AX(S60)).
///
/// The bath is integrated out exactly: with the one-particle matrix h (h₀₀ = ε₀, h_μμ = ω_μ,
/// h_μ0 = v_μ, h_0μ = v_μ*), the retarded function of the system mode at z = ω + iδ is the Gaussian
/// average G^R(z) = ⟨ψ ψ̄⟩ = ∫ e^{−Ψ̄(z − h)Ψ} ψψ̄ / ∫ e^{−Ψ̄(z − h)Ψ} = [(z − h)⁻¹]₀₀, computed as a
/// Berezin integral with an insertion divided by the determinant (`GaussianIntegral`), i.e. with
/// the bath fields φ_μ integrated over, not by a formula for the self-energy.
public enum BathAttachedMode {
    /// G^R(z) = [(z − h)⁻¹]₀₀ as a rational function of z, ε₀, v_μ, v_μ*, ω_μ.
    public static func retardedGreensFunction(z: Expr, energy e0: Expr, couplings: [(v: Expr, w: Expr)]) -> Expr {
        let n = couplings.count + 1
        var m = Array(repeating: Array(repeating: Expr.zero, count: n), count: n)
        m[0][0] = z - e0
        for (k, c) in couplings.enumerated() {
            m[k + 1][k + 1] = z - c.w
            m[k + 1][0] = -c.v
            m[0][k + 1] = -Expr.conj(c.v)
        }
        let insertion = GrassmannPolynomial<Expr>.product([GaussianIntegral.plain(0), GaussianIntegral.bar(0)])
        let numerator = GaussianIntegral.berezin(m, insertion: insertion)
        let determinant = GaussianIntegral.determinant(m)
        return (numerator / determinant).together()
    }
}
