/// Direct assembly of the floating Liouvillian matrix of AX(S14) in compressed sparse row form,
/// in the vectorisation of AX(S5) (|i⟩⟨j| → |j⟩ ⊗ |i⟩, vec index j·d + i, column stacking):
///
///   Ľ = −i(I ⊗ H − Hᵀ ⊗ I) + Σ_ℓ κ_ℓ [L_ℓ* ⊗ L_ℓ − ½ I ⊗ L_ℓ†L_ℓ − ½ (L_ℓ†L_ℓ)ᵀ ⊗ I]
///     = I ⊗ K + Mᵀ ⊗ I + Σ_ℓ κ_ℓ L_ℓ* ⊗ L_ℓ,   K = −iH − ½ Σ κ_ℓ L_ℓ†L_ℓ,  M = iH − ½ Σ κ_ℓ L_ℓ†L_ℓ,
///
/// the same Kronecker order as `Lindbladian` (equal entrywise up to rounding; checked by the tests).
/// No superoperator is ever formed as a whole matrix. Row a·d + i of Ľ collects, block by block
/// (block b = columns b·d ..< (b+1)·d), in increasing b:
///   (I ⊗ K)   : block a,            columns a·d + j, j ∈ row i of K, value K_ij;
///   (Mᵀ ⊗ I)  : blocks b ∈ row a of Mᵀ, column b·d + i,           value (Mᵀ)_ab;
///   (L* ⊗ L)  : blocks b ∈ row a of L, columns b·d + j, j ∈ row i of L, value κ L_ab* L_ij;
/// the blocks of row a are merged once per a, so each row arrives nearly sorted and is sorted and
/// summed once in place.
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
        // K and M (d × d, cheap) from H and the L†L.
        var kTriplets = h.entries.map { ($0.0, $0.1, -ComplexDouble.imaginaryUnit * $0.2) }
        var mTriplets = h.entries.map { ($0.0, $0.1, ComplexDouble.imaginaryUnit * $0.2) }
        for j in jumps {
            precondition(j.operator_.rowCount == d && j.operator_.columnCount == d, "LiouvillianAssembly: jump operator must be \(d)×\(d)")
            let halfRate = -(ComplexDouble(0.5) * j.rate)
            for (r, c, x) in (j.operator_.adjoint * j.operator_).entries {
                kTriplets.append((r, c, halfRate * x)); mTriplets.append((r, c, halfRate * x))
            }
        }
        let k = CompressedSparseMatrix(rows: d, columns: d, triplets: kTriplets)
        let mt = CompressedSparseMatrix(rows: d, columns: d, triplets: mTriplets).transpose
        // Factors in one flat CSR store (no per-row copies of array-holding structs): K, then the L_ℓ.
        // Row i of factor f is start[f·(d+1)+i] ..< start[f·(d+1)+i+1].
        var start: [Int] = [], column: [Int] = [], value: [ComplexDouble] = []
        for f in [k] + jumps.map(\.operator_) {
            let offset = column.count
            for i in 0...d { start.append(offset + f.rowStart[i]) }
            column += f.columns
            value += f.values
        }
        /// One block of a row of Ľ: factor f (0 = K, 1 + ℓ = L_ℓ) scaled by x, or (f = −1) the single column b·d + i.
        struct Block { var b: Int; var factor: Int; var x: ComplexDouble }
        var blocks: [Block] = []
        // Exact count of appended entries (before duplicates are summed): the output capacity.
        var capacity = d * (k.nonzeroCount + mt.nonzeroCount)
        for j in jumps { capacity += j.operator_.nonzeroCount * j.operator_.nonzeroCount }
        var rowStart = [Int](repeating: 0, count: d * d + 1)
        var outValues: [ComplexDouble] = []
        let outColumns = [Int](unsafeUninitializedCapacity: capacity) { col, columnCount in
            outValues = [ComplexDouble](unsafeUninitializedCapacity: capacity) { val, valueCount in
                var n = 0
                start.withUnsafeBufferPointer { start in column.withUnsafeBufferPointer { column in value.withUnsafeBufferPointer { value in
                    for a in 0..<d {
                        blocks.removeAll(keepingCapacity: true)
                        blocks.append(Block(b: a, factor: 0, x: .one))
                        for p in mt.row(a) { blocks.append(Block(b: mt.columns[p], factor: -1, x: mt.values[p])) }
                        for q in jumps.indices {
                            let o = (q + 1) * (d + 1) + a
                            for p in start[o]..<start[o + 1] { blocks.append(Block(b: column[p], factor: q + 1, x: jumps[q].rate * value[p].conjugated)) }
                        }
                        blocks.sort { $0.b < $1.b }
                        for i in 0..<d {
                            let rowBegin = n
                            for blk in blocks {
                                let base = blk.b * d
                                if blk.factor < 0 { col[n] = base + i; val[n] = blk.x; n += 1; continue }
                                let o = blk.factor * (d + 1) + i
                                if blk.factor == 0 {
                                    for p in start[o]..<start[o + 1] { col[n] = base + column[p]; val[n] = value[p]; n += 1 }
                                } else {
                                    for p in start[o]..<start[o + 1] { col[n] = base + column[p]; val[n] = blk.x * value[p]; n += 1 }
                                }
                            }
                            // Insertion sort by column (the row is nearly sorted), then sum duplicates and drop zeros in place.
                            var t = rowBegin + 1
                            while t < n {
                                let c = col[t], v = val[t]
                                var u = t
                                while u > rowBegin && col[u - 1] > c { col[u] = col[u - 1]; val[u] = val[u - 1]; u -= 1 }
                                col[u] = c; val[u] = v
                                t += 1
                            }
                            var w = rowBegin, r = rowBegin
                            while r < n {
                                let c = col[r]
                                var v = val[r]
                                r += 1
                                while r < n && col[r] == c { v = v + val[r]; r += 1 }
                                if !v.isKnownZero { col[w] = c; val[w] = v; w += 1 }
                            }
                            n = w
                            rowStart[a * d + i + 1] = n
                        }
                    }
                } } }
                valueCount = n
            }
            columnCount = outValues.count
        }
        return CompressedSparseMatrix(rowCount: d * d, columnCount: d * d, rowStart: rowStart, columns: outColumns, values: outValues)
    }
}
