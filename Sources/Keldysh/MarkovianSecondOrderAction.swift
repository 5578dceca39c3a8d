import Symbolic

/// The Markovian part of the second-order effective action of the localized electrons after the
/// conduction electrons are integrated out, AX(S178)–(S182), (S190), (S197):
///
///     S^RKKY = (i/2) ∫dt Σ_{k,q} Σ_{s1…s4} ∫dτ G₀^{s2 s3}(k + q/2, τ) G₀^{s4 s1}(k − q/2, −τ)
///              · tr_σ[Σ^{s1 s2}_{k+q,k}(t ± δ) Σ^{s3 s4}_{k−q,k}(t ∓ δ)],
///
/// the upper signs for τ > 0 (the first self-energy is the later one, t_g + τ/2 of AX(S179)), the
/// lower for τ < 0. The engine carries out each step:
/// 1. the Keldysh-space trace (s1…s4 over ±; terms with Σ^{+−} = 0 drop out, AX(S182));
/// 2. G₀^{ss'} split into θ(±τ) times lesser/greater functions, AX(S183) (`component`);
/// 3. the τ integral of each product, `ConductionTimeIntegral` (AX(S187), (S188));
/// 4. Σ_{k+q,k}(t) = Σ_a e^{iq·R_a} Σ_a(t) (AX(S192)); with an even dispersion the summand is
///    symmetric under (k, q) → (−k, −q), so e^{iq·R_ab} → cos(q·R_ab) (AX(S191));
/// 5. 1/(x ∓ iδ) = P/x ± iπδ(x) and the momentum sums reduced to f_RKKY, m_dis, h_dis (`MomentumKernels`);
/// 6. the site-pair sum brought to canonical form (`SitePairSum`).
///
/// The self-energy of each site is Σ_a^{ss'}(t) = c^{ss'}_a 𝔻_a^{ss'}(t) (AX(S158)–(S164), (S193)–(S196));
/// the caller gives the coefficients c^{ss'}_a in the symbols of site a (suffix `_a`), and site b's
/// are obtained by renaming (`SitePairSum.relabel`).
public struct MarkovianSecondOrderAction: Sendable {
    /// c^{ss'}_a for (s, s') = (+,+), (−,−), (−,+), (+,−).
    public var selfEnergy: [Int: [Int: Expr]]
    public var kernels: MomentumKernels
    /// The site symbols a and b.
    public var sites: (Symbol, Symbol)

    public init(plusPlus: Expr, minusMinus: Expr, minusPlus: Expr, plusMinus: Expr, kernels: MomentumKernels,
                sites: (Symbol, Symbol) = (Symbol("a", .real), Symbol("b", .real))) {
        selfEnergy = [1: [1: plusPlus, -1: plusMinus], -1: [1: minusPlus, -1: minusMinus]]
        self.kernels = kernels
        self.sites = sites
    }

    /// Which of G^< or G^> the contour function G₀^{s s'}(τ) is for the given sign of τ, AX(S183):
    /// G^{++} = θ(τ)G^> + θ(−τ)G^<, G^{−−} = θ(−τ)G^> + θ(τ)G^<, G^{+−} = G^<, G^{−+} = G^>.
    public static func component(_ s: Int, _ sp: Int, timeSign: Int) -> MomentumKernels.Occupation {
        switch (s, sp) {
        case (1, 1): return timeSign > 0 ? .greater : .lesser
        case (-1, -1): return timeSign > 0 ? .lesser : .greater
        case (1, -1): return .lesser
        default: return .greater
        }
    }

    /// The action as a canonical site-pair sum of spin traces (∫dt implied).
    public func action() throws -> SitePairSum {
        let (a, b) = sites
        var sum = SitePairSum()
        let branches = [1, -1]
        for s1 in branches { for s2 in branches { for s3 in branches { for s4 in branches {
            let ca = selfEnergy[s1]![s2]!, cb = SitePairSum.relabel(selfEnergy[s3]![s4]!, a, b)
            if ca == .zero || cb == .zero { continue }
            for side in [1, -1] {
                let u = Self.component(s2, s3, timeSign: side)      // G^{s2 s3}(k + q/2, τ)
                let v = Self.component(s4, s1, timeSign: -side)     // G^{s4 s1}(k − q/2, −τ)
                let pole = ConductionTimeIntegral.poleCoefficient(power: 0, side: side)
                let coefficient = Expr.i * Expr.half * ca * cb * pole * kernels.markovian(u, v, side: side)
                let trace = SpinTrace(.init(site: a, left: s1, right: s2, shift: side),
                                      .init(site: b, left: s3, right: s4, shift: -side))
                try sum.add(coefficient, trace)
            }
        }}}}
        return sum
    }
}
