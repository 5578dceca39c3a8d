/// The continuous extension of one accepted step, y(t) for t in [tStart, tEnd].
///
/// DOPRI5: y(t₀ + θh) = y₀ + h Σᵢ kᵢ Σⱼ Pᵢⱼ θʲ⁺¹ (Shampine, order 4).
/// DOP853: y = y₀ + F₀θ + F₁θ(1−θ)... written as the nested form of Hairer's `contd8`, order 7.
/// Both interpolate y₀ and y₁ exactly at θ = 0 and θ = 1 (up to rounding).
public struct DenseSegment: Sendable {
    public let pair: RungeKuttaPair
    public let tStart: Double
    public let tEnd: Double
    let yStart: [Double]
    /// Row-major polynomial coefficients, `rows` × n.
    let coefficients: [Double]
    let rows: Int

    /// y at time t (extrapolates outside the step, with no accuracy guarantee there).
    public func callAsFunction(_ t: Double) -> [Double] {
        let n = yStart.count
        let h = tEnd - tStart
        let x = (t - tStart) / h
        var y = [Double](repeating: 0, count: n)
        switch pair {
        case .dormandPrince54:
            // coefficients row j (j = 0…3) multiplies θ^(j+1); already contracted with kᵢ and h.
            var power = x
            for j in 0..<rows {
                for i in 0..<n { y[i] += coefficients[j * n + i] * power }
                power *= x
            }
        case .dop853:
            // Horner-like nesting over reversed F: y = ((((F6 x + F5)(1−x) + F4) x + F3)(1−x) … ) x.
            for (k, j) in (0..<rows).reversed().enumerated() {
                let factor = k % 2 == 0 ? x : 1 - x
                for i in 0..<n { y[i] = (y[i] + coefficients[j * n + i]) * factor }
            }
        }
        for i in 0..<n { y[i] += yStart[i] }
        return y
    }
}
