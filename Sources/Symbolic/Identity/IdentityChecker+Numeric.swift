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
    var precisionCap: Int { maxPrecision ?? (8 * basePrecision + 2048) }

    /// Evaluates both sides at `point` at precisions base + 32, base + 64, base + 128, … until the
    /// last two evaluations of each side agree to `digits` + 1 digits (relative to the larger side),
    /// then compares them. Rounding errors are measured against the scale of the terms (the largest
    /// summand, see `ScaledValue`), so that sides that vanish by cancellation are recognised.
    func compare(_ first: Expr, _ second: Expr, at point: [Symbol: GaussianRational]) -> PointComparison {
        let base = basePrecision
        let slack = 16 + Swift.max(first.nodeCount, second.nodeCount).bitWidthOfValue
        let tenth = BigFloat(10, precision: 64).pow(-(digits + 1))
        let tolerance = BigFloat(10, precision: 64).pow(-digits)
        var guardBits = 32
        var previous: (a: BigComplex, b: BigComplex, vanishing: Bool)? = nil
        var lastError: EvaluationError? = nil
        var lastGap = "no evaluation"
        while base + guardBits <= precisionCap {
            let p = base + guardBits
            guardBits *= 2
            let a: ScaledValue, b: ScaledValue
            do {
                let evaluator = NumericEvaluator(precision: p, functions: functions, trackScale: true) { e in
                    if case .symbol(let s) = e, let v = point[s] { return BigComplex(v, precision: p) }
                    return nil
                }
                a = try evaluator.evaluateChecked(first)
                b = try evaluator.evaluateChecked(second)
            } catch let e as EvaluationError {
                if e.mayVanishAtHigherPrecision { lastError = e; previous = nil; continue }
                return .failed(e)
            } catch { return .failed(.domain("\(error)")) }
            let scale = BigFloat.maximum(a.scale!, b.scale!)
            let m = BigFloat.maximum(a.value.magnitude, b.value.magnitude).rounded(toPrecision: 64)
            let noise = scale.scaled(byPowerOf2: -(p - slack))
            let vanishing = m <= noise && p - slack >= base
            defer { previous = (a.value, b.value, vanishing) }
            guard let prev = previous else { continue }
            if vanishing && prev.vanishing {
                return .agree(first: a.value, second: b.value, relativeError: BigFloat.power2(-(p - slack)), vanishing: true)
            }
            let delta = BigFloat.maximum((a.value - prev.a).magnitude, (b.value - prev.b).magnitude).rounded(toPrecision: 64)
            guard !m.isZero, delta <= m * tenth, m > noise else {
                lastGap = m.isZero ? "both sides evaluate to 0" : "successive values differ by \((delta / BigFloat.maximum(m, noise)).toString(digits: 2)) relative"
                continue
            }
            let d = (a.value - b.value).magnitude
            let relativeError = BigFloat.maximum(delta / m, noise / m)
            if d <= m * tolerance {
                return .agree(first: a.value, second: b.value, relativeError: BigFloat.maximum(relativeError, d / m), vanishing: false)
            }
            return .differ(first: a.value, second: b.value, relativeDifference: d / m, relativeError: relativeError)
        }
        if previous == nil, let e = lastError { return .failed(e) }
        return .unconverged("the sides were not known to \(digits) digits below \(precisionCap) bits (\(lastGap))")
    }

    /// Samples a point inside the assumptions. Point 0 puts the real parts of non-positive symbols
    /// below zero, point 1 above zero (so branch-dependent claims such as √(x²) = x meet both signs);
    /// point 2 is a gentle one (small magnitudes, complex symbols on the real axis: values stay
    /// moderate, so small absolute differences show); later points choose signs at random.
    func numericPoint(_ symbols: [Symbol], index: Int, _ g: inout SeededGenerator) -> [Symbol: GaussianRational] {
        let sign = index == 0 ? -1 : (index == 1 ? 1 : 0)
        var point: [Symbol: GaussianRational] = [:]
        for s in symbols { point[s] = SampleDomain(s).numericSample(&g, sign: sign, gentle: index == 2) }
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
            var done = false
            for _ in 0..<8 where !done {
                let point = numericPoint(symbols, index: index, &g)
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
            + "(seed \(seed)); estimated relative error \(worst.toString(digits: 2))"
        if vanishing {
            detail += "; at some points both sides vanish to within rounding of their terms (the error is relative to the terms' magnitude)"
        }
        detail += ". Numeric evidence, not a proof."
        return Verdict(.verified, method: .numeric(digits: digits, errorEstimate: worst.toString(digits: 2)), detail: detail, seed: seed)
    }
}

extension Int {
    /// Number of bits of a non-negative value (0 for 0).
    var bitWidthOfValue: Int { self <= 0 ? 0 : Int.bitWidth - leadingZeroBitCount }
}
