/// Rigorous evaluation of an expression as a `ComplexBall` at a fixed working precision.
///
/// Every exact number enters as a ball whose radius is its rounding error at the working
/// precision (zero when it is representable: 2^200 + 1 is exact from 201 bits on); π and e enter
/// with one ulp; every operation encloses (see `RealBall`). So the exact value of the expression
/// lies in the returned ball, whatever the size of the arguments or the cancellation: a huge
/// argument of sin, or e^x − 1 for tiny x, give a wide ball at a low precision instead of wrong
/// digits, and the caller raises the precision until the ball is narrow enough.
///
/// The one exception is a registered function (`.call`): its value comes from a `NumericFunction`
/// with no error bound. Its radius is an estimate (the change between the midpoint at the
/// working precision and at 32 more bits, plus the change when the arguments move by their radii),
/// and `usedUnprovenFunctions` is set so that verdicts can say the bound is not proved.
///
/// Conventions: as `Expr.evaluate(at:precision:functions:)` — principal branches (log, sqrt and
/// non-integer powers cut along the negative real axis, arg ∈ (−π, π]), fermi(z) = 1/(e^z + 1).
final class BallEvaluator {
    let precision: Int
    let functions: [String: NumericFunction]
    /// Value of a node treated as given (symbols; nil to evaluate structurally).
    let leaf: (Expr) throws -> ComplexBall?
    /// Set when a registered function's value (not enclosed) entered the result.
    private(set) var usedUnprovenFunctions = false
    private var cachedPi: RealBall?
    private var cachedE: RealBall?

    init(precision: Int, functions: [String: NumericFunction] = [:], leaf: @escaping (Expr) throws -> ComplexBall? = { _ in nil }) {
        self.precision = precision
        self.functions = functions
        self.leaf = leaf
    }

    /// The enclosure of `e`; throws `EvaluationError` (a ball that contains a pole or a branch
    /// point is `.divisionByZero`/`.domain`, which more precision may remove).
    func evaluate(_ e: Expr) throws -> ComplexBall {
        let v: ComplexBall
        do { v = try value(e) } catch let b as BallError {
            switch b {
            case .containsZero(let what) where what == "divisor" || what.hasPrefix("base"):
                throw EvaluationError.divisionByZero(evaluationText(e))
            case .containsZero(let what): throw EvaluationError.domain("\(evaluationText(e)) (\(what) may be 0 at \(precision) bits)")
            case .branchCut(let what): throw EvaluationError.domain("\(evaluationText(e)) (the \(what) meets its branch cut at \(precision) bits)")
            case .overflow(let what): throw EvaluationError.domain("\(evaluationText(e)) (\(what) overflows)")
            }
        }
        guard v.isFinite else { throw EvaluationError.domain(evaluationText(e)) }
        return v
    }

    /// The enclosure of `e` and the largest |term| of its outermost sum (|value| when it is not a
    /// sum): the scale against which a value that cancels to 0 is judged.
    func evaluateWithTermScale(_ e: Expr) throws -> (ComplexBall, BigFloat) {
        guard case .sum(let ts) = e, try leaf(e) == nil else {
            let v = try evaluate(e)
            return (v, v.magnitudeUpper)
        }
        var total: ComplexBall? = nil
        var scale = RealBall.zeroRadius
        for t in ts {
            let v = try evaluate(t)
            scale = BigFloat.maximum(scale, v.magnitudeUpper)
            total = total.map { $0 + v } ?? v
        }
        guard total!.isFinite else { throw EvaluationError.domain(evaluationText(e)) }
        return (total!, BigFloat.maximum(scale, total!.magnitudeUpper))
    }

    private func value(_ e: Expr) throws -> ComplexBall {
        if let v = try leaf(e) { return v }
        switch e {
        case .number(let z):
            return ComplexBall(z, precision: precision)
        case .symbol(let s):
            throw EvaluationError.unboundSymbol(s.name)
        case .constant(let c):
            switch c {
            case .pi:
                if cachedPi == nil { cachedPi = RealBall.pi(precision: precision) }
                return ComplexBall(cachedPi!)
            case .e:
                if cachedE == nil { cachedE = RealBall(1, precision: precision).exp() }
                return ComplexBall(cachedE!)
            }
        case .sum(let ts):
            var total = try value(ts[0])
            for t in ts.dropFirst() { total = total + (try value(t)) }
            return total
        case .product(let fs):
            var total = try value(fs[0])
            for f in fs.dropFirst() { total = total * (try value(f)) }
            return total
        case .power(let b, let x):
            let base = try value(b)
            if let n = x.integerValue {
                if base.isExactZero {
                    if n < 0 { throw BallError.containsZero("divisor") }
                    return n == 0 ? ComplexBall(1, precision: precision) : base
                }
                return try base.pow(n)
            }
            if x == .half { return try base.sqrt() }
            return try base.pow(try value(x))
        case .function(let f, let x):
            let z = try value(x)
            switch f {
            case .re: return ComplexBall(z.re)
            case .im: return ComplexBall(z.im)
            case .conj: return z.conjugate
            case .abs: return z.magnitude
            case .exp: return z.exp()
            case .log: return try z.log()
            case .sin: return z.sin()
            case .cos: return z.cos()
            case .tan: return try z.tan()
            case .atan: return try z.atan()
            case .sinh: return z.sinh()
            case .cosh: return z.cosh()
            case .tanh: return try z.tanh()
            case .fermi: return try z.fermi()
            }
        case .call(let name, let args):
            if BindingForm(name: name) != nil {
                // The form's own error bound (two independent evaluations that agree) is the radius;
                // it is an estimate, not a proof, hence `usedUnprovenFunctions`.
                usedUnprovenFunctions = true
                let r = try NumericBindings.evaluate(e, precision: precision, functions: functions,
                                                     limit: { try self.value($0).mid },
                                                     parameter: { try self.value(.symbol($0)).mid })
                let rad = Radius.add(r.error.rounded(up: RealBall.radiusPrecision), r.value.magnitude.unitInLastPlace)
                return ComplexBall(RealBall(mid: r.value.re, rad: rad), RealBall(mid: r.value.im, rad: r.value.im.isZero ? RealBall.zeroRadius : rad))
            }
            guard let fn = functions[name] else { throw EvaluationError.unknownFunction(name) }
            usedUnprovenFunctions = true
            let balls = try args.map { try value($0) }
            func call(_ values: [BigComplex], _ p: Int) throws -> BigComplex {
                let v: BigComplex
                do { v = try fn(values, p) } catch let error as EvaluationError { throw error }
                catch { throw EvaluationError.domain("\(name): \(error)") }
                guard v.isFinite else { throw EvaluationError.domain(evaluationText(e)) }
                return v
            }
            let mids = balls.map(\.mid)
            let v = try call(mids, precision)
            let finer = try call(mids.map { BigComplex(BigFloat($0.re, precision: precision + 32), BigFloat($0.im, precision: precision + 32)) },
                                 precision + 32)
            var rad = Radius.add((v - finer).magnitude.rounded(up: RealBall.radiusPrecision), v.magnitude.unitInLastPlace)
            if balls.contains(where: { !$0.radius.isZero }) {
                let moved = try call(balls.map { BigComplex($0.re.mid + $0.re.rad, $0.im.mid + $0.im.rad) }, precision)
                rad = Radius.add(rad, Radius.multiply((moved - v).magnitude.rounded(up: RealBall.radiusPrecision), BigFloat(2, precision: 64)))
            }
            return ComplexBall(RealBall(mid: v.re, rad: rad), RealBall(mid: v.im, rad: v.im.isZero && rad.isZero ? rad : rad))
        }
    }
}

extension Expr {
    /// Bits in the exact numbers of this expression (numerators, denominators, real and
    /// imaginary parts), the measure of its input from which the precision ceiling is adapted:
    /// sin(10^1000) needs ≈ 3322 bits more than the digits asked for, e^(10^−1000) − 1 as many.
    var inputBits: Int {
        switch self {
        case .number(let z):
            return [z.re, z.im].reduce(0) { $0 + $1.numerator.bitWidth + $1.denominator.bitWidth }
        case .symbol, .constant: return 0
        case .sum(let xs), .product(let xs), .call(_, let xs): return xs.reduce(0) { $0 + $1.inputBits }
        case .power(let b, let x): return b.inputBits + x.inputBits
        case .function(_, let x): return x.inputBits
        }
    }
}

extension BigFloat {
    /// The default precision ceiling for an evaluation of `digits` digits whose exact inputs have
    /// `inputBits` bits: 8·bits(digits) + 2048 as before, raised to 4·(bits(digits) + inputBits)
    /// + 2048 when the input is wide (argument reduction and cancellation cost about as many bits
    /// as the input carries), never above `hardPrecisionCeiling`.
    static func precisionCeiling(digits: Int, inputBits: Int) -> Int {
        let base = bits(forDigits: digits)
        return Swift.min(hardPrecisionCeiling, Swift.max(8 * base + 2048, 4 * (base + inputBits) + 2048))
    }
    /// No evaluation goes above 2^22 bits (about 1.26 million digits) without being asked to.
    static let hardPrecisionCeiling = 1 << 22
}
