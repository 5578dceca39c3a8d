/// The result of evaluating an expression to N correct significant digits.
///
/// The working precision is N digits plus guard bits; the guard is doubled and the expression
/// re-evaluated until two evaluations at different precisions agree to N digits and the
/// interval value ± error rounds to the same N-digit decimal (so `text` is correctly rounded
/// when the error estimate holds). If that does not happen below the maximum precision (strong
/// cancellation, a value that is zero), the status is `inconclusive` and `digits` says how many
/// digits the last two evaluations did share.
public struct DigitsEvaluation: Sendable {
    /// Whether the requested digits were reached.
    public enum Status: Sendable, Equatable {
        /// `text` has the requested number of correct digits.
        case converged
        /// The requested digits were not reached; the reason says why.
        case inconclusive(String)
    }
    /// Converged, or inconclusive with the reason.
    public var status: Status
    /// The value at the highest working precision used.
    public var value: BigComplex
    /// The value rounded to `digits` significant digits (per component, aligned to the larger one).
    public var text: String
    /// Digits requested.
    public var requestedDigits: Int
    /// Correct significant digits achieved (= requested when converged).
    public var digits: Int
    /// Estimated absolute error of `value`: the difference between the last two evaluations
    /// (each evaluation at least doubles the guard bits, so this overestimates the error of the
    /// more precise one).
    public var errorEstimate: BigFloat
    /// Working precision of `value`, in bits.
    public var precision: Int

    /// True when `text` carries the requested digits.
    public var isConverged: Bool { status == .converged }
    /// The error estimate as a short decimal string, e.g. "3.1e-75".
    public var errorText: String { errorEstimate.toString(digits: 2) }
}

extension Expr {
    /// Evaluates to `digits` correct significant digits, with symbols set to exact values.
    ///
    /// `values` maps symbols to closed exact expressions (3/2, sqrt(2), pi/4): they are
    /// re-evaluated at every working precision, so no input rounding limits the result.
    /// `maxPrecision` (bits) caps the working precision; default 8·bits(digits) + 2048.
    ///
    /// - Throws: `EvaluationError` for unbound symbols, unknown functions, invalid values, and
    ///   singularities that persist at every precision tried.
    public func evaluate(digits: Int, at values: [Symbol: Expr] = [:],
                         functions: [String: NumericFunction] = [:],
                         maxPrecision: Int? = nil) throws -> DigitsEvaluation {
        for (s, v) in values where !v.freeSymbols.isEmpty {
            throw EvaluationError.invalidValue("\(s.name) = \(evaluationText(v)) contains symbols")
        }
        let n = Swift.max(1, digits)
        let base = BigFloat.bits(forDigits: n)
        let cap = maxPrecision ?? (8 * base + 2048)
        let expr = self
        // Rational values are known exactly: only the final rounding remains.
        if values.values.allSatisfy(\.isNumber),
           let exact = try? evaluateExactly(at: values.compactMapValues(\.numberValue)) {
            if exact.isZero {
                return DigitsEvaluation(status: .converged, value: BigComplex(0, precision: base), text: "0",
                                        requestedDigits: n, digits: n, errorEstimate: BigFloat(0, precision: 64),
                                        precision: base)
            }
            return try DigitsEvaluation.converge(digits: n, basePrecision: base, maxPrecision: cap) {
                BigComplex(exact, precision: $0)
            }
        }
        func evaluateAt(_ p: Int) throws -> BigComplex {
            var cache: [Symbol: BigComplex] = [:]
            let valueEvaluator = NumericEvaluator(precision: p, functions: functions, trackScale: false) { _ in nil }
            let evaluator = NumericEvaluator(precision: p, functions: functions, trackScale: false) { e in
                guard case .symbol(let s) = e else { return nil }
                if let c = cache[s] { return c }
                guard let v = values[s] else { throw EvaluationError.unboundSymbol(s.name) }
                let c = try valueEvaluator.evaluateChecked(v).value
                cache[s] = c
                return c
            }
            return try evaluator.evaluateChecked(expr).value
        }
        return try DigitsEvaluation.converge(digits: n, basePrecision: base, maxPrecision: cap, evaluateAt)
    }

    /// Evaluates to `digits` correct significant digits with symbols set to rationals.
    public func evaluate(digits: Int, at values: [Symbol: BigRational],
                         functions: [String: NumericFunction] = [:],
                         maxPrecision: Int? = nil) throws -> DigitsEvaluation {
        try evaluate(digits: digits, at: values.mapValues { Expr($0) }, functions: functions, maxPrecision: maxPrecision)
    }
}

extension DigitsEvaluation {
    /// The precision-raising loop: evaluates at base + g bits for g = 32, 64, 128, … and stops when
    /// two successive values agree to `digits` and round to the same decimal string.
    static func converge(digits n: Int, basePrecision base: Int, maxPrecision cap: Int,
                         _ evaluateAt: (Int) throws -> BigComplex) throws -> DigitsEvaluation {
        var guardBits = 32
        var previous: BigComplex? = nil
        var lastError: EvaluationError? = nil
        var best: (value: BigComplex, error: BigFloat, precision: Int)? = nil
        while base + guardBits <= cap {
            let p = base + guardBits
            guardBits *= 2
            let current: BigComplex
            do { current = try evaluateAt(p) } catch let e as EvaluationError where e.mayVanishAtHigherPrecision {
                lastError = e
                previous = nil
                continue
            }
            defer { previous = current }
            guard let prev = previous else { continue }
            let err = BigFloat.maximum((current - prev).magnitude, current.magnitude.scaled(byPowerOf2: -p))
                .rounded(toPrecision: 64)
            best = (current, err, p)
            if current.isZero { continue }
            if let text = roundedText(current, digits: n, error: err) {
                return DigitsEvaluation(status: .converged, value: current, text: text, requestedDigits: n,
                                        digits: n, errorEstimate: err, precision: p)
            }
        }
        guard let b = best else {
            if let e = lastError { throw e }
            throw EvaluationError.domain("maximum precision \(cap) bits is below the \(base + 64) bits needed")
        }
        let achieved = agreedDigits(b.value, error: b.error, cap: n)
        let text = achieved > 0 ? (roundedText(b.value, digits: achieved, error: b.error) ?? b.value.toString(digits: achieved))
                                : "0 ± " + b.error.toString(digits: 2)
        let reason = b.value.isZero
            ? "the value evaluates to 0 at \(b.precision) bits: 0 to within rounding, its significant digits cannot be certified"
            : b.value.magnitude <= b.error
            ? "the value is 0 to within \(b.error.toString(digits: 2)) at \(b.precision) bits; its significant digits cannot be determined (a zero, or cancellation beyond the maximum precision)"
            : "only \(achieved) of \(n) digits agree between \(b.precision / 2)… and \(b.precision) bits (cancellation needs more than the maximum precision \(cap) bits)"
        return DigitsEvaluation(status: .inconclusive(reason), value: b.value, text: text, requestedDigits: n,
                                digits: achieved, errorEstimate: b.error, precision: b.precision)
    }

    /// Decimal exponent ⌊log10 |x|⌋ (x ≠ 0).
    static func decimalExponent(_ x: BigFloat) -> Int {
        Int(x.magnitude.rounded(toPrecision: 64).log10().doubleValue.rounded(.down))
    }

    /// Number of significant digits of |v| that the absolute error `error` leaves intact.
    static func agreedDigits(_ v: BigComplex, error: BigFloat, cap: Int) -> Int {
        let m = v.magnitude
        if m.isZero || m <= error { return 0 }
        if error.isZero { return cap }
        let ratio = (m / error).rounded(toPrecision: 64).log10().doubleValue
        return Swift.max(0, Swift.min(cap, Int(ratio.rounded(.down))))
    }

    /// The value rounded to `n` significant digits (components aligned to the larger one), or nil
    /// when value ± error would round differently or the error exceeds one unit of the n-th digit.
    static func roundedText(_ v: BigComplex, digits n: Int, error err: BigFloat) -> String? {
        let m = v.magnitude
        if m.isZero { return err.isZero ? "0" : nil }
        let e = Swift.max(v.re.isZero ? Int.min : decimalExponent(v.re), v.im.isZero ? Int.min : decimalExponent(v.im))
        // Unit of the n-th digit: 10^(e − n + 1); require err below it.
        let unit = BigFloat(10, precision: 64).pow(e - n + 1)
        if err >= unit { return nil }
        func component(_ c: BigFloat) -> String?? {
            if c.isZero { return .some(nil) }
            let k = n - (e - decimalExponent(c))
            if k < 1 {
                // Below the resolution of the larger component: it must round to zero there.
                return (c.magnitude + err) * 2 < unit ? .some(nil) : nil
            }
            let s = c.toString(digits: k)
            if !err.isZero {
                guard (c - err).toString(digits: k) == s, (c + err).toString(digits: k) == s else { return nil }
            }
            return .some(s)
        }
        guard let re = component(v.re), let im = component(v.im) else { return nil }
        switch (re, im) {
        case (nil, nil): return "0"
        case (let r?, nil): return r
        case (nil, let i?): return i + "*I"
        case (let r?, let i?):
            return i.hasPrefix("-") ? r + " - " + String(i.dropFirst()) + "*I" : r + " + " + i + "*I"
        }
    }
}
