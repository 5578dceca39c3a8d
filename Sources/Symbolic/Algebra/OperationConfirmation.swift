/// Independent numeric checks of the results of `limit`, `leading`, `series`, `re_part` and
/// `im_part` (see `OperationCertificate`): the function itself is evaluated in MPFR at points
/// approaching the limit point, at several random values of the other symbols inside their
/// assumptions, and at two working precisions (the rounding error is measured, not assumed).
///
/// - limit L: |f(x_j) − L| at x_j = x₀ ± 10^(−8), 10^(−16), 10^(−32), 10^(−48) (or ±10^8 … ±10^48 at ±∞)
///   must fall below 10^(−6)(1 + |L|); it refutes when the distance stays above 10^(−3)(1 + |L|)
///   without decaying at the two closest points.
/// - leading term T: the same for f/T → 1.
/// - series P to order n (remainder O(t^(n + 1/D))): K_j = |f − P| / t_j^(n + 1/D) at t_j = 2^(−b j),
///   j = 1, 2, 3, must stay bounded; a wrong term of order m ≤ n makes K grow like t^(m − n − 1/D),
///   at least 2^(b/D) per step (b = 20 D), which refutes.
/// - re_part/im_part: compared with Re/Im of the value at random points to 10^(−40).
enum OperationConfirmation {
    /// Random points of the other symbols.
    static let parameterPoints = 3
    static let seed: UInt64 = 0x1_2026_1208

    static func lg(_ z: BigFloat) -> Double {
        if z.isZero { return -Double.infinity }
        return z.log10().doubleValue
    }

    /// Values of the symbols other than x at parameter point `index`.
    static func parameters(_ symbols: [Symbol], _ g: inout SeededGenerator, index: Int) -> [Symbol: GaussianRational] {
        var out: [Symbol: GaussianRational] = [:]
        let sign = index == 0 ? 1 : (index == 1 ? -1 : 0)
        for s in symbols { out[s] = SampleDomain(s).numericSample(&g, sign: sign) }
        return out
    }

    static func evaluate(_ e: Expr, _ values: [Symbol: BigComplex], precision: Int) throws -> BigComplex {
        try e.evaluate(at: values, precision: precision)
    }

    static func bind(_ point: [Symbol: GaussianRational], precision: Int) -> [Symbol: BigComplex] {
        point.mapValues { BigComplex($0, precision: precision) }
    }

    /// 10^k exactly as a rational (k may be negative).
    static func powerOfTen(_ k: Int) -> BigRational {
        k >= 0 ? BigRational(BigInt(10).power(k)) : BigRational(BigInt(1), BigInt(10).power(-k))
    }

    static func powerOfTwo(_ k: Int) -> BigRational {
        k >= 0 ? BigRational(BigInt(2).power(k)) : BigRational(BigInt(1), BigInt(2).power(-k))
    }

    /// The variable's value at distance t (exact rational) from the point along the approach.
    static func position(_ point: Expr, t: BigRational, below: Bool, values: [Symbol: BigComplex], precision: Int) throws -> BigComplex {
        if let s = point.infinitySign {
            return BigComplex(GaussianRational(s > 0 ? BigRational(1) / t : -(BigRational(1) / t)), precision: precision)
        }
        let x0 = try evaluate(point, values, precision: precision)
        let h = BigComplex(GaussianRational(below ? -t : t), precision: precision)
        return x0 + h
    }

    static func sides(_ point: Expr, _ approach: Approach, _ x: Symbol) -> [Bool] {
        if point.infinitySign != nil { return [false] }
        // A positive variable reaches 0 only from above (as `Expr.limit` takes it).
        if x.isPositive && point.isZero { return [false] }
        switch approach {
        case .fromAbove: return [false]
        case .fromBelow: return [true]
        case .twoSided: return [false, true]
        }
    }

    /// Calls free of x (formal atoms such as spin traces, numeric functions of the other symbols)
    /// are constants for the operation: each distinct call becomes its own complex symbol, sampled
    /// like the others. Calls that depend on x are left (and make the check unconfirmed).
    static func symbolizingCalls(_ e: Expr, except x: Symbol) -> Expr {
        e.mapBottomUp { node in
            if case .call = node, !node.contains(x) { return .symbol(Symbol("call·" + node.text, .complex)) }
            return node
        }
    }

    /// Checks that f(x) → target(·) as x approaches the point (`ratio`: f/T → 1 instead).
    static func approach(_ f: Expr, to target: Expr, ratio: Bool, variable x: Symbol, point: Expr,
                         approach: Approach, name: String) -> OperationCertificate {
        let f = symbolizingCalls(f, except: x), target = symbolizingCalls(target, except: x)
        let others = (f.freeSymbols.union(target.freeSymbols).union(point.freeSymbols)).subtracting([x]).filter { $0.name != "oo" }.sorted()
        var g = SeededGenerator(seed: seed)
        let exponents = [8, 16, 32, 48]
        var evaluated = 0
        var worst = -Double.infinity
        var problems: [String] = []
        for index in 0..<parameterPoints {
            let point0 = parameters(others, &g, index: index)
            for below in sides(point, approach, x) {
                var distances: [Double] = []
                var scaleLog = 0.0
                do {
                    for k in exponents {
                        var distance = 0.0
                        var settled = false
                        // Raise the precision while rounding (cancellation near the point) hides the distance.
                        for base in [640, 2560, 10240] where !settled {
                            var values: [BigComplex] = []
                            var targetValue: BigComplex? = nil
                            for p in [base, 2 * base] {
                                var bound = bind(point0, precision: p)
                                bound[x] = try position(point, t: powerOfTen(-k), below: below, values: bound, precision: p)
                                let fv = try evaluate(f, bound, precision: p)
                                if ratio {
                                    let tv = try evaluate(target, bound, precision: p)
                                    guard !tv.isZero else { throw EvaluationError.divisionByZero("the leading term vanishes at the check point") }
                                    values.append(fv / tv)
                                    targetValue = BigComplex(1, precision: p)
                                } else {
                                    var plain = bind(point0, precision: p)
                                    plain[x] = BigComplex(0, precision: p)   // the limit does not depend on x
                                    targetValue = try evaluate(target, plain, precision: p)
                                    values.append(fv)
                                }
                            }
                            guard let l = targetValue else { break }
                            let rounding = lg((values[0] - values[1]).magnitude)
                            distance = lg((values[1] - l).magnitude)
                            scaleLog = Swift.max(0, lg(l.magnitude))
                            settled = !(rounding > distance - 3 && distance > -Double(base) * 0.3 + 10)
                        }
                        if !settled { throw EvaluationError.domain("cancellation: the function loses its digits at distance 10^(−\(k)) even at 20480 bits") }
                        distances.append(distance)
                    }
                } catch {
                    problems.append("\(error)")
                    continue
                }
                evaluated += 1
                let tolerance = scaleLog + log10(1 + 1) // log10(1 + |L|) ≈ max(0, log10|L|) + log10 2
                let last = distances[distances.count - 1], previous = distances[distances.count - 2]
                worst = Swift.max(worst, last - tolerance)
                // Refuted: the distance stays well above rounding and does not decay at all (a slowly
                // converging limit such as 1/log x still decays by ≥ 0.1 decade from 10^8 to 10^48).
                if last > tolerance - 8 && last > previous - 0.05 && last > distances[0] - 0.1 {
                    let at = point0.isEmpty ? "" : " at " + SamplePoint(symbols: point0).text
                    return OperationCertificate(operation: name, status: .refuted,
                                                how: "the function stays 10^\(format(last)) away from the result at \(x.name) \(describe(point, below: below, exponent: exponents.last!))\(at) (and 10^\(format(previous)) one step before)")
                }
            }
        }
        guard evaluated > 0 else {
            return OperationCertificate(operation: name, status: .unconfirmed,
                                        how: "not checked numerically (\(problems.first ?? "no evaluable point")); rests on the series construction")
        }
        if worst <= -6 {
            return OperationCertificate(operation: name, status: .confirmed,
                                        how: "checked numerically: \(worst == -Double.infinity ? "equal to" : "within 10^\(format(worst)) (relative to 1 + |result|) of") the function at \(x.name) \(describe(point, below: false, exponent: exponents.last!)), \(evaluated) approach(es) at \(parameterPoints) random point(s) of the other symbols, two working precisions (from 640 bits up)")
        }
        return OperationCertificate(operation: name, status: .unconfirmed,
                                    how: "numeric check inconclusive: the function is still 10^\(format(worst)) away at \(x.name) \(describe(point, below: false, exponent: exponents.last!)) (slow convergence); rests on the series construction")
    }

    static func log10(_ x: Double) -> Double { x <= 0 ? -Double.infinity : _log10(x) }
    static func _log10(_ x: Double) -> Double {
        // Double log10 without Foundation.
        BigFloat(x, precision: 64).log10().doubleValue
    }

    static func format(_ x: Double) -> String {
        if !x.isFinite { return x < 0 ? "-∞" : "∞" }
        return String(Int((x * 10).rounded()) / 10) + (Int((x * 10).rounded()) % 10 == 0 ? "" : "." + String(Swift.abs(Int((x * 10).rounded()) % 10)))
    }

    static func describe(_ point: Expr, below: Bool, exponent k: Int) -> String {
        if let s = point.infinitySign { return "= \(s > 0 ? "" : "−")10^\(k)" }
        return "= \(point) \(below ? "−" : "+") 10^(−\(k))"
    }

    /// Checks a series polynomial P of f to order n (exponents ≤ n, ramification D).
    static func series(_ f: Expr, polynomial: Expr, variable x: Symbol, point: Expr, approach: Approach,
                       order n: Int, ramification d: Int, valuation: Int, name: String) -> OperationCertificate {
        let f = symbolizingCalls(f, except: x), polynomial = symbolizingCalls(polynomial, except: x)
        let others = (f.freeSymbols.union(polynomial.freeSymbols).union(point.freeSymbols)).subtracting([x]).filter { $0.name != "oo" }.sorted()
        var g = SeededGenerator(seed: seed)
        let q = Double(n) + 1 / Double(d)        // remainder O(t^q)
        let b = 20 * d
        let steps = [1, 2, 3]
        let deepest = Double(b * steps.last!) * 0.30103   // decimal digits of t at the last step
        let needed = Int((deepest * (q + Double(Swift.max(0, -valuation)) / Double(d) + 2) + 80) * 3.33)
        guard needed <= 30_000 else {
            return OperationCertificate(operation: name, status: .unconfirmed, how: "not checked numerically (order too high for the check's precision); rests on the series construction")
        }
        let precisions = [needed, 2 * needed]
        var evaluated = 0
        var problems: [String] = []
        var growth = -Double.infinity
        for index in 0..<parameterPoints {
            let point0 = parameters(others, &g, index: index)
            for below in sides(point, approach, x) {
                var ks: [Double] = []
                do {
                    for j in steps {
                        let t = powerOfTwo(-b * j)
                        var rs: [BigComplex] = []
                        for p in precisions {
                            var bound = bind(point0, precision: p)
                            bound[x] = try position(point, t: t, below: below, values: bound, precision: p)
                            rs.append(try evaluate(f, bound, precision: p) - evaluate(polynomial, bound, precision: p))
                        }
                        let r = lg(rs[1].magnitude), rounding = lg((rs[0] - rs[1]).magnitude)
                        if rounding > r - 3 && r > -Double(precisions[1]) * 0.3 + 20 {
                            throw EvaluationError.domain("the remainder is lost to rounding at t = 2^(−\(b * j))")
                        }
                        // log10 K = log10|R| − q log10 t
                        ks.append(r + q * Double(b * j) * 0.30103)
                    }
                } catch {
                    problems.append("\(error)")
                    continue
                }
                evaluated += 1
                // Growth per step of K, in decimal orders; a wrong term grows by ≥ b/D·0.301 = 6 orders per step.
                let g1 = ks[1] - ks[0], g2 = ks[2] - ks[1]
                growth = Swift.max(growth, g2)
                if g1 > 3 && g2 > 3 && ks[2] > -30 {
                    let at = point0.isEmpty ? "" : " at " + SamplePoint(symbols: point0).text
                    return OperationCertificate(operation: name, status: .refuted,
                                                how: "the remainder f − series does not vanish like t^\(format(q)): |f − P|/t^\(format(q)) grows by 10^\(format(g1)), 10^\(format(g2)) as t = 2^(−\(b)), 2^(−\(2 * b)), 2^(−\(3 * b)) (\(below ? "below" : "above") the point\(at)): a term of order ≤ \(n) is wrong")
                }
            }
        }
        guard evaluated > 0 else {
            return OperationCertificate(operation: name, status: .unconfirmed,
                                        how: "not checked numerically (\(problems.first ?? "no evaluable point")); rests on the series construction")
        }
        if growth <= 1.5 {
            return OperationCertificate(operation: name, status: .confirmed,
                                        how: "checked numerically: |f − series|/t^\(format(q)) stays bounded (growth ≤ 10^\(format(Swift.max(growth, 0)))) at t = 2^(−\(b)), 2^(−\(2 * b)), 2^(−\(3 * b)), \(evaluated) approach(es) at \(parameterPoints) random point(s) of the other symbols")
        }
        return OperationCertificate(operation: name, status: .unconfirmed,
                                    how: "numeric check inconclusive (remainder ratio grew by 10^\(format(growth))); rests on the series construction")
    }

    /// Checks Re/Im parts: `part` must equal Re (or Im) of `e` at random points inside the assumptions.
    static func complexPart(_ e: Expr, part: Expr, imaginary: Bool, name: String) -> OperationCertificate {
        let symbols = e.freeSymbols.union(part.freeSymbols).sorted()
        var g = SeededGenerator(seed: seed)
        var evaluated = 0
        var problems: [String] = []
        var worst = -Double.infinity
        let p = 400
        for index in 0..<parameterPoints {
            let point0 = parameters(symbols, &g, index: index)
            do {
                let bound = bind(point0, precision: p)
                let z = try evaluate(e, bound, precision: p), w = try evaluate(part, bound, precision: p)
                let expected = imaginary ? z.im : z.re
                let scale = Swift.max(0, lg(z.magnitude))
                let difference = lg((w - BigComplex(expected)).magnitude) - scale
                worst = Swift.max(worst, difference)
                evaluated += 1
                if difference > -20 {
                    return OperationCertificate(operation: name, status: .refuted,
                                                how: "at \(SamplePoint(symbols: point0).text) the result differs from \(imaginary ? "Im" : "Re") of the value by 10^\(format(difference)) (relative)")
                }
            } catch {
                problems.append("\(error)")
            }
        }
        guard evaluated > 0 else {
            return OperationCertificate(operation: name, status: .unconfirmed, how: "not checked numerically (\(problems.first ?? "no evaluable point")); rests on the algebra of complexParts")
        }
        return OperationCertificate(operation: name, status: .confirmed,
                                    how: "checked numerically: equals \(imaginary ? "Im" : "Re") of the value at \(evaluated) random point(s) inside the assumptions to 10^\(format(worst))")
    }
}
