import Symbolic

/// Limits of slowly converging sequences of partial sums, for infinite series (`nsum`) and for the
/// half-period sums of oscillatory integrals on a half-line.
///
/// Two accelerators, as mpmath's `nsum` uses them: Wynn's ε algorithm (the Shanks transformation;
/// alternating and geometrically converging sequences, so the half-period sums of ∫ g(x) sin(ωx) dx)
/// and Richardson extrapolation in 1/n (sums whose terms are smooth in n, such as Σ 1/n²). Each
/// returns its estimate with the change between the last two estimates as error; the callers
/// accept a value only when that change supports the digits and a second run agrees.
enum SequenceLimit {
    /// The last diagonal of Wynn's ε table over `s`, and its change from the previous diagonal.
    static func wynnEpsilon(_ s: [BigFloat]) -> (value: BigFloat, error: BigFloat)? {
        guard s.count >= 3 else { return nil }
        let p = s[0].precision
        // e[k] holds ε_{k}^{(n)} columns; keep the even columns' last entries.
        var previous = [BigFloat](repeating: BigFloat(0, precision: p), count: s.count + 1)  // ε_{-1} = 0
        var current = s
        var estimates: [BigFloat] = [s.last!]
        var column = 0
        while current.count >= 2 {
            var next: [BigFloat] = []
            next.reserveCapacity(current.count - 1)
            for i in 0..<(current.count - 1) {
                let d = current[i + 1] - current[i]
                if d.isZero { return estimates.count >= 2 ? (estimates.last!, (estimates.last! - estimates[estimates.count - 2]).magnitude) : nil }
                next.append(previous[i + 1] + 1 / d)
            }
            previous = current
            current = next
            column += 1
            if column % 2 == 0, let last = current.last, last.isFinite { estimates.append(last) }
        }
        guard estimates.count >= 3 else { return nil }
        let n = estimates.count
        let v = estimates[n - 1]
        let e = BigFloat.maximum((v - estimates[n - 2]).magnitude, (v - estimates[n - 3]).magnitude)
        return (v, e.rounded(toPrecision: 64))
    }

    /// Richardson extrapolation of partial sums S_0 … S_{2N+1} assumed to behave like
    /// S + c₁/n + c₂/n² + … (n = index + 1), of order N (mpmath's `richardson`), with the size of the
    /// largest weight (digits lost to cancellation).
    static func richardson(_ s: [BigFloat]) -> (value: BigFloat, weight: Double)? {
        let n = s.count / 2 - 1
        guard n >= 1 else { return nil }
        let p = s[0].precision
        // c_0 = (−1)^N N^N / N!
        var c = BigFloat(n, precision: p).pow(n)
        for k in 1...n { c = c / k }
        if n % 2 == 1 { c = -c }
        var total = BigFloat(0, precision: p)
        var maxWeight = 1.0
        for k in 0...n {
            total = total + c * s[n + k]
            maxWeight = Swift.max(maxWeight, Swift.abs(c.doubleValue))
            c = c * (k - n) * BigFloat(k + n + 1, precision: p).pow(n)
            c = c / (BigFloat(k + n, precision: p).pow(n) * (k + 1))
        }
        return (total, maxWeight)
    }
}
