import Symbolic

/// Errors raised while matching an effective Lindbladian to an operator ansatz.
public struct FitError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Identifies coefficients: given structure vectors a_j (exact numbers) and a target vector b
/// (symbolic), finds c with Σ_j c_j a_j = b by exact Gaussian elimination over Q(i) on the
/// structure entries, then returns the residual b − Σ_j c_j a_j component by component, so that the
/// caller can decide whether the ansatz reproduces b exactly.
public enum LinearFit {
    public static func solve(structures: [SparseVector<Expr>], target: SparseVector<Expr>) throws -> (coefficients: [Expr], residual: SparseVector<Expr>) {
        let keys = Set(structures.flatMap(\.keys)).union(target.keys).sorted()
        var rows: [(a: [GaussianRational], b: Expr)] = []
        for k in keys {
            var a: [GaussianRational] = []
            for (j, s) in structures.enumerated() {
                guard let z = (s[k] ?? .zero).numberValue else {
                    throw FitError(message: "LinearFit: structure \(j) has a non-numeric entry at component \(k)")
                }
                a.append(z)
            }
            rows.append((a, target[k] ?? .zero))
        }
        let n = structures.count
        var used = Set<Int>()
        var pivotRow = [Int](repeating: -1, count: n)
        for j in 0..<n {
            guard let p = rows.indices.first(where: { !used.contains($0) && !rows[$0].a[j].isZero }) else {
                throw FitError(message: "LinearFit: structure \(j) is linearly dependent on the others on these states (choose more states)")
            }
            used.insert(p)
            pivotRow[j] = p
            let inv = rows[p].a[j].reciprocal
            rows[p].a = rows[p].a.map { $0 * inv }
            rows[p].b = Expr(inv) * rows[p].b
            for r in rows.indices where r != p && !rows[r].a[j].isZero {
                let f = rows[r].a[j]
                for t in 0..<n { rows[r].a[t] = rows[r].a[t] - f * rows[p].a[t] }
                rows[r].b = rows[r].b - Expr(f) * rows[p].b
            }
        }
        let coefficients = pivotRow.map { rows[$0].b }
        var residual: SparseVector<Expr> = [:]
        for k in keys {
            var r = target[k] ?? .zero
            for (j, s) in structures.enumerated() { if let x = s[k] { r = r - x * coefficients[j] } }
            if !r.isZero { residual[k] = r }
        }
        return (coefficients, residual)
    }

    /// Decides that every residual entry vanishes identically (exact evaluation at random points).
    public static func residualVanishes(_ residual: SparseVector<Expr>, seed: UInt64 = 0x5EED) -> Verdict {
        var worst: Verdict? = nil
        for (k, r) in residual.sorted(by: { $0.key < $1.key }) {
            let v = ExactPointEvaluation.identity(r, .zero, seed: seed)
            if v.kind != .verified {
                var w = v
                w.detail = "component \(k): " + v.detail
                return w
            }
            worst = v
        }
        return worst ?? Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "residual is structurally zero")
    }
}
