/// The numeric part of the identity check: both sides at random points inside the assumptions.
extension IdentityChecker {
    /// How the two sides compare at one point.
    enum PointComparison {
        /// Equal to `digits` digits: |first − second| ≤ 10^−digits·max(|first|, |second|), or both
        /// vanish to within rounding of their terms (`vanishing`). `relativeError` is the estimate.
        case agree(first: BigComplex, second: BigComplex, relativeError: BigFloat, vanishing: Bool)
        /// Known to `digits` digits and different.
        case differ(first: BigComplex, second: BigComplex, relativeDifference: BigFloat, relativeError: BigFloat)
        /// The maximum precision was reached before the sides were known to `digits` digits.
        case unconverged(String)
        /// The point is singular or outside a function's domain, or a function is missing.
        case failed(EvaluationError)
    }

    var basePrecision: Int { BigFloat.bits(forDigits: digits) }
    /// The precision ceiling for one point: `maxPrecision` when given, else adapted to the
    /// exact numbers of both sides and of the point (`BigFloat.precisionCeiling`).
    func precisionCap(_ first: Expr, _ second: Expr, _ point: [Symbol: GaussianRational]) -> Int {
        if let m = maxPrecision { return m }
        let pointBits = point.values.reduce(0) { $0 + Expr.number($1).inputBits }
        return BigFloat.precisionCeiling(digits: digits, inputBits: first.inputBits + second.inputBits + pointBits)
    }

    /// Compares both sides at `point` with enclosures (`BallEvaluator`): each side is a ball that
    /// contains its exact value. At working precision base + 32 bits, then raised (by the bits the
    /// radius says are missing, or doubled) up to the ceiling:
    /// - the difference ball excludes 0 → the sides differ at this point, proved (up to
    ///   registered functions without error bounds);
    /// - |first − second| ≤ 10^−digits·max(|first|, |second|), bounded by the balls → agree;
    /// - both sides vanish: at 64 guard bits or more, |first − second| ≤ 10^−digits × max(1, the
    ///   largest term of either side's outermost sum) (as sin²x + cos²x − 1 and 0 do, or sin(πn)
    ///   and 0 for an integer n) → agree, flagged `vanishing`. A value that is not 0 but below
    ///   the resolution is accepted only when it is below 10^−digits of that scale.
    /// A pole or a branch cut inside a ball (tan(π/2 + 10^−60) at too low a precision) raises the
    /// precision; if it persists to the ceiling the point fails.
    func compare(_ first: Expr, _ second: Expr, at point: [Symbol: GaussianRational]) -> PointComparison {
        let base = basePrecision
        let cap = precisionCap(first, second, point)
        let tolerance = BigFloat(10, precision: 64).pow(-digits)
        var p = Swift.min(base + 32, cap)
        var lastError: EvaluationError? = nil
        var lastGap = "no evaluation"
        var evaluated = false
        var triedCap = false
        while true {
            var needed = 2 * p
            do {
                let evaluator = BallEvaluator(precision: p, functions: functions) { e in
                    if case .symbol(let s) = e, let v = point[s] { return ComplexBall(v, precision: p) }
                    return nil
                }
                let (a, scaleA) = try evaluator.evaluateWithTermScale(first)
                let (b, scaleB) = try evaluator.evaluateWithTermScale(second)
                evaluated = true
                let d = a - b
                let m = BigFloat.maximum(a.mid.magnitude, b.mid.magnitude).rounded(toPrecision: 64)
                if !d.containsZero {
                    let gap = d.magnitudeLower
                    let relative = m.isZero ? BigFloat(1, precision: 64) : gap / m
                    return .differ(first: a.mid, second: b.mid, relativeDifference: relative,
                                   relativeError: m.isZero ? d.radius : d.radius / m)
                }
                let bound = d.magnitudeUpper
                if !m.isZero && bound <= m * tolerance && !(a.containsZero && b.containsZero) {
                    return .agree(first: a.mid, second: b.mid, relativeError: bound / m, vanishing: false)
                }
                let scale = BigFloat.maximum(BigFloat.maximum(scaleA, scaleB), BigFloat(1, precision: 64))
                if bound <= scale * tolerance && p >= base + 64 {
                    return .agree(first: a.mid, second: b.mid, relativeError: scale.isZero ? bound : bound / scale, vanishing: true)
                }
                lastGap = "the difference is only known to lie within ±\(bound.upperString(digits: 2)) of \(d.mid.magnitude.toString(digits: 3)) at \(p) bits"
                if !a.containsZero && !b.containsZero && !d.radius.isZero && !m.isZero {
                    let have = m.exponent - d.radius.exponent
                    needed = Swift.min(4 * p, Swift.max(p + 32, p + (base + 8 - have) + 32))
                }
            } catch let e as EvaluationError {
                guard e.mayVanishAtHigherPrecision else { return .failed(e) }
                lastError = e
            } catch { return .failed(.domain("\(error)")) }
            if p >= cap || triedCap { break }
            if needed >= cap { needed = cap; triedCap = true }
            p = needed
        }
        if !evaluated, let e = lastError { return .failed(e) }
        return .unconverged("the sides were not known to \(digits) digits below \(cap) bits (\(lastGap))")
    }

    /// Samples point `index` inside the assumptions from its `SampleRegion` (the first nine
    /// points visit every region: both signs, small and large magnitudes, both sides of the
    /// negative real axis, |Im| beyond π, the second and third quadrants; integers alternate
    /// parity). After four failed attempts
    /// at a point (a pole, an overflow) the point falls back to the moderate regions.
    func numericPoint(_ symbols: [Symbol], index: Int, attempt: Int = 0, _ g: inout SeededGenerator) -> [Symbol: GaussianRational] {
        var region = SampleRegion.forPoint(index)
        if attempt >= 4 { region = index % 2 == 0 ? .moderateNegative : .moderatePositive }
        var point: [Symbol: GaussianRational] = [:]
        for (k, s) in symbols.enumerated() {
            point[s] = SampleDomain(s).numericSample(&g, region: region, parity: (index + k) % 2)
        }
        return point
    }

    func numericTest(_ first: Expr, _ second: Expr, names: (first: String, second: String),
                     _ g: inout SeededGenerator) -> Verdict {
        let symbols = first.freeSymbols.union(second.freeSymbols).sorted()
        let count = symbols.isEmpty ? 1 : numericPoints
        var agreed: [(BigComplex, BigComplex, BigFloat, Bool)] = []
        var differing: [([Symbol: GaussianRational], BigComplex, BigComplex, BigFloat)] = []
        var compared: [([Symbol: GaussianRational], BigComplex, BigComplex)] = []
        var unconverged: [String] = []
        var failures: [EvaluationError] = []
        for index in 0..<count {
            // A proved difference ends the search once four points are known (enough for the
            // relation finder); agreement needs every point.
            if !differing.isEmpty && compared.count >= 4 { break }
            var done = false
            for attempt in 0..<8 where !done {
                let point = numericPoint(symbols, index: index, attempt: attempt, &g)
                switch compare(first, second, at: point) {
                case .agree(let a, let b, let err, let vanishing):
                    agreed.append((a, b, err, vanishing))
                    compared.append((point, a, b))
                    done = true
                case .differ(let a, let b, let rel, _):
                    differing.append((point, a, b, rel))
                    compared.append((point, a, b))
                    done = true
                case .unconverged(let why):
                    unconverged.append("at \(SamplePoint(symbols: point).text): \(why)")
                    done = true
                case .failed(let e):
                    if case .unknownFunction(let name) = e {
                        return Verdict(.unsupported, detail: "no numeric definition for the function \(name): register it in `functions` (\(e))", seed: seed)
                    }
                    failures.append(e)
                }
            }
        }
        let precision = basePrecision + 64
        if let (point, a, b, rel) = differing.first {
            let finder = RelationFinder(names: names, tolerance: BigFloat(10, precision: 64).pow(-Swift.max(digits - 5, (digits + 1) / 2)),
                                        precision: precision)
            let found = finder.find(values: compared.map { ($0.1, $0.2) }, symbols: symbols) { s in
                guard let (base, a0, b0) = compared.first else { return nil }
                for _ in 0..<6 {
                    var moved = base
                    moved[s] = SampleDomain(s).numericSample(&g, sign: 0)
                    if moved[s] == base[s] { continue }
                    switch compare(first, second, at: moved) {
                    case .agree(let a1, let b1, _, _), .differ(let a1, let b1, _, _):
                        return ((a0, b0), (a1, b1))
                    default: continue
                    }
                }
                return nil
            }
            let at = SamplePoint(symbols: point).text
            let shown = digits < 20 ? digits : 20
            let detail = "numeric test (\(digits) digits, seed \(seed)): at \(at.isEmpty ? "the only point" : at), "
                + "\(names.first) = \(a.toString(digits: shown)) but \(names.second) = \(b.toString(digits: shown)) "
                + "(relative difference \(rel.toString(digits: 3))); \(differing.count) of \(compared.count) points differ"
                + (agreed.isEmpty ? ". " : " but the sides agree at the other \(agreed.count): the identity holds only on part of the domain (a branch or a sign condition). ")
                + "Relation: " + found.detail + "."
            let error = compared.isEmpty ? "?" : BigFloat(10, precision: 64).pow(-digits).toString(digits: 2)
            return confirmingRelation(Verdict(.discrepancy, method: .numeric(digits: digits, errorEstimate: error), detail: detail,
                                              computed: evaluationText(second), relation: found.relation, seed: seed),
                                      found, first, second, names: names)
        }
        if !unconverged.isEmpty {
            return Verdict(.inconclusive, detail: "numeric test (\(digits) digits, seed \(seed)): " + unconverged.joined(separator: "; "), seed: seed)
        }
        if agreed.count < count {
            let why = failures.first.map { "\($0)" } ?? "no evaluable point"
            if agreed.isEmpty {
                return Verdict(.error, detail: "could not evaluate \(names.first) and \(names.second) at any sample point: \(why)", seed: seed)
            }
            return Verdict(.inconclusive, detail: "numeric test: only \(agreed.count) of \(count) points could be evaluated (\(why))", seed: seed)
        }
        let worst = agreed.map(\.2).max()!
        let vanishing = agreed.contains { $0.3 }
        var detail = "\(names.first) and \(names.second) agree to \(digits) digits at \(agreed.count) random point(s) inside the assumptions "
            + "(seed \(seed)); relative difference ≤ \(worst.upperString(digits: 2)) (bounded by ball arithmetic"
            + (functionsUsed(first, second) ? "; registered functions' errors are estimates, not bounds" : "") + ")"
        if count > 1 {
            // A difference on a set carrying a fraction f of the sampling distribution is missed
            // by all N independent points with probability (1 − f)^N.
            let miss = probabilityPower(0.75, count)
            detail += "; points cover both signs, magnitudes 2^−6…40, both sides of the negative real axis, the second and third quadrants and |Im| up to 12"
                + " (a difference on a quarter of the sampled domain escapes all \(count) points with probability ≤ \(formatBound(miss)))"
        }
        if vanishing {
            detail += "; at some points both sides vanish to within rounding of their terms (the error is relative to the terms' magnitude)"
        }
        detail += ". Numeric evidence, not a proof."
        return Verdict(.verified, method: .numeric(digits: digits, errorEstimate: worst.toString(digits: 2)), detail: detail, seed: seed)
    }
}

extension IdentityChecker {
    /// True when a registered numeric function (no error bound) appears in either side.
    func functionsUsed(_ a: Expr, _ b: Expr) -> Bool {
        func has(_ e: Expr) -> Bool {
            if case .call = e { return true }
            return e.children.contains(where: has)
        }
        return has(a) || has(b)
    }
}

extension Int {
    /// Number of bits of a non-negative value (0 for 0).
    var bitWidthOfValue: Int { self <= 0 ? 0 : Int.bitWidth - leadingZeroBitCount }
}
