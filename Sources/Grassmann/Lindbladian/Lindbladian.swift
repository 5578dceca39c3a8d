/// A GKSL generator ℒρ = −i[H, ρ] + Σ_ℓ κ_ℓ 𝒟[L_ℓ]ρ with 𝒟[L]ρ = LρL† − ½{L†L, ρ} (AX(S4)), in the
/// vectorisation of AX(S5):
/// Ľ = −i(I ⊗ H − Hᵀ ⊗ I) + Σ_ℓ κ_ℓ [L_ℓ* ⊗ L_ℓ − ½ I ⊗ L_ℓ†L_ℓ − ½ (L_ℓ†L_ℓ)ᵀ ⊗ I] (AX(S14)).
public struct Lindbladian<C: OperatorCoefficient>: Hashable, Sendable {
    /// A jump operator with its rate κ (real and non-negative for a physical generator).
    public struct Jump: Hashable, Sendable {
        public var rate: C
        public var operator_: SparseMatrix<C>
        public init(rate: C, _ op: SparseMatrix<C>) { self.rate = rate; self.operator_ = op }
    }
    public let hamiltonian: SparseMatrix<C>
    public let jumps: [Jump]
    /// The superoperator Ľ of AX(S14).
    public let superoperator: SuperOperator<C>
    public var dimension: Int { hamiltonian.rowCount }

    public init(hamiltonian: SparseMatrix<C>, jumps: [Jump] = []) {
        self.hamiltonian = hamiltonian
        self.jumps = jumps
        var l = SuperOperator<C>.commutator(hamiltonian)
        for j in jumps { l = l + j.rate * Self.dissipator(j.operator_) }
        superoperator = l
    }

    /// 𝒟[L]: matrix L* ⊗ L − ½ I ⊗ L†L − ½ (L†L)ᵀ ⊗ I (AX(S14)).
    public static func dissipator(_ l: SparseMatrix<C>) -> SuperOperator<C> {
        let ldl = l.adjoint * l
        let half = C(rational: .init(1, 2))
        let jump = SuperOperator(dimension: l.rowCount, matrix: .kronecker(l.conjugate, l))
        return jump - half * (SuperOperator.left(ldl) + SuperOperator.right(ldl))
    }

    /// ℒρ for an operator ρ.
    public func callAsFunction(_ rho: SparseMatrix<C>) -> SparseMatrix<C> { superoperator(rho) }

    /// The adjoint (Heisenberg-picture) generator as a matrix: Ľ† (AX(S15)).
    public var adjoint: SuperOperator<C> { superoperator.adjoint }

    /// The Heisenberg-picture action written out, ℒ†A = i[H, A] + Σ κ* (L† A L − ½{L†L, A});
    /// equals `adjoint` applied to A (checked by the tests).
    public func heisenberg(_ a: SparseMatrix<C>) -> SparseMatrix<C> {
        let i = C.imaginaryUnit
        var out = i * (hamiltonian * a - a * hamiltonian)
        let half = C(rational: .init(1, 2))
        for j in jumps {
            let l = j.operator_, ld = l.adjoint
            let ldl = ld * l
            out = out + j.rate.conjugated * (ld * a * l - half * (ldl * a + a * ldl))
        }
        return out
    }

    /// vec(I)† Ľ as a sparse row (AX(S22)); trace preservation holds iff it is empty.
    public var traceDefect: SparseVector<C> {
        let d = dimension
        var row: SparseVector<C> = [:]
        for i in 0..<d {
            for (col, x) in superoperator.matrix.rows[Vectorization.index(row: i, column: i, dimension: d)] {
                let s = (row[col] ?? .zero) + x
                row[col] = s.isKnownZero ? nil : s
            }
        }
        return row
    }
}
