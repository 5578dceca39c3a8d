import Symbolic

/// The momentum sums of the second-order action in terms of the three kernels of AX(S205)–(S207),
/// with x = ε₊ − ε₋, ε± = ε_{k±q/2}, F^< = −f, F^> = 1 − f (AX(S186)):
///
///     P_{uv} ≡ Σ_{k,q} cos(q·R) F₊^u F₋^v P(1/x),     D_{uv} ≡ Σ_{k,q} cos(q·R) πδ(x) F₊^u F₋^v,
///
///     f_RKKY = −½ Σ cos(q·R) (F₊^>F₋^< − F₊^<F₋^>)/x = −½ (P_{><} − P_{<>})      (S205)
///     m_dis  = −½ Σ cos(q·R) πδ(x) (F₊^>F₋^< + F₊^<F₋^>) = −½ (D_{><} + D_{<>})  (S206)
///     h_dis  =  ½ Σ cos(q·R) 2πδ(x) F₊^<F₋^< = D_{<<}                            (S207)
///
/// Under q → −q (k fixed) cos(q·R) is even and ε₊ ↔ ε₋, F₊ ↔ F₋, so P_{uv} = −P_{vu} (P(1/x) is odd)
/// and D_{uv} = D_{vu} (δ is even). Hence P_{<<} = P_{>>} = 0, P_{><} = −f_RKKY, P_{<>} = f_RKKY,
/// D_{><} = D_{<>} = −m_dis, D_{<<} = h_dis. D_{>>} = Σ cos(q·R) πδ(x)(1 − f₊)(1 − f₋) is not one of
/// the paper's kernels; it is kept as its own symbol (`hGreater`), so that a term needing it shows.
public struct MomentumKernels: Sendable {
    public enum Occupation: Sendable, Hashable { case lesser, greater }

    public var fRKKY: Expr
    public var mDis: Expr
    public var hDis: Expr
    public var hGreater: Expr

    public init(fRKKY: Expr, mDis: Expr, hDis: Expr, hGreater: Expr) {
        self.fRKKY = fRKKY; self.mDis = mDis; self.hDis = hDis; self.hGreater = hGreater
    }

    /// P_{uv}.
    public func principal(_ u: Occupation, _ v: Occupation) -> Expr {
        switch (u, v) {
        case (.greater, .lesser): return -fRKKY
        case (.lesser, .greater): return fRKKY
        default: return .zero
        }
    }

    /// D_{uv}.
    public func delta(_ u: Occupation, _ v: Occupation) -> Expr {
        switch (u, v) {
        case (.lesser, .lesser): return hDis
        case (.greater, .greater): return hGreater
        default: return -mDis
        }
    }

    /// Σ_{k,q} cos(q·R) F₊^u F₋^v / (x − side·iδ) = P_{uv} + side·i D_{uv} (Sokhotski–Plemelj,
    /// 1/(x ∓ iδ) = P(1/x) ± iπδ(x)).
    public func markovian(_ u: Occupation, _ v: Occupation, side: Int) -> Expr {
        principal(u, v) + Expr(side) * Expr.i * delta(u, v)
    }
}

/// The momentum sums of the gradient (Gilbert) term, with second-order poles, AX(S216)–(S221):
///
///     Σ_{k,q} F₊^u F₋^v / (x − σiδ)² = P2_{uv} − σ i D′_{uv},   1/(x − σiδ)² = FP(1/x²) − σiπδ′(x)
///
/// (the derivative of 1/(x − σiδ) = P(1/x) + σiπδ(x)), with P2_{uv} = Σ F₊^uF₋^v FP(1/x²) and
/// D′_{uv} = Σ F₊^uF₋^v πδ′(x). Under q → −q, x → −x and u ↔ v: FP(1/x²) is even, so P2 is symmetric;
/// δ′ is odd, so D′ is antisymmetric and D′_{<<} = D′_{>>} = 0. With f₊ − f₋ = xφ (φ = (f₊ − f₋)/x,
/// regular at x = 0) and xδ′(x) = −δ(x):
///
///     D′_{<>} = ½(D′_{<>} − D′_{><}) = ½ Σ πδ′(x)(f₋ − f₊) = −½ Σ π xδ′(x) φ = ½ Σ πδ(x) φ = ½ A,
///
/// A ≡ Σ_{k,q} πδ(ε₊ − ε₋)(f₊ − f₋)/(ε₊ − ε₋) (π times the sum of AX(S221), `alpha_sum0`, `alpha_sumT` of derivations/integrals.md).
/// The principal parts P2 are kept as symbols.
public struct GradientKernels: Sendable {
    public var a: Expr
    public var p2LesserLesser: Expr
    public var p2GreaterGreater: Expr
    public var p2Mixed: Expr

    public init(a: Expr, p2LesserLesser: Expr, p2GreaterGreater: Expr, p2Mixed: Expr) {
        self.a = a; self.p2LesserLesser = p2LesserLesser; self.p2GreaterGreater = p2GreaterGreater; self.p2Mixed = p2Mixed
    }

    public func principal(_ u: MomentumKernels.Occupation, _ v: MomentumKernels.Occupation) -> Expr {
        switch (u, v) {
        case (.lesser, .lesser): return p2LesserLesser
        case (.greater, .greater): return p2GreaterGreater
        default: return p2Mixed
        }
    }

    /// D′_{uv}.
    public func deltaPrime(_ u: MomentumKernels.Occupation, _ v: MomentumKernels.Occupation) -> Expr {
        switch (u, v) {
        case (.lesser, .greater): return a * .half
        case (.greater, .lesser): return -a * .half
        default: return .zero
        }
    }

    /// Σ F₊^u F₋^v/(x − side·iδ)².
    public func secondPole(_ u: MomentumKernels.Occupation, _ v: MomentumKernels.Occupation, side: Int) -> Expr {
        principal(u, v) - Expr(side) * Expr.i * deltaPrime(u, v)
    }
}
