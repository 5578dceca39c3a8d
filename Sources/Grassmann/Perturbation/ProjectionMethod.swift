/// The projection method (Lindblad perturbation theory) of AX(S26)–(S32) = NC(15):
/// with ℒ = ℒ_0 + ℒ_1, slow modes 𝔰 and fast modes 𝔣 of ℒ_0,
///   ℒ_eff = 𝒫[ℒ_0 + ℒ_1 − Σ_{m∈𝔣} ℒ_1 r_m l_m† ℒ_1 / λ_m]𝒫 + O(ℒ_1³)          (AX(S31))
/// where 𝒫 = Σ_{n∈𝔰} r_n l_n† projects on the slow space. The routine is generic in the
/// coefficient ring: symbolic (`Expr`), exact (`GaussianRational`) or floating (`ComplexDouble`).
///
/// The second-order term can be restricted to chosen pieces of ℒ_1 (`first`, `second`): with
/// ℒ_1 = ℒ_1^ket + ℒ_1^bra (ρ ↦ −iH_cdρ and ρ ↦ iρH_cd), the ket–ket part is −iH_nh ρ with the
/// non-Hermitian effective Hamiltonian H_nh of second-order perturbation theory.
public struct ProjectionMethod<C: OperatorCoefficient>: Sendable {
    public let basis: ExactEigenbasis<C>
    /// slow[n] is true when mode n belongs to 𝔰.
    public let slow: [Bool]

    public init(unperturbed: SuperOperator<C>, isSlow: (Int) -> Bool) throws {
        basis = try ExactEigenbasis(unperturbed)
        slow = (0..<basis.size).map(isSlow)
    }

    /// A method on an eigenbasis already computed (the slow partition may depend on the eigenvalues).
    public init(basis: ExactEigenbasis<C>, slow: [Bool]) {
        self.basis = basis
        self.slow = slow
    }

    /// 𝒫x = Σ_{n∈𝔰} r_n (l_n† x).
    public func projectSlow(_ x: SparseVector<C>) -> SparseVector<C> {
        basis.combine(basis.components(x).filter { slow[$0.key] })
    }

    /// −Σ_{m∈𝔣} ℒ_first r_m (l_m† ℒ_second x) / λ_m, projected on the slow space
    /// (the second-order term of AX(S31) applied to a slow vector x).
    public func secondOrder(_ x: SparseVector<C>, first: SuperOperator<C>, second: SuperOperator<C>) -> SparseVector<C> {
        let w = second.apply(x)
        var c: SparseVector<C> = [:]
        for (m, cm) in basis.components(w) where !slow[m] {
            c[m] = -(cm / basis.eigenvalues[m])
        }
        return projectSlow(first.apply(basis.combine(c)))
    }

    /// ℒ_eff x to second order (AX(S31)): 𝒫ℒ_0x + 𝒫ℒ_1x + second-order term, for x in the slow space.
    public func effectiveAction(_ x: SparseVector<C>, unperturbed: SuperOperator<C>, perturbation: SuperOperator<C>) -> SparseVector<C> {
        var out = projectSlow(unperturbed.apply(x))
        for (k, y) in projectSlow(perturbation.apply(x)) { out[k] = (out[k] ?? .zero) + y }
        for (k, y) in secondOrder(x, first: perturbation, second: perturbation) { out[k] = (out[k] ?? .zero) + y }
        return out.filter { !$0.value.isKnownZero }
    }

    /// The matrix (ℒ_eff)_{n_l n_r} = l_{n_l}† ℒ_eff r_{n_r} on the listed slow modes (AX(S32)).
    public func effectiveMatrix(modes: [Int], unperturbed: SuperOperator<C>, perturbation: SuperOperator<C>) -> [[C]] {
        var out = [[C]](repeating: [C](repeating: .zero, count: modes.count), count: modes.count)
        var position: [Int: Int] = [:]
        for (i, m) in modes.enumerated() { position[m] = i }
        for (col, n) in modes.enumerated() {
            let y = effectiveAction(basis.right[n], unperturbed: unperturbed, perturbation: perturbation)
            for (p, c) in basis.components(y) { if let row = position[p] { out[row][col] = c } }
        }
        return out
    }
}
