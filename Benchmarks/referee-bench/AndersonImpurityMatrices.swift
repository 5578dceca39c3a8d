import Grassmann

/// The benchmark's reference (moved out of the engine with issue 14): the specialised construction of
/// the impurity model's Liouvillian from its parameters, against which the construction from the
/// model declared in the derivation language is timed.
///
/// The Jordan–Wigner matrices of the impurity model NC(1)–(3) = AX(S83)–(S88), in floating point,
/// built straight from the model parameters with bit masks (no fermion polynomials in between):
///
///   H   = Σ_{kσ} ε_k n_{kσ} + ε_d (n_↑ + n_↓) + U n_↑ n_↓ + Σ_{kσ} [v d_σ† c_{kσ} + v* c_{kσ}† d_σ]
///   L_σ = d_σ P_↑↓,  P_↑↓ = n_↑ n_↓,  rate κ                                            (NC(3))
///
/// Fock basis and signs are those of `FockSpace` with the mode order d_↑, d_↓, c_{0↑}, c_{0↓}, …:
/// bit 0 = d_↑, bit 1 = d_↓, bit 2 + 2k + σ = c_{kσ} (σ = 0 for ↑, 1 for ↓); basis state m has the
/// modes of its set bits occupied, |m⟩ = (c_0†)^{m_0} (c_1†)^{m_1} … |0⟩. A hop between modes q < p
/// then carries the Jordan–Wigner sign (−1)^(number of occupied modes strictly between q and p):
///   ⟨m| d_σ† c_{kσ} |m ⊕ e_σ ⊕ e_p⟩ = (−1)^{popcount(m & between(σ, p))}  (σ occupied, p empty in m),
/// and the same for c_{kσ}† d_σ with the roles of σ and p exchanged. The matrices equal
/// those of the declared model (checked by the Verify tests, `DeclaredLiouvillianTests`).
struct AndersonImpurityMatrices: Sendable {
    var epsD: ComplexDouble, hubbardU: ComplexDouble, kappa: ComplexDouble, v: ComplexDouble
    /// ε_k of the spinful conduction levels k = 0, 1, ….
    var levelEnergies: [ComplexDouble]

    init(epsD: ComplexDouble, hubbardU: ComplexDouble, kappa: ComplexDouble, v: ComplexDouble, levelEnergies: [ComplexDouble]) {
        precondition(levelEnergies.count <= 11, "AndersonImpurityMatrices: \(levelEnergies.count) levels exceed the 24-mode limit of explicit Fock matrices")
        self.epsD = epsD; self.hubbardU = hubbardU; self.kappa = kappa; self.v = v; self.levelEnergies = levelEnergies
    }

    /// 2 impurity modes + 2 per level.
    var modeCount: Int { 2 + 2 * levelEnergies.count }
    /// 2^modeCount.
    var dimension: Int { 1 << modeCount }

    /// Bit of mode c_{kσ}.
    @inline(__always)
    static func conductionBit(_ k: Int, _ s: Spin) -> Int { 2 + 2 * k + s.rawValue }

    /// H_0 + H_cd (NC(1), (2)) as a d × d CSR matrix, H_mn = ⟨m|H|n⟩.
    func hamiltonian() -> CompressedSparseMatrix {
        let d = dimension, levels = levelEnergies.count
        // Row m: the diagonal and at most one hop per (k, σ).
        let perRow = 1 + 2 * levels
        var rowStart = [Int](repeating: 0, count: d + 1)
        var columns: [Int] = [], values: [ComplexDouble] = []
        columns.reserveCapacity(d * perRow); values.reserveCapacity(d * perRow)
        var rowColumns = [Int](repeating: 0, count: perRow), rowValues = [ComplexDouble](repeating: .zero, count: perRow)
        // The hops (σ, k) as bit pairs: q = σ (impurity), p = 2 + 2k + σ (conduction), and the modes strictly between.
        let hops: [(q: Int, p: Int, between: Int)] = Spin.allCases.flatMap { s in
            (0..<levels).map { k in
                let q = s.rawValue, p = Self.conductionBit(k, s)
                return (q, p, ((1 << p) - 1) & ~((1 << (q + 1)) - 1))
            }
        }
        let vStar = v.conjugated
        for m in 0..<d {
            var count = 0
            // Diagonal: ε_d (n_↑ + n_↓) + U n_↑ n_↓ + Σ_{kσ} ε_k n_{kσ}.
            var diagonal = ComplexDouble.zero
            let impurity = m & 3
            if impurity != 0 { diagonal = diagonal + ComplexDouble(Double(impurity.nonzeroBitCount)) * epsD }
            if impurity == 3 { diagonal = diagonal + hubbardU }
            for k in 0..<levels {
                let pair = (m >> Self.conductionBit(k, .up)) & 3
                if pair != 0 { diagonal = diagonal + ComplexDouble(Double(pair.nonzeroBitCount)) * levelEnergies[k] }
            }
            if !diagonal.isKnownZero { rowColumns[0] = m; rowValues[0] = diagonal; count = 1 }
            // Hops: v d_σ† c_{kσ} (σ occupied, c_{kσ} empty in m) and v* c_{kσ}† d_σ (the reverse).
            for (q, p, between) in hops {
                let dOccupied = (m >> q) & 1 == 1, cOccupied = (m >> p) & 1 == 1
                if dOccupied == cOccupied { continue }
                let x = dOccupied ? v : vStar
                if x.isKnownZero { continue }
                rowColumns[count] = m ^ (1 << q) ^ (1 << p)
                rowValues[count] = (m & between).nonzeroBitCount & 1 == 1 ? -x : x
                count += 1
            }
            // Insertion sort of the (few) entries by column.
            if count > 1 {
                for t in 1..<count {
                    let c = rowColumns[t], x = rowValues[t]
                    var u = t
                    while u > 0 && rowColumns[u - 1] > c { rowColumns[u] = rowColumns[u - 1]; rowValues[u] = rowValues[u - 1]; u -= 1 }
                    rowColumns[u] = c; rowValues[u] = x
                }
            }
            for t in 0..<count { columns.append(rowColumns[t]); values.append(rowValues[t]) }
            rowStart[m + 1] = columns.count
        }
        return CompressedSparseMatrix(rowCount: d, columnCount: d, rowStart: rowStart, columns: columns, values: values)
    }

    /// L_σ = d_σ P_↑↓ for σ = ↑, ↓, each with rate κ (NC(3)). d_σ P_↑↓ maps |m ⊕ e_σ⟩ with both impurity
    /// modes occupied to |m⟩; the Jordan–Wigner sign is +1 for d_↑ (mode 0) and −1 for d_↓ (d_↑ occupied before it).
    func jumps() -> [LiouvillianAssembly.Jump] {
        let d = dimension
        return Spin.allCases.map { s in
            let bit = 1 << s.rawValue, other = 1 << s.flipped.rawValue
            let sign = ComplexDouble(s == .up ? 1.0 : -1.0)
            var rowStart = [Int](repeating: 0, count: d + 1)
            var columns: [Int] = [], values: [ComplexDouble] = []
            columns.reserveCapacity(d / 4); values.reserveCapacity(d / 4)
            for m in 0..<d {
                if m & 3 == other { columns.append(m | bit); values.append(sign) }
                rowStart[m + 1] = columns.count
            }
            return LiouvillianAssembly.Jump(rate: kappa, CompressedSparseMatrix(rowCount: d, columnCount: d, rowStart: rowStart, columns: columns, values: values))
        }
    }

    /// The full Liouvillian Ľ of NC(3) in the vectorisation of AX(S5) (|i⟩⟨j| → |j⟩ ⊗ |i⟩), as a
    /// d² × d² CSR matrix: `LiouvillianAssembly` of `hamiltonian()` and `jumps()`.
    func liouvillian() -> CompressedSparseMatrix {
        LiouvillianAssembly.matrix(hamiltonian: hamiltonian(), jumps: jumps())
    }
}

