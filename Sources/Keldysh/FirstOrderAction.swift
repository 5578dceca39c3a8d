import Symbolic

/// The first-order effective action of the localized electrons, ΔS⁽¹⁾ = i Tr[Σ𝔾₀], AX(S171)–(S175):
///
///     ΔS⁽¹⁾ = i ∫dt Σ_k Σ_{s s′} C^{s s′} tr_σ[𝔻_a^{s s′}] ∫dω/2π e^{iω s δ} G₀^{s′ s}(k, ω),
///
/// with the self-energy Σ_a^{s s′} = C^{s s′} 𝔻_a^{s s′} (`ConductionSelfEnergy`), the free contour
/// functions of AX(S151) in partial fractions,
///
///     G₀^{++} = (1 − f)/(ω − ε + iδ) + f/(ω − ε − iδ),   G₀^{−−} = −f/(ω − ε + iδ) − (1 − f)/(ω − ε − iδ),
///     G₀^{+−} = 2πi f δ(ω − ε),                            G₀^{−+} = −2πi (1 − f) δ(ω − ε),
///
/// and the frequency integrals done by closing the contour: with e^{iωη}, η → 0⁺ (0⁻), the contour is
/// closed in the upper (lower) half plane, and a pole A/(ω − p) contributes 2πiA (−2πiA) when p lies
/// inside; a δ function contributes its weight. Σ_k f_k = n (the filling, AX(S175)); Σ_k 1 is the
/// number of conduction states and only multiplies terms that are absent here.
///
/// The result is written with the atoms `trD1(a, s, s′)` = tr_σ 𝔻_a^{s s′} = Σ_σ d^s_{σ,a} d̄^{s′}_{σ,a}.
public enum FirstOrderAction {
    /// One term of G₀^{s s′}(k, ω): a pole A/(ω − ε ∓ iδ) (pole in the upper half plane for the
    /// lower sign) or a δ-function term 2π·A·δ(ω − ε).
    public enum GreensTerm: Sendable {
        case pole(weight: Expr, upperHalfPlane: Bool)
        case delta(weight: Expr)
    }

    /// G₀^{s s′}(k, ω) of AX(S151) as partial fractions in ω, with occupation f = f_k.
    public static func freeGreensFunction(_ s: Int, _ sp: Int, occupation f: Expr) -> [GreensTerm] {
        switch (s, sp) {
        case (1, 1): return [.pole(weight: 1 - f, upperHalfPlane: false), .pole(weight: f, upperHalfPlane: true)]
        case (-1, -1): return [.pole(weight: -f, upperHalfPlane: false), .pole(weight: -(1 - f), upperHalfPlane: true)]
        case (1, -1): return [.delta(weight: Expr.i * f)]
        default: return [.delta(weight: -Expr.i * (1 - f))]
        }
    }

    /// ∫dω/2π e^{iωη} G(ω) for η → 0 with the sign of `eta`, by closing the contour.
    public static func frequencyIntegral(_ terms: [GreensTerm], etaSign: Int) -> Expr {
        terms.reduce(Expr.zero) { acc, t in
            switch t {
            case .delta(let w): return acc + w
            case .pole(let w, let upper):
                if etaSign > 0 && upper { return acc + Expr.i * w }       // (2πi A)/2π, counter-clockwise
                if etaSign < 0 && !upper { return acc - Expr.i * w }      // (−2πi A)/2π, clockwise
                return acc
            }
        }
    }

    /// The atom tr_σ 𝔻_site^{s s′}.
    public static func trace(_ site: Expr, _ s: Int, _ sp: Int) -> Expr { .call(traceName, [site, Expr(s), Expr(sp)]) }
    public static let traceName = "trD1"

    /// ΔS⁽¹⁾ for one site: Σ_{s s′} i C^{s s′} [Σ_k ∫dω/2π e^{iωsδ} G₀^{s′ s}] tr_σ 𝔻^{s s′}, with Σ_k f_k = n.
    /// `coefficients[s][s′]` = C^{s s′}.
    public static func action(site: Expr, coefficients: [Int: [Int: Expr]], occupation fk: Symbol, filling n: Expr) throws -> Expr {
        let f = Expr.symbol(fk)
        var out = Expr.zero
        for s in [1, -1] {
            for sp in [1, -1] {
                guard let c = coefficients[s]?[sp], c != .zero else { continue }
                let integral = frequencyIntegral(freeGreensFunction(sp, s, occupation: f), etaSign: s)
                // Σ_k: the integral must be linear in f_k, so that Σ_k f_k → n.
                guard integral.substituting(fk, with: .zero).expanded() == .zero else {
                    throw OperationError("Σ^{\(s),\(sp)} ≠ 0 pairs with a part of G₀ that does not vanish with f_k: Σ_k of it is the number of states, not the filling",
                                         fix: "this first-order term needs Σ_k 1; it is not supported")
                }
                let summed = integral.substituting(fk, with: n)
                out = out + (Expr.i * c * summed).expanded().together() * trace(site, s, sp)
            }
        }
        return out
    }

    /// Validates a `trD1(a, s, s′)` call in the text syntax.
    public static let traceOperation: ExprOperation = { args in
        guard args.count == 3, case .symbol = args[0], let s = args[1].integerValue, let sp = args[2].integerValue,
              [1, -1].contains(s), [1, -1].contains(sp) else {
            throw OperationError("trD1(a, s, sp): a site symbol and two branches 1 or -1", fix: "write e.g. trD1(a, -1, 1) for tr_σ 𝔻_a^{-+}")
        }
        return .call(traceName, args)
    }
}
