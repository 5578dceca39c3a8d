import Symbolic

/// An independent evaluation of I(x, t) = ∫₀^∞ u sin(xu) f(u) du (t > 0) by contour deformation,
/// used to cross-check the quadrature of `RKKYIntegral`.
///
/// Close the contour of ∫₀^∞ u e^{ixu} f(u) du through the first quadrant: along the imaginary axis
/// u = iy the integrand −y e^{−xy} f(iy) is real, so it drops out of the imaginary part, and the
/// enclosed poles of f, u_n = √(1 + iπt(2n+1)) (n ≥ 0, principal root), have residues
/// −t e^{ixu_n}/2. Hence
///
///     I(x, t) = −π t Σ_{n≥0} Re exp(i x u_n).
///
/// The terms decay like exp(−x √(πt n)); the series is summed until a term is below 2^(−p) of
/// the sum, and the next-terms bound (the tail is dominated by an integral of the envelope) is
/// returned as the error. Efficient when x√t is not small.
public enum RKKYPoleSeries {
    public static func momentumIntegral(x: BigFloat, t: BigFloat, precision p: Int, maxTerms: Int = 2_000_000) -> QuadratureResult {
        let xp = x.rounded(toPrecision: p), tp = t.rounded(toPrecision: p)
        let pit = BigFloat.pi(precision: p) * tp
        var sum = BigFloat(0, precision: p)
        var n = 0
        var last = BigFloat(0, precision: 64)
        let one = BigFloat(1, precision: p)
        while n < maxTerms {
            let u = BigComplex(one, pit * (2 * n + 1)).sqrt()
            // Re e^{ixu} = e^{−x Im u} cos(x Re u)
            let envelope = (-(xp * u.im)).exp()
            let term = envelope * (xp * u.re).cos()
            sum = sum + term
            last = envelope.rounded(toPrecision: 64)
            n += 1
            if n > 4 && last < sum.magnitude.rounded(toPrecision: 64).scaled(byPowerOf2: -p - 4) { break }
        }
        // Tail: Σ_{m>n} e^{−x√(πt m)} ≤ ∫_n^∞ e^{−x√(πt s)} ds = 2(1 + x√(πtn))/(x²πt) e^{−x√(πtn)}.
        let a = (xp * xp * pit).rounded(toPrecision: 64)
        let s = (xp * (pit * n).sqrt()).rounded(toPrecision: 64)
        let tail = (s + 1) * 2 / a * (-s).exp()
        let value = -(pit * sum)
        let err = (pit * tail).rounded(toPrecision: 64) + value.magnitude.rounded(toPrecision: 64).scaled(byPowerOf2: -p + Int(Foundation_log2(Double(n + 1))) + 4)
        return QuadratureResult(value: value, errorEstimate: err, evaluations: n, rule: "Matsubara-pole series, \(n) terms")
    }
}
