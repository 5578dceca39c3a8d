/// The model of the paper for one impurity (site a = 0 at R_a = 0) and a finite set of spinful
/// conduction levels: NC(1)–(3) = AX(S83)–(S88).
///   H_0  = Σ_{kσ} ε_k c_{kσ}† c_{kσ} + Σ_σ ε_d d_σ† d_σ + U n_↑ n_↓            (NC(1))
///   H_cd = Σ_σ [v d_σ† c_{Rσ} + v* c_{Rσ}† d_σ],  c_{Rσ} = Σ_k c_{kσ}           (NC(2), R = 0)
///   ℒρ   = −i[H_0 + H_cd, ρ] + Σ_σ κ 𝒟[d_σ P_↑↓] ρ                            (NC(3))
/// split as ℒ_0 = −i[H_0, ·] + Σ_σ κ𝒟[d_σ P_↑↓] (NC(13), (14)) and ℒ_1 = −i[H_cd, ·] (NC(12)).
/// Mode order (Jordan–Wigner): d_↑, d_↓, then c_{0↑}, c_{0↓}, c_{1↑}, ….
public struct AndersonImpurityModel<C: OperatorCoefficient>: Sendable {
    /// A conduction level: its energy ε_k and whether it is filled in the Fermi sea |F⟩.
    public struct Level: Sendable {
        public var energy: C
        public var filled: Bool
        public init(energy: C, filled: Bool) { self.energy = energy; self.filled = filled }
    }
    public let epsD: C, hubbardU: C, kappa: C, v: C
    public let levels: [Level]
    public let space: FockSpace
    public let h0: FermionOperator<C>
    public let hcd: FermionOperator<C>

    public init(epsD: C, hubbardU: C, kappa: C, v: C, levels: [Level]) throws {
        self.epsD = epsD; self.hubbardU = hubbardU; self.kappa = kappa; self.v = v; self.levels = levels
        var modes: [Mode] = [.d(.up), .d(.down)]
        for k in levels.indices { modes += [.c(k, .up), .c(k, .down)] }
        space = try FockSpace(modes)
        var h = FermionOperator<C>.zero
        for (k, l) in levels.enumerated() { for s in Spin.allCases { h += l.energy * .number(.c(k, s)) } }
        for s in Spin.allCases { h += epsD * .number(.d(s)) }
        h += hubbardU * (FermionOperator<C>.number(.d(.up)) * .number(.d(.down)))
        h0 = h
        var m = FermionOperator<C>.zero
        for s in Spin.allCases {
            let cR: FermionOperator<C> = ImpurityOperators.conductionAt(s, levels: Array(levels.indices))
            m += v * (FermionOperator<C>.creation(.d(s)) * cR)
            m += v.conjugated * (cR.adjoint * .annihilation(.d(s)))
        }
        hcd = m
    }

    public var dimension: Int { space.dimension }
    public var levelIndices: [Int] { Array(levels.indices) }

    /// Jump operators κ: d_σ P_↑↓ (NC(3)).
    public func jumps() throws -> [Lindbladian<C>.Jump] {
        let p: FermionOperator<C> = ImpurityOperators.doubleProjector()
        return try Spin.allCases.map { .init(rate: kappa, try space.matrix(.annihilation(.d($0)) * p)) }
    }
    /// ℒ_0 (NC(13)+(14)).
    public func unperturbed() throws -> SuperOperator<C> {
        Lindbladian(hamiltonian: try space.matrix(h0), jumps: try jumps()).superoperator
    }
    /// ℒ_1 = −i[H_cd, ·] (NC(12)).
    public func perturbation() throws -> SuperOperator<C> { SuperOperator.commutator(try space.matrix(hcd)) }
    /// ket part ρ ↦ −iH_cd ρ and bra part ρ ↦ iρH_cd of ℒ_1.
    public func perturbationParts() throws -> (ket: SuperOperator<C>, bra: SuperOperator<C>) {
        let h = try space.matrix(hcd)
        return ((-C.imaginaryUnit) * .left(h), C.imaginaryUnit * .right(h))
    }
    /// The full Lindbladian ℒ of NC(3).
    public func full() throws -> Lindbladian<C> {
        Lindbladian(hamiltonian: try space.matrix(h0 + hcd), jumps: try jumps())
    }

    /// Number of localized (d) and conduction (c) electrons in Fock basis state n.
    public func occupations(_ n: Int) -> (d: Int, c: Int) {
        let d = (n & 3).nonzeroBitCount
        return (d, (n >> 2).nonzeroBitCount)
    }
    /// Slow modes of ℒ_0 (NC(15) discussion, Table I, AX(S109)): |i⟩⟨j| with the same number of
    /// localized electrons and the same number of conduction electrons in ket and bra.
    public func isSlow(_ vecIndex: Int) -> Bool {
        let d = dimension
        let a = occupations(vecIndex % d), b = occupations(vecIndex / d)
        return a == b
    }
    /// The Fermi sea |F⟩ of the listed levels (filled levels doubly occupied) with impurity
    /// occupation `impurity` (a subset of d modes).
    public func fermiState(impurity: [Spin]) throws -> Int {
        var occ: [Mode] = impurity.map { .d($0) }
        for (k, l) in levels.enumerated() where l.filled { occ += [.c(k, .up), .c(k, .down)] }
        return try space.state(occupied: occ)
    }
    /// vec(|i⟩⟨j|).
    public func outer(_ i: Int, _ j: Int) -> [Int: C] { [Vectorization.index(row: i, column: j, dimension: dimension): .one] }
}

extension AndersonImpurityModel where C == ComplexDouble {
    /// The full Liouvillian ℒ of NC(3) as a CSR matrix, built directly (`LiouvillianAssembly`) from the
    /// Fock matrices of the model's fermion polynomials: equal entrywise, up to rounding, to
    /// `full().superoperator.matrix`. `matrices.liouvillian()` builds the same matrix from the
    /// parameters with bit masks, without the polynomials (`AndersonImpurityMatrices`).
    public func compressedLiouvillian() throws -> CompressedSparseMatrix {
        let p: FermionOperator<ComplexDouble> = ImpurityOperators.doubleProjector()
        let jumps = try Spin.allCases.map { LiouvillianAssembly.Jump(rate: kappa, try space.compressedMatrix(.annihilation(.d($0)) * p)) }
        return LiouvillianAssembly.matrix(hamiltonian: try space.compressedMatrix(h0 + hcd), jumps: jumps)
    }
}
