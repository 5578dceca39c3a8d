import Symbolic

/// Gragg–Bulirsch–Stoer extrapolation in arbitrary precision (MPFR), for reference trajectories.
///
/// Each macro step H applies Gragg's modified midpoint rule with nⱼ = 2j substeps (j = 1…columns),
/// z₀ = y, z₁ = y + h f(z₀), z_{m+1} = z_{m−1} + 2h f(z_m), T_{j,1} = (z_n + z_{n−1} + h f(z_n))/2,
/// whose error expands in even powers of h, and extrapolates to h → 0 with the Aitken–Neville
/// scheme T_{j,l+1} = T_{j,l} + (T_{j,l} − T_{j−1,l}) / ((nⱼ/n_{j−l})² − 1) (Hairer–Nørsett–Wanner
/// II.9). The result has order 2·columns. All coefficients are exact integers, so the method is
/// as accurate as the working precision allows — unlike a tableau given in decimals.
public struct ExtrapolationIntegrator: Sendable {
    /// Working precision in bits.
    public let precision: Int
    /// Number of extrapolation columns (order 2·columns).
    public let columns: Int

    public init(precision: Int, columns: Int = 10) {
        self.precision = precision
        self.columns = columns
    }

    /// The state at t₁ and an error estimate (sum over macro steps of max-norm |T_{k,k} − T_{k,k−1}|).
    public func integrate<F: GenericVectorField>(_ field: F, _ y0: [BigFloat], from t0: BigFloat, to t1: BigFloat,
                                                 macroSteps: Int) -> (y: [BigFloat], errorEstimate: BigFloat) {
        let zero = BigFloat(0, precision: precision)
        var y = y0.map { BigFloat($0, precision: precision) }
        let bigH = (BigFloat(t1, precision: precision) - BigFloat(t0, precision: precision)) / macroSteps
        var errorTotal = zero
        var f = [BigFloat](repeating: zero, count: field.dimension)
        for step in 0..<macroSteps {
            let t = BigFloat(t0, precision: precision) + bigH * step
            var table: [[[BigFloat]]] = []   // table[j][l] = T_{j+1,l+1}
            for j in 0..<columns {
                let substeps = 2 * (j + 1)
                let h = bigH / substeps
                var zPrevious = y
                field.rates(t: t, y: zPrevious, into: &f)
                var z = zip(zPrevious, f).map { $0 + h * $1 }
                for m in 1..<substeps {
                    field.rates(t: t + h * m, y: z, into: &f)
                    let zNext = (0..<y.count).map { zPrevious[$0] + (h * 2) * f[$0] }
                    zPrevious = z
                    z = zNext
                }
                field.rates(t: t + bigH, y: z, into: &f)
                var row: [[BigFloat]] = [(0..<y.count).map { (z[$0] + zPrevious[$0] + h * f[$0]) / 2 }]
                for l in 0..<j {
                    // (nⱼ/nᵢ)² − 1 = (nⱼ² − nᵢ²)/nᵢ², kept exact in integers.
                    let ni = 2 * (j - l)
                    let numerator = BigFloat(ni * ni, precision: precision)
                    let denominator = BigFloat(substeps * substeps - ni * ni, precision: precision)
                    let previous = table[j - 1][l]
                    let current = row[l]
                    row.append((0..<y.count).map { current[$0] + (current[$0] - previous[$0]) * numerator / denominator })
                }
                table.append(row)
            }
            let best = table[columns - 1][columns - 1]
            let second = table[columns - 1][columns - 2]
            var stepError = zero
            for i in 0..<y.count { stepError = BigFloat.maximum(stepError, (best[i] - second[i]).magnitude) }
            errorTotal = errorTotal + stepError
            y = best
        }
        return (y, errorTotal)
    }
}
