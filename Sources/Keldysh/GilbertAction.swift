import Symbolic

/// The first non-Markovian correction of the second-order action, the Gilbert term, AX(S179), (S181),
/// (S216)–(S220):
///
///     S_Gilbert = (i/2) ∫dt_g ∫dτ (τ/2) Σ_{k,q} { tr_{σ,s}[∂Σ G₀(k + q/2, τ) Σ G₀(k − q/2, −τ)]
///                                                − tr_{σ,s}[Σ G₀(k + q/2, τ) ∂Σ G₀(k − q/2, −τ)] },
///
/// the gradient expansion Σ(t_g ± τ/2) ≈ Σ(t_g) ± (τ/2)∂Σ of AX(S179). As in the paper:
/// the light-induced vertex is left out (Σ^{−+} = 0, after AX(S216)), and only the local part is
/// kept (q = 0 in the self-energy, one site: "we ignore the non-local contribution"). The engine
/// then does the Keldysh trace, the split of G₀ into θ(±τ)G^{<,>} (AX(S183)), the first-moment τ
/// integrals (`ConductionTimeIntegral`, power 1, times the weight ½ of τ/2), the momentum sums with
/// second-order poles (`GradientKernels`), and ∫dt tr[∂X Y] = −∫dt tr[X ∂Y].
public struct GilbertAction: Sendable {
    /// C^{++} and C^{−−} of Σ_a^{ss} = C^{ss}𝔻_a^{ss}.
    public var plusPlus: Expr
    public var minusMinus: Expr
    public var kernels: GradientKernels
    public var site: Symbol

    public init(plusPlus: Expr, minusMinus: Expr, kernels: GradientKernels, site: Symbol = Symbol("a", .real)) {
        self.plusPlus = plusPlus; self.minusMinus = minusMinus; self.kernels = kernels; self.site = site
    }

    /// The action (∫dt implied) as a site sum over the one site, written with `trDdt` atoms.
    public func action() throws -> SitePairSum {
        var sum = SitePairSum()
        let c: [Int: Expr] = [1: plusPlus, -1: minusMinus]
        for s1 in [1, -1] {
            for s3 in [1, -1] {
                let (c1, c2) = (c[s1]!, c[s3]!)
                if c1 == .zero || c2 == .zero { continue }
                for side in [1, -1] {
                    let u = MarkovianSecondOrderAction.component(s1, s3, timeSign: side)     // G^{s2 s3}(k + q/2, τ), s2 = s1
                    let v = MarkovianSecondOrderAction.component(s3, s1, timeSign: -side)    // G^{s4 s1}(k − q/2, −τ), s4 = s3
                    let moment = ConductionTimeIntegral.poleCoefficient(power: 1, side: side) * .half
                    let coefficient = Expr.i * .half * c1 * c2 * moment * kernels.secondPole(u, v, side: side)
                    // (τ/2)[tr(∂X Y) − tr(X ∂Y)] = −2 tr(X ∂Y) under ∫dt.
                    let trace = SpinTrace(.init(site: site, left: s1, right: s1, shift: 0),
                                          .init(site: site, left: s3, right: s3, shift: 0), derivativeOnSecond: true)
                    try sum.add(-2 * coefficient, trace)
                }
            }
        }
        return sum
    }
}
