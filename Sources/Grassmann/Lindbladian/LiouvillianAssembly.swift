/// Direct assembly of the floating Liouvillian matrix of AX(S14) in compressed sparse row form,
/// in the vectorisation of AX(S5) (|i⟩⟨j| → |j⟩ ⊗ |i⟩, vec index j·d + i, column stacking):
///
///   Ľ = −i(I ⊗ H − Hᵀ ⊗ I) + Σ_ℓ κ_ℓ [L_ℓ* ⊗ L_ℓ − ½ I ⊗ L_ℓ†L_ℓ − ½ (L_ℓ†L_ℓ)ᵀ ⊗ I]
///     = I ⊗ K + Mᵀ ⊗ I + Σ_ℓ κ_ℓ L_ℓ* ⊗ L_ℓ,   K = −iH − ½ Σ κ_ℓ L_ℓ†L_ℓ,  M = iH − ½ Σ κ_ℓ L_ℓ†L_ℓ,
///
/// the same Kronecker order as `Lindbladian` (equal entrywise up to rounding; checked by the tests).
/// No superoperator is ever formed as a whole matrix. Row a·d + i of Ľ is a sequence of blocks
/// (block b = columns b·d ..< (b+1)·d) in increasing b; which blocks occur, and with which factor,
/// depends on a only:
///   (I ⊗ K)   : block a,            columns a·d + j, j ∈ row i of K, value K_ij;
///   (Mᵀ ⊗ I)  : blocks b ∈ row a of Mᵀ, column b·d + i,           value (Mᵀ)_ab;
///   (L* ⊗ L)  : blocks b ∈ row a of L, columns b·d + j, j ∈ row i of L, value κ L_ab* L_ij.
/// So the block list of a is built, sorted and turned into a plan once, and the plan is replayed for
/// the d rows a·d + i: runs of single-entry blocks (Mᵀ only) are written in one tight loop, the
/// diagonal block a is row i of K (already sorted) with (Mᵀ)_aa added at column i, and any other
/// block (where a jump term meets another) is gathered, insertion-sorted and summed in place. Output
/// storage is allocated once, at the exact count of appended entries; sums that vanish exactly are
/// dropped, as everywhere in `CompressedSparseMatrix`.
public enum LiouvillianAssembly {
    /// A jump operator L with its rate κ.
    public struct Jump: Sendable {
        public var rate: ComplexDouble
        public var operator_: CompressedSparseMatrix
        public init(rate: ComplexDouble, _ op: CompressedSparseMatrix) { self.rate = rate; operator_ = op }
    }

    /// One contribution to a block of row a: factor f of the flat store (0 = K, 1 + ℓ = L_ℓ) scaled
    /// by x, or (f = −1) the single entry x at column b·d + i (a value of Mᵀ).
    struct Term { var b: Int; var factor: Int; var x: ComplexDouble }
    /// A step of the row plan of block row a (the same for its d rows a·d + i).
    struct Step {
        enum Kind { case singles, ownRow, ownRowAndDiagonal, general }
        var kind: Kind
        /// singles: range in the single-block arrays; general: range in the sorted terms.
        var first: Int, last: Int
        /// ownRowAndDiagonal: (Mᵀ)_aa.
        var m: ComplexDouble
    }

    /// Ľ of AX(S14) for the d × d Hamiltonian H and the jumps, as a d² × d² CSR matrix.
    public static func matrix(hamiltonian h: CompressedSparseMatrix, jumps: [Jump]) -> CompressedSparseMatrix {
        let d = h.rowCount
        precondition(h.columnCount == d, "LiouvillianAssembly: H must be square, got \(h.rowCount)×\(h.columnCount)")
        // K = −iH + G and M = iH + G with G = −½ Σ κ_ℓ L_ℓ†L_ℓ (d × d, cheap).
        let i = ComplexDouble.imaginaryUnit
        var kTerms: [(ComplexDouble, CompressedSparseMatrix)] = [(-i, h)]
        var mTerms: [(ComplexDouble, CompressedSparseMatrix)] = [(i, h)]
        for j in jumps {
            precondition(j.operator_.rowCount == d && j.operator_.columnCount == d, "LiouvillianAssembly: jump operator must be \(d)×\(d)")
            let loss = j.operator_.adjoint * j.operator_
            let halfRate = -(ComplexDouble(0.5) * j.rate)
            kTerms.append((halfRate, loss)); mTerms.append((halfRate, loss))
        }
        let k = CompressedSparseMatrix.linearCombination(kTerms)
        let mt = CompressedSparseMatrix.linearCombination(mTerms).transpose
        // Factors in one flat CSR store: K, then the L_ℓ. Row i of factor f is start[f·(d+1)+i] ..< start[f·(d+1)+i+1].
        var start: [Int] = [], column: [Int] = [], value: [ComplexDouble] = []
        start.reserveCapacity((jumps.count + 1) * (d + 1))
        var maxTerms = 1 + (0..<d).map { mt.row($0).count }.max()!
        for f in [k] + jumps.map(\.operator_) {
            let offset = column.count
            for r in 0...d { start.append(offset + f.rowStart[r]) }
            column += f.columns
            value += f.values
            if offset > 0 { maxTerms += (0..<d).map { f.row($0).count }.max()! }
        }
        // Padding after the last factor, so that a row of K can be read at the fixed width of its longest row.
        var ownRowWidth = 0
        for r in 0..<d { ownRowWidth = max(ownRowWidth, k.row(r).count) }
        column += [Int](repeating: 0, count: ownRowWidth)
        value += [ComplexDouble](repeating: .zero, count: ownRowWidth)
        let rates = jumps.map(\.rate)
        // Exact count of appended entries (before duplicates are summed), plus the width of a row of K
        // (fixed-width copies may write that far past the last entry): the output capacity.
        var capacity = d * (k.nonzeroCount + mt.nonzeroCount) + ownRowWidth
        for j in jumps { capacity += j.operator_.nonzeroCount * j.operator_.nonzeroCount }
        var rowStart = [Int](repeating: 0, count: d * d + 1)
        var outValues: [ComplexDouble] = []
        let outColumns = [Int](unsafeUninitializedCapacity: capacity) { col, columnCount in
            outValues = [ComplexDouble](unsafeUninitializedCapacity: capacity) { val, valueCount in
                valueCount = start.withUnsafeBufferPointer { start in column.withUnsafeBufferPointer { column in value.withUnsafeBufferPointer { value in
                    mt.rowStart.withUnsafeBufferPointer { mtStart in mt.columns.withUnsafeBufferPointer { mtColumn in mt.values.withUnsafeBufferPointer { mtValue in
                        rates.withUnsafeBufferPointer { rates in rowStart.withUnsafeMutableBufferPointer { rowStart in
                            fill(d: d, factors: Factors(start: start, column: column, value: value),
                                 transposedM: Factors(start: mtStart, column: mtColumn, value: mtValue),
                                 rates: rates, maxTerms: maxTerms, ownRowWidth: ownRowWidth, column: col.baseAddress!, value: val.baseAddress!, rowStart: rowStart)
                        } }
                    } } }
                } } }
            }
            columnCount = outValues.count
        }
        return CompressedSparseMatrix(rowCount: d * d, columnCount: d * d, rowStart: rowStart, columns: outColumns, values: outValues)
    }

    /// A CSR store viewed through buffer pointers (rows of several factors back to back for K and the L_ℓ).
    struct Factors {
        var start: UnsafeBufferPointer<Int>, column: UnsafeBufferPointer<Int>, value: UnsafeBufferPointer<ComplexDouble>
    }

    /// Writes the rows of Ľ into `column`/`value` (capacity checked by the caller) and their starts
    /// into `rowStart`; returns the number of stored entries.
    static func fill(d: Int, factors: Factors, transposedM mt: Factors, rates: UnsafeBufferPointer<ComplexDouble>, maxTerms: Int, ownRowWidth: Int,
                     column col: UnsafeMutablePointer<Int>, value val: UnsafeMutablePointer<ComplexDouble>,
                     rowStart: UnsafeMutableBufferPointer<Int>) -> Int {
        let start = factors.start, column = factors.column, value = factors.value
        let terms = UnsafeMutablePointer<Term>.allocate(capacity: maxTerms)
        let plan = UnsafeMutablePointer<Step>.allocate(capacity: maxTerms)
        // One-term blocks of the current block row: column offset b·d, factor (−1 = Mᵀ, 1 + ℓ = L_ℓ), value.
        let itemBase = UnsafeMutablePointer<Int>.allocate(capacity: maxTerms)
        let itemFactor = UnsafeMutablePointer<Int>.allocate(capacity: maxTerms)
        let itemValue = UnsafeMutablePointer<ComplexDouble>.allocate(capacity: maxTerms)
        defer { terms.deallocate(); plan.deallocate(); itemBase.deallocate(); itemFactor.deallocate(); itemValue.deallocate() }
        // diagonal[i]: the first position in row i of K with column ≥ i.
        let diagonal = UnsafeMutablePointer<Int>.allocate(capacity: d)
        defer { diagonal.deallocate() }
        for i in 0..<d {
            var p = start[i]
            while p < start[i + 1] && column[p] < i { p += 1 }
            diagonal[i] = p
        }
        var n = 0
        for a in 0..<d {
            // The terms of block row a, sorted by block b (stable: K, Mᵀ, L_1, L_2, … within a block).
            var termCount = 0
            terms[termCount] = Term(b: a, factor: 0, x: .one); termCount += 1
            for p in mt.start[a]..<mt.start[a + 1] { terms[termCount] = Term(b: mt.column[p], factor: -1, x: mt.value[p]); termCount += 1 }
            for q in 0..<rates.count {
                let o = (q + 1) * (d + 1) + a
                for p in start[o]..<start[o + 1] { terms[termCount] = Term(b: column[p], factor: q + 1, x: rates[q] * value[p].conjugated); termCount += 1 }
            }
            for t in 1..<termCount {
                let e = terms[t]
                var u = t
                while u > 0 && terms[u - 1].b > e.b { terms[u] = terms[u - 1]; u -= 1 }
                terms[u] = e
            }
            let ownBase = a * d
            // The common shape: every block other than a has one term (an entry of Mᵀ, or one jump
            // κ L_ab* L), and block a is K with (Mᵀ)_aa. Its rows are written without dispatch: the
            // one-term blocks below a, row i of K with (Mᵀ)_aa added at column i (K's diagonal position
            // precomputed), the one-term blocks above a.
            var simple = true, itemCount = 0, below = 0
            var m = ComplexDouble.zero
            var first = 0
            while first < termCount {
                var last = first + 1
                while last < termCount && terms[last].b == terms[first].b { last += 1 }
                let t = terms[first]
                if t.b == a {
                    if t.factor != 0 || last - first > 2 || (last - first == 2 && terms[first + 1].factor >= 0) { simple = false; break }
                    if last - first == 2 { m = terms[first + 1].x }
                    below = itemCount
                } else {
                    if last - first > 1 { simple = false; break }
                    itemBase[itemCount] = t.b * d; itemFactor[itemCount] = t.factor; itemValue[itemCount] = t.x; itemCount += 1
                }
                first = last
            }
            if simple {
                for i in 0..<d {
                    for s in 0..<below {
                        let f = itemFactor[s]
                        if f < 0 { col[n] = itemBase[s] &+ i; val[n] = itemValue[s]; n &+= 1; continue }
                        let o = f &* (d &+ 1) &+ i
                        for p in start[o]..<start[o &+ 1] {
                            let v = itemValue[s] * value[p]
                            if !v.isKnownZero { col[n] = itemBase[s] &+ column[p]; val[n] = v; n &+= 1 }
                        }
                    }
                    let begin = start[i], end = start[i &+ 1], split = diagonal[i]
                    if split < end && column[split] == i {
                        // K_ii is stored: copy the row, then add (Mᵀ)_aa to it (and drop it if the sum vanishes).
                        let at = n &+ (split &- begin)
                        // A fixed number of entries (the longest row of K) is copied, so the loop does not
                        // depend on the row; entries past the row's end are overwritten by what follows.
                        for t in 0..<ownRowWidth { col[n &+ t] = ownBase &+ column[begin &+ t]; val[n &+ t] = value[begin &+ t] }
                        n &+= end &- begin
                        let x = val[at] + m
                        if x.isKnownZero {
                            for q in at..<(n &- 1) { col[q] = col[q &+ 1]; val[q] = val[q &+ 1] }
                            n &-= 1
                        } else { val[at] = x }
                    } else {
                        var p = begin
                        while p < split { col[n] = ownBase &+ column[p]; val[n] = value[p]; n &+= 1; p &+= 1 }
                        if !m.isKnownZero { col[n] = ownBase &+ i; val[n] = m; n &+= 1 }
                        while p < end { col[n] = ownBase &+ column[p]; val[n] = value[p]; n &+= 1; p &+= 1 }
                    }
                    for s in below..<itemCount {
                        let f = itemFactor[s]
                        if f < 0 { col[n] = itemBase[s] &+ i; val[n] = itemValue[s]; n &+= 1; continue }
                        let o = f &* (d &+ 1) &+ i
                        for p in start[o]..<start[o &+ 1] {
                            let v = itemValue[s] * value[p]
                            if !v.isKnownZero { col[n] = itemBase[s] &+ column[p]; val[n] = v; n &+= 1 }
                        }
                    }
                    rowStart[ownBase &+ i &+ 1] = n
                }
                continue
            }
            // Any other shape: a plan of runs of single-entry blocks (Mᵀ only), the diagonal block
            // (K, with (Mᵀ)_aa when present) and general blocks (terms first..<last), step by step.
            var stepCount = 0, singleCount = 0
            first = 0
            while first < termCount {
                var last = first + 1
                while last < termCount && terms[last].b == terms[first].b { last += 1 }
                let t = terms[first]
                if last - first == 1 && t.factor < 0 {
                    if stepCount > 0 && plan[stepCount - 1].kind == .singles { plan[stepCount - 1].last += 1 }
                    else { plan[stepCount] = Step(kind: .singles, first: singleCount, last: singleCount + 1, m: .zero); stepCount += 1 }
                    itemBase[singleCount] = t.b * d; itemValue[singleCount] = t.x; singleCount += 1
                } else if t.factor == 0 && last - first == 1 {
                    plan[stepCount] = Step(kind: .ownRow, first: first, last: last, m: .zero); stepCount += 1
                } else if t.factor == 0 && last - first == 2 && terms[first + 1].factor < 0 {
                    plan[stepCount] = Step(kind: .ownRowAndDiagonal, first: first, last: last, m: terms[first + 1].x); stepCount += 1
                } else {
                    plan[stepCount] = Step(kind: .general, first: first, last: last, m: .zero); stepCount += 1
                }
                first = last
            }
            // Any other plan, step by step, for the rows a·d + i.
            for i in 0..<d {
                for g in 0..<stepCount {
                    let step = plan[g]
                    switch step.kind {
                    case .singles:
                        for s in step.first..<step.last { col[n] = itemBase[s] &+ i; val[n] = itemValue[s]; n &+= 1 }
                    case .ownRow:
                        for p in start[i]..<start[i + 1] { col[n] = ownBase &+ column[p]; val[n] = value[p]; n &+= 1 }
                    case .ownRowAndDiagonal:
                        // Row i of K (already sorted) with (Mᵀ)_aa added at column i.
                        let end = start[i + 1]
                        var p = start[i]
                        while p < end && column[p] < i { col[n] = ownBase &+ column[p]; val[n] = value[p]; n &+= 1; p &+= 1 }
                        var s = step.m
                        if p < end && column[p] == i { s = value[p] + step.m; p &+= 1 }
                        if !s.isKnownZero { col[n] = ownBase &+ i; val[n] = s; n &+= 1 }
                        while p < end { col[n] = ownBase &+ column[p]; val[n] = value[p]; n &+= 1; p &+= 1 }
                    case .general:
                        // Gather, insertion sort by column (stable), sum duplicates, drop zeros.
                        let base = terms[step.first].b * d
                        let blockBegin = n
                        for s in step.first..<step.last {
                            let u = terms[s]
                            if u.factor < 0 { col[n] = base + i; val[n] = u.x; n += 1; continue }
                            let o = u.factor * (d + 1) + i
                            if u.factor == 0 {
                                for p in start[o]..<start[o + 1] { col[n] = base + column[p]; val[n] = value[p]; n += 1 }
                            } else {
                                for p in start[o]..<start[o + 1] { col[n] = base + column[p]; val[n] = u.x * value[p]; n += 1 }
                            }
                        }
                        var r = blockBegin + 1
                        while r < n {
                            let c = col[r], v = val[r]
                            var u = r
                            while u > blockBegin && col[u - 1] > c { col[u] = col[u - 1]; val[u] = val[u - 1]; u -= 1 }
                            col[u] = c; val[u] = v
                            r += 1
                        }
                        var w = blockBegin
                        r = blockBegin
                        while r < n {
                            let c = col[r]
                            var v = val[r]
                            r += 1
                            while r < n && col[r] == c { v = v + val[r]; r += 1 }
                            if !v.isKnownZero { col[w] = c; val[w] = v; w += 1 }
                        }
                        n = w
                    }
                }
                rowStart[ownBase &+ i &+ 1] = n
            }
        }
        return n
    }
}

