import Grassmann

/// A test fixture built with the generic operator API (not a model of the engine): one spinful level
/// d with ε_d and U, N spinful conduction levels c_k with energies ε_k, the mixing
/// Σ_σ [v d_σ† c_Rσ + v* c_Rσ† d_σ] with c_Rσ = Σ_k c_kσ, and the jumps √κ d_σ n_↑n_↓; modes in the
/// order d_↑, d_↓, c_0↑, c_0↓, ….
struct ImpurityFixture<C: OperatorCoefficient> {
    let space: FockSpace
    let h0: FermionOperator<C>
    let hcd: FermionOperator<C>
    let jumps: [FermionOperator<C>]
    let kappa: C

    init(epsD: C, hubbardU: C, kappa: C, v: C, levels: [C]) throws {
        var modes: [Mode] = [.d(.up), .d(.down)]
        for k in levels.indices { modes += [.c(k, .up), .c(k, .down)] }
        space = try FockSpace(modes)
        var h = FermionOperator<C>.zero
        for (k, e) in levels.enumerated() { for s in Spin.allCases { h += e * .number(.c(k, s)) } }
        for s in Spin.allCases { h += epsD * .number(.d(s)) }
        h += hubbardU * (FermionOperator<C>.number(.d(.up)) * .number(.d(.down)))
        h0 = h
        var m = FermionOperator<C>.zero
        for s in Spin.allCases {
            var cR = FermionOperator<C>.zero
            for k in levels.indices { cR += .annihilation(.c(k, s)) }
            m += v * (FermionOperator<C>.creation(.d(s)) * cR)
            m += v.conjugated * (cR.adjoint * .annihilation(.d(s)))
        }
        hcd = m
        let p = FermionOperator<C>.number(.d(.up)) * .number(.d(.down))
        jumps = Spin.allCases.map { FermionOperator<C>.annihilation(.d($0)) * p }
        self.kappa = kappa
    }

    var dimension: Int { space.dimension }
    /// −i[H_0, ·] + Σ_σ κ𝒟[d_σ n_↑n_↓].
    func unperturbed() throws -> SuperOperator<C> {
        Lindbladian(hamiltonian: try space.matrix(h0), jumps: try jumps.map { .init(rate: kappa, try space.matrix($0)) }).superoperator
    }
    /// −i[H_cd, ·].
    func perturbation() throws -> SuperOperator<C> { SuperOperator.commutator(try space.matrix(hcd)) }
    /// The full Lindbladian.
    func full() throws -> Lindbladian<C> {
        Lindbladian(hamiltonian: try space.matrix(h0 + hcd), jumps: try jumps.map { .init(rate: kappa, try space.matrix($0)) })
    }
}

extension ImpurityFixture where C == ComplexDouble {
    /// The full Liouvillian by the CSR assembly (`LiouvillianAssembly`).
    func compressedLiouvillian() throws -> CompressedSparseMatrix {
        LiouvillianAssembly.matrix(hamiltonian: try space.compressedMatrix(h0 + hcd),
                                   jumps: try jumps.map { LiouvillianAssembly.Jump(rate: kappa, try space.compressedMatrix($0)) })
    }
}

/// The two families of the tests' impurity models: a localized level d (declared first) and
/// conduction levels c_k — names for the test fixtures, not part of the engine.
extension Mode {
    static func d(_ spin: Spin, site: Int = 0) -> Mode { Mode("d", rank: 0, labels: site == 0 ? [] : [site], spin: spin) }
    static func c(_ k: Int, _ spin: Spin) -> Mode { Mode("c", rank: 1, labels: [k], spin: spin) }
}
