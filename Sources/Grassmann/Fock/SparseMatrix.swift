/// A sparse matrix with entries in `C`, stored row-wise: `rows[i][j] = A_ij`; absent entries are 0.
public struct SparseMatrix<C: OperatorCoefficient>: Hashable, Sendable {
    public let rowCount: Int
    public let columnCount: Int
    public private(set) var rows: [SparseVector<C>]

    public init(rows rowCount: Int, columns columnCount: Int) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        rows = Array(repeating: [:], count: rowCount)
    }
    /// The n × n identity.
    public static func identity(_ n: Int) -> SparseMatrix {
        var m = SparseMatrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = .one }
        return m
    }

    public subscript(i: Int, j: Int) -> C {
        get { rows[i][j] ?? .zero }
        set { rows[i][j] = newValue.isKnownZero ? nil : newValue }
    }
    /// A_ij += c.
    public mutating func add(_ i: Int, _ j: Int, _ c: C) {
        let s = (rows[i][j] ?? .zero) + c
        rows[i][j] = s.isKnownZero ? nil : s
    }
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.count } }
    /// All nonzero entries (i, j, A_ij).
    public var entries: [(Int, Int, C)] {
        var out: [(Int, Int, C)] = []
        for (i, r) in rows.enumerated() { for (j, c) in r { out.append((i, j, c)) } }
        return out
    }

    public static func + (a: SparseMatrix, b: SparseMatrix) -> SparseMatrix {
        var m = a
        for (i, j, c) in b.entries { m.add(i, j, c) }
        return m
    }
    public static func - (a: SparseMatrix, b: SparseMatrix) -> SparseMatrix { a + (-b) }
    public static prefix func - (a: SparseMatrix) -> SparseMatrix { (-C.one) * a }
    public static func * (c: C, a: SparseMatrix) -> SparseMatrix {
        var m = SparseMatrix(rows: a.rowCount, columns: a.columnCount)
        for (i, j, x) in a.entries { m[i, j] = c * x }
        return m
    }
    public static func * (a: SparseMatrix, b: SparseMatrix) -> SparseMatrix {
        precondition(a.columnCount == b.rowCount, "matrix product: \(a.columnCount) columns vs \(b.rowCount) rows")
        var m = SparseMatrix(rows: a.rowCount, columns: b.columnCount)
        for i in 0..<a.rowCount {
            var acc: SparseVector<C> = [:]
            for (k, x) in a.rows[i] {
                for (j, y) in b.rows[k] { acc[j] = (acc[j] ?? .zero) + x * y }
            }
            m.rows[i] = acc.filter { !$0.value.isKnownZero }
        }
        return m
    }
    /// A v for a sparse vector v (index → value).
    public func apply(_ v: SparseVector<C>) -> SparseVector<C> {
        var out: SparseVector<C> = [:]
        // column access through the transpose would be faster; rows are short here.
        for i in 0..<rowCount {
            var s = C.zero
            var any = false
            for (j, x) in rows[i] { if let y = v[j] { s = s + x * y; any = true } }
            if any && !s.isKnownZero { out[i] = s }
        }
        return out
    }
    /// Aᵀ.
    public var transpose: SparseMatrix {
        var m = SparseMatrix(rows: columnCount, columns: rowCount)
        for (i, j, c) in entries { m[j, i] = c }
        return m
    }
    /// A† = (A*)ᵀ.
    public var adjoint: SparseMatrix {
        var m = SparseMatrix(rows: columnCount, columns: rowCount)
        for (i, j, c) in entries { m[j, i] = c.conjugated }
        return m
    }
    /// Entry-wise complex conjugate A*.
    public var conjugate: SparseMatrix {
        var m = SparseMatrix(rows: rowCount, columns: columnCount)
        for (i, j, c) in entries { m[i, j] = c.conjugated }
        return m
    }
    /// Kronecker product A ⊗ B: (A ⊗ B)_{(i·p + k),(j·q + l)} = A_ij B_kl for B of size p × q.
    public static func kronecker(_ a: SparseMatrix, _ b: SparseMatrix) -> SparseMatrix {
        var m = SparseMatrix(rows: a.rowCount * b.rowCount, columns: a.columnCount * b.columnCount)
        for (i, j, x) in a.entries {
            for (k, l, y) in b.entries { m[i * b.rowCount + k, j * b.columnCount + l] = x * y }
        }
        return m
    }
    /// Maps every entry.
    public func mapEntries<D: OperatorCoefficient>(_ f: (C) throws -> D) rethrows -> SparseMatrix<D> {
        var m = SparseMatrix<D>(rows: rowCount, columns: columnCount)
        for (i, j, c) in entries { m[i, j] = try f(c) }
        return m
    }
    public var isZero: Bool { nonzeroCount == 0 }
}
