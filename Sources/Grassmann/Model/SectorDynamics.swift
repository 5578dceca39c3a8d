import Symbolic

/// The second-order ℒ_eff (AX(S31)) on the vacant and doubly occupied sectors (NC(19), AX(17),
/// AX(S135)–(S138)), for the setup of `SdExchangeDerivation` (two levels at ε_k, one filled).
///
/// NC(19) keeps κΣ_σ𝒟[d_σP_↑↓] and ignores "the coherent dynamics". Coherent dynamics −i[H', ρ]
/// leaves the populations of a basis projector ρ = |ψ⟩⟨ψ| unchanged (⟨φ|[H', |ψ⟩⟨ψ|]|φ⟩ = 0 for basis
/// states φ), so the population change of |ψ⟩ that remains after subtracting κΣ_σ𝒟[d_σP_↑↓] is
/// second-order dissipation the printed forms omit or include. `escapeRate` returns the rate at which
/// population leaves |ψ⟩ through that remainder.
public enum SectorDynamics {
    /// −⟨ψ|(ℒ_eff − κΣ_σ𝒟[d_σP_↑↓])(|ψ⟩⟨ψ|)|ψ⟩ for ψ = |∅, F⟩ (`doubly: false`) or
    /// ψ = |↑↓, F − c_{0↑}⟩ (`doubly: true`, the state the correlated jump creates).
    public static func escapeRate(doubly: Bool) throws -> Expr {
        typealias S = SdExchangeDerivation
        let model = try AndersonImpurityModel<Expr>(epsD: S.ed, hubbardU: S.U, kappa: S.kappa, v: S.v,
                                                    levels: [.init(energy: S.ek, filled: true), .init(energy: S.ek, filled: false)])
        let l0 = try model.unperturbed(), l1 = try model.perturbation()
        let method = try ProjectionMethod(unperturbed: l0, isSlow: model.isSlow)
        let psi: Int
        if doubly {
            psi = try model.space.state(occupied: [.d(.up), .d(.down), .c(0, .down)])
        } else {
            psi = try model.fermiState(impurity: [])
        }
        let x = model.outer(psi, psi)
        var r = method.effectiveAction(x, unperturbed: l0, perturbation: l1)
        let kappaD = Lindbladian(hamiltonian: SparseMatrix<Expr>(rows: model.dimension, columns: model.dimension), jumps: try model.jumps()).superoperator
        for (k, y) in kappaD.apply(x) { r[k] = (r[k] ?? .zero) - y }
        return -(r[Vectorization.index(row: psi, column: psi, dimension: model.dimension)] ?? .zero)
    }
}
