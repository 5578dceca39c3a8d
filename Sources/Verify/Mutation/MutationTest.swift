import Foundation
import Symbolic
import Keldysh

/// The mutation self-test (`referee mutate`): every claim that verifies is re-checked with
/// deliberately wrong printed formulas; every mutant must be rejected (`discrepancy`).
///
/// A mutant that still verifies is either a checker bug or a mutant that is truly equivalent for
/// what the check measures. Equivalence is decided by an oracle independent of the check where
/// one exists:
/// - identity, numeric: the mutant equals the original printed formula (IdentityChecker on the two);
/// - sign: the mutated relation is still true at 40 random points inside the assumptions (numeric
///   sampling, not the sign checker) — e.g. a factor 2 keeps a sign;
/// - causality: the mutant differs from the (causal) original by δ = mutant − original, so it is
///   causal iff δ is; δ is judged on its own;
/// - field-identity, keldysh-rotation: the mutant equals the original as a field polynomial;
/// - dimension: only mutants that change a dimension are generated (an exponent ±1 on a
///   dimensionful symbol), so none is equivalent by construction;
/// - estimate: the mutated quoted number equals the original one (exact rationals); the mutants
///   are built so that the claim's tolerance cannot accept both (see `estimateMutants`).
public struct MutationTest: Sendable {
    public var runner: AuditRunner
    /// At most this many mutants of each kind per claim.
    public var limitPerKind: Int
    /// Keep every n-th mutant only (1: all), for a quick sample in `swift test`.
    public var sampleEvery: Int

    public init(runner: AuditRunner, limitPerKind: Int = 8, sampleEvery: Int = 1) {
        self.runner = runner
        self.limitPerKind = limitPerKind
        self.sampleEvery = max(1, sampleEvery)
    }

    public enum Outcome: String, Sendable { case killed, equivalent, survived, inconclusive }

    public struct MutantResult: Sendable {
        public var claimID: String
        public var check: String
        public var mutation: Mutation.Kind
        public var description: String
        public var printed: String
        public var verdict: VerdictKind
        public var outcome: Outcome
    }

    public struct Report: Sendable {
        public var results: [MutantResult]
        /// Claims not mutated, with the reason.
        public var skipped: [(String, String)]

        /// Killed / non-equivalent, per check kind.
        public func killRates() -> [(check: String, mutants: Int, killed: Int, equivalent: Int, survived: Int, inconclusive: Int)] {
            let kinds = Set(results.map(\.check)).sorted()
            return kinds.map { k in
                let r = results.filter { $0.check == k }
                return (k, r.count, r.filter { $0.outcome == .killed }.count, r.filter { $0.outcome == .equivalent }.count,
                        r.filter { $0.outcome == .survived }.count, r.filter { $0.outcome == .inconclusive }.count)
            }
        }
        public var survivors: [MutantResult] { results.filter { $0.outcome == .survived } }
        /// Mutants that verified and that the independent oracle found equal to the original.
        public var equivalents: [MutantResult] { results.filter { $0.outcome == .equivalent } }

        public func text() -> String {
            var out = "mutation self-test: \(results.count) mutants of \(Set(results.map(\.claimID)).count) verified claims\n"
            for r in killRates() {
                let nonEquivalent = r.mutants - r.equivalent
                let rate = nonEquivalent == 0 ? 100.0 : 100.0 * Double(r.killed) / Double(nonEquivalent)
                out += "  \(r.check): \(r.mutants) mutants, \(r.killed) killed, \(r.equivalent) equivalent, \(r.survived) survived, \(r.inconclusive) inconclusive — kill rate \(String(format: "%.1f", rate))% of non-equivalent\n"
            }
            for s in equivalents { out += "equivalent \(s.claimID): \(s.mutation.rawValue) (\(s.description)): \(s.printed)\n" }
            for s in survivors { out += "SURVIVED \(s.claimID): \(s.mutation.rawValue) (\(s.description)): \(s.printed)\n" }
            let undecided = results.filter { $0.outcome == .inconclusive }
            for s in undecided.prefix(20) { out += "inconclusive \(s.claimID): \(s.mutation.rawValue) (\(s.description)): \(s.printed)\n" }
            for (id, why) in skipped { out += "skipped \(id): \(why)\n" }
            return out
        }
    }

    /// Runs the self-test over the derivation files under `paths`.
    /// `progress(stage, done, total)` is called (from any thread) while the claims (`claims`) and then the
    /// mutants (`mutants`) are checked.
    public func run(paths: [String], progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Report {
        try run(paths: paths, shard: .whole, progress: progress).report
    }

    /// Runs shard `shard` of the self-test: every shard checks the original claims (to know which
    /// verify) and generates and samples the same mutants; it judges the sampled mutants i with
    /// i mod N = K − 1. Returns their results, their indices among the sampled mutants, and the count.
    public func run(paths: [String], shard: Shard, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> (report: Report, indices: [Int], total: Int) {
        let loaded = try runner.load(files: try AuditRunner.derivationFiles(in: paths))
        let originals = try runner.run(loaded, progress: { progress?("claims", $0, loaded.count) })
        var jobs: [(Claim, DerivationContext, Mutation)] = []
        var skipped: [(String, String)] = []
        for (index, result) in originals.enumerated() {
            let (claim, context) = loaded[index]
            guard result.verdict.kind == .verified else { continue }
            switch try mutantsOrReason(claim, context) {
            case .success(let mutations): jobs += mutations.map { (claim, context, $0) }
            case .failure(let why): skipped.append((claim.id, why.reason))
            }
        }
        let sampled = jobs.enumerated().filter { $0.offset % sampleEvery == 0 }.map(\.element)
        let indices = shard.indices(of: sampled.count)
        let box = ParallelSlots<MutationTest.MutantResult>(count: indices.count)
                DispatchQueue.concurrentPerform(iterations: indices.count) { i in
            let (claim, context, mutation) = sampled[indices[i]]
            let done = box.set(i, judge(mutation, of: claim, in: context))
            progress?("mutants", done, indices.count)
        }
        return (Report(results: box.values, skipped: skipped), indices, sampled.count)
    }

    struct Unsupported: Error { var reason: String }

    /// The mutants of a claim, or why it has none (said explicitly in the report).
    func mutantsOrReason(_ claim: Claim, _ context: DerivationContext) throws -> Result<[Mutation], Unsupported> {
        do {
            let mutations = try mutants(of: claim, in: context)
            if !mutations.isEmpty { return .success(mutations) }
            switch claim.check {
            case "causality":
                return .failure(Unsupported(reason: "no mutant applies: the action is a single term, and a global sign or factor cannot change causality (S[ψ+ = ψ-] = 0 is linear)"))
            case "dimension":
                return .failure(Unsupported(reason: "no mutant applies: no symbol of `\(claim.printed.value)` has a unit other than 1, so squaring one alters no dimension"))
            default:
                return .failure(Unsupported(reason: "no mutant applies: every operator leaves `\(claim.printed.value)` unchanged"))
            }
        } catch let e as Unsupported {
            return .failure(e)
        }
    }

    /// Generation only, without checking anything: the mutants of every claim that its file
    /// expects to verify, and the claims left out with the reason. Cheap (no check is run).
    public func generate(paths: [String]) throws -> (mutants: [(claimID: String, mutation: Mutation)], skipped: [(String, String)]) {
        let loaded = try runner.load(files: try AuditRunner.derivationFiles(in: paths))
        var out: [(claimID: String, mutation: Mutation)] = []
        var skipped: [(String, String)] = []
        for (claim, context) in loaded where claim.expected == .verified {
            switch try mutantsOrReason(claim, context) {
            case .success(let mutations): out += mutations.map { (claim.id, $0) }
            case .failure(let why): skipped.append((claim.id, why.reason))
            }
        }
        return (out, skipped)
    }

    /// The mutants of a claim's printed side, as replacement `printed` texts.
    func mutants(of claim: Claim, in context: DerivationContext) throws -> [Mutation] {
        switch claim.check {
        case "identity", "numeric":
            if let value = try context.modelValue(claim.printed), !value.isScalar {
                throw Unsupported(reason: "printed is \(value.kindName) of the model language: mutation operators act on scalar formulas only (the claim's wrong forms are written out as claims of their own)")
            }
            let e = try context.expression(claim.printed)
            if let c = e.rationalValue {
                // A quoted constant (a residual claimed to vanish): sign, factor and exponent
                // mutants of 0 are 0 again; the constant shifted by 1 is the mutant that matters.
                return [Mutation(kind: .shiftedConstant, description: "quoted constant \(c) replaced by \(c + BigRational(1))", expression: Expr(c + BigRational(1)))]
            }
            return e.mutants(limitPerKind: limitPerKind)
        case "causality":
            return try context.expression(claim.printed).fieldMutants(limitPerKind: limitPerKind, branches: false)
        case "field-identity", "keldysh-rotation":
            return try context.expression(claim.printed).fieldMutants(limitPerKind: limitPerKind, branches: true)
        case "ode-implicit-form":
            throw Unsupported(reason: "not mutated by design: `ode-implicit-form` compares the explicit form printed with the declared implicit system at seeded states; a mutated form is a different equation of motion, so wrong forms are claims of their own (tested in OdeChecksTests)")
        case let kind where kind.hasPrefix("meanfield-") || kind.hasPrefix("llg-") || kind.hasPrefix("ode-"):
            throw Unsupported(reason: "not mutated by design: `\(kind)` is a simulation check (its printed side, a state, a threshold or an equation of motion, is judged by integrating the dynamics within a stated tolerance); every mutant would re-run the simulations")
        case "sign":
            let (lhs, kind, rhs) = try context.relation(claim.printed)
            return lhs.mutants(limitPerKind: limitPerKind).map { m in
                var m = m
                m.expression = .call("__relation_\(kind.rawValue)", [m.expression, rhs])
                return m
            }
        case "dimension":
            let dimensionful = Set(context.units.filter { $0.value.value != "1" }.keys)
            if claim.printed.value.containsRelation {
                let (lhs, kind, rhs) = try context.relation(claim.printed)
                // Either side: a dimensionful symbol squared on the left or on the right.
                let left = dimensionfulSquares(lhs, dimensionful).map { Mutation(kind: .exponent, description: "left side: " + $0.0, expression: .call("__relation_\(kind.rawValue)", [$0.1, rhs])) }
                let right = dimensionfulSquares(rhs, dimensionful).map { Mutation(kind: .exponent, description: "right side: " + $0.0, expression: .call("__relation_\(kind.rawValue)", [lhs, $0.1])) }
                return Array((left + right).prefix(limitPerKind))
            }
            let e = try context.expression(claim.printed)
            return dimensionfulSquares(e, dimensionful).prefix(limitPerKind).map { Mutation(kind: .exponent, description: $0.0, expression: $0.1) }
        case "estimate":
            guard let q = BigRational(claim.printed.value) else { throw Unsupported(reason: "printed is not a number") }
            return try estimateMutants(q, tolerance: EstimateCheck().tolerance(claim.spec["tolerance"]!))
        case "slow-spectrum-exponent":
            // A wrong order of the perturbation theory: the quoted exponent ±1, ±2.
            guard let q = BigRational(claim.printed.value) else { throw Unsupported(reason: "printed is not a number") }
            return [-2, -1, 1, 2].map { d in
                Mutation(kind: .shiftedConstant, description: "exponent \(q) replaced by \(q + BigRational(d))", expression: Expr(q + BigRational(d)))
            }
        default:
            throw Unsupported(reason: "check kind `\(claim.check)` has no mutation operator")
        }
    }

    /// Mutants of a quoted number that the claim's tolerance must reject, by construction: each
    /// one's acceptance interval is disjoint from the original's, so whatever value the engine
    /// computed, at most one of them can verify — and the original did.
    /// - every tolerance: the number negated (the signs must agree); for an absolute tolerance
    ///   only when |x| > a, so that the interval [x − a, x + a] excludes zero;
    /// - `order-of-magnitude` (ratio within [1/10, 10]): powers of ten ±3;
    /// - `p%` with p < 100%: the smallest power of ten k > (1 + p)/(1 − p), up and down, and the
    ///   factors 2 and 1/2 when p < 1/3;
    /// - absolute a: shifts by ±3a, and the factors 2 and 1/2 when |x| > 2a.
    func estimateMutants(_ x: BigRational, tolerance: EstimateCheck.Tolerance) -> [Mutation] {
        let e = { (q: BigRational) in Expr(q) }
        var out: [Mutation] = []
        func scaled(_ k: BigRational, _ what: String) {
            out.append(Mutation(kind: .exponent, description: "quoted number times \(what)", expression: e(x * k)))
            out.append(Mutation(kind: .exponent, description: "quoted number divided by \(what)", expression: e(x / k)))
        }
        func halvedAndDoubled() {
            out.append(Mutation(kind: .factorTwo, description: "quoted number times 2", expression: e(x * BigRational(2))))
            out.append(Mutation(kind: .factorTwo, description: "quoted number times 1/2", expression: e(x / BigRational(2))))
        }
        let negated = Mutation(kind: .flippedSign, description: "quoted number negated", expression: e(-x))
        switch tolerance {
        case .orderOfMagnitude:
            out.append(negated)
            scaled(BigRational(1000), "10^3")
        case .relative(let p):
            out.append(negated)
            guard p < BigRational(1) else { break }
            let spread = (BigRational(1) + p) / (BigRational(1) - p)
            var k = BigRational(10), power = 1
            while k <= spread { k = k * BigRational(10); power += 1 }
            scaled(k, "10^\(power)")
            if p * BigRational(3) < BigRational(1) { halvedAndDoubled() }
        case .absolute(let a):
            if x.magnitude > a { out.append(negated) }
            if a.isZero {
                if !x.isZero { halvedAndDoubled() }
            } else {
                out.append(Mutation(kind: .droppedTerm, description: "quoted number shifted by +3× the tolerance", expression: e(x + a * BigRational(3))))
                out.append(Mutation(kind: .droppedTerm, description: "quoted number shifted by −3× the tolerance", expression: e(x - a * BigRational(3))))
                if x.magnitude > a * BigRational(2) { halvedAndDoubled() }
            }
        }
        return out
    }

    /// Mutants that square one occurrence of a dimensionful symbol (path-wise).
    func dimensionfulSquares(_ e: Expr, _ dimensionful: Set<String>) -> [(String, Expr)] {
        e.nodesWithPaths().compactMap { path, node in
            guard case .symbol(let s) = node, dimensionful.contains(s.name) else { return nil }
            // The exponent of the occurrence is raised by one.
            return ("\(s.name) at node \(path.map(String.init).joined(separator: ".")) squared", e.replacing(at: path, with: .pow(node, Expr(2))))
        }
    }

    /// The text of a mutant as a `printed` field.
    func printedText(_ m: Mutation, claim: Claim) -> String {
        if case .call(let name, let args) = m.expression, name.hasPrefix("__relation_") {
            return "\(args[0].text) \(name.dropFirst("__relation_".count)) \(args[1].text)"
        }
        if claim.check == "estimate", let q = m.expression.rationalValue { return q.isInteger ? q.description : decimal(q) }
        return m.expression.text
    }

    /// A quoted number as text: the exact decimal when the denominator divides a power of ten
    /// (every estimate mutant of a decimal quote), otherwise 30 significant digits.
    func decimal(_ q: BigRational) -> String {
        var scale = 0, scaled = q
        while !scaled.isInteger, scale < 400 { scaled = scaled * BigRational(10); scale += 1 }
        guard scaled.isInteger else { return BigFloat(q, precision: 200).toString(digits: 30) }
        return "\(scaled.numerator)e-\(scale)"
    }

    /// Runs the claim's check with the mutant as `printed`, then classifies the outcome.
    func judge(_ m: Mutation, of claim: Claim, in context: DerivationContext) -> MutantResult {
        var spec = claim.spec
        let text = printedText(m, claim: claim)
        spec.fields["printed"] = Located(text, at: claim.printed.location)
        if claim.expected == .verified, spec.fields["correction"] != nil { spec.fields["correction"] = nil }
        var mutated = claim
        mutated.spec = spec
        mutated.printed = spec.fields["printed"]!
        let verdict: Verdict
        do {
            verdict = try runner.engine.checks[claim.check]!.run(mutated, in: context)
        } catch {
            verdict = Verdict(.error, detail: "\(error)")
        }
        let outcome: Outcome
        switch verdict.kind {
        case .discrepancy, .error: outcome = .killed  // rejected: a counterexample, or not even well-formed (e.g. not real)
        case .verified: outcome = isEquivalent(m, text: text, claim: claim, in: context) ? .equivalent : .survived
        case .inconclusive where claim.check == "sign":
            // A sign the checker could not prove: equivalent if the mutated relation is true
            // (independent sampling), otherwise a false statement that was not rejected.
            outcome = isEquivalent(m, text: text, claim: claim, in: context) ? .equivalent : .inconclusive
        default: outcome = .inconclusive
        }
        return MutantResult(claimID: claim.id, check: claim.check, mutation: m.kind, description: m.description,
                            printed: text, verdict: verdict.kind, outcome: outcome)
    }

    /// The independent equivalence oracles (see the type's documentation).
    func isEquivalent(_ m: Mutation, text: String, claim: Claim, in context: DerivationContext) -> Bool {
        do {
            switch claim.check {
            case "identity", "numeric":
                let original = try context.expression(claim.printed, claim: claim)
                let mutant = try context.expression(Located(text, at: claim.printed.location), claim: claim)
                return IdentityChecker(digits: claim.digits, seed: claim.seed &+ 1, functions: context.engine.numericFunctions)
                    .check(original, mutant).kind == .verified
            case "sign":
                let (lhs, kind, rhs) = try context.relation(Located(text, at: claim.printed.location), claim: claim)
                return try relationHoldsAtRandomPoints(lhs - rhs, kind, seed: claim.seed &+ 7, functions: context.engine.numericFunctions)
            case "dimension":
                return false
            case "causality":
                // By linearity the mutant is causal iff δ = mutant − original is (the original is):
                // δ, a single term or a branch-swapped field, is judged on its own.
                let original = try context.expression(claim.printed, claim: claim)
                let mutant = try context.expression(Located(text, at: claim.printed.location), claim: claim)
                return Causality.check(try KeldyshTextSyntax.fieldPolynomial(mutant - original)).isCausal
            case "field-identity", "keldysh-rotation":
                // Equivalent when the mutant equals the original printed form as a field polynomial
                // (up to a total time derivative, which the checks accept too).
                let original = try KeldyshTextSyntax.fieldPolynomial(try context.expression(claim.printed, claim: claim))
                let mutant = try KeldyshTextSyntax.fieldPolynomial(try context.expression(Located(text, at: claim.printed.location), claim: claim))
                if case .different = KeldyshRotation.compare(mutant, original) { return false }
                return true
            case "estimate", "slow-spectrum-exponent":
                // Equivalent only when the mutated quoted number is the same number (e.g. −0 = 0).
                guard let original = BigRational(claim.printed.value), let mutant = BigRational(text) else { return false }
                return original == mutant
            default:
                return false
            }
        } catch {
            return false
        }
    }

    /// Numeric sampling oracle for sign mutants: evaluates d at 40 random points inside the
    /// symbols' assumptions and reports whether the relation d ⋚ 0 held at all of them.
    func relationHoldsAtRandomPoints(_ d: Expr, _ kind: RelationKind, seed: UInt64, functions: [String: NumericFunction]) throws -> Bool {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            var values: [Symbol: Expr] = [:]
            for s in d.freeSymbols {
                let n = Int.random(in: 1...4000, using: &generator), k = Int.random(in: 1...1000, using: &generator)
                let magnitude = Expr(BigRational(n, k))
                if s.isPositive { values[s] = magnitude } else if s.isReal {
                    values[s] = Bool.random(using: &generator) ? magnitude : -magnitude
                } else {
                    values[s] = magnitude + Expr.i * Expr(BigRational(Int.random(in: -4000...4000, using: &generator), 1000))
                }
            }
            let v = try d.evaluate(digits: 15, at: values, functions: functions)
            guard v.isConverged else { continue }
            let x = v.value.re
            let holds: Bool
            switch kind {
            case .less: holds = x.isNegative
            case .lessOrEqual: holds = x.signum <= 0
            case .greater: holds = x.signum > 0
            case .greaterOrEqual: holds = x.signum >= 0
            default: holds = true
            }
            if !holds { return false }
        }
        return true
    }
}


