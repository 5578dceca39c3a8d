/// Direct assembly of the floating Liouvillian matrix of AX(S14) in compressed sparse row form,
/// in the vectorisation of AX(S5) (|i⟩⟨j| → |j⟩ ⊗ |i⟩, vec index j·d + i, column stacking):
///
///   Ľ = −i(I ⊗ H − Hᵀ ⊗ I) + Σ_ℓ κ_ℓ [L_ℓ* ⊗ L_ℓ − ½ I ⊗ L_ℓ†L_ℓ − ½ (L_ℓ†L_ℓ)ᵀ ⊗ I],
///
/// the same Kronecker order as `Lindbladian` (equal entrywise up to rounding; checked by the tests).
/// No superoperator is ever formed as a whole matrix: row a·d + i of Ľ collects
///   (I ⊗ A)   : columns a·d + j, j ∈ row i of A,        value A_ij;
///   (Bᵀ ⊗ I)  : columns b·d + i, b ∈ row a of Bᵀ,       value (Bᵀ)_ab;
///   (L* ⊗ L)  : columns b·d + j, b ∈ row a of L, j ∈ row i of L, value L_ab* L_ij;
/// and is sorted and summed once (`RowBuilder`), rows in increasing order.
public enum LiouvillianAssembly {
    /// A jump operator L with its rate κ.
    public struct Jump: Sendable {
        public var rate: ComplexDouble
        public var operator_: CompressedSparseMatrix
        public init(rate: ComplexDouble, _ op: CompressedSparseMatrix) { self.rate = rate; operator_ = op }
    }

    /// Ľ of AX(S14) for the d × d Hamiltonian H and the jumps, as a d² × d² CSR matrix.
    public static func matrix(hamiltonian h: CompressedSparseMatrix, jumps: [Jump]) -> CompressedSparseMatrix {
        let d = h.rowCount
        precondition(h.columnCount == d, "LiouvillianAssembly: H must be square, got \(h.rowCount)×\(h.columnCount)")
        // All factor matrices in one flat CSR store (no per-row copies of array-holding structs):
        // H, Hᵀ, then per jump L, L†L, (L†L)ᵀ. Row i of factor f is `start[f·(d+1)+i] ..< start[f·(d+1)+i+1]`.
        var factors = [h, h.transpose]
        var scale = [-ComplexDouble.imaginaryUnit, ComplexDouble.imaginaryUnit]
        var rates: [ComplexDouble] = []
        for j in jumps {
            precondition(j.operator_.rowCount == d && j.operator_.columnCount == d, "LiouvillianAssembly: jump operator must be \(d)×\(d)")
            let ldl = j.operator_.adjoint * j.operator_
            let halfRate = -(ComplexDouble(0.5) * j.rate)
            factors += [j.operator_, ldl, ldl.transpose]
            scale += [j.rate, halfRate, halfRate]
            rates.append(j.rate)
        }
        var start: [Int] = [], column: [Int] = [], value: [ComplexDouble] = []
        for f in factors {
            let offset = column.count
            for i in 0...d { start.append(offset + f.rowStart[i]) }
            column += f.columns
            value += f.values
        }
        var capacity = 2 * d * h.nonzeroCount
        for j in jumps { capacity += j.operator_.nonzeroCount * j.operator_.nonzeroCount + 2 * d * j.operator_.nonzeroCount }
        var builder = RowBuilder(rows: d * d, columns: d * d, capacity: capacity)
        start.withUnsafeBufferPointer { start in column.withUnsafeBufferPointer { column in value.withUnsafeBufferPointer { value in
            /// Appends x · (row r of factor f) with column index base + stride · j.
            func appendRow(_ f: Int, _ r: Int, _ x: ComplexDouble, base: Int, stride: Int) {
                let o = f * (d + 1) + r
                for k in start[o]..<start[o + 1] { builder.append(column: base + stride * column[k], value: x * value[k]) }
            }
            for a in 0..<d {
                let base = a * d
                for i in 0..<d {
                    appendRow(0, i, scale[0], base: base, stride: 1)   // −i (I ⊗ H)
                    appendRow(1, a, scale[1], base: i, stride: d)      // +i (Hᵀ ⊗ I)
                    for q in rates.indices {
                        let l = 2 + 3 * q
                        // κ L* ⊗ L: row a of L (conjugated) times row i of L.
                        let oi = l * (d + 1) + i, oa = l * (d + 1) + a
                        if start[oi] < start[oi + 1] {
                            for kb in start[oa]..<start[oa + 1] {
                                appendRow(l, i, rates[q] * value[kb].conjugated, base: column[kb] * d, stride: 1)
                            }
                        }
                        appendRow(l + 1, i, scale[l + 1], base: base, stride: 1)  // −½κ I ⊗ L†L
                        appendRow(l + 2, a, scale[l + 2], base: i, stride: d)     // −½κ (L†L)ᵀ ⊗ I
                    }
                    builder.finishRow()
                }
            }
        } } }
        return builder.matrix
    }
}
