import Symbolic
import Grassmann

extension OneModeKeldyshChain {
    /// The slice index of AX(S40) that carries time t_j (j = 1…N) on a branch. The exponent of AX(S40)
    /// closes the contour with ψ̄_{1,−}ψ_{N,+} (t_f) and ζψ̄_{1,+}ψ_{N,−} (t₀), so the backward branch is
    /// labelled from t_f (slice 1) down to t₀ (slice N): slice = N + 1 − j there.
    public func slice(_ branch: ContourBranch, time j: Int) -> Int { branch == .minus ? slices + 1 - j : j }

    /// The contour Green's function G_{ss'}(t_j, t_k) = −i⟨ψ_s(t_j) ψ̄_{s'}(t_k)⟩ (AX(S49)–(S52)) of the
    /// discrete chain, exactly (j, k are time indices, see `slice(_:time:)`): with e^{−ψ̄Mψ} normalised, ⟨ψ_a ψ̄_b⟩ = (M⁻¹)_{ab} (checked against Berezin
    /// integration in the tests), M = M(ζ) with ζ = −n₀/(1 − n₀). Nil when n₀ = 1 or M is singular.
    public func contourGreensFunction(_ s: ContourBranch, _ j: Int, _ sPrime: ContourBranch, _ k: Int,
                                      occupation n0: GaussianRational) -> GaussianRational? {
        guard n0 != .one else { return nil }
        let zeta = -n0 / (.one - n0)
        let elimination = SparseElimination(size: dimension, entries: kernelEntries(zeta: zeta))
        var unit = [GaussianRational](repeating: .zero, count: dimension)
        unit[index(sPrime, slice(sPrime, time: k))] = .one
        guard let column = elimination.solve(unit) else { return nil }
        return -GaussianRational.i * column[index(s, slice(s, time: j))]
    }

    /// All four G_{ss'}(t_j, t_k) and the rotated functions of AX(S53)–(S55): with ψ_{c,q} = (ψ₊ ± ψ₋)/√2,
    /// G^K = G_cc = ½ Σ_{ss'} G_{ss'}, G^R = G_cq = ½(G₊₊ − G₊₋ + G₋₊ − G₋₋),
    /// G^A = G_qc = ½(G₊₊ + G₊₋ − G₋₊ − G₋₋), G_qq = ½(G₊₊ − G₊₋ − G₋₊ + G₋₋).
    public func greensFunctions(_ j: Int, _ k: Int, occupation n0: GaussianRational) -> DiscreteGreensFunctions? {
        guard let pp = contourGreensFunction(.plus, j, .plus, k, occupation: n0),
              let pm = contourGreensFunction(.plus, j, .minus, k, occupation: n0),
              let mp = contourGreensFunction(.minus, j, .plus, k, occupation: n0),
              let mm = contourGreensFunction(.minus, j, .minus, k, occupation: n0) else { return nil }
        return DiscreteGreensFunctions(plusPlus: pp, plusMinus: pm, minusPlus: mp, minusMinus: mm)
    }
}

/// The four contour Green's functions at one pair of slices, and their Keldysh rotation (AX(S55)).
public struct DiscreteGreensFunctions: Sendable, Equatable {
    /// G₊₊ (time-ordered), G₊₋ (lesser), G₋₊ (greater), G₋₋ (anti-time-ordered).
    public var plusPlus, plusMinus, minusPlus, minusMinus: GaussianRational
    static let half = GaussianRational(BigRational(1, 2))
    /// G^K = G_cc.
    public var keldysh: GaussianRational { Self.half * (plusPlus + plusMinus + minusPlus + minusMinus) }
    /// G^R = G_cq.
    public var retarded: GaussianRational { Self.half * (plusPlus - plusMinus + minusPlus - minusMinus) }
    /// G^A = G_qc.
    public var advanced: GaussianRational { Self.half * (plusPlus + plusMinus - minusPlus - minusMinus) }
    /// G_qq, which vanishes by causality (AX(S55d)).
    public var quantumQuantum: GaussianRational { Self.half * (plusPlus - plusMinus - minusPlus + minusMinus) }
}
