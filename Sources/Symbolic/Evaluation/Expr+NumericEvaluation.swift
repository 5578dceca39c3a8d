/// Numeric evaluation at a fixed working precision.
extension Expr {
    /// The value of this expression at `precision` bits when every symbol takes the given complex
    /// value (rounded to `precision`).
    ///
    /// Every operation is carried out in MPFR at `precision` bits (complex arithmetic per component,
    /// see `BigComplex`), so the result is accurate to about `precision` bits less the bits lost to
    /// cancellation and argument reduction — with no bound on that loss. For digits that are
    /// guaranteed use `evaluate(digits:at:functions:)`, which evaluates enclosures (`BallEvaluator`).
    /// Conventions: principal branches (log and non-integer powers cut along the negative real axis,
    /// arg ∈ (−π, π], atan z = (i/2)[log(1 − iz) − log(1 + iz)]); π and e at the working precision;
    /// `fermi(z) = 1/(e^z + 1)`; `.call(name, args)` nodes are evaluated by `functions[name]`.
    ///
    /// - Throws: `EvaluationError.unboundSymbol`, `.unknownFunction`, `.divisionByZero` (a
    ///   denominator evaluates to 0 at this precision), `.domain` (log 0, overflow, NaN).
    public func evaluate(at values: [Symbol: BigComplex], precision: Int,
                         functions: [String: NumericFunction] = [:]) throws -> BigComplex {
        let evaluator = NumericEvaluator(precision: precision, functions: functions, trackScale: false) { e in
            if case .symbol(let s) = e {
                guard let v = values[s] else { throw EvaluationError.unboundSymbol(s.name) }
                return v
            }
            return nil
        }
        return try evaluator.evaluateChecked(self).value
    }
}

/// A value with the magnitude scale of the terms that produced it: for a sum, the largest term;
/// for a product, the product of the factors' scales. |value| ≪ scale signals cancellation, and
/// rounding errors are relative to the scale, not to |value|.
struct ScaledValue {
    var value: BigComplex
    var scale: BigFloat?
}

/// The tree-walking evaluator behind `Expr.evaluate(at:precision:functions:)`.
final class NumericEvaluator {
    let precision: Int
    let functions: [String: NumericFunction]
    let trackScale: Bool
    /// Value of a node treated as given (symbols; return nil to evaluate structurally).
    let leaf: (Expr) throws -> BigComplex?
    private var cachedPi: BigFloat?
    private var cachedE: BigFloat?

    init(precision: Int, functions: [String: NumericFunction], trackScale: Bool,
         leaf: @escaping (Expr) throws -> BigComplex?) {
        self.precision = precision
        self.functions = functions
        self.trackScale = trackScale
        self.leaf = leaf
    }

    static let scalePrecision = 32

    func evaluateChecked(_ e: Expr) throws -> ScaledValue {
        let v = try evaluate(e)
        guard v.value.isFinite else { throw EvaluationError.domain(evaluationText(e)) }
        return v
    }

    private func real(_ x: BigFloat) -> BigComplex { BigComplex(x) }
    private func magnitudeScale(_ v: BigComplex) -> BigFloat? {
        trackScale ? BigFloat(v.magnitude, precision: Self.scalePrecision) : nil
    }
    private func plain(_ v: BigComplex) -> ScaledValue { ScaledValue(value: v, scale: magnitudeScale(v)) }

    func evaluate(_ e: Expr) throws -> ScaledValue {
        if let v = try leaf(e) {
            let r = BigComplex(BigFloat(v.re, precision: precision), BigFloat(v.im, precision: precision))
            return plain(r)
        }
        switch e {
        case .number(let z):
            return plain(BigComplex(z, precision: precision))
        case .symbol(let s):
            throw EvaluationError.unboundSymbol(s.name)
        case .constant(let c):
            switch c {
            case .pi:
                if cachedPi == nil { cachedPi = BigFloat.pi(precision: precision) }
                return plain(real(cachedPi!))
            case .e:
                if cachedE == nil { cachedE = BigFloat.e(precision: precision) }
                return plain(real(cachedE!))
            }
        case .sum(let ts):
            var total = try evaluate(ts[0])
            for t in ts.dropFirst() {
                let v = try evaluate(t)
                total.value = total.value + v.value
                if trackScale { total.scale = BigFloat.maximum(total.scale!, v.scale!) }
            }
            if trackScale { total.scale = BigFloat.maximum(total.scale!, BigFloat(total.value.magnitude, precision: Self.scalePrecision)) }
            return total
        case .product(let fs):
            var total = try evaluate(fs[0])
            for f in fs.dropFirst() {
                let v = try evaluate(f)
                total.value = total.value * v.value
                if trackScale { total.scale = total.scale! * v.scale! }
            }
            return total
        case .power(let b, let x):
            return try power(b, x, whole: e)
        case .function(let f, let x):
            return try function(f, x, whole: e)
        case .call(let name, let args):
            if BindingForm(name: name) != nil {
                let r = try NumericBindings.evaluate(e, precision: precision, functions: functions,
                                                     limit: { try self.evaluate($0).value },
                                                     parameter: { try self.evaluate(.symbol($0)).value })
                // Without an enclosure the value must carry its digits: refuse one that does not.
                let m = r.value.magnitude
                if !r.error.isZero && !(r.error <= BigFloat(m, precision: 64).scaled(byPowerOf2: -(precision / 2))) {
                    throw EvaluationError.domain("\(name): only \(r.value) ± \(r.error.toString(digits: 2)) could be confirmed")
                }
                return plain(r.value)
            }
            guard let fn = functions[name] else { throw EvaluationError.unknownFunction(name) }
            let values = try args.map { try evaluate($0).value }
            let v: BigComplex
            do { v = try fn(values, precision) } catch let error as EvaluationError { throw error }
            catch { throw EvaluationError.domain("\(name): \(error)") }
            guard v.isFinite else { throw EvaluationError.domain(evaluationText(e)) }
            return plain(v)
        }
    }

    private func power(_ b: Expr, _ x: Expr, whole: Expr) throws -> ScaledValue {
        let base = try evaluate(b)
        if let n = x.integerValue {
            if base.value.isZero {
                if n < 0 { throw EvaluationError.divisionByZero(evaluationText(whole)) }
                return base
            }
            let v = base.value.pow(n)
            var scale: BigFloat? = nil
            if trackScale {
                // d(b^n) = n b^(n−1) db: for n < 0 the error grows like |n| s_b/|b|^(|n|+1).
                scale = n > 0 ? base.scale!.pow(n)
                    : propagated(v, base.scale! * BigFloat(-n, precision: Self.scalePrecision) / magnitude(base.value).pow(1 - n))
            }
            return ScaledValue(value: v, scale: scale)
        }
        if x == .half {
            if base.value.isZero { return base }
            let v = base.value.sqrt()
            return ScaledValue(value: v, scale: trackScale ? propagated(v, base.scale! / magnitude(v).scaled(byPowerOf2: 1)) : nil)
        }
        let exponent = try evaluate(x)
        let w = exponent.value
        if base.value.isZero {
            if w.re.signum > 0 { return base }
            throw EvaluationError.divisionByZero(evaluationText(whole))
        }
        // b^w = exp(w log b): the phase Im(w log b) is reduced modulo 2π.
        if !w.im.isZero || base.value.re.isNegative || !base.value.im.isZero {
            try requireReducible((w * base.value.log()).im, whole)
        }
        let v = base.value.pow(w)
        guard trackScale else { return plain(v) }
        // d(b^w) = b^w (w db/b + log b dw)
        let logB = magnitude(base.value.log())
        let spread = base.scale! * magnitude(w) / magnitude(base.value) + exponent.scale! * logB
        return ScaledValue(value: v, scale: propagated(v, magnitude(v) * spread))
    }

    /// A phase t that a periodic function reduces modulo 2π must be smaller than 2^(precision + 64):
    /// beyond, its own rounding exceeds the period (no digit of the result would mean anything), and
    /// MPFR's exact reduction would compute π to as many bits as t has — minutes for t ~ 2^(10⁷), as
    /// fuzzing found. The error is one that a higher precision may remove, so the adaptive evaluation
    /// raises the precision (up to its ceiling) or refuses.
    private func requireReducible(_ t: BigFloat, _ whole: Expr) throws {
        guard t.isFinite, !t.isZero, t.exponent > precision + 64 else { return }
        throw EvaluationError.domain(evaluationText(whole) + " (a phase of about 2^\(t.exponent) exceeds what \(precision) bits resolve)")
    }

    /// |z| at the scale precision.
    private func magnitude(_ z: BigComplex) -> BigFloat { BigFloat(z.magnitude, precision: Self.scalePrecision) }

    /// Scale of a function value: the larger of |v| (its own rounding) and the propagated input
    /// error |f′|·scale(input) (finite; infinite propagation means "no information": |v|).
    private func propagated(_ v: BigComplex, _ inputError: BigFloat) -> BigFloat {
        let own = magnitude(v)
        guard inputError.isFinite else { return own }
        return BigFloat.maximum(own, inputError)
    }

    private func function(_ f: MathFunction, _ x: Expr, whole: Expr) throws -> ScaledValue {
        let arg = try evaluate(x)
        let z = arg.value
        switch f {
        case .re: return ScaledValue(value: real(z.re), scale: arg.scale)
        case .im: return ScaledValue(value: real(z.im), scale: arg.scale)
        case .conj: return ScaledValue(value: z.conjugate, scale: arg.scale)
        case .abs: return ScaledValue(value: real(z.magnitude), scale: arg.scale)
        default: break
        }
        let one = BigComplex(1, precision: precision)
        switch f {
        case .exp, .sinh, .cosh, .tanh, .fermi: try requireReducible(z.im, whole)
        case .sin, .cos, .tan: try requireReducible(z.re, whole)
        default: break
        }
        let v: BigComplex
        switch f {
        case .exp: v = z.exp()
        case .log:
            if z.isZero { throw EvaluationError.domain(evaluationText(whole)) }
            v = z.log()
        case .sin: v = z.sin()
        case .cos: v = z.cos()
        case .tan:
            if z.im.isZero { v = real(z.re.tan()) } else {
                let c = z.cos()
                if c.isZero { throw EvaluationError.divisionByZero(evaluationText(whole)) }
                v = z.sin() / c
            }
        case .atan:
            if z.im.isZero { v = real(z.re.atan()) } else {
                // atan z = (i/2)[log(1 − iz) − log(1 + iz)]
                let iz = BigComplex.i(precision: precision) * z
                let a = one - iz, b = one + iz
                if a.isZero || b.isZero { throw EvaluationError.domain(evaluationText(whole)) }
                v = (a.log() - b.log()) * BigComplex(BigFloat(0, precision: precision), BigFloat(1, precision: precision).scaled(byPowerOf2: -1))
            }
        case .sinh:
            v = z.im.isZero ? real(z.re.sinh()) : (z.exp() - (-z).exp()) * BigFloat(1, precision: precision).scaled(byPowerOf2: -1)
        case .cosh:
            v = z.im.isZero ? real(z.re.cosh()) : (z.exp() + (-z).exp()) * BigFloat(1, precision: precision).scaled(byPowerOf2: -1)
        case .tanh:
            if z.im.isZero { v = real(z.re.tanh()) } else {
                // tanh z = (1 − e^{−2z})/(1 + e^{−2z}) for Re z ≥ 0, odd otherwise.
                let w = z.re.isNegative ? -z : z
                let t = (w * BigFloat(-2, precision: precision)).exp()
                let d = one + t
                if d.isZero { throw EvaluationError.divisionByZero(evaluationText(whole)) }
                let r = (one - t) / d
                v = z.re.isNegative ? -r : r
            }
        case .fermi:
            if z.im.isZero { v = real(z.re.fermi()) } else {
                // 1/(e^z + 1) = e^{−z}/(1 + e^{−z}) for Re z ≥ 0 (no overflow).
                let t = z.re.isNegative ? z.exp() : (-z).exp()
                let d = one + t
                if d.isZero { throw EvaluationError.divisionByZero(evaluationText(whole)) }
                v = z.re.isNegative ? one / d : t / d
            }
        case .re, .im, .conj, .abs: fatalError("handled above")
        }
        guard v.isFinite else { throw EvaluationError.domain(evaluationText(whole)) }
        guard trackScale, let s = arg.scale else { return plain(v) }
        // First-order propagation of the argument's error: |f′(z)|·scale(z), f′ bounded simply.
        let unit = BigFloat(1, precision: Self.scalePrecision)
        let derivative: BigFloat
        switch f {
        case .exp: derivative = magnitude(v)
        case .log: derivative = unit / magnitude(z)
        case .sin, .cos: derivative = BigFloat(z.im.magnitude, precision: Self.scalePrecision).exp()
        case .tan: derivative = unit + magnitude(v * v)
        case .atan: derivative = unit / magnitude(one + z * z)
        case .tanh: derivative = magnitude(one - v * v)
        case .sinh, .cosh: derivative = magnitude(v) + unit
        case .fermi: derivative = magnitude(v) * magnitude(one - v)
        case .re, .im, .conj, .abs: derivative = unit
        }
        return ScaledValue(value: v, scale: propagated(v, derivative * s))
    }
}
