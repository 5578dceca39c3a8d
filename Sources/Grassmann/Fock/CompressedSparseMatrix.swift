/// A double-complex sparse matrix in compressed sparse row (CSR) form, the storage of the floating
/// construction path (Fock matrices of H and the jump operators, the Liouvillian Ľ of AX(S14)).
///
/// Row i holds the entries `values[k]` at columns `columns[k]` for k in `rowStart[i]..<rowStart[i+1]`,
/// columns strictly increasing within a row; no stored entry is exactly zero. Plain arrays, a value
/// type: copies share storage until written (copy on write), nothing to free.
public struct CompressedSparseMatrix: Equatable, Sendable {
    public let rowCount: Int
    public let columnCount: Int
    /// rowStart[i] ..< rowStart[i + 1] is the range of row i in `columns` and `values` (rowCount + 1 items).
    public internal(set) var rowStart: [Int]
    public internal(set) var columns: [Int]
    public internal(set) var values: [ComplexDouble]

    public var nonzeroCount: Int { values.count }

    /// The entries of row i as (column, value) pairs in increasing column order.
    @inline(__always)
    public func row(_ i: Int) -> Range<Int> { rowStart[i]..<rowStart[i + 1] }

    /// Builds the matrix from unordered triplets (i, j, A_ij): duplicates are summed in input order,
    /// sums that are exactly zero are dropped.
    public init(rows rowCount: Int, columns columnCount: Int, triplets: [(Int, Int, ComplexDouble)]) {
        // Counting sort by row (stable), then a stable sort by column within each row.
        var count = [Int](repeating: 0, count: rowCount + 1)
        for (i, _, _) in triplets { count[i + 1] += 1 }
        for i in 0..<rowCount { count[i + 1] += count[i] }
        var next = count
        var cols = [Int](repeating: 0, count: triplets.count)
        var vals = [ComplexDouble](repeating: .zero, count: triplets.count)
        for (i, j, c) in triplets {
            cols[next[i]] = j; vals[next[i]] = c; next[i] += 1
        }
        var builder = RowBuilder(rows: rowCount, columns: columnCount, capacity: triplets.count)
        for i in 0..<rowCount {
            for k in count[i]..<count[i + 1] { builder.append(column: cols[k], value: vals[k]) }
            builder.finishRow()
        }
        self = builder.matrix
    }

    /// The matrix from its CSR arrays (rows sorted by column, no stored zero: the caller guarantees the invariants).
    public init(rowCount: Int, columnCount: Int, rowStart: [Int], columns: [Int], values: [ComplexDouble]) {
        self.rowCount = rowCount; self.columnCount = columnCount
        self.rowStart = rowStart; self.columns = columns; self.values = values
    }

    /// The CSR form of a dictionary-row `SparseMatrix`.
    public init(_ a: SparseMatrix<ComplexDouble>) {
        var builder = RowBuilder(rows: a.rowCount, columns: a.columnCount, capacity: a.nonzeroCount)
        for r in a.rows {
            for (j, c) in r { builder.append(column: j, value: c) }
            builder.finishRow()
        }
        self = builder.matrix
    }

    /// The dictionary-row form (for the generic routines and the dense spectrum).
    public var sparse: SparseMatrix<ComplexDouble> {
        var m = SparseMatrix<ComplexDouble>(rows: rowCount, columns: columnCount)
        for i in 0..<rowCount { for k in row(i) { m[i, columns[k]] = values[k] } }
        return m
    }

    /// All stored entries (i, j, A_ij), row by row.
    public var entries: [(Int, Int, ComplexDouble)] {
        var out: [(Int, Int, ComplexDouble)] = []
        out.reserveCapacity(nonzeroCount)
        for i in 0..<rowCount { for k in row(i) { out.append((i, columns[k], values[k])) } }
        return out
    }

    /// Aᵀ, or A† = (A*)ᵀ when `conjugating`.
    public func transposed(conjugating: Bool = false) -> CompressedSparseMatrix {
        var start = [Int](repeating: 0, count: columnCount + 1)
        for j in columns { start[j + 1] += 1 }
        for j in 0..<columnCount { start[j + 1] += start[j] }
        var next = start
        var cols = [Int](repeating: 0, count: nonzeroCount)
        var vals = [ComplexDouble](repeating: .zero, count: nonzeroCount)
        // Rows are visited in increasing order, so the columns of Aᵀ come out sorted.
        for i in 0..<rowCount {
            for k in row(i) {
                let j = columns[k]
                cols[next[j]] = i
                vals[next[j]] = conjugating ? values[k].conjugated : values[k]
                next[j] += 1
            }
        }
        return CompressedSparseMatrix(rowCount: columnCount, columnCount: rowCount, rowStart: start, columns: cols, values: vals)
    }
    public var transpose: CompressedSparseMatrix { transposed() }
    public var adjoint: CompressedSparseMatrix { transposed(conjugating: true) }

    /// Σ_t c_t A_t for matrices of one shape; each entry sums its terms in the order given.
    public static func linearCombination(_ terms: [(ComplexDouble, CompressedSparseMatrix)]) -> CompressedSparseMatrix {
        precondition(!terms.isEmpty, "linearCombination: no terms")
        let rows = terms[0].1.rowCount, columns = terms[0].1.columnCount
        precondition(terms.allSatisfy { $0.1.rowCount == rows && $0.1.columnCount == columns }, "linearCombination: shapes differ")
        var builder = RowBuilder(rows: rows, columns: columns, capacity: terms.reduce(0) { $0 + $1.1.nonzeroCount })
        for i in 0..<rows {
            for (c, a) in terms { for k in a.row(i) { builder.append(column: a.columns[k], value: c * a.values[k]) } }
            builder.finishRow()
        }
        return builder.matrix
    }

    /// The product A B (row-by-row accumulation in a dense scratch row).
    public static func * (a: CompressedSparseMatrix, b: CompressedSparseMatrix) -> CompressedSparseMatrix {
        precondition(a.columnCount == b.rowCount, "matrix product: \(a.columnCount) columns vs \(b.rowCount) rows")
        var builder = RowBuilder(rows: a.rowCount, columns: b.columnCount, capacity: a.nonzeroCount + b.nonzeroCount)
        for i in 0..<a.rowCount {
            for k in a.row(i) {
                let x = a.values[k]
                for l in b.row(a.columns[k]) { builder.append(column: b.columns[l], value: x * b.values[l]) }
            }
            builder.finishRow()
        }
        return builder.matrix
    }
}

/// Assembles a `CompressedSparseMatrix` row by row: entries of the current row are appended in any
/// column order, `finishRow` sorts them by column (stable), sums duplicates in append order and
/// drops exact zeros.
struct RowBuilder {
    private var rowCount: Int, columnCount: Int
    private var rowStart: [Int] = [0]
    private var columns: [Int] = []
    private var values: [ComplexDouble] = []
    /// Pending entries of the current row.
    private var pending: [(column: Int, value: ComplexDouble)] = []

    init(rows: Int, columns: Int, capacity: Int) {
        rowCount = rows; columnCount = columns
        rowStart.reserveCapacity(rows + 1)
        self.columns.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        pending.reserveCapacity(64)
    }

    @inline(__always)
    mutating func append(column: Int, value: ComplexDouble) { pending.append((column, value)) }

    mutating func finishRow() {
        // Insertion sort: rows are short, and it is stable.
        if pending.count > 1 {
            for a in 1..<pending.count {
                let e = pending[a]
                var b = a
                while b > 0 && pending[b - 1].column > e.column { pending[b] = pending[b - 1]; b -= 1 }
                pending[b] = e
            }
        }
        var k = 0
        while k < pending.count {
            let j = pending[k].column
            var s = pending[k].value
            k += 1
            while k < pending.count && pending[k].column == j { s = s + pending[k].value; k += 1 }
            if !s.isKnownZero { columns.append(j); values.append(s) }
        }
        pending.removeAll(keepingCapacity: true)
        rowStart.append(columns.count)
    }

    var matrix: CompressedSparseMatrix {
        precondition(rowStart.count == rowCount + 1, "RowBuilder: \(rowStart.count - 1) of \(rowCount) rows finished")
        return CompressedSparseMatrix(rowCount: rowCount, columnCount: columnCount, rowStart: rowStart, columns: columns, values: values)
    }
}
