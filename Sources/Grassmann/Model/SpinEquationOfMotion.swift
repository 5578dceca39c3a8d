import Symbolic

/// Spin dynamics from a Lindbladian through its adjoint: d⟨S_i⟩/dt = tr[ρ ℒ†S_i] (NC(5), AX(S177)),
/// evaluated in a product state of one impurity and one spinful conduction level at R = 0.
///
/// Assumptions (stated, not hidden): ρ = ρ_d ⊗ ρ_c with
///   ρ_d = ½(|↑⟩⟨↑| + |↓⟩⟨↓|) + ½ Σ_i S_i σ_i   (singly occupied; ⟨S_i⟩ = S_i, symbols S1, S2, S3)
///   ρ_c = (1 − q − p2)|0⟩⟨0| + ½(q 1 + Σ_i t_i σ_i)|_{one electron} + p2 |↑↓⟩⟨↑↓|
/// (⟨τ_i(R)⟩ = t_i, symbols t1, t2, t3; ⟨Σ_σ c_σ†c_σ⟩ = q + 2 p2). Both factors are even, so the
/// Jordan–Wigner matrix of ρ is the Kronecker product. Symbols g, gamma, kappa, n are real.
public enum SpinEquationOfMotion {
    public static let S = (1...3).map { Expr.symbol("S\($0)", .real) }
    public static let t = (1...3).map { Expr.symbol("t\($0)", .real) }
    public static let q = Expr.symbol("q", .real), p2 = Expr.symbol("p2", .real)
    public static let g = Expr.symbol("g", .real), gamma = Expr.symbol("gamma", .real)
    public static let kappa = Expr.symbol("kappa", .positive), n = Expr.symbol("n", .real)

    static let space = try! FockSpace([.d(.up), .d(.down), .c(0, .up), .c(0, .down)])

    /// The 4 × 4 single-site density matrix in the local basis (0 = empty, 1 = ↑, 2 = ↓, 3 = ↑↓).
    static func local(empty: Expr, single: Expr, spin: [Expr], double: Expr) -> [[Expr]] {
        var m = [[Expr]](repeating: [Expr](repeating: .zero, count: 4), count: 4)
        m[0][0] = empty; m[3][3] = double
        // ½(single·1 + s·σ) on (↑, ↓) = local indices (1, 2)
        m[1][1] = Expr.half * (single + spin[2]); m[2][2] = Expr.half * (single - spin[2])
        m[1][2] = Expr.half * (spin[0] - Expr.i * spin[1]); m[2][1] = Expr.half * (spin[0] + Expr.i * spin[1])
        return m
    }

    /// ρ = ρ_d ⊗ ρ_c in the Jordan–Wigner basis (bits: d↑, d↓, c↑, c↓).
    public static func productState() -> SparseMatrix<Expr> {
        let rd = local(empty: .zero, single: .one, spin: S, double: .zero)
        let rc = local(empty: 1 - q - p2, single: q, spin: t, double: p2)
        var rho = SparseMatrix<Expr>(rows: 16, columns: 16)
        for a in 0..<4 { for b in 0..<4 { for c in 0..<4 { for d in 0..<4 {
            let x = rd[a][b] * rc[c][d]
            if !x.isZero { rho[a | (c << 2), b | (d << 2)] = x }
        } } } }
        return rho
    }

    static func trace(_ a: SparseMatrix<Expr>, _ b: SparseMatrix<Expr>) -> Expr {
        var s = Expr.zero
        for (i, j, x) in a.entries { s = s + x * b[j, i] }
        return s
    }

    /// The Lindbladian of NC(4) for one impurity: −i[H_sd, ·] + γ𝒟[Σ_σ d_σ†c_σ P_s] + Σ_σ κ𝒟[d_σ P_↑↓],
    /// H_sd = −(g/2) P_s τ·S P_s.
    public static func masterEquation4() throws -> Lindbladian<Expr> {
        typealias Op = FermionOperator<Expr>
        let ps: Op = ImpurityOperators.singleProjector(), p2op: Op = ImpurityOperators.doubleProjector()
        var tauS = Op.zero
        for i in 1...3 { tauS += ImpurityOperators.conductionSpin(i, levels: [0]) * ImpurityOperators.localizedSpin(i) }
        var j = Op.zero
        for s in Spin.allCases { j += Op.creation(.d(s)) * .annihilation(.c(0, s)) }
        var jumps: [Lindbladian<Expr>.Jump] = [.init(rate: gamma, try space.matrix(j * ps))]
        for s in Spin.allCases { jumps.append(.init(rate: kappa, try space.matrix(Op.annihilation(.d(s)) * p2op))) }
        return Lindbladian(hamiltonian: try space.matrix(Expr(BigRational(-1, 2)) * g * (ps * tauS * ps)), jumps: jumps)
    }

    /// ℒ^{(1)}_eff of AX(S176) without the Hartree term: Σ_σ γ n 𝒟[d_σ† P_s].
    public static func firstOrderKeldysh() throws -> Lindbladian<Expr> {
        typealias Op = FermionOperator<Expr>
        let ps: Op = ImpurityOperators.singleProjector()
        let jumps = try Spin.allCases.map { Lindbladian<Expr>.Jump(rate: gamma * n, try space.matrix(Op.creation(.d($0)) * ps)) }
        return Lindbladian(hamiltonian: SparseMatrix(rows: 16, columns: 16), jumps: jumps)
    }

    /// d⟨S_i⟩/dt = tr[ρ ℒ†S_i] for i = 1, 2, 3 in the product state above.
    public static func rate(_ l: Lindbladian<Expr>, component i: Int) throws -> Expr {
        let s = try space.matrix(ImpurityOperators.localizedSpin(i) as FermionOperator<Expr>)
        return trace(productState(), l.heisenberg(s))
    }

    /// Number of distinct spin-flip coherences |σ⟩⟨σ'| (σ ≠ σ', singly occupied impurity) that a
    /// dissipator creates from |↓⟩⟨↓| ⊗ ρ_c, ρ_c diagonal with symbolic occupations (AX(S140)–(S142)).
    /// `correlated`: 𝒟[Σ_σ d_σ†c_σ]; otherwise Σ_σ 𝒟[d_σ†c_σ].
    public static func spinFlipCount(correlated: Bool) throws -> Int {
        typealias Op = FermionOperator<Expr>
        let pUp = Expr.symbol("pu", .real), pDown = Expr.symbol("pd", .real)
        let rd = local(empty: .zero, single: .one, spin: [.zero, .zero, -1], double: .zero)  // |↓⟩⟨↓|
        var rc = local(empty: 1 - pUp - pDown - p2, single: .zero, spin: [.zero, .zero, .zero], double: p2)
        rc[1][1] = pUp; rc[2][2] = pDown
        var rho = SparseMatrix<Expr>(rows: 16, columns: 16)
        for a in 0..<4 { for b in 0..<4 { for c in 0..<4 { for d in 0..<4 {
            let x = rd[a][b] * rc[c][d]
            if !x.isZero { rho[a | (c << 2), b | (d << 2)] = x }
        } } } }
        var out = SparseMatrix<Expr>(rows: 16, columns: 16)
        let ops = Spin.allCases.map { Op.creation(.d($0)) * .annihilation(.c(0, $0)) }
        if correlated {
            out = Lindbladian(hamiltonian: SparseMatrix(rows: 16, columns: 16), jumps: [.init(rate: .one, try space.matrix(ops[0] + ops[1]))])(rho)
        } else {
            out = Lindbladian(hamiltonian: SparseMatrix(rows: 16, columns: 16), jumps: try ops.map { .init(rate: .one, try space.matrix($0)) })(rho)
        }
        var kinds = Set<[Int]>()
        for (i, j, _) in out.entries {
            let a = i & 3, b = j & 3
            if (a == 1 && b == 2) || (a == 2 && b == 1) { kinds.insert([a, b]) }
        }
        return kinds.count
    }
}
