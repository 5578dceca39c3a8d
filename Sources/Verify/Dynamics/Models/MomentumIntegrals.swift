import Symbolic

/// The dimensionless momentum integrals behind J_ab, Ω_ab and α_a (independent of the light): J(2k_F R_ab, t)
/// of NC(30)/AX(S205) per pair and A(t) of NC(32)/AX(S221), t = k_BT/ε_F, by MPFR quadrature.
public struct MomentumIntegrals: Sendable {
    /// J(2k_F R_ab, t), symmetric, zero diagonal.
    public var rkky: [[Double]]
    /// A(t) = α_a ε_F²/(g_a² n²).
    public var damping: Double

    public static func compute(kFR: [[Double]], fermiEnergy eF: Double, temperature: Double) throws -> MomentumIntegrals {
        let n = kFR.count
        let digits = LLGCoefficients.quadratureDigits
        let bits = Quadrature.workingPrecision(digits: digits)
        let t = BigFloat(temperature / eF, precision: bits)
        var rkky = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        do {
            let damping = try GilbertDampingIntegral.value(t: t, digits: digits).value.doubleValue
            for a in 0..<n {
                for b in (a + 1)..<max(a + 1, n) {
                    let j = try RKKYIntegral.value(x: BigFloat(2 * kFR[a][b], precision: bits), t: t, digits: digits).value.doubleValue
                    rkky[a][b] = j
                    rkky[b][a] = j
                }
            }
            return MomentumIntegrals(rkky: rkky, damping: damping)
        } catch {
            throw ModelInputError(parameter: "kFR/T", value: temperature, fix: "the momentum integrals failed: \(error)")
        }
    }
}
