import Symbolic

/// ∫_a^∞ f(x) dx for an integrand that oscillates with frequency ω and decays slowly (like
/// sin(ωx)/x): the integrals over successive half-periods [a + kπ/ω, a + (k+1)π/ω] by
/// Gauss–Legendre, and the limit of their partial sums, as mpmath's `quadosc` does with its series
/// accelerators: Wynn's ε algorithm first (the sums alternate, ε converges geometrically), then
/// Richardson extrapolation in 1/k (half-period integrals of one sign that are smooth in k, such as
/// those of sin²x/x²), at a working precision raised for its weights. The error is the change
/// between the last two estimates (plus the pieces' own); a sum that does not settle (a
/// non-decaying integrand) returns with an error as large as its value.
enum OscillatoryTail {
    static func integrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, omega: BigFloat,
                          digits: Int, precision p: Int) throws -> QuadratureResult {
        let tolerance = BigFloat(10, precision: 64).pow(-digits - 1)
        var evaluations = 0
        func partialSums(count: Int, precision q: Int, extraDigits: Int = 0) throws -> (sums: [BigFloat], error: BigFloat) {
            let halfPeriod = BigFloat.pi(precision: q) / omega.rounded(toPrecision: q).magnitude
            let start = a.rounded(toPrecision: q)
            var sums: [BigFloat] = [], sum = BigFloat(0, precision: q), error = BigFloat(0, precision: 64)
            for k in 0..<count {
                let r = try GaussLegendre.integrateAdaptive(f, from: start + halfPeriod * k, to: start + halfPeriod * (k + 1),
                                                            digits: digits + 5 + extraDigits, precision: q)
                evaluations += r.evaluations
                sum = sum + r.value
                error = error + r.errorEstimate
                sums.append(sum)
            }
            return (sums, error)
        }
        // Wynn's ε on up to 2(digits + 10) + 1 half-periods when the half-period integrals
        // alternate in sign; Richardson at once when they keep one sign.
        let (head, _) = try partialSums(count: 12, precision: p)
        let increments = (6..<12).map { (head[$0] - head[$0 - 1]).signum }
        let alternating = zip(increments, increments.dropFirst()).allSatisfy { $0 != $1 }
        // The half-period integrals must go to zero (∫₀^∞ sin x dx has none; ε would give it its Abel value 1).
        let piece = { (k: Int) in (head[k] - head[k - 1]).magnitude }
        guard piece(11) * 4 < piece(3) * 3 else {
            return QuadratureResult(value: head[11], errorEstimate: BigFloat.maximum(head[11].magnitude, piece(11)).rounded(toPrecision: 64),
                                    evaluations: evaluations, rule: "half-periods that do not decay (no limit)")
        }
        let wynnCount = alternating ? 2 * (digits + 10) + 1 : 0
        let (sums, pieceError) = alternating ? try partialSums(count: wynnCount, precision: p) : (head, BigFloat(0, precision: 64))
        var best: (value: BigFloat, error: BigFloat, rule: String)? = nil
        var lastWynn: BigFloat? = nil
        for m in stride(from: 11, through: wynnCount, by: 10) {
            guard let (w, e) = SequenceLimit.wynnEpsilon(Array(sums.prefix(m))) else { continue }
            let change = lastWynn.map { (w - $0).magnitude.rounded(toPrecision: 64) } ?? w.magnitude.rounded(toPrecision: 64)
            let error = BigFloat.maximum(e, change) + pieceError
            lastWynn = w
            if best == nil || error < best!.error { best = (w, error, "\(m) half-periods + Wynn ε") }
            if error <= tolerance * w.magnitude.rounded(toPrecision: 64) { break }
        }
        if let b = best, b.error <= tolerance * b.value.magnitude.rounded(toPrecision: 64) {
            return QuadratureResult(value: b.value, errorEstimate: b.error, evaluations: evaluations, rule: b.rule)
        }
        // Richardson, N = 8, 16, …, with the precision its weights need.
        var lastRichardson: BigFloat? = nil
        var N = 8
        while N <= 32 + 2 * digits {
            let q = p + N * Swift.max(1, Int(Foundation_log2(Double(2 * N)).rounded(.up))) + 32
            let (s, e) = try partialSums(count: 2 * N + 2, precision: q, extraDigits: (N * 9) / 20)  // the weights amplify the pieces' errors by ~e^N
            if let (r, weight) = SequenceLimit.richardson(s) {
                let rounding = (r.magnitude.rounded(toPrecision: 64) * BigFloat(weight, precision: 64)).scaled(byPowerOf2: -q + 4)
                if let old = lastRichardson {
                    let error = (r - old).magnitude.rounded(toPrecision: 64) + rounding + e  // piece errors: the second run at more digits confirms
                    if best == nil || error < best!.error { best = (r.rounded(toPrecision: p), error, "\(2 * N + 2) half-periods + Richardson") }
                    if error <= tolerance * r.magnitude.rounded(toPrecision: 64) { break }
                }
                lastRichardson = r
            }
            N *= 2
        }
        guard let b = best else {
            return QuadratureResult(value: sums.last!, errorEstimate: sums.last!.magnitude, evaluations: evaluations, rule: "half-periods (no limit)")
        }
        let converged = b.error <= tolerance * b.value.magnitude.rounded(toPrecision: 64)
        return QuadratureResult(value: b.value, errorEstimate: converged ? b.error : BigFloat.maximum(b.error, b.value.magnitude.rounded(toPrecision: 64)),
                                evaluations: evaluations, rule: b.rule + (converged ? "" : " (not converged)"))
    }
}
