/// Decides whether two expressions are equal for every value of their symbols allowed by the
/// symbols' assumptions, and says how it decided (docs/ARCHITECTURE.md, "Verdicts").
///
/// 1. Canonical forms equal → `verified`, exact (deterministic).
/// 2. Exact test: lhs − rhs, with Re z, Im z, |z|^(2k) written through z and z̄, as a rational
///    function of its atoms (symbols, conjugates z̄ and, as independent variables, every other
///    non-rational part: exp x, |v|, √x, π, calls) is evaluated in Q(i) at seeded
///    random integer points of each variable's domain. Zero at every point → `verified`,
///    `.exact(falseAcceptBound:)` with the Schwartz–Zippel bound (deg N / |S|)/(1 − deg D / |S|) per
///    round, raised to the number of rounds (N/D: lhs − rhs as one fraction, |S|: the smallest sample
///    set, points where D vanishes skipped). A non-zero value when the atoms are plain symbols is a
///    counterexample inside the assumptions → `discrepancy`, exact (also when the atoms are
///    symbols and their conjugates: v and v̄ are algebraically independent).
/// 3. Before either test, special values are written exactly (`SpecialValues`: trig at multiples
///    of π/4 and π/6, logs of rationals through primes); a difference that becomes 0 is `verified`
///    exactly (tan(π/4) − 1, log 2 + log 3 − log 6).
/// 4. Numeric test otherwise (transcendental parts, or atoms that are related, such as |v|² and
///    v·v̄): both sides as enclosures (`BallEvaluator`, ball arithmetic) at `numericPoints` (12)
///    random rational points drawn from `SampleRegion`s covering the whole domain the assumptions
///    allow (both signs, magnitudes 2^−6…40, both sides of the negative real axis, the second and
///    third quadrants, |Im| beyond π, integers of both parities), the working precision raised
///    until the enclosures decide (a huge argument or a pole inside a ball raises it; the ceiling
///    adapts to the input). Agreement at every point → `verified`, `.numeric(digits:errorEstimate:)`;
///    a point where the difference ball excludes 0 → `discrepancy` (proved at that point) with the
///    relation found between the sides; undecided at the ceiling → `inconclusive`. Numeric
///    agreement is evidence, not proof: it can miss a difference smaller than 10^−digits relative
///    to the sides, or one confined to a small part of the domain (the verdict states the chance).
///
/// The seed is reported in every verdict; the same seed gives the same verdict.
public struct IdentityChecker: Sendable {
    /// Significant digits required of numeric agreement.
    public var digits: Int
    /// Seed of the random sample points.
    public var seed: UInt64
    /// Number of random points of the numeric test.
    public var numericPoints: Int
    /// Numeric definitions of the uninterpreted functions (`.call` nodes).
    public var functions: [String: NumericFunction]
    /// Cap on the working precision in bits (default 8·bits(digits) + 2048).
    public var maxPrecision: Int?
    /// The exact test stops adding rounds once the false-accept bound is below this.
    public var targetFalseAcceptBound: Double = 1e-30

    /// The seed used when none is given (reported in every verdict).
    public static let defaultSeed: UInt64 = 0x5EED_0F_2026

    /// A checker requiring `digits` digits of numeric agreement, with sample points drawn from `seed`.
    public init(digits: Int = 30, seed: UInt64 = IdentityChecker.defaultSeed, numericPoints: Int = 12,
                functions: [String: NumericFunction] = [:], maxPrecision: Int? = nil) {
        self.digits = Swift.max(1, digits)
        self.seed = seed
        self.numericPoints = Swift.max(2, numericPoints)
        self.functions = functions
        self.maxPrecision = maxPrecision
    }

    /// Checks `lhs == rhs`; a relation found for a discrepancy is stated as "rhs = … lhs".
    public func check(_ lhs: Expr, _ rhs: Expr) -> Verdict {
        check(lhs, rhs, names: ("lhs", "rhs"))
    }

    /// Checks a claim: the paper's `printed` formula against the engine's `computed` one; a relation
    /// found for a discrepancy is stated as "computed = −2 × printed".
    public func check(printed: Expr, computed: Expr) -> Verdict {
        check(printed, computed, names: ("printed", "computed"))
    }

    func check(_ first: Expr, _ second: Expr, names: (first: String, second: String)) -> Verdict {
        let difference = second - first
        if difference.isZero {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: "\(names.first) and \(names.second) have the same canonical form", seed: seed)
        }
        if difference.conjugateForm.isZero {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: "\(names.first) and \(names.second) have the same canonical form once Re, Im and |z|² are written through z and conj(z)",
                           seed: seed)
        }
        if difference.containsSpecialFunction, difference.withSpecialValues.isZero {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: "\(names.second) − \(names.first) is 0 once special values are written exactly "
                               + "(sin, cos, tan at rational multiples of π/4 and π/6; log of rationals as sums of log of primes)",
                           seed: seed)
        }
        var generator = SeededGenerator(seed: seed)
        switch exactTest(difference, &generator) {
        case .verified(let bound, let rounds, let skeleton):
            return Verdict(.verified, method: .exact(falseAcceptBound: bound),
                           detail: "\(names.second) − \(names.first) vanishes exactly at \(rounds) random points of Q(i) "
                               + "(as a rational function of degree ≤ \(skeleton.numeratorDegree) in "
                               + "\(skeleton.symbolAtoms.count + skeleton.compoundAtoms.count) independent atoms; seed \(seed)); "
                               + "Schwartz–Zippel: P(false accept) ≤ \(formatBound(bound))",
                           seed: seed)
        case .counterexample(let skeleton) where skeleton.isRationalInSymbolsAndConjugates
                && RationalSkeleton(first.conjugateForm).isRationalInSymbolsAndConjugates
                && RationalSkeleton(second.conjugateForm).isRationalInSymbolsAndConjugates:
            return refined(withDifference(exactDiscrepancy(first, second, names: names, &generator), difference, names: names),
                           first, second, names: names)
        case .alwaysSingular(let error):
            return Verdict(.error, detail: "\(names.second) − \(names.first) could not be evaluated at any sample point: \(error)", seed: seed)
        case .counterexample, .notApplicable:
            let verdict = numericTest(first, second, names: names, &generator)
            return verdict.kind == .discrepancy
                ? refined(withDifference(verdict, difference, names: names), first, second, names: names) : verdict
        }
    }

    // MARK: Exact test

    enum ExactOutcome {
        case verified(bound: Double, rounds: Int, skeleton: RationalSkeleton)
        case counterexample(RationalSkeleton)
        case alwaysSingular(EvaluationError)
        case notApplicable
    }

    static let maximumSingularRetries = 20

    func exactTest(_ expression: Expr, _ g: inout SeededGenerator) -> ExactOutcome {
        // Re, Im and |z|^(2k) through z and z̄ (independent variables), see `conjugateForm`.
        let difference = expression.conjugateForm
        let skeleton = RationalSkeleton(difference)
        let domains = skeleton.symbolAtoms.map { (Expr.symbol($0), SampleDomain($0)) }
            + skeleton.compoundAtoms.map { ($0, SampleDomain(atom: $0)) }
        let setSize = domains.map(\.1.exactSetSize).min() ?? Double(SampleDomain.exactHalfWidth)
        let dN = Double(skeleton.numeratorDegree), dD = Double(skeleton.denominatorDegree)
        guard dD < setSize / 2 else { return .notApplicable }
        let perRound = (dN / setSize) / (1 - dD / setSize)
        guard perRound < 0.5 else { return .notApplicable }
        var rounds = 3
        if perRound > 0 {
            while rounds < 12 && probabilityPower(perRound, rounds) > targetFalseAcceptBound { rounds += 1 }
        }
        var lastError: EvaluationError? = nil
        for _ in 0..<rounds {
            var value: GaussianRational? = nil
            for _ in 0..<Self.maximumSingularRetries {
                var point: [Expr: GaussianRational] = [:]
                for (atom, domain) in domains { point[atom] = domain.exactSample(&g) }
                do {
                    value = try ExactEvaluator(atom: { point[$0] }).value(difference)
                    break
                } catch let e as EvaluationError {
                    guard case .divisionByZero = e else { return .notApplicable }
                    lastError = e
                }
                catch { return .notApplicable }
            }
            guard let v = value else { return .alwaysSingular(lastError!) }
            if !v.isZero { return .counterexample(skeleton) }
        }
        return .verified(bound: perRound == 0 ? 0 : probabilityPower(perRound, rounds), rounds: rounds, skeleton: skeleton)
    }

    /// A rational identity failed at an exact point inside the assumptions: report a small
    /// counterexample and the relation, from exact values.
    func exactDiscrepancy(_ first: Expr, _ second: Expr, names: (first: String, second: String),
                          _ g: inout SeededGenerator) -> Verdict {
        let symbols = (first.freeSymbols.union(second.freeSymbols)).sorted()
        let domains = symbols.map { ($0, SampleDomain($0)) }
        func values(at point: [Symbol: GaussianRational]) -> (GaussianRational, GaussianRational)? {
            guard let a = try? first.evaluateExactly(at: point), let b = try? second.evaluateExactly(at: point) else { return nil }
            return (a, b)
        }
        // Small points: the ones a reader can check by hand; a counterexample must exist among
        // random small points unless the identity fails only on a thin set.
        var samples: [([Symbol: GaussianRational], (GaussianRational, GaussianRational))] = []
        var counterexample: ([Symbol: GaussianRational], GaussianRational, GaussianRational)? = nil
        for index in 0..<60 where samples.count < 4 || counterexample == nil {
            var point: [Symbol: GaussianRational] = [:]
            for (s, d) in domains { point[s] = d.smallSample(&g, attempt: index) }
            guard let v = values(at: point) else { continue }
            if samples.count < 4 { samples.append((point, v)) }
            if counterexample == nil && v.0 != v.1 { counterexample = (point, v.0, v.1) }
        }
        let precision = 256
        let finder = RelationFinder(names: names, tolerance: BigFloat.power2(-200), precision: precision)
        let numericValues = samples.map { (BigComplex($0.1.0, precision: precision), BigComplex($0.1.1, precision: precision)) }
        let found = finder.find(values: numericValues, symbols: symbols) { s in
            guard let (base, v) = samples.first else { return nil }
            for _ in 0..<10 {
                var moved = base
                moved[s] = domains.first { $0.0 == s }!.1.smallSample(&g, attempt: 99)
                if moved[s] == base[s] { continue }
                guard let w = values(at: moved) else { continue }
                return ((BigComplex(v.0, precision: precision), BigComplex(v.1, precision: precision)),
                        (BigComplex(w.0, precision: precision), BigComplex(w.1, precision: precision)))
            }
            return nil
        }
        var detail = "\(names.second) − \(names.first) is a rational function of the symbols (and their conjugates) and does not vanish"
        if let (point, a, b) = counterexample {
            let at = SamplePoint(symbols: point).text
            detail += ": at \(at.isEmpty ? "(no symbols)" : at), \(names.first) = \(a) but \(names.second) = \(b)"
        } else {
            detail += " at a random exact point (seed \(seed))"
        }
        detail += ". Relation: " + found.detail + "."
        return confirmingRelation(Verdict(.discrepancy, method: .exact(falseAcceptBound: nil), detail: detail,
                                          computed: evaluationText(second), relation: found.relation, seed: seed),
                                  found, first, second, names: names)
    }

    /// Adds the canonical difference to the detail of a discrepancy when it is short (a dropped or
    /// extra term shows up there directly).
    func withDifference(_ verdict: Verdict, _ difference: Expr, names: (first: String, second: String)) -> Verdict {
        guard difference.nodeCount <= 24 else { return verdict }
        var v = verdict
        v.detail += " \(names.second) − \(names.first) = \(evaluationText(difference))."
        return v
    }

    /// Replaces a "depends on" relation by a term-level one (dropped term, flipped sign, doubled
    /// term) when the difference is exactly one term of either side.
    func refined(_ verdict: Verdict, _ first: Expr, _ second: Expr, names: (first: String, second: String)) -> Verdict {
        guard let relation = verdict.relation, relation.contains("depends on"),
              let term = TermRelation(names: names).find(first, second) else { return verdict }
        var v = verdict
        v.relation = term
        v.detail += " Term by term (exact): \(term)."
        return v
    }

    func formatBound(_ b: Double) -> String {
        b == 0 ? "0" : BigFloat(b, precision: 53).toString(digits: 2)
    }

    /// Tries to prove the relation found between the sides exactly: its residual (e.g.
    /// second − c·first) must vanish in the exact test. Appends the outcome to the detail.
    func confirmingRelation(_ verdict: Verdict, _ found: RelationFinder.Found, _ first: Expr, _ second: Expr,
                            names: (first: String, second: String)) -> Verdict {
        guard let residual = found.residual?(first, second), let relation = verdict.relation else { return verdict }
        var v = verdict
        var g = SeededGenerator(seed: seed ^ 0x9E37_79B9)
        if residual.isZero {
            v.detail += " The relation \(relation) holds exactly (canonical forms)."
        } else if case .verified(let bound, _, _) = exactTest(residual, &g) {
            v.detail += " The relation \(relation) holds exactly (Schwartz–Zippel on the rational skeleton, P(false accept) ≤ \(formatBound(bound)))."
        }
        return v
    }
}

/// x^n for the probability bounds (avoids importing Foundation into the library).
func probabilityPower(_ x: Double, _ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r *= x }
    return r
}

extension SampleDomain {
    /// A small exact point (|value| ≤ 7, denominators ≤ 3) for readable counterexamples.
    func smallSample(_ g: inout SeededGenerator, attempt: Int) -> GaussianRational {
        func small() -> BigRational {
            if integer { return BigRational(g.integer(1, 7)) }
            return BigRational(g.integer(1, 7), g.integer(1, 3))
        }
        func signed() -> BigRational { g.integer(0, 1) == 0 ? small() : -small() }
        if positive { return GaussianRational(small()) }
        if real { return GaussianRational(signed()) }
        let re = signed(), im = signed()
        return GaussianRational(re, im)
    }
}
