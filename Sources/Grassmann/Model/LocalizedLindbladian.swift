import Symbolic

/// ℒ_{d0,a} of AX(S91) for one site (modes d_↑, d_↓; Fock states labelled 0 = ∅, 1 = ↑, 2 = ↓, 3 = ↑↓):
///   ℒ_{d0}ρ = −i[ε_d Σ_σ n_σ + U n_↑n_↓, ρ] + Σ_σ κ 𝒟[d_σ P_↑↓]ρ + Σ_σ δ 𝒟[d_σ† P_∅]ρ.
/// NC(14) is the case δ = 0. Used to check SI Table I and the matrix M_a of AX(S103).
public struct LocalizedLindbladian: Sendable {
    public let space: FockSpace
    public let superoperator: SuperOperator<Expr>
    /// Fock index of the labelled states ∅, ↑, ↓, ↑↓ (label order 0…3).
    public let stateIndex: [Int]

    public init(epsD: Expr, hubbardU: Expr, kappa: Expr, delta: Expr) throws {
        let space = try FockSpace([.d(.up), .d(.down)])
        self.space = space
        typealias Op = FermionOperator<Expr>
        let h = epsD * (Op.number(.d(.up)) + .number(.d(.down))) + hubbardU * (Op.number(.d(.up)) * .number(.d(.down)))
        let p2: Op = ImpurityOperators.doubleProjector(), p0: Op = ImpurityOperators.vacantProjector()
        var jumps: [Lindbladian<Expr>.Jump] = []
        for s in Spin.allCases {
            jumps.append(.init(rate: kappa, try space.matrix(Op.annihilation(.d(s)) * p2)))
            if !delta.isZero { jumps.append(.init(rate: delta, try space.matrix(Op.creation(.d(s)) * p0))) }
        }
        superoperator = Lindbladian(hamiltonian: try space.matrix(h), jumps: jumps).superoperator
        stateIndex = try [[], [Mode.d(.up)], [.d(.down)], [.d(.up), .d(.down)]].map { try space.state(occupied: $0) }
    }

    /// The operator Σ c_{ij} |i⟩⟨j| given labelled coefficients (labels 0 = ∅, 1 = ↑, 2 = ↓, 3 = ↑↓), vectorised.
    /// Note |↑↓⟩ = d_↑† d_↓† |∅⟩ (AX(S83) text) is the Jordan–Wigner basis state with both bits set.
    public func operatorVector(_ c: [(Int, Int, Expr)]) -> [Int: Expr] {
        var v: [Int: Expr] = [:]
        for (i, j, x) in c {
            let k = Vectorization.index(row: stateIndex[i], column: stateIndex[j], dimension: 4)
            v[k] = (v[k] ?? .zero) + x
        }
        return v.filter { !$0.value.isZero }
    }

    /// Entry (i, j) of M_a (AX(S101), (S103)): the rate from population |j⟩⟨j| into |i⟩⟨i|, labels
    /// ordered (∅, ↑, ↓, ↑↓) as in AX(S101).
    public func populationMatrixEntry(_ i: Int, _ j: Int) -> Expr {
        let col = Vectorization.index(row: stateIndex[j], column: stateIndex[j], dimension: 4)
        let row = Vectorization.index(row: stateIndex[i], column: stateIndex[i], dimension: 4)
        return superoperator.matrix[row, col]
    }

    /// Residual of a claimed right eigenpair, ℒr − λr, as a vector.
    public func rightResidual(_ lambda: Expr, _ r: [Int: Expr]) -> [Int: Expr] {
        var out = superoperator.apply(r)
        for (k, x) in r { out[k] = (out[k] ?? .zero) - lambda * x }
        return out.filter { !$0.value.isZero }
    }
    /// Residual of a claimed left eigenpair in the form of AX(S16), l†ℒ − λ l† (with l† = conj(l)ᵀ).
    public func leftResidual(_ lambda: Expr, _ l: [Int: Expr]) -> [Int: Expr] {
        var out: [Int: Expr] = [:]
        for (k, x) in l {
            for (col, m) in superoperator.matrix.rows[k] { out[col] = (out[col] ?? .zero) + Expr.conj(x) * m }
        }
        for (k, x) in l { out[k] = (out[k] ?? .zero) - lambda * Expr.conj(x) }
        return out.filter { !$0.value.isZero }
    }
}
