import Symbolic

/// NC(8a)/(8b) as symbolic expressions, and its Jacobian by symbolic differentiation (`Expr.derivative`).
///
/// The symbols: state m_Ax, m_Ay, m_Bx, m_By (real); inputs j_AA, j_BB, j_AB, alpha_A, alpha_B, g_B (real),
/// n, T, gamma_B (positive/real). Ω_BA = (γ_B/|g_B|) j_AB is built from them, not given.
/// The hand-derived `BilayerMeanField.jacobian` used in fast loops is tested against this one.
public enum BilayerSymbolicModel {
    public static let mAx = Symbol("m_Ax", .real), mAy = Symbol("m_Ay", .real)
    public static let mBx = Symbol("m_Bx", .real), mBy = Symbol("m_By", .real)
    public static let jAA = Symbol("j_AA", .real), jBB = Symbol("j_BB", .real), jAB = Symbol("j_AB", .real)
    public static let alphaA = Symbol("alpha_A", .real), alphaB = Symbol("alpha_B", .real)
    public static let gB = Symbol("g_B", .real), filling = Symbol("n", .real)
    public static let temperature = Symbol("T", .positive), gammaB = Symbol("gamma_B", .real)

    /// The state symbols in the order of the state vector.
    public static var state: [Symbol] { [mAx, mAy, mBx, mBy] }

    /// Ω_BA = (γ_B/|g_B|) j_AB, NC(8b).
    public static var omegaBA: Expr { Expr.symbol(gammaB.name, .real) / Expr.abs(Expr.symbol(gB.name, .real)) * s(jAB) }

    static func s(_ x: Symbol) -> Expr { .symbol(x) }

    /// The right-hand sides f = (ṁ_Ax, ṁ_Ay, ṁ_Bx, ṁ_By) of NC(8).
    public static var rates: [Expr] {
        let T = s(temperature)
        let m: [[Expr]] = [[s(mAx), s(mAy)], [s(mBx), s(mBy)]]
        let j: [[Expr]] = [[s(jAA), s(jAB)], [s(jAB), s(jBB)]]
        let alpha = [s(alphaA), s(alphaB)]
        var out: [Expr] = []
        for a in 0..<2 {
            let h = (0..<2).map { i in j[a][0] * m[0][i] + j[a][1] * m[1][i] }
            let hSquared = h[0] * h[0] + h[1] * h[1]
            let c = Expr(1) - hSquared / (Expr(3) * T * T)
            for i in 0..<2 {
                var rate = alpha[a] * (-(T * m[a][i]) + c * h[i])
                if a == 1 { rate = rate - s(gammaB) * s(filling) * m[1][i] - omegaBA * m[0][i] }
                out.append(rate)
            }
        }
        return out
    }

    /// J_ij = ∂f_i/∂y_j by `Expr.derivative`.
    public static var jacobian: [[Expr]] {
        rates.map { f in state.map { f.derivative($0) } }
    }

    /// Symbol values for `Expr.evaluate(at:precision:)`.
    public static func values(_ p: BilayerParameters, _ y: [Double], precision: Int) -> [Symbol: BigComplex] {
        func v(_ x: Double) -> BigComplex { BigComplex(BigFloat(x, precision: precision)) }
        return [mAx: v(y[0]), mAy: v(y[1]), mBx: v(y[2]), mBy: v(y[3]),
                jAA: v(p.jAA), jBB: v(p.jBB), jAB: v(p.jAB), alphaA: v(p.alphaA), alphaB: v(p.alphaB),
                gB: v(p.gB), filling: v(p.filling), temperature: v(p.temperature), gammaB: v(p.gammaB)]
    }

    /// The symbolic Jacobian evaluated at (parameters, y) in MPFR at `precision` bits, rounded to Double.
    public static func evaluateJacobian(_ jacobian: [[Expr]], _ p: BilayerParameters, _ y: [Double],
                                        precision: Int = 128) throws -> [Double] {
        let values = values(p, y, precision: precision)
        return try jacobian.flatMap { row in try row.map { try $0.evaluate(at: values, precision: precision).re.doubleValue } }
    }
}
