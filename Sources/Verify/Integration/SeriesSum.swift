import Symbolic

/// `nsum(f, n, a, b)` of the derivation language: Σ_{n=a}^{b} f(n) over the integers, b may be `oo`.
///
/// A finite sum of up to 10⁶ terms is added term by term (guard bits for the count). An infinite
/// sum takes the partial sums S_0 … S_{2N+1} for N = 4, 8, 16, … and extrapolates them by
/// Richardson (terms smooth in n, e.g. Σ 1/n², error expansion in 1/n) and by Wynn's ε
/// (alternating or geometric terms), as mpmath's `nsum` does; the estimate whose change between
/// two successive N is smallest is kept. Like `integrate` it runs at N and at ⌈3N/2⌉ + 5 digits and
/// reports only the digits on which the two agree: a divergent series (Σ 1/n) never gets digits.
public enum SeriesSum {
    public static func sum(_ body: Expr, index n: Symbol, from a: BigFloat, to b: BigFloat, digits: Int,
                           functions: [String: NumericFunction] = [:]) throws -> DeclaredIntegral.Result {
        guard !a.isInfinite, let lo = a.exactRational, lo.isInteger else {
            throw OperationError("nsum: the lower limit must be an integer, got \(a.toString(digits: 10))", fix: "start the sum at an integer, e.g. nsum(1/n^2, n, 1, oo)")
        }
        guard b.isInfinite || (b.exactRational?.isInteger ?? false), !(b.isInfinite && b.isNegative) else {
            throw OperationError("nsum: the upper limit must be an integer or oo, got \(b.toString(digits: 10))", fix: "write nsum(f, n, a, b) with integers a ≤ b, or b = oo")
        }
        let second = digits + Swift.max(5, (digits + 1) / 2)
        let first: (value: BigFloat, error: BigFloat, converged: Bool, rule: String, terms: Int)
        let check: (value: BigFloat, error: BigFloat, converged: Bool, rule: String, terms: Int)
        do {
            first = try run(body, n, a, b, digits, functions)
            check = try run(body, n, a, b, second, functions)
        } catch is CompiledIntegrand.NotReal {
            throw OperationError("nsum: the terms are not real", fix: "sum the real and imaginary parts separately")
        }
        let diff = (first.value - check.value).magnitude.rounded(toPrecision: 64)
        var error = BigFloat.maximum(diff, check.error)
        error = BigFloat.maximum(error, first.error.scaled(byPowerOf2: -8))
        let measured = QuadratureResult.digits(value: first.value, error: error)
        let reached = first.converged ? measured : Swift.min(measured, 0)
        return DeclaredIntegral.Result(value: BigComplex(first.value), error: error, digits: Swift.min(reached, digits),
                                       requestedDigits: digits, rule: first.rule, evaluations: first.terms + check.terms)
    }

    static func run(_ body: Expr, _ n: Symbol, _ a: BigFloat, _ b: BigFloat, _ digits: Int,
                    _ functions: [String: NumericFunction]) throws -> (value: BigFloat, error: BigFloat, converged: Bool, rule: String, terms: Int) {
        let p = BigFloat.bits(forDigits: digits) + 64
        if !b.isInfinite {
            let count = (b - a).doubleValue + 1
            if count < 1 { return (BigFloat(0, precision: p), BigFloat(0, precision: 64), true, "empty sum", 0) }
            guard count <= 1_000_000 else {
                throw OperationError("nsum: \(Int(count)) terms is too many to add one by one", fix: "sum to oo and subtract, or give a closed form")
            }
            let q = p + Int(Foundation_log2(count).rounded(.up)) + 8
            let f = try CompiledIntegrand(body, variable: n, precision: q, functions: functions)
            var total = BigFloat(0, precision: q), scale = BigFloat(0, precision: 64)
            var k = a.rounded(toPrecision: q)
            for _ in 0..<Int(count) {
                let t = try f.evaluate(k)
                guard t.isFinite else { throw OperationError("nsum: the term at n = \(k.toString(digits: 12)) is not finite") }
                total = total + t
                scale = BigFloat.maximum(scale, t.magnitude.rounded(toPrecision: 64))
                k = k + 1
            }
            let error = (scale * BigFloat(count, precision: 64)).scaled(byPowerOf2: -q + 2)
            return (total, error, true, "\(Int(count)) terms", Int(count))
        }
        let tolerance = BigFloat(10, precision: 64).pow(-digits - 1)
        var best: (value: BigFloat, error: BigFloat, method: String)? = nil
        var previous: (richardson: BigFloat?, wynn: BigFloat?) = (nil, nil)
        var partial: [BigFloat] = []
        var total = BigFloat(0, precision: p)
        var terms = 0
        var N = 4
        let maxN = 64 + 4 * digits
        var q = p
        while N <= maxN {
            // Richardson loses about N·log2(2N) bits to its weights: work above them.
            let needed = p + N * Swift.max(1, Int(Foundation_log2(Double(2 * N)).rounded(.up))) + 32
            if needed > q || partial.isEmpty {
                q = needed
                let f = try CompiledIntegrand(body, variable: n, precision: q, functions: functions)
                partial = []; total = BigFloat(0, precision: q)
                var k = a.rounded(toPrecision: q)
                for _ in 0..<(2 * N + 2) {
                    let t = try f.evaluate(k)
                    guard t.isFinite else { throw OperationError("nsum: the term at n = \(k.toString(digits: 12)) is not finite") }
                    total = total + t; partial.append(total); k = k + 1; terms += 1
                }
            } else {
                let f = try CompiledIntegrand(body, variable: n, precision: q, functions: functions)
                var k = a.rounded(toPrecision: q) + partial.count
                while partial.count < 2 * N + 2 {
                    let t = try f.evaluate(k)
                    guard t.isFinite else { throw OperationError("nsum: the term at n = \(k.toString(digits: 12)) is not finite") }
                    total = total + t; partial.append(total); k = k + 1; terms += 1
                }
            }
            // The terms must go to zero: the last below 3/4 of the one halfway (else Wynn's ε would
            // assign Σ(−1)ⁿ its Abel value 1/2).
            let count = partial.count
            let last = (partial[count - 1] - partial[count - 2]).magnitude
            let middle = (partial[count / 2] - partial[count / 2 - 1]).magnitude
            if !(last * 4 < middle * 3) { N *= 2; continue }
            var candidates: [(BigFloat, BigFloat, String)] = []
            if let (r, weight) = SequenceLimit.richardson(partial) {
                if let old = previous.richardson {
                    let rounding = r.magnitude.rounded(toPrecision: 64) * BigFloat(weight, precision: 64) * BigFloat.power2(-q + 4)
                    candidates.append((r, (r - old).magnitude.rounded(toPrecision: 64) + rounding, "Richardson"))
                }
                previous.richardson = r
            }
            if let (w, e) = SequenceLimit.wynnEpsilon(Array(partial.suffix(2 * (digits + 10) + 1))) {
                if let old = previous.wynn {
                    candidates.append((w, BigFloat.maximum(e, (w - old).magnitude.rounded(toPrecision: 64)), "Wynn ε"))
                }
                previous.wynn = w
            }
            for c in candidates where best == nil || c.1 < best!.error { best = (c.0.rounded(toPrecision: p), c.1, c.2) }
            if let b = best, b.error <= tolerance * b.value.magnitude.rounded(toPrecision: 64) {
                return (b.value, b.error, true, "\(partial.count) terms + \(b.method)", terms)
            }
            N *= 2
        }
        guard let b = best else {
            // No estimate: the terms do not decay. The error says there is no digit.
            let last = partial.count >= 2 ? (partial[partial.count - 1] - partial[partial.count - 2]).magnitude : total.magnitude
            return (total, BigFloat.maximum(total.magnitude, last) + 1, false, "terms that do not decay (no limit)", terms)
        }
        return (b.value, b.error, false, "\(partial.count) terms + \(b.method) (not converged)", terms)
    }
}
