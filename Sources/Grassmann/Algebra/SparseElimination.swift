/// Exact Gaussian elimination on a sparse square matrix over a field `C` (rows stored as dictionaries,
/// with column occupancy tracked so that fill-in stays cheap for banded and cyclic matrices such as
/// the discrete Keldysh kernel AX(S43)–(S45)). Used for determinants and linear solves; exact for
/// `GaussianRational`, floating for `ComplexDouble`.
public struct SparseElimination<C: OperatorCoefficient> {
    public let size: Int
    var rows: [SparseVector<C>]

    /// The n × n matrix with the given nonzero entries (i, j, value); repeated entries add up.
    public init(size: Int, entries: [(Int, Int, C)]) {
        self.size = size
        rows = Array(repeating: [:], count: size)
        for (i, j, c) in entries {
            let s = (rows[i][j] ?? .zero) + c
            rows[i][j] = s.isKnownZero ? nil : s
        }
    }

    /// det A by elimination with pivoting on the first nonzero entry (exact rings):
    /// det A = sign(π) ∏_k pivot_k with π the row permutation chosen.
    public func determinant() -> C {
        var r = rows
        var columnRows: [Set<Int>] = Array(repeating: [], count: size)
        for (i, row) in r.enumerated() { for j in row.keys { columnRows[j].insert(i) } }
        var det = C.one
        var pivotOf = [Int](repeating: -1, count: size)
        var used = Set<Int>()
        for k in 0..<size {
            guard let p = columnRows[k].filter({ !used.contains($0) }).min() else { return .zero }
            used.insert(p)
            pivotOf[k] = p
            let pivotRow = r[p]
            let pivot = pivotRow[k]!
            det = det * pivot
            for i in columnRows[k] where i != p && !used.contains(i) {
                let factor = r[i][k]! / pivot
                for (j, x) in pivotRow {
                    let s = (r[i][j] ?? .zero) - factor * x
                    if s.isKnownZero { r[i][j] = nil; if j != k { columnRows[j].remove(i) } }
                    else { if r[i][j] == nil { columnRows[j].insert(i) }; r[i][j] = s }
                }
                r[i][k] = nil
            }
        }
        // Sign of the permutation k ↦ pivotOf[k] from its cycle decomposition.
        var seen = [Bool](repeating: false, count: size)
        var transpositions = 0
        for start in 0..<size where !seen[start] {
            var length = 0
            var k = start
            while !seen[k] { seen[k] = true; k = pivotOf[k]; length += 1 }
            transpositions += length - 1
        }
        return transpositions % 2 == 0 ? det : -det
    }

    /// Solves A x = b exactly (dense back substitution after sparse elimination); nil when singular.
    public func solve(_ b: [C]) -> [C]? {
        var r = rows
        var rhs = b
        var columnRows: [Set<Int>] = Array(repeating: [], count: size)
        for (i, row) in r.enumerated() { for j in row.keys { columnRows[j].insert(i) } }
        var pivotOf = [Int](repeating: -1, count: size)
        var used = Set<Int>()
        for k in 0..<size {
            guard let p = columnRows[k].filter({ !used.contains($0) }).min() else { return nil }
            used.insert(p)
            pivotOf[k] = p
            let pivotRow = r[p]
            let pivot = pivotRow[k]!
            for i in columnRows[k] where i != p && !used.contains(i) {
                let factor = r[i][k]! / pivot
                for (j, x) in pivotRow {
                    let s = (r[i][j] ?? .zero) - factor * x
                    if s.isKnownZero { r[i][j] = nil; if j != k { columnRows[j].remove(i) } }
                    else { if r[i][j] == nil { columnRows[j].insert(i) }; r[i][j] = s }
                }
                r[i][k] = nil
                rhs[i] = rhs[i] - factor * rhs[p]
            }
        }
        var x = [C](repeating: .zero, count: size)
        for k in stride(from: size - 1, through: 0, by: -1) {
            let p = pivotOf[k]
            var s = rhs[p]
            for (j, a) in r[p] where j > k { s = s - a * x[j] }
            x[k] = s / r[p][k]!
        }
        return x
    }
}
