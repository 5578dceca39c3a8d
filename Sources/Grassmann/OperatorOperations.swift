import Symbolic

/// Expression-level operations of the Grassmann module that concern no model: the vectorisation
/// convention of AX(S5)–(S14) checked on random exact matrices. Models are declared in derivation
/// files (the model language of Verify); nothing of a paper's model is here.
///
/// - `vec_product_residual(w, layout)`: vec(ABC) − M vec(B) on random exact matrices, as Σ_k R_k w^k,
///   with M = Cᵀ ⊗ A (layout 1, AX(S9)) or A ⊗ Cᵀ (layout 0), vec of AX(S5).
/// - `vec_identity_residual(w, n, variant)`: AX(S`n`) for n = 6, 7, 8, 10, 11, 12, 14 on random exact
///   matrices, (printed side) − (operator products), as Σ_k R_k w^k; variant 1 as printed, 0 the
///   deliberately wrong variant of `VectorisationIdentities` (row stacking, a missing conjugate or transpose).
public enum OperatorOperations {
    public static let all: [String: ExprOperation] = [
        "vec_product_residual": { args in
            guard args.count == 2, let layout = args[1].integerValue, layout == 0 || layout == 1 else {
                throw OperationError("vec_product_residual(w, layout) needs a marker symbol and layout 1 (Cᵀ⊗A) or 0 (A⊗Cᵀ)", fix: "vec_product_residual(w, 1)")
            }
            return residualPolynomial(vecProductResidual(columnStacking: layout == 1), args[0])
        },
        "vec_identity_residual": { args in
            guard args.count == 3, let n = args[1].integerValue, let variant = args[2].integerValue, variant == 0 || variant == 1,
                  let r = VectorisationIdentities.residual(equation: n, printed: variant == 1) else {
                throw OperationError("vec_identity_residual(w, n, variant) needs a marker symbol, an equation n of AX(S6)–(S14) (\(VectorisationIdentities.equations.map(String.init).joined(separator: ", "))) and variant 1 (as printed) or 0 (the wrong variant)",
                                     fix: "e.g. vec_identity_residual(w, 8, 1)")
            }
            return residualPolynomial(r.mapValues { Expr($0) }, args[0])
        },
    ]

    /// vec(ABC) − M vec(B) for random exact 4 × 4 matrices (seed 2026), M = Cᵀ ⊗ A (AX(S9)) or A ⊗ Cᵀ.
    static func vecProductResidual(columnStacking: Bool) -> [Int: Expr] {
        var g = ExactPointEvaluation.SplitMix64(seed: 2026)
        func random() -> SparseMatrix<GaussianRational> {
            var m = SparseMatrix<GaussianRational>(rows: 4, columns: 4)
            for i in 0..<4 { for j in 0..<4 { m[i, j] = GaussianRational(BigRational(Int(g.next() % 19) - 9), BigRational(Int(g.next() % 19) - 9)) } }
            return m
        }
        let a = random(), b = random(), c = random()
        let m = columnStacking ? SparseMatrix.kronecker(c.transpose, a) : SparseMatrix.kronecker(a, c.transpose)
        var r = Vectorization.vec(a * b * c)
        for (k, x) in m.apply(Vectorization.vec(b)) { r[k] = (r[k] ?? .zero) - x }
        return r.filter { !$0.value.isZero }.mapValues { Expr($0) }
    }

    /// Σ_k R_k w^{k'} with k' the rank of component k (small exponents).
    static func residualPolynomial(_ r: [Int: Expr], _ w: Expr) -> Expr {
        var s = Expr.zero
        for (rank, k) in r.keys.sorted().enumerated() { s = s + r[k]! * Expr.pow(w, Expr(rank + 1)) }
        return s
    }
}
