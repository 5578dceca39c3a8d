import Symbolic
import Grassmann

/// `steady_state(S)`: the ρ with 𝒮ρ = 0 and tr ρ = 1, exactly, for a superoperator with symbolic
/// entries.
///
/// Method: Gauss–Jordan elimination on the matrix of 𝒮 (column stacking, AX(S5)) over rational
/// functions of the symbols. A candidate pivot is used only after the identity checker has shown it
/// is not identically zero (an exact counterexample point), so a vanishing entry that does not look
/// like zero can never be divided by. The kernel must be one-dimensional (a unique steady state);
/// the result is normalised to unit trace and then verified: every component of 𝒮ρ is shown to
/// vanish by the identity checker before the state is returned.
enum SteadyState {
    /// Largest number of unknowns (d²) handled by exact elimination.
    static let maximumUnknowns = 1024

    static func compute(_ s: Superoperator, _ ev: ModelEvaluator, _ node: ModelNode) throws -> SparseMatrix<Expr> {
        let d = s.dimension, n = d * d
        guard n <= maximumUnknowns else {
            throw ev.error(node, "`steady_state` solves exactly for at most \(maximumUnknowns) unknowns; this superoperator has d² = \(n)",
                           fix: "declare a smaller model (fewer modes, a lower boson cutoff)")
        }
        let matrix = s.materialized.matrix
        var rows: [SparseVector<Expr>] = (0..<n).map { matrix.rows[$0] }
        let checker = IdentityChecker(seed: 0x57EA_D1)
        func isNonzero(_ e: Expr) throws -> Bool {
            if e.isZero { return false }
            let v = checker.check(e, .zero)
            switch v.kind {
            case .verified: return false
            case .discrepancy: return true
            default: throw ev.error(node, "steady_state: cannot decide whether \(e.text) vanishes (\(v.kind.rawValue))")
            }
        }
        var pivotRowOfColumn: [Int: Int] = [:]
        var used = Set<Int>()
        for column in 0..<n {
            // Rows not yet used with an entry in this column, simplest first.
            let candidates = (0..<n).filter { !used.contains($0) && rows[$0][column] != nil }
                .sorted { (rows[$0][column]!.text.count, $0) < (rows[$1][column]!.text.count, $1) }
            var pivot: Int? = nil
            for r in candidates {
                if try isNonzero(rows[r][column]!) { pivot = r; break }
                rows[r][column] = nil
            }
            guard let p = pivot else { continue }
            used.insert(p)
            pivotRowOfColumn[column] = p
            let inverse = Expr.pow(rows[p][column]!, Expr(-1))
            rows[p] = rows[p].mapValues { ($0 * inverse).together() }.filter { !$0.value.isZero }
            rows[p][column] = .one
            for r in 0..<n where r != p {
                guard let f = rows[r][column] else { continue }
                for (j, x) in rows[p] {
                    let value = ((rows[r][j] ?? .zero) - f * x).together()
                    rows[r][j] = value.isZero ? nil : value
                }
                rows[r][column] = nil
            }
        }
        let free = (0..<n).filter { pivotRowOfColumn[$0] == nil }
        guard !free.isEmpty else {
            throw ev.error(node, "`\(s.origin)` has no steady state: its kernel is {0}", fix: "a GKSL generator preserves the trace and always has one; check the jump operators")
        }
        guard free.count == 1 else {
            throw ev.error(node, "the steady state of `\(s.origin)` is not unique: the kernel has dimension \(free.count)",
                           fix: "restrict to one symmetry sector (e.g. `eigenvalue(L, right: …)` on a candidate) or add the process that connects the sectors")
        }
        let f = free[0]
        var x: SparseVector<Expr> = [f: .one]
        for (column, p) in pivotRowOfColumn { if let a = rows[p][f] { x[column] = (-a).together() } }
        var trace = Expr.zero
        for i in 0..<d { if let t = x[Vectorization.index(row: i, column: i, dimension: d)] { trace = trace + t } }
        guard try isNonzero(trace) else {
            throw ev.error(node, "the kernel of `\(s.origin)` is traceless: no density matrix spans it")
        }
        let normalised = x.mapValues { ($0 / trace).together() }.filter { !$0.value.isZero }
        // Verification, independent of the elimination: every component of 𝒮ρ vanishes.
        var certificate = ModelCertificate("steady_state(\(s.origin))")
        for (k, value) in s.apply(normalised) {
            if value.isZero { certificate.count(nil); continue }
            let v = checker.check(value, .zero)
            certificate.count(v)
            guard v.kind == .verified else {
                throw ev.error(node, "steady_state: the solution fails 𝒮ρ = 0 at \(SuperoperatorFunctions.componentName(k, ev)) (\(v.kind.rawValue)); please report this")
            }
        }
        certificate.submit("exact elimination (pivots proved nonzero), unique kernel, tr ρ = 1; 𝒮ρ = 0 checked independently")
        return Vectorization.unvec(normalised, dimension: d)
    }
}
