import Symbolic

/// The sd-exchange derivation is expensive (seconds); it runs once per process.
let sdDerivation: Result<SdExchangeDerivation, any Error> = Result { try SdExchangeDerivation.derive() }

/// Expression-level operations of the Grassmann module, for the `computed:` lines of derivation
/// files. Every result is computed by the engine from the model NC(1)–(3); nothing is transcribed.
///
/// Symbols (all results use these names):
///   ed (ε_d, real), U (positive), kappa (κ, positive), v (complex c–d mixing), ek (energy of the
///   conduction levels, real), delta (δ of AX(S83), positive), and for the spin equation of motion
///   g, gamma (real), n (real), S1, S2, S3, t1, t2, t3, q, p2 (real; see `SpinEquationOfMotion`).
///
/// - `sd_exchange()`: g(ε_k) from ℒ_eff (AX(S31)) matched to NC(16) on |σ,F⟩⟨σ',F| (`SdExchangeDerivation`).
/// - `sd_exchange_hamiltonian()`: g from the Hermitian part of the non-Hermitian effective Hamiltonian (cross-check).
/// - `sd_dissipation()`: γ(ε_k). `sd_impurity_c()`: g_imp^c(ε_k). `sd_impurity_d()`: g_imp^d per conduction level.
/// - `sd_form_residual(w)`: Σ_k R_k w^k over the components R_k of ℒ_eff − (NC(16) with the fitted
///   coefficients); identically 0 iff ℒ_eff has exactly the form NC(16).
/// - `ld0_matrix(i, j)`: entry of M_a (AX(S103)), labels 1…4 = (∅, ↑, ↓, ↑↓).
/// - `ld0_right_eigenvalue(i1, j1, c1, i2, j2, c2, …)`: for r = Σ c |i⟩⟨j| (labels 0 = ∅, 1 = ↑,
///   2 = ↓, 3 = ↑↓) the λ with ℒ_{d0} r = λ r, plus Σ_k R_k w^k for the residual R = ℒ_{d0}r − λr
///   (so a non-eigenvector can never match a printed eigenvalue). `ld0_left_eigenvalue(…)`: the same
///   for l†ℒ_{d0} = λ l† (AX(S16)). `ld0_overlap(m, l-triples…, r-triples…)`: tr[l† r] with m l-triples.
/// - `eom_spin(i)`: tr[ρ ℒ†S_i] for ℒ of NC(4), product state of `SpinEquationOfMotion`.
///   `eom_spin_first_order(i)`: the same for Σ_σ γ n 𝒟[d_σ†P_s] (AX(S176)).
/// - `vec_product_residual(w, layout)`: vec(ABC) − M vec(B) on random exact matrices, as Σ_k R_k w^k,
///   with M = Cᵀ ⊗ A (layout 1, AX(S9)) or A ⊗ Cᵀ (layout 0), vec of AX(S5).
/// - `vec_identity_residual(w, n, variant)`: AX(S`n`) for n = 6, 7, 8, 10, 11, 12, 14 on random exact
///   matrices, (printed side) − (operator products), as Σ_k R_k w^k; variant 1 as printed, 0 the
///   deliberately wrong variant of `VectorisationIdentities` (row stacking, a missing conjugate or transpose).
/// - `model_trace_defect(w)`: vec(I)†Ľ for the model NC(3) (one level), as Σ_k R_k w^k (AX(S22)).
/// - `sector_escape_rate(s)`: second-order population escape rate of |∅,F⟩ (s = 0) or |↑↓,F−c_{0↑}⟩
///   (s = 3) beyond κΣ_σ𝒟[d_σP_↑↓] (`SectorDynamics`; NC(19), AX(S135)–(S137)).
/// - `spin_flip_count(c)`: spin-flip coherences produced from |↓⟩⟨↓| by 𝒟[Σ_σ d_σ†c_σ] (c = 1) or
///   Σ_σ 𝒟[d_σ†c_σ] (c = 0) (AX(S140)–(S142)).
public enum OperatorOperations {
    public static let w = Expr.symbol("w", .real)
    public static let delta = Expr.symbol("delta", .positive)

    public static let all: [String: ExprOperation] = [
        "sd_exchange": { args in try noArguments("sd_exchange", args); return try sdDerivation.get().g },
        "sd_exchange_hamiltonian": { args in try noArguments("sd_exchange_hamiltonian", args); return try sdDerivation.get().ketG },
        "sd_dissipation": { args in try noArguments("sd_dissipation", args); return try sdDerivation.get().gamma },
        "sd_impurity_c": { args in try noArguments("sd_impurity_c", args); return try sdDerivation.get().gImpC },
        "sd_impurity_d": { args in try noArguments("sd_impurity_d", args); return Expr.half * (try sdDerivation.get().gImpD) },
        "sd_form_residual": { args in
            guard args.count == 1 else { throw OperationError("sd_form_residual takes one argument (the marker symbol)", fix: "write sd_form_residual(w)") }
            return residualPolynomial(try sdDerivation.get().residual, args[0])
        },
        "ld0_matrix": { args in
            guard args.count == 2, let i = args[0].integerValue, let j = args[1].integerValue, (1...4).contains(i), (1...4).contains(j) else {
                throw OperationError("ld0_matrix(i, j) needs integers 1…4", fix: "e.g. ld0_matrix(2, 4)")
            }
            return try localized().populationMatrixEntry(i - 1, j - 1)
        },
        "ld0_right_eigenvalue": { args in try eigenvalue(args, left: false) },
        "ld0_left_eigenvalue": { args in try eigenvalue(args, left: true) },
        "ld0_overlap": { args in
            guard let m = args.first?.integerValue, args.count == 1 + 3 * m + 3 * ((args.count - 1 - 3 * m) / 3), (args.count - 1) % 3 == 0 else {
                throw OperationError("ld0_overlap(m, l-triples, r-triples): m then 3m numbers then the r triples", fix: "e.g. ld0_overlap(1, 1,1,1, 1,1,1/2)")
            }
            let ld = try localized()
            let l = ld.operatorVector(try triples(Array(args[1..<(1 + 3 * m)])))
            let r = ld.operatorVector(try triples(Array(args[(1 + 3 * m)...])))
            return Vectorization.inner(l, r)
        },
        "eom_spin": { args in
            let i = try component(args, "eom_spin")
            return try SpinEquationOfMotion.rate(try SpinEquationOfMotion.masterEquation4(), component: i)
        },
        "eom_spin_first_order": { args in
            let i = try component(args, "eom_spin_first_order")
            return try SpinEquationOfMotion.rate(try SpinEquationOfMotion.firstOrderKeldysh(), component: i)
        },
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
        "model_trace_defect": { args in
            guard args.count == 1 else { throw OperationError("model_trace_defect(w) takes the marker symbol", fix: "model_trace_defect(w)") }
            let model = try AndersonImpurityModel<Expr>(epsD: Expr.symbol("ed", .real), hubbardU: Expr.symbol("U", .positive),
                                                        kappa: Expr.symbol("kappa", .positive), v: Expr.symbol("v", .complex),
                                                        levels: [.init(energy: Expr.symbol("ek", .real), filled: true)])
            return residualPolynomial(try model.full().traceDefect, args[0])
        },
        "sector_escape_rate": { args in
            guard args.count == 1, let s = args[0].integerValue, s == 0 || s == 3 else {
                throw OperationError("sector_escape_rate(s) needs s = 0 (vacant) or 3 (doubly occupied)", fix: "sector_escape_rate(3)")
            }
            return try SectorDynamics.escapeRate(doubly: s == 3)
        },
        "spin_flip_count": { args in
            guard args.count == 1, let c = args[0].integerValue, c == 0 || c == 1 else {
                throw OperationError("spin_flip_count(c) needs c = 1 (correlated) or 0 (independent)", fix: "spin_flip_count(1)")
            }
            return Expr(try SpinEquationOfMotion.spinFlipCount(correlated: c == 1))
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

    static func noArguments(_ name: String, _ args: [Expr]) throws {
        if !args.isEmpty { throw OperationError("\(name) takes no arguments", fix: "write \(name)()") }
    }
    static func component(_ args: [Expr], _ name: String) throws -> Int {
        guard args.count == 1, let i = args[0].integerValue, (1...3).contains(i) else {
            throw OperationError("\(name)(i) needs i = 1, 2 or 3", fix: "e.g. \(name)(3)")
        }
        return i
    }
    static func localized() throws -> LocalizedLindbladian {
        try LocalizedLindbladian(epsD: Expr.symbol("ed", .real), hubbardU: Expr.symbol("U", .positive),
                                 kappa: Expr.symbol("kappa", .positive), delta: delta)
    }
    static func triples(_ a: [Expr]) throws -> [(Int, Int, Expr)] {
        guard a.count % 3 == 0 else { throw OperationError("operator given by (i, j, coefficient) triples: \(a.count) numbers is not a multiple of 3") }
        return try stride(from: 0, to: a.count, by: 3).map { k in
            guard let i = a[k].integerValue, let j = a[k + 1].integerValue, (0...3).contains(i), (0...3).contains(j) else {
                throw OperationError("state labels must be 0 (∅), 1 (↑), 2 (↓) or 3 (↑↓)", fix: "e.g. 3, 3, 1 for |↑↓⟩⟨↑↓|")
            }
            return (i, j, a[k + 2])
        }
    }
    /// Σ_k R_k w^{k'} with k' the rank of component k (small exponents).
    static func residualPolynomial(_ r: [Int: Expr], _ w: Expr) -> Expr {
        var s = Expr.zero
        for (rank, k) in r.keys.sorted().enumerated() { s = s + r[k]! * Expr.pow(w, Expr(rank + 1)) }
        return s
    }
    static func eigenvalue(_ args: [Expr], left: Bool) throws -> Expr {
        let ld = try localized()
        let x = ld.operatorVector(try triples(args))
        guard let k = x.keys.sorted().first else { throw OperationError("the zero operator has no eigenvalue") }
        // λ from the first component: (ℒr)_k = λ r_k, or (l†ℒ)_k = λ (l†)_k.
        let image: Expr
        let ref: Expr
        if left {
            var s = Expr.zero
            for (kk, c) in x { s = s + Expr.conj(c) * ld.superoperator.matrix[kk, k] }
            image = s; ref = Expr.conj(x[k]!)
        } else {
            image = ld.superoperator.apply(x)[k] ?? .zero; ref = x[k]!
        }
        let lambda = image / ref
        let residual = left ? ld.leftResidual(lambda, x) : ld.rightResidual(lambda, x)
        return lambda + residualPolynomial(residual, w)
    }
}
