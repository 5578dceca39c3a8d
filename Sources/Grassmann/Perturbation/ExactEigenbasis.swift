/// Errors of the exact eigen-decomposition.
public struct EigenbasisError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Exact right and left eigenvectors of a superoperator Ľ = D + N whose off-diagonal part N is
/// nilpotent of depth one (N·N = 0: no index is both a source, a column of N, and a target, a row
/// of N). This is the structure of ℒ_0 of the paper (AX(S87)): −i[H_0, ·] is diagonal in the
/// Fock outer-product basis, and the jumps d_σ P_↑↓ only feed populations |↑↓⟩⟨↑↓| ⊗ X into
/// |σ̄⟩⟨σ̄| ⊗ X.
///
/// For each basis index n, λ_n = D_nn and
///   r_n = e_n + Σ_t N_tn / (λ_n − λ_t) e_t          (n a source),      r_n = e_n otherwise,
///   l_n† = e_n† + Σ_s N_ns / (λ_n − λ_s) e_s†        (n a target),      l_n† = e_n† otherwise,
/// so that Ľ r_n = λ_n r_n, l_n† Ľ = λ_n l_n† (AX(S16)) and l_n† r_m = δ_nm (AX(S17)) exactly.
/// Requires λ_n ≠ λ_t wherever N_tn ≠ 0 (checked structurally; otherwise Ľ may be defective).
public struct ExactEigenbasis<C: OperatorCoefficient>: Sendable {
    public let size: Int
    /// λ_n.
    public let eigenvalues: [C]
    /// r_n as sparse vectors.
    public let right: [SparseVector<C>]
    /// l_n† as sparse rows (the dual vector, already conjugated: (l_n† x) = Σ_k dual[n][k] x_k).
    public let dual: [SparseVector<C>]
    /// For each basis index k, the modes n whose dual row has a component at k.
    let dualIndex: [[Int]]

    public init(_ l: SuperOperator<C>) throws {
        let m = l.matrix
        let n = m.rowCount
        size = n
        var lam = [C](repeating: .zero, count: n)
        var sources = Set<Int>(), targets = Set<Int>()
        for (i, j, _) in m.entries {
            if i == j { continue }
            sources.insert(j); targets.insert(i)
        }
        for i in 0..<n { lam[i] = m[i, i] }
        if !sources.isDisjoint(with: targets) {
            throw EigenbasisError(message: "ExactEigenbasis: the off-diagonal part is not nilpotent of depth one (index \(sources.intersection(targets).first!) is both source and target); use the floating Spectrum instead")
        }
        var right = (0..<n).map { SparseVector<C>([$0: C.one]) }
        var dual = (0..<n).map { SparseVector<C>([$0: C.one]) }
        for (t, s, x) in m.entries where t != s {
            let gap = lam[s] - lam[t]
            if gap.isKnownZero {
                throw EigenbasisError(message: "ExactEigenbasis: equal eigenvalues λ_\(s) = λ_\(t) coupled by N; the matrix may be defective")
            }
            right[s][t] = x / gap          // r_s gains N_ts/(λ_s − λ_t) e_t
            dual[t][s] = x / (-gap)        // l_t† gains N_ts/(λ_t − λ_s) e_s†
        }
        eigenvalues = lam
        self.right = right
        self.dual = dual
        var index = [[Int]](repeating: [], count: n)
        for (p, row) in dual.enumerated() { for k in row.keys { index[k].append(p) } }
        dualIndex = index
    }

    /// Coefficients l_p† x for every mode p with a nonzero overlap.
    public func components(_ x: SparseVector<C>) -> SparseVector<C> {
        var out: SparseVector<C> = [:]
        for (k, xk) in x {
            for p in dualIndex[k] {
                let s = (out[p] ?? .zero) + dual[p][k]! * xk
                out[p] = s
            }
        }
        return out.filter { !$0.value.isKnownZero }
    }

    /// Σ_p c_p r_p.
    public func combine(_ c: SparseVector<C>) -> SparseVector<C> {
        var out: SparseVector<C> = [:]
        for (p, cp) in c {
            for (k, rk) in right[p] { out[k] = (out[k] ?? .zero) + cp * rk }
        }
        return out.filter { !$0.value.isKnownZero }
    }
}
