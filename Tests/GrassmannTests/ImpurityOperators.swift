import Grassmann

/// Test fixture (moved out of the engine with issue 14): projectors and spin operators of a spinful
/// level d and of spinful conduction levels c_k, as fermion polynomials.
enum ImpurityOperators {
    /// n_{σ,a} = d_{σ,a}† d_{σ,a}.
    static func occupation<C>(_ s: Spin, site: Int = 0) -> FermionOperator<C> { .number(.d(s, site: site)) }

    /// P_∅^a = (1 − n_↑)(1 − n_↓): projector on the vacant state |∅⟩_a (AX(S83)).
    static func vacantProjector<C>(site: Int = 0) -> FermionOperator<C> {
        let one = FermionOperator<C>.identity
        return (one - occupation(.up, site: site)) * (one - occupation(.down, site: site))
    }
    /// P_s^a = n_↑ + n_↓ − 2 n_↑ n_↓: projector on the singly occupied states |↑⟩_a, |↓⟩_a (NC(4)).
    static func singleProjector<C>(site: Int = 0) -> FermionOperator<C> {
        let nu: FermionOperator<C> = occupation(.up, site: site), nd: FermionOperator<C> = occupation(.down, site: site)
        return nu + nd - C(integer: 2) * (nu * nd)
    }
    /// P_↑↓^a = n_↑ n_↓: projector on the doubly occupied state |↑↓⟩_a (NC(3)).
    static func doubleProjector<C>(site: Int = 0) -> FermionOperator<C> {
        occupation(.up, site: site) * occupation(.down, site: site)
    }

    /// Pauli matrix element (σ_i)_{ss'} for i = 1, 2, 3 (spin index ↑ = 0, ↓ = 1).
    static func pauli<C: OperatorCoefficient>(_ i: Int, _ s: Spin, _ t: Spin) -> C {
        switch (i, s, t) {
        case (1, .up, .down), (1, .down, .up): return .one
        case (2, .up, .down): return -C.imaginaryUnit
        case (2, .down, .up): return C.imaginaryUnit
        case (3, .up, .up): return .one
        case (3, .down, .down): return -C.one
        default: return .zero
        }
    }

    /// Spin bilinear Σ_{ss'} ψ_s† (σ_i)_{ss'} ψ_{s'} for a spinful pair of modes `mode(s)`.
    static func spinBilinear<C>(_ i: Int, _ mode: (Spin) -> Mode) -> FermionOperator<C> {
        var op = FermionOperator<C>.zero
        for s in Spin.allCases {
            for t in Spin.allCases {
                let p: C = pauli(i, s, t)
                if !p.isKnownZero { op += p * FermionOperator([.create(mode(s)), .annihilate(mode(t))]) }
            }
        }
        return op
    }

    /// Localized spin (S_a)_i = Σ_{σσ'} d_{σ,a}† (σ_i)_{σσ'} d_{σ',a}, i = 1, 2, 3 (NC(4), AX(S130)).
    static func localizedSpin<C>(_ i: Int, site: Int = 0) -> FermionOperator<C> {
        spinBilinear(i) { .d($0, site: site) }
    }

    /// c_{R,σ} = Σ_k e^{ik·R} c_{k,σ} for the listed levels with phases e^{ik·R} (AX(S86)); R = 0 gives Σ_k c_{k,σ}.
    static func conductionAt<C>(_ s: Spin, levels: [Int], phases: [C]? = nil) -> FermionOperator<C> {
        var op = FermionOperator<C>.zero
        for (n, k) in levels.enumerated() { op += (phases?[n] ?? .one) * .annihilation(.c(k, s)) }
        return op
    }

    /// Conduction spin τ_i(R) = Σ_{σσ'} c_{R,σ}† (σ_i)_{σσ'} c_{R,σ'} (AX(S131)); R = 0 with the given levels.
    static func conductionSpin<C>(_ i: Int, levels: [Int]) -> FermionOperator<C> {
        var op = FermionOperator<C>.zero
        for s in Spin.allCases {
            for t in Spin.allCases {
                let p: C = pauli(i, s, t)
                if p.isKnownZero { continue }
                op += p * (conductionAt(s, levels: levels).adjoint * conductionAt(t, levels: levels))
            }
        }
        return op
    }
}
