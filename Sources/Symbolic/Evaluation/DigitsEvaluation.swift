import CMPFR

/// The result of evaluating an expression to N correct significant digits.
///
/// Soundness rests on ball arithmetic (`RealBall`, `ComplexBall`, `BallEvaluator`): the
/// expression is evaluated as a ball that provably contains its exact value — exact inputs enter
/// with their rounding error as the radius, every operation adds its own rounding and propagates
/// its inputs' radii through a bound of the derivative over the whole ball. The working
/// precision is raised until the ball rounds to a single N-digit decimal (then `text` is the
/// correctly rounded value) or the precision ceiling is reached. Evaluating at two precisions and
/// comparing, the method this replaces, cannot see an input that both precisions round the same
/// way (sin(2^200 + 1) at 30 digits); a ball can, because the rounding of 2^200 + 1 is its radius.
///
/// The ceiling adapts to the input (`BigFloat.precisionCeiling`): wide exact numbers (10^1000 in
/// sin(10^1000), 10^−1000 in e^(10^−1000) − 1) raise it, so that argument reduction and
/// cancellation are paid for whatever `digits` is; asking for fewer digits never refuses where
/// more succeed. When the ceiling is reached, the status is `inconclusive` and `text` is an
/// interval `mid ± radius` that encloses the value.
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
    /// The midpoint of the enclosure at the highest working precision used.
    public var value: BigComplex
    /// The value rounded to `digits` significant digits (per component, aligned to the larger
    /// one); when inconclusive with no digit certain, an enclosure "mid ± radius".
    public var text: String
    /// Digits requested.
    public var requestedDigits: Int
    /// Correct significant digits achieved (= requested when converged).
    public var digits: Int
    /// A bound of |exact − value| (the radius of the enclosure: |Δre| + |Δim|). A proved bound
    /// unless `isRigorous` is false (a registered function without error bound was called).
    public var errorEstimate: BigFloat
    /// Working precision of `value`, in bits.
    public var precision: Int
    /// False when a registered numeric function (`.call`) entered the value: its radius is an
    /// estimate, not a bound.
    public var isRigorous: Bool = true

    /// True when `text` carries the requested digits.
    public var isConverged: Bool { status == .converged }
    /// The error bound as a short decimal string rounded up, e.g. "3.1e-75".
    public var errorText: String { errorEstimate.upperString(digits: 2) }
}

extension Expr {
    /// Evaluates to `digits` correct significant digits, with symbols set to exact values.
    ///
    /// `values` maps symbols to closed exact expressions (3/2, sqrt(2), pi/4): they are
    /// evaluated as balls at every working precision, so no input rounding limits the result.
    /// `maxPrecision` (bits) caps the working precision; by default the ceiling adapts to the
    /// input (`BigFloat.precisionCeiling`).
    ///
    /// - Throws: `EvaluationError` for unbound symbols, unknown functions, invalid values, and
    ///   singularities (a pole, a branch point, a zero argument of log) that persist at every
    ///   precision tried.
    public func evaluate(digits: Int, at values: [Symbol: Expr] = [:],
                         functions: [String: NumericFunction] = [:],
                         maxPrecision: Int? = nil) throws -> DigitsEvaluation {
        for (s, v) in values where !v.freeSymbols.isEmpty {
            throw EvaluationError.invalidValue("\(s.name) = \(evaluationText(v)) contains symbols")
        }
        let n = Swift.max(1, digits)
        let base = BigFloat.bits(forDigits: n)
        let inputBits = values.values.reduce(self.inputBits) { $0 + $1.inputBits }
        let cap = maxPrecision ?? BigFloat.precisionCeiling(digits: n, inputBits: inputBits)
        let expr = self
        // Rational values are known exactly: only the final rounding remains.
        if values.values.allSatisfy(\.isNumber),
           let exact = try? evaluateExactly(at: values.compactMapValues(\.numberValue)) {
            if exact.isZero {
                return DigitsEvaluation(status: .converged, value: BigComplex(0, precision: base), text: "0",
                                        requestedDigits: n, digits: n, errorEstimate: BigFloat(0, precision: 64),
                                        precision: base)
            }
            return try DigitsEvaluation.enclose(digits: n, basePrecision: base, maxPrecision: cap) { p in
                (ComplexBall(exact, precision: p), true)
            }
        }
        return try DigitsEvaluation.enclose(digits: n, basePrecision: base, maxPrecision: cap) { p in
            var cache: [Symbol: ComplexBall] = [:]
            let valueEvaluator = BallEvaluator(precision: p, functions: functions)
            let evaluator = BallEvaluator(precision: p, functions: functions) { e in
                guard case .symbol(let s) = e else { return nil }
                if let c = cache[s] { return c }
                guard let v = values[s] else { throw EvaluationError.unboundSymbol(s.name) }
                let c = try valueEvaluator.evaluate(v)
                cache[s] = c
                return c
            }
            let v = try evaluator.evaluate(expr)
            return (v, !evaluator.usedUnprovenFunctions && !valueEvaluator.usedUnprovenFunctions)
        }
    }

    /// Evaluates to `digits` correct significant digits with symbols set to rationals.
    public func evaluate(digits: Int, at values: [Symbol: BigRational],
                         functions: [String: NumericFunction] = [:],
                         maxPrecision: Int? = nil) throws -> DigitsEvaluation {
        try evaluate(digits: digits, at: values.mapValues { Expr($0) }, functions: functions, maxPrecision: maxPrecision)
    }
}

extension DigitsEvaluation {
    /// The precision-raising loop on enclosures: evaluates at base + 32 bits, then at the
    /// precision the last radius says is missing (doubling when the ball still contains 0), until
    /// the ball rounds to one `digits`-digit decimal or `cap` is passed. `evaluateAt(p)` returns
    /// the enclosure at p bits and whether it is rigorous.
    static func enclose(digits n: Int, basePrecision base: Int, maxPrecision cap: Int,
                        _ evaluateAt: (Int) throws -> (ComplexBall, Bool)) throws -> DigitsEvaluation {
        var p = Swift.min(base + 32, Swift.max(cap, BigFloat.minimumPrecision))
        var lastError: EvaluationError? = nil
        var best: (ball: ComplexBall, rigorous: Bool)? = nil
        var triedCap = false
        while true {
            do {
                let (ball, rigorous) = try evaluateAt(p)
                best = (ball, rigorous)
                if ball.isExactZero {
                    return DigitsEvaluation(status: .converged, value: ball.mid, text: "0", requestedDigits: n, digits: n,
                                            errorEstimate: RealBall.zeroRadius, precision: p, isRigorous: rigorous)
                }
                let err = ball.radius
                if let text = roundedText(ball.mid, digits: n, error: err) {
                    return DigitsEvaluation(status: .converged, value: ball.mid, text: text, requestedDigits: n,
                                            digits: n, errorEstimate: err, precision: p, isRigorous: rigorous)
                }
            } catch let e as EvaluationError where e.mayVanishAtHigherPrecision {
                lastError = e
            }
            if p >= cap || triedCap { break }
            var next = 2 * p
            if let b = best?.ball, b.precision == p, !b.containsZero, !b.radius.isZero {
                // Bits the enclosure still lacks: log2(radius/|mid|) + bits(n) + 8, plus a margin.
                let have = b.mid.magnitude.exponent - b.radius.exponent
                next = Swift.max(p + 32, p + (base + 8 - have) + 32)
                next = Swift.min(next, 4 * p)
            }
            if next >= cap { next = cap; triedCap = true }
            p = next
        }
        guard let b = best else {
            if let e = lastError { throw e }
            throw EvaluationError.domain("maximum precision \(cap) bits is below the \(base + 32) bits needed")
        }
        let ball = b.ball
        let err = ball.radius
        let achieved = agreedDigits(ball.mid, error: err, cap: n)
        let text = achieved > 0 ? (roundedText(ball.mid, digits: achieved, error: err) ?? enclosureText(ball)) : enclosureText(ball)
        let reason = ball.containsZero
            ? "the value is 0 to within \(err.upperString(digits: 2)) at \(ball.precision) bits (the maximum for this input): a zero, or cancellation beyond the ceiling; its digits cannot be certified"
            : "only \(achieved) of \(n) digits are certain at \(ball.precision) bits, the maximum for this input (cancellation or argument reduction needs more)"
        return DigitsEvaluation(status: .inconclusive(reason), value: ball.mid, text: text, requestedDigits: n,
                                digits: achieved, errorEstimate: err, precision: ball.precision, isRigorous: b.rigorous)
    }

    /// "mid ± r" with the printed midpoint's own rounding added to r and r rounded up, so the
    /// printed interval contains every point of the ball.
    static func enclosureText(_ ball: ComplexBall) -> String {
        func part(_ x: BigFloat) -> (String, BigFloat) {
            let s = x.toString(digits: 12)
            let back = BigFloat(s, precision: Swift.max(x.precision, 64) + 64) ?? x
            return (s, (x - back).magnitude.rounded(up: RealBall.radiusPrecision))
        }
        let (re, dre) = part(ball.re.mid)
        var r = Radius.add(ball.radius, dre)
        if ball.isReal { return re + " ± " + r.upperString(digits: 2) }
        let (im, dim) = part(ball.im.mid)
        r = Radius.add(r, dim)
        let imText = im.hasPrefix("-") ? " - " + String(im.dropFirst()) : " + " + im
        return "(" + re + imText + "*I) ± " + r.upperString(digits: 2)
    }

    /// The two-precision loop kept for callers that evaluate without enclosures (heuristic: it
    /// cannot see input rounding; prefer `enclose`). Evaluates at base + g bits for g = 32, 64,
    /// 128, … and stops when two successive values agree to `digits` and round to the same decimal.
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
                                        digits: n, errorEstimate: err, precision: p, isRigorous: false)
            }
        }
        guard let b = best else {
            if let e = lastError { throw e }
            throw EvaluationError.domain("maximum precision \(cap) bits is below the \(base + 64) bits needed")
        }
        let achieved = agreedDigits(b.value, error: b.error, cap: n)
        let text = achieved > 0 ? (roundedText(b.value, digits: achieved, error: b.error) ?? b.value.toString(digits: achieved))
                                : b.value.toString(digits: 6) + " ± " + b.error.upperString(digits: 2)
        let reason = b.value.magnitude <= b.error
            ? "the value is 0 to within \(b.error.toString(digits: 2)) at \(b.precision) bits; its significant digits cannot be determined"
            : "only \(achieved) of \(n) digits agree between \(b.precision / 2)… and \(b.precision) bits"
        return DigitsEvaluation(status: .inconclusive(reason), value: b.value, text: text, requestedDigits: n,
                                digits: achieved, errorEstimate: b.error, precision: b.precision, isRigorous: false)
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
