/// The phenomenological mean-field dynamics of two ferromagnetic layers under light, NC(8a)/(8b) = AX(8a)/(8b):
///
///     ṁ_A = α_A [ −T m_A + (1 − h_A²/(3T²)) h_A ]
///     ṁ_B = α_B [ −T m_B + (1 − h_B²/(3T²)) h_B ] − γ_B n m_B − Ω_BA m_A,
///
/// with h_a = Σ_b j_ab m_b, T = k_BT, m_a ∈ ℝ² (m_a^z = 0) and Ω_BA = (γ_B/|g_B|) j_AB computed from the
/// inputs. State vector y = (m_A^x, m_A^y, m_B^x, m_B^y).
public struct BilayerMeanField: GenericVectorField {
    public let parameters: BilayerParameters
    /// Ω_BA used in the equations; equals `parameters.omegaBA` unless a mutant is built on purpose.
    public let omegaBA: Double

    public var dimension: Int { 4 }

    /// The model with Ω_BA = (γ_B/|g_B|) j_AB.
    public init(_ parameters: BilayerParameters) {
        self.parameters = parameters
        self.omegaBA = parameters.omegaBA
    }

    /// A model with an explicitly given Ω_BA (for deliberately wrong inputs in tests).
    public init(_ parameters: BilayerParameters, omegaBA: Double) {
        self.parameters = parameters
        self.omegaBA = omegaBA
    }

    /// Λ (meV), the model's largest linear relaxation rate scale: the ∞-norm of the linear part of the Jacobian,
    ///     Λ = max( α_A(|j_AA| + |j_AB| + T),  α_B(|j_AB| + |j_BB| + T) + γ_B n + |Ω_BA| ),
    /// an upper bound (up to the cubic terms, which only reduce it for |h_a|² < 3T²) on the fastest decay rate
    /// λ_fast of a perturbation. Near a fixed point an explicit integrator's step is limited by stability at
    /// h ≈ (stability radius)/λ_fast and the fast mode then sits at the controlled local-error amplitude, so the
    /// rates of the invariants do not fall below ≈ λ_fast (atol + rtol |m|): `BilayerSimulation` scales its
    /// settling threshold with Λ.
    public var rateScale: Double {
        let p = parameters
        let layerA = p.alphaA * (abs(p.jAA) + abs(p.jAB) + p.temperature)
        let layerB = p.alphaB * p.mutantAlphaBScale * (abs(p.jAB) + abs(p.jBB) + p.temperature)
            + abs(p.gammaB * p.filling) + abs(omegaBA)
        return max(layerA, layerB)
    }

    /// f(t, y) of NC(8) in Double: the expressions of `rates` in the same order (so bit-identical results),
    /// written on the buffers directly so that the integrators' inner loop pays no bounds or uniqueness checks.
    public func evaluate(t: Double, y: [Double], into dy: inout [Double]) {
        precondition(y.count >= 4 && dy.count >= 4, "NC(8) has 4 components")
        y.withUnsafeBufferPointer { y in
            dy.withUnsafeMutableBufferPointer { dy in evaluate(y.baseAddress!, into: dy.baseAddress!) }
        }
    }

    /// NC(8) on the integrator's stage rows (no array touched).
    public func evaluate(t: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, scratch: inout VectorFieldScratch) {
        evaluate(y, into: dy)
    }

    /// NC(8a), (8b) in components: y = (m_Ax, m_Ay, m_Bx, m_By).
    @inline(__always)
    private func evaluate(_ y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>) {
        let p = parameters
        let temperature = p.temperature, cubic = 1 / (3 * p.temperature * p.temperature)
        let jAA = p.jAA, jBB = p.jBB, jAB = p.jAB
        let alphaA = p.alphaA, alphaB = p.alphaB * p.mutantAlphaBScale
        let decay = p.gammaB * p.filling, omega = omegaBA
        let hAx = jAA * y[0] + jAB * y[2], hAy = jAA * y[1] + jAB * y[3]
        let hBx = jAB * y[0] + jBB * y[2], hBy = jAB * y[1] + jBB * y[3]
        let cA = 1 - (hAx * hAx + hAy * hAy) * cubic
        let cB = 1 - (hBx * hBx + hBy * hBy) * cubic
        dy[0] = alphaA * (cA * hAx - temperature * y[0])
        dy[1] = alphaA * (cA * hAy - temperature * y[1])
        dy[2] = alphaB * (cB * hBx - temperature * y[2]) - decay * y[2] - omega * y[0]
        dy[3] = alphaB * (cB * hBy - temperature * y[3]) - decay * y[3] - omega * y[1]
    }

    public func rates<S: DynamicsScalar>(t: S, y: [S], into dy: inout [S]) {
        let p = parameters
        let one = y[0].lift(1)
        let temperature = y[0].lift(p.temperature)
        let cubic = y[0].lift(1 / (3 * p.temperature * p.temperature))
        let jAA = y[0].lift(p.jAA), jBB = y[0].lift(p.jBB), jAB = y[0].lift(p.jAB)
        let hAx = jAA * y[0] + jAB * y[2], hAy = jAA * y[1] + jAB * y[3]
        let hBx = jAB * y[0] + jBB * y[2], hBy = jAB * y[1] + jBB * y[3]
        let cA = one - (hAx * hAx + hAy * hAy) * cubic
        let cB = one - (hBx * hBx + hBy * hBy) * cubic
        let alphaA = y[0].lift(p.alphaA), alphaB = y[0].lift(p.alphaB * p.mutantAlphaBScale)
        let decay = y[0].lift(p.gammaB * p.filling), omega = y[0].lift(omegaBA)
        dy[0] = alphaA * (cA * hAx - temperature * y[0])
        dy[1] = alphaA * (cA * hAy - temperature * y[1])
        dy[2] = alphaB * (cB * hBx - temperature * y[2]) - decay * y[2] - omega * y[0]
        dy[3] = alphaB * (cB * hBy - temperature * y[3]) - decay * y[3] - omega * y[1]
    }

    /// The Jacobian ∂f_i/∂y_j (4 × 4, row-major), differentiated by hand from NC(8):
    /// ∂/∂m_c [α_a(c_a h_a − T m_a)] = α_a[ c_a j_ac 𝟙 − (2/(3T²)) j_ac h_a h_aᵀ − T δ_ac 𝟙 ],
    /// plus −γ_B n 𝟙 on the (B, B) block and −Ω_BA 𝟙 on the (B, A) block.
    /// Checked against MPFR central differences in the tests.
    public func jacobian(_ y: [Double]) -> [Double] {
        let p = parameters
        let T = p.temperature
        let j = [[p.jAA, p.jAB], [p.jAB, p.jBB]]
        let alpha = [p.alphaA, p.alphaB * p.mutantAlphaBScale]
        let m = [[y[0], y[1]], [y[2], y[3]]]
        var result = [Double](repeating: 0, count: 16)
        for a in 0..<2 {
            let h = [j[a][0] * m[0][0] + j[a][1] * m[1][0], j[a][0] * m[0][1] + j[a][1] * m[1][1]]
            let c = 1 - (h[0] * h[0] + h[1] * h[1]) / (3 * T * T)
            for b in 0..<2 {
                for i in 0..<2 {
                    for k in 0..<2 {
                        var value = alpha[a] * (-(2 / (3 * T * T)) * j[a][b] * h[i] * h[k])
                        if i == k {
                            value += alpha[a] * c * j[a][b]
                            if a == b { value -= alpha[a] * T }
                            if a == 1 && b == 1 { value -= p.gammaB * p.filling }
                            if a == 1 && b == 0 { value -= omegaBA }
                        }
                        result[(2 * a + i) * 4 + (2 * b + k)] = value
                    }
                }
            }
        }
        return result
    }
}
