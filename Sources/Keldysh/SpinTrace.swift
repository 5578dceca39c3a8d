import Symbolic

/// The spin-space trace tr_σ[𝔻_x^{s1,s2}(t + τ₁δ) 𝔻_y^{s3,s4}(t + τ₂δ)] of two Keldysh bilinear
/// matrices, AX(S162)–(S164), (S197):
///
///     (𝔻_a^{++})_{μν} = d^+_{μ,a}(t+δ) d̄^+_{ν,a}(t−δ),   (𝔻_a^{−−})_{μν} = d^−_{μ,a}(t−δ) d̄^−_{ν,a}(t+δ),
///     (𝔻_a^{−+})_{μν} = d^−_{μ,a}(t) d̄^+_{ν,a}(t).
///
/// The outer shifts τ₁, τ₂ ∈ {−1, 0, 1} (t ± δ of AX(S190), (S197)) order the two matrices in time.
///
/// In the text syntax a trace is the atom `trD(x, s1, s2, tau1, y, s3, s4, tau2)` (sites x, y are the
/// symbols `a`, `b`; s = 1 for +, −1 for −). Canonical form (`canonical`):
/// - the trace is symmetric, tr[XY] = tr[YX] (the entries of 𝔻 are Grassmann-even), so the factor of
///   site `a` is written first;
/// - a trace of 𝔻^{++} with 𝔻^{−−} has its outer shifts dropped: the two factors live on different
///   branches of the contour, whose relative order is fixed by the contour and not by δ (S82); this is
///   how AX(S197) writes tr_σ[𝔻_a^{−−}(t) 𝔻_b^{++}(t)]. Every other shift is kept.
///
/// A gradient term tr_σ[𝔻_x ∂_t𝔻_y] (AX(S181), (S216)–(S220)) is the atom `trDdt(…)` with the same
/// arguments (`derivativeOnSecond`). Under ∫dt, tr[∂X Y] = −tr[X ∂Y] (integration by parts), so
/// exchanging the factors of a gradient term costs a sign, and tr[X ∂X] = ½∂_t tr[XX] integrates to
/// zero. The outer shifts of gradient terms are dropped: the t ± δ ordering matters at zeroth order of
/// the gradient expansion, and the paper uses ∫dt tr[Σ^{++}(t+δ)∂_tΣ^{++}(t−δ)] = 0 (before AX(S220)).
public struct SpinTrace: Hashable, Comparable, Sendable {
    /// One factor 𝔻_site^{left,right}(t + shift·δ).
    public struct Factor: Hashable, Comparable, Sendable {
        public var site: Symbol
        /// Branch of d (+1 or −1).
        public var left: Int
        /// Branch of d̄ (+1 or −1).
        public var right: Int
        public var shift: Int

        public init(site: Symbol, left: Int, right: Int, shift: Int) {
            self.site = site; self.left = left; self.right = right; self.shift = shift
        }

        /// Order used for the canonical form: site, then (++, −+, +−, −−), then shift.
        public static func < (x: Factor, y: Factor) -> Bool {
            (x.site, -x.left, -x.right, x.shift) < (y.site, -y.left, -y.right, y.shift)
        }
        /// The Keldysh type without the site.
        var type: [Int] { [left, right, shift] }
    }

    public var first: Factor
    public var second: Factor
    /// tr[X ∂_t Y] instead of tr[X Y].
    public var derivativeOnSecond: Bool

    public init(_ first: Factor, _ second: Factor, derivativeOnSecond: Bool = false) {
        self.first = first
        self.second = second
        self.derivativeOnSecond = derivativeOnSecond
    }

    public static func < (x: SpinTrace, y: SpinTrace) -> Bool {
        (x.derivativeOnSecond ? 1 : 0, x.first, x.second) < (y.derivativeOnSecond ? 1 : 0, y.first, y.second)
    }

    /// True for a trace of 𝔻^{++} with 𝔻^{−−}: the factors live on opposite branches.
    public var isCrossBranch: Bool {
        let a = (first.left, first.right), b = (second.left, second.right)
        return (a == (1, 1) && b == (-1, -1)) || (a == (-1, -1) && b == (1, 1))
    }

    /// The same trace in canonical form (shifts of cross-branch and gradient traces dropped, factors
    /// sorted) and the sign this costs under ∫dt: −1 for exchanging the factors of a gradient term,
    /// 0 when a gradient term is a total derivative tr[X ∂X].
    public var canonicalWithSign: (trace: SpinTrace, sign: Int) {
        var t = self
        if t.isCrossBranch || t.derivativeOnSecond { t.first.shift = 0; t.second.shift = 0 }
        if t.derivativeOnSecond && t.first == t.second { return (t, 0) }
        var sign = 1
        if t.second < t.first {
            swap(&t.first, &t.second)
            if t.derivativeOnSecond { sign = -1 }
        }
        return (t, sign)
    }

    /// The canonical trace (see `canonicalWithSign` for the sign of gradient terms).
    public var canonical: SpinTrace { canonicalWithSign.trace }

    /// The trace with the site labels a ↔ b exchanged (before canonicalisation).
    public func relabelled(_ swap: (Symbol) -> Symbol) -> SpinTrace {
        var t = self
        t.first.site = swap(t.first.site)
        t.second.site = swap(t.second.site)
        return t
    }

    /// The atom `trD(x, s1, s2, tau1, y, s3, s4, tau2)`.
    public var expression: Expr {
        func args(_ f: Factor) -> [Expr] { [Expr.symbol(f.site), Expr(f.left), Expr(f.right), Expr(f.shift)] }
        return .call(derivativeOnSecond ? Self.gradientName : Self.name, args(first) + args(second))
    }

    /// Name of the atom in the text syntax.
    public static let name = "trD"
    /// Name of the gradient atom tr[𝔻_x ∂_t𝔻_y].
    public static let gradientName = "trDdt"

    /// Reads a `trD(…)` atom; nil if `e` is not one.
    public init?(_ e: Expr) {
        guard case .call(let name, let args) = e, name == Self.name || name == Self.gradientName, args.count == 8 else { return nil }
        func factor(_ k: Int) -> Factor? {
            guard case .symbol(let site) = args[k], let l = args[k + 1].integerValue, let r = args[k + 2].integerValue,
                  let s = args[k + 3].integerValue, [1, -1].contains(l), [1, -1].contains(r), (-1...1).contains(s) else { return nil }
            return Factor(site: site, left: l, right: r, shift: s)
        }
        guard let x = factor(0), let y = factor(4) else { return nil }
        self.init(x, y, derivativeOnSecond: name == Self.gradientName)
    }

    /// Validates the arguments of a `trD` (or `trDdt`) call in the text syntax (an engine operation).
    public static func operation(_ atom: String) -> ExprOperation {
        { args in
            let usage = "write \(atom)(a, s1, s2, tau1, b, s3, s4, tau2) for tr_σ[𝔻_a^{s1 s2}(t + tau1·δ) \(atom == gradientName ? "∂_t" : "")𝔻_b^{s3 s4}(t + tau2·δ)], s = 1 or -1, tau = -1, 0 or 1"
            guard args.count == 8 else { throw OperationError("\(atom) takes 8 arguments, got \(args.count)", fix: usage) }
            let call = Expr.call(atom, args)
            guard SpinTrace(call) != nil else { throw OperationError("\(atom): sites must be symbols, branches 1 or -1, shifts -1, 0 or 1", fix: usage) }
            return call
        }
    }
}
