import Symbolic

/// The vectorisation identities AX(S6)–(S14) as residuals on random exact matrices over Q(i), for
/// derivation claims: each residual is the component list of (printed side) − (engine side), empty
/// exactly when the identity holds on those matrices.
///
/// Convention (AX(S5)): |i⟩⟨j| → |j⟩ ⊗ |i⟩, with (A ⊗ B)_{(i·d+k),(j·d+l)} = A_ij B_kl (column
/// stacking, `Vectorization`). The printed side of each identity is built here from Kronecker
/// products of basis vectors and matrices; the other side is computed by operator products and the
/// engine's `Vectorization.vec` (whose index formula S6 itself guards).
///
/// Each identity has a deliberately wrong variant (`printed: false`) that a claim must reject:
///
/// | equation | identity (printed: true) | wrong variant |
/// |---|---|---|
/// | S6 | vec(Σ a_ij|i⟩⟨j|) = Σ a_ij |j⟩⊗|i⟩ | Σ a_ij |i⟩⊗|j⟩ (row stacking) |
/// | S7 | vec(A)† = Σ a*_ij ⟨j|⊗⟨i| | Σ a_ij ⟨j|⊗⟨i| (no conjugation) |
/// | S8 | tr[A†B] = vec(A)†vec(B) | tr[A†B] = vec(A)ᵀvec(B) |
/// | S10 | vec(AρB) = (Bᵀ⊗A)vec(ρ) | (B⊗A)vec(ρ) (no transpose) |
/// | S11 | vec(Aρ) = (I⊗A)vec(ρ) | (A⊗I)vec(ρ) |
/// | S12 | vec(ρA) = (Aᵀ⊗I)vec(ρ) | (I⊗Aᵀ)vec(ρ) |
/// | S14 | vec(ℒρ) = Ľvec(ρ) with Ľ of AX(S14), ℒ of AX(S4) | L ⊗ L* instead of L* ⊗ L |
public enum VectorisationIdentities {
    typealias M = SparseMatrix<GaussianRational>
    public static let equations = [6, 7, 8, 10, 11, 12, 14]
    static let d = 4

    /// The residual of AX(S`equation`) (or of its wrong variant) on random 4 × 4 matrices (seed 2026).
    public static func residual(equation: Int, printed: Bool) -> [Int: GaussianRational]? {
        var g = ExactPointEvaluation.SplitMix64(seed: 2026 + UInt64(equation))
        func random() -> M {
            var m = M(rows: d, columns: d)
            for i in 0..<d { for j in 0..<d {
                m[i, j] = GaussianRational(BigRational(Int(g.next() % 19) - 9), BigRational(Int(g.next() % 19) - 9))
            } }
            return m
        }
        func ket(_ i: Int) -> M { var k = M(rows: d, columns: 1); k[i, 0] = .one; return k }
        func column(_ m: M) -> [Int: GaussianRational] {
            var v: [Int: GaussianRational] = [:]
            for (i, _, c) in m.entries { v[i] = c }
            return v
        }
        func difference(_ a: [Int: GaussianRational], _ b: [Int: GaussianRational]) -> [Int: GaussianRational] {
            var r = a
            for (k, x) in b { r[k] = (r[k] ?? .zero) - x }
            return r.filter { !$0.value.isZero }
        }
        let a = random(), b = random(), rho = random()
        let id = M.identity(d)
        switch equation {
        case 6:
            // Σ a_ij |j⟩⊗|i⟩ built from basis kets against the engine's vec(A).
            var printedSide = M(rows: d * d, columns: 1)
            for (i, j, c) in a.entries { printedSide = printedSide + c * (printed ? M.kronecker(ket(j), ket(i)) : M.kronecker(ket(i), ket(j))) }
            return difference(column(printedSide), Vectorization.vec(a))
        case 7:
            // vec(A)† as a row: Σ a*_ij ⟨j|⊗⟨i|; compared with the conjugate transpose of vec(A).
            var printedSide = M(rows: 1, columns: d * d)
            for (i, j, c) in a.entries { printedSide = printedSide + (printed ? c.conjugated : c) * M.kronecker(ket(j), ket(i)).transpose }
            var row: [Int: GaussianRational] = [:]
            for (_, k, c) in printedSide.entries { row[k] = c }
            return difference(row, Vectorization.vec(a).mapValues(\.conjugated))
        case 8:
            let p = a.adjoint * b
            var trace = GaussianRational.zero
            for i in 0..<d { trace += p[i, i] }
            let va = Vectorization.vec(a), vb = Vectorization.vec(b)
            var product = GaussianRational.zero
            for (k, x) in va { if let y = vb[k] { product += (printed ? x.conjugated : x) * y } }
            return difference([0: trace], [0: product])
        case 10:
            let m = printed ? M.kronecker(b.transpose, a) : M.kronecker(b, a)
            return difference(m.apply(Vectorization.vec(rho)), Vectorization.vec(a * rho * b))
        case 11:
            let m = printed ? M.kronecker(id, a) : M.kronecker(a, id)
            return difference(m.apply(Vectorization.vec(rho)), Vectorization.vec(a * rho))
        case 12:
            let m = printed ? M.kronecker(a.transpose, id) : M.kronecker(id, a.transpose)
            return difference(m.apply(Vectorization.vec(rho)), Vectorization.vec(rho * a))
        case 14:
            let h = a + a.adjoint
            let l1 = b, l2 = random()
            let rates = [GaussianRational(BigRational(3, 2)), GaussianRational(BigRational(1, 3))]
            let minusI = -GaussianRational.i, half = GaussianRational(BigRational(1, 2))
            // Ľ of AX(S14), term by term.
            let hamiltonianPart: M = M.kronecker(id, h) - M.kronecker(h.transpose, id)
            var check: M = minusI * hamiltonianPart
            for (k, l) in zip(rates, [l1, l2]) {
                let ldl = l.adjoint * l
                let jump: M = printed ? M.kronecker(l.conjugate, l) : M.kronecker(l, l.conjugate)
                let ketSide: M = half * M.kronecker(id, ldl)
                let braSide: M = half * M.kronecker(ldl.transpose, id)
                check = check + k * (jump - ketSide - braSide)
            }
            // ℒρ of AX(S4) by operator products.
            let commutator: M = h * rho - rho * h
            var lrho: M = minusI * commutator
            for (k, l) in zip(rates, [l1, l2]) {
                let ldl = l.adjoint * l
                let sandwiched: M = l * rho * l.adjoint
                let anticommutator: M = ldl * rho + rho * ldl
                lrho = lrho + k * (sandwiched - half * anticommutator)
            }
            return difference(check.apply(Vectorization.vec(rho)), Vectorization.vec(lrho))
        default:
            return nil
        }
    }
}
