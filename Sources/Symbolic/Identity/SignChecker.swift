/// A claimed sign of a real expression: "> 0", "< 0", "≥ 0", "≤ 0".
public enum SignClaim: String, Sendable, CaseIterable {
    case positive = "> 0"
    case negative = "< 0"
    case nonnegative = ">= 0"
    case nonpositive = "<= 0"

    /// Whether a value of sign `s` (−1, 0, +1) satisfies the claim.
    func admits(_ s: Int) -> Bool {
        switch self {
        case .positive: return s > 0
        case .negative: return s < 0
        case .nonnegative: return s >= 0
        case .nonpositive: return s <= 0
        }
    }
}

/// Decides the sign of a real expression under the symbols' assumptions, e.g. g_a < 0 for
/// ε_d < ε_F < ε_d + U (write ε_F = ε_d + s, U = s + t with s, t > 0 to put the condition into
/// the assumptions).
///
/// Only structure proves a sign: `Expr.knownSign` on the expression, then on the numerator and
/// denominator of its single fraction `together()`. Numeric sampling inside the assumptions can
/// refute a claim (a point where the converged value has the wrong sign → `discrepancy`) but never
/// prove it: agreeing samples give `inconclusive` with the sampled evidence.
public struct SignChecker: Sendable {
    /// Digits to which each sampled value is evaluated.
    public var digits: Int
    /// Seed of the random sample points (reported in sampled verdicts).
    public var seed: UInt64
    /// Number of random sample points.
    public var samples: Int
    /// Numeric definitions of the uninterpreted functions (`.call` nodes).
    public var functions: [String: NumericFunction]
    /// Expressions larger than this many nodes are not put over one denominator.
    public var togetherNodeLimit = 4000

    /// A checker that samples `samples` points at `digits` digits when structure does not decide.
    public init(digits: Int = 20, seed: UInt64 = IdentityChecker.defaultSeed, samples: Int = 12,
                functions: [String: NumericFunction] = [:]) {
        self.digits = Swift.max(1, digits)
        self.seed = seed
        self.samples = Swift.max(1, samples)
        self.functions = functions
    }

    /// Checks `expression` `claim` (e.g. g < 0) for every value of the symbols allowed by their assumptions.
    public func check(_ expression: Expr, is claim: SignClaim) -> Verdict {
        if let s = expression.knownSign {
            return structural(s, claim, "from the structure of the expression and the assumptions")
        }
        // |v|² in every spelling, sums of squares, products of positive factors (`SignDecision`).
        if let verdict = decided(SignDecision.facts(expression), claim, "from the structure (|v|² = v·conj(v) ≥ 0, sums of squares, products of positive factors)") {
            return verdict
        }
        if expression.nodeCount <= togetherNodeLimit {
            let (p, q) = expression.numeratorDenominator()
            if let sp = p.knownSign, let sq = q.knownSign, sq != 0 {
                return structural(sp * sq, claim, "from the single fraction P/Q (together): sign P = \(sp), sign Q = \(sq)")
            }
            let fp = SignDecision.facts(p), fq = SignDecision.facts(q)
            if fp.isKnown, fq.isKnown, !fq.canBeZero,
               let verdict = decided(fp * fq, claim, "from the single fraction P/Q (together), each decided by structure (|v|², sums of squares, positive factors)") {
                return verdict
            }
            let expanded = expression.expanded()
            if expanded != expression, let verdict = decided(SignDecision.facts(expanded), claim, "from the expanded form, decided by structure") {
                return verdict
            }
        }
        return sampled(expression, claim)
    }

    /// A structural verdict from sign facts, when they settle the claim; nil when they do not
    /// (e.g. "≥ 0" proved but "> 0" claimed: only sampling can then refute).
    private func decided(_ f: SignDecision.Facts, _ claim: SignClaim, _ how: String) -> Verdict? {
        guard f.isKnown else { return nil }
        let admitted = [(-1, f.canBeNegative), (0, f.canBeZero), (1, f.canBePositive)].filter { $0.1 }.map { $0.0 }
        if admitted.allSatisfy({ claim.admits($0) }) {
            let name = f == .positive ? "> 0" : f == .negative ? "< 0" : f == .nonnegative ? ">= 0" : f == .nonpositive ? "<= 0" : "= 0"
            return Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "the expression is \(name) \(how)", seed: nil)
        }
        if admitted.allSatisfy({ !claim.admits($0) }) {
            let name = f == .positive ? "> 0" : f == .negative ? "< 0" : f == .nonnegative ? ">= 0" : f == .nonpositive ? "<= 0" : "= 0"
            return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil),
                           detail: "the claim says \(claim.rawValue) but the expression is \(name) \(how)",
                           relation: "expression \(name)", seed: nil)
        }
        return nil
    }

    private func structural(_ s: Int, _ claim: SignClaim, _ how: String) -> Verdict {
        let name = s > 0 ? "> 0" : (s < 0 ? "< 0" : "= 0")
        if claim.admits(s) {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "the expression is \(name) \(how)", seed: nil)
        }
        return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil),
                       detail: "the claim says \(claim.rawValue) but the expression is \(name) \(how)",
                       relation: "expression \(name)", seed: nil)
    }

    private func sampled(_ e: Expr, _ claim: SignClaim) -> Verdict {
        let symbols = e.freeSymbols.sorted()
        var g = SeededGenerator(seed: seed)
        let count = symbols.isEmpty ? 1 : samples
        var evidence: [(String, DigitsEvaluation)] = []
        var problems: [String] = []
        let base = BigFloat.bits(forDigits: digits)
        for index in 0..<count {
            let sign = index == 0 ? -1 : (index == 1 ? 1 : 0)
            var point: [Symbol: GaussianRational] = [:]
            for s in symbols { point[s] = SampleDomain(s).numericSample(&g, sign: sign) }
            let at = SamplePoint(symbols: point).text
            let result: DigitsEvaluation
            do {
                result = try DigitsEvaluation.converge(digits: digits, basePrecision: base, maxPrecision: 8 * base + 2048) { p in
                    let evaluator = NumericEvaluator(precision: p, functions: functions, trackScale: false) { x in
                        if case .symbol(let s) = x, let v = point[s] { return BigComplex(v, precision: p) }
                        return nil
                    }
                    return try evaluator.evaluateChecked(e).value
                }
            } catch {
                if case EvaluationError.unknownFunction(let name) = error {
                    return Verdict(.unsupported, detail: "no numeric definition for the function \(name)", seed: seed)
                }
                problems.append("at \(at): \(error)")
                continue
            }
            guard result.isConverged else {
                problems.append("at \(at): sign not determined (\(result.text))")
                continue
            }
            let v = result.value
            if !v.im.isZero && v.im.magnitude > v.magnitude * BigFloat(10, precision: 64).pow(-digits) {
                return Verdict(.error, detail: "the expression is not real at \(at): value \(result.text); a sign claim needs a real expression", seed: seed)
            }
            let s = v.re.signum
            if !claim.admits(s) {
                return Verdict(.discrepancy, method: .numeric(digits: digits, errorEstimate: result.errorText),
                               detail: "counterexample inside the assumptions: at \(at) the value is \(result.text) (\(digits) digits, seed \(seed)), "
                                   + "but the claim says \(claim.rawValue)",
                               computed: result.text, relation: "value \(s > 0 ? "> 0" : "< 0") at \(at)", seed: seed)
            }
            evidence.append((at, result))
        }
        guard !evidence.isEmpty else {
            return Verdict(.inconclusive, detail: "could not evaluate the expression at any sample point: " + problems.joined(separator: "; "), seed: seed)
        }
        let closest = evidence.min { $0.1.value.re.magnitude < $1.1.value.re.magnitude }!
        var detail = "the sign is not decided by structure; \(evidence.count) random point(s) inside the assumptions (seed \(seed)) all satisfy \(claim.rawValue), "
            + "the value closest to 0 being \(closest.1.text) at \(closest.0). Sampling cannot prove a sign"
        if !problems.isEmpty { detail += "; \(problems.count) point(s) not evaluated (\(problems[0]))" }
        return Verdict(.inconclusive, detail: detail + ".", seed: seed)
    }
}
