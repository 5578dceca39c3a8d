/// The Landau–Lifshitz–Gilbert equation with light-induced terms for N classical spins,
/// NC(6) = AX(6), from the saddle point AX(S262):
///
///     Ṡ_a = Σ_{b≠a} J_ab S_a × S_b − α_a S_a × Ṡ_a − γ_a n S_a − Σ_{b≠a} Ω_ab S_b,
///     Ω_ab = (γ_a/|g_a|) J_ab            (NC(6) text; ≠ Ω_ba).
///
/// The Gilbert term makes the equation implicit in Ṡ_a. Writing τ_a = S_a × B_a − γ_a n S_a − Σ_b Ω_ab S_b
/// with B_a = Σ_{b≠a} J_ab S_b, the equation is (𝟙 + α_a [S_a]_×) Ṡ_a = τ_a. Dotting with S_a gives
/// S_a·Ṡ_a = S_a·τ_a; crossing with S_a and using S×(S×v) = S(S·v) − |S|² v gives the exact
/// Landau–Lifshitz form (valid for any |S_a|, which is not conserved when γ_a ≠ 0 or Ω_ab ≠ 0):
///
///     Ṡ_a = [ τ_a − α_a S_a × τ_a + α_a² (S_a·τ_a) S_a ] / (1 + α_a² |S_a|²).
///
/// The tests check that this Ṡ satisfies the implicit equation to rounding (Double and MPFR).
/// State vector: (S_1x, S_1y, S_1z, S_2x, …).
public struct LightInducedLLG: GenericVectorField {
    public let spins: Int
    /// J_ab (symmetric, N × N row-major; the diagonal is ignored).
    public let exchange: [Double]
    /// Ω_ab (N × N row-major; the diagonal is ignored).
    public let lightTorque: [Double]
    public let alpha: [Double]
    public let gamma: [Double]
    public let filling: Double
    /// The fixed-length variant: τ_a is replaced by its part transverse to S_a, τ_a − (S_a·τ_a)S_a/|S_a|²,
    /// so that every |S_a| is conserved. This is NOT NC(6) as printed (whose −γ_a n S_a and −Ω_ab S_b
    /// change |S_a|); it is the reading under which the estimate "Ω_ab ≳ α_a J_ab" of the NC(6) text is
    /// exact (see derivations/dynamics.md). Default false.
    public var fixedLength: Bool = false

    public var dimension: Int { 3 * spins }

    /// Build the model from J_ab, α_a, γ_a, g_a and n; Ω_ab = (γ_a/|g_a|) J_ab is computed here.
    /// Throws `ModelInputError` naming the offending parameter.
    public init(exchange: [[Double]], alpha: [Double], gamma: [Double], sdCoupling g: [Double], filling: Double) throws {
        let count = alpha.count
        guard exchange.count == count, exchange.allSatisfy({ $0.count == count }) else {
            throw ModelInputError(parameter: "exchange", value: Double(exchange.count),
                                  fix: "J must be \(count) × \(count), one row per spin")
        }
        guard gamma.count == count, g.count == count else {
            throw ModelInputError(parameter: "gamma/sdCoupling", value: Double(gamma.count),
                                  fix: "give one γ_a and one g_a per spin (\(count))")
        }
        for a in 0..<count where g[a] == 0 && gamma[a] != 0 {
            throw ModelInputError(parameter: "sdCoupling[\(a)]", value: 0,
                                  fix: "g_a = 0 with γ_a ≠ 0: Ω_ab = (γ_a/|g_a|) J_ab is undefined")
        }
        for a in 0..<count {
            for b in 0..<count where exchange[a][b] != exchange[b][a] {
                throw ModelInputError(parameter: "exchange[\(a)][\(b)]", value: exchange[a][b],
                                      fix: "J_ab must equal J_ba (RKKY is reciprocal); non-reciprocity enters through Ω")
            }
        }
        var omega = [Double](repeating: 0, count: count * count)
        for a in 0..<count {
            for b in 0..<count where a != b && gamma[a] != 0 {
                omega[a * count + b] = gamma[a] / abs(g[a]) * exchange[a][b]
            }
        }
        self.init(exchange: exchange.flatMap { $0 }, lightTorque: omega, alpha: alpha, gamma: gamma, filling: filling)
    }

    /// Build from explicit matrices (Ω given directly; used for deliberately wrong inputs in tests).
    public init(exchange: [Double], lightTorque: [Double], alpha: [Double], gamma: [Double], filling: Double) {
        self.spins = alpha.count
        self.exchange = exchange
        self.lightTorque = lightTorque
        self.alpha = alpha
        self.gamma = gamma
        self.filling = filling
    }

    /// τ_a = S_a × B_a − γ_a n S_a − Σ_{b≠a} Ω_ab S_b: the right-hand side of NC(6) without the Gilbert term.
    public func explicitTorque<S: DynamicsScalar>(_ y: [S], spin a: Int) -> [S] {
        let zero = y[0].lift(0)
        var field = [zero, zero, zero]
        var drive = [zero, zero, zero]
        for b in 0..<spins where b != a {
            let j = y[0].lift(exchange[a * spins + b]), o = y[0].lift(lightTorque[a * spins + b])
            for i in 0..<3 {
                field[i] = field[i] + j * y[3 * b + i]
                drive[i] = drive[i] + o * y[3 * b + i]
            }
        }
        let s = [y[3 * a], y[3 * a + 1], y[3 * a + 2]]
        let decay = y[0].lift(gamma[a] * filling)
        let cross = Self.cross(s, field)
        let tau = (0..<3).map { cross[$0] - decay * s[$0] - drive[$0] }
        guard fixedLength else { return tau }
        let sTau = s[0] * tau[0] + s[1] * tau[1] + s[2] * tau[2]
        let sSquared = s[0] * s[0] + s[1] * s[1] + s[2] * s[2]
        return (0..<3).map { tau[$0] - sTau / sSquared * s[$0] }
    }

    public func rates<S: DynamicsScalar>(t: S, y: [S], into dy: inout [S]) {
        for a in 0..<spins {
            let tau = explicitTorque(y, spin: a)
            let s = [y[3 * a], y[3 * a + 1], y[3 * a + 2]]
            let al = y[0].lift(alpha[a])
            let sTau = s[0] * tau[0] + s[1] * tau[1] + s[2] * tau[2]
            let sSquared = s[0] * s[0] + s[1] * s[1] + s[2] * s[2]
            let sCrossTau = Self.cross(s, tau)
            let denominator = y[0].lift(1) + al * al * sSquared
            for i in 0..<3 {
                dy[3 * a + i] = (tau[i] - al * sCrossTau[i] + al * al * sTau * s[i]) / denominator
            }
        }
    }

    /// Residual of the implicit NC(6): Ṡ_a + α_a S_a × Ṡ_a − τ_a, for all spins (zero for the exact solution).
    public func implicitResidual<S: DynamicsScalar>(_ y: [S], _ dy: [S]) -> [S] {
        var residual: [S] = []
        for a in 0..<spins {
            let tau = explicitTorque(y, spin: a)
            let s = [y[3 * a], y[3 * a + 1], y[3 * a + 2]]
            let v = [dy[3 * a], dy[3 * a + 1], dy[3 * a + 2]]
            let c = Self.cross(s, v)
            let al = y[0].lift(alpha[a])
            for i in 0..<3 { residual.append(v[i] + al * c[i] - tau[i]) }
        }
        return residual
    }

    static func cross<S: DynamicsScalar>(_ u: [S], _ v: [S]) -> [S] {
        [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]
    }
}
