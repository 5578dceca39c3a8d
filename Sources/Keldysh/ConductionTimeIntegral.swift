import Symbolic

/// The relative-time integrals of two free conduction-electron Green's functions,
/// AX(S187), (S188), (S217), (S218):
///
///     I_n^{side} = ∫dτ θ(side·τ) τⁿ G^{u}(k + q/2, τ) G^{v}(k − q/2, −τ) / (F₊^u F₋^v),
///
/// computed from the lesser/greater functions of AX(S184)–(S186): G^s(k, ω) = F_k^s [G^R − G^A] =
/// −2πi F_k^s δ(ω − ε_k), i.e. G^s(k, τ) = ∫dω/2π e^{−iωτ} G^s(k, ω) = −i F_k^s e^{−iε_k τ} (the
/// Fourier convention of AX(S48); its one-mode form is checked as `keldysh.green.lesser`). The
/// product is (−i)² F₊F₋ e^{−ixτ} with x = ε₊ − ε₋, and the convergence factor e^{−δ|τ|} (δ → 0⁺)
/// gives the Laplace integrals
///
///     ∫₀^∞ τⁿ e^{−(ix + δ)τ} dτ = n!/(ix + δ)^{n+1},   ∫_{−∞}^0 τⁿ e^{−ixτ + δτ} dτ = (−1)ⁿ n!/(δ − ix)^{n+1}.
///
/// The result is returned as a rational function of x and δ (symbols supplied by the caller).
public enum ConductionTimeIntegral {
    /// I_n for τ > 0 (side = +1) or τ < 0 (side = −1), divided by F₊^u F₋^v.
    public static func value(power n: Int, side: Int, x: Expr, delta: Expr) -> Expr {
        precondition(n >= 0 && (side == 1 || side == -1))
        var factorial = Expr.one
        for k in stride(from: 2, through: n, by: 1) { factorial = factorial * Expr(k) }
        let greensPrefactor = (-Expr.i) * (-Expr.i)
        let laplace: Expr = side == 1
            ? factorial / Expr.pow(Expr.i * x + delta, Expr(n + 1))
            : (n % 2 == 0 ? Expr.one : Expr.minusOne) * factorial / Expr.pow(delta - Expr.i * x, Expr(n + 1))
        return (greensPrefactor * laplace).together()
    }

    /// The same as a multiple of 1/(x − side·iδ)^{n+1}: the coefficient c with I_n = c/(x − side·iδ)^{n+1}.
    /// (ix + δ = i(x − iδ) and δ − ix = −i(x + iδ).)
    public static func poleCoefficient(power n: Int, side: Int) -> Expr {
        // value(…) · (x − side·iδ)^{n+1} is a constant; `together` cancels the common factor.
        let x = Expr.symbol("x", .real), d = Expr.symbol("δ", .positive)
        let pole = Expr.pow(x - Expr(side) * Expr.i * d, Expr(n + 1))
        return (value(power: n, side: side, x: x, delta: d) * pole).together()
    }
}
