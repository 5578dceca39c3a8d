import XCTest
import Symbolic
import Keldysh
@testable import Verify

/// The checker cannot be fooled: wrong variants of verified claims are rejected.
final class MutationTests: XCTestCase {
    func testMutantsCoverEveryKindOfAFormula() throws {
        // I appears in two terms, so i ↔ −i differs from every single-term sign flip.
        let e = try Expr(parsing: "-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2 + kappa^2/4) + I/(eF-ed)) + I*kappa")
        let mutants = e.mutants(limitPerKind: 5)
        let fieldOrConstantKinds: Set<Mutation.Kind> = [.scaledTerm, .swappedBranch, .shiftedConstant]
        XCTAssertEqual(Set(mutants.map(\.kind)), Set(Mutation.Kind.allCases).subtracting(fieldOrConstantKinds))
        // No mutant equals the original, none repeats.
        XCTAssertFalse(mutants.contains { $0.expression == e })
        XCTAssertEqual(Set(mutants.map(\.expression)).count, mutants.count)
    }

    /// A fixed-seed sample of the full self-test over the derivation files (the whole run is
    /// `referee mutate`): every non-equivalent mutant must be killed.
    func testSampleOfTheDerivationsIsKilled() throws {
        let test = MutationTest(runner: AuditRunner(engine: .standard), limitPerKind: 3, sampleEvery: 5)
        let report = try test.run(paths: [DerivationsAsTests.folder])
        XCTAssertGreaterThan(report.results.count, 20)
        XCTAssertTrue(report.survivors.isEmpty, report.text())
        XCTAssertGreaterThan(report.results.filter { $0.outcome == .killed }.count, report.results.count / 2)
    }

    /// Every estimate mutant is built outside the claim's tolerance, so the estimates chain kills
    /// them all: none is equivalent (no quoted number there is zero), none survives.
    func testEveryEstimateMutantOfTheEstimatesChainIsKilled() throws {
        let test = MutationTest(runner: AuditRunner(engine: .standard))
        let report = try test.run(paths: [DerivationsAsTests.folder + "/estimates.md"])
        let estimates = report.results.filter { $0.check == "estimate" }
        XCTAssertGreaterThanOrEqual(estimates.count, 6)
        XCTAssertTrue(estimates.allSatisfy { $0.outcome == .killed }, report.text())
        XCTAssertTrue(estimates.contains { $0.description == "quoted number negated" })
    }

    /// An estimate mutant is equivalent only when it is the same number; a different number that
    /// the tolerance happens to accept is a survivor, never silently "equivalent".
    func testAnEstimateMutantIsEquivalentOnlyWhenItIsTheSameNumber() throws {
        let test = MutationTest(runner: AuditRunner(engine: .standard))
        let runner = AuditRunner(engine: .standard)
        let loaded = try runner.load(files: [DerivationsAsTests.folder + "/estimates.md"])
        let (claim, context) = try XCTUnwrap(loaded.first { $0.0.id == "est.pump-power.value" })
        XCTAssertEqual(claim.printed.value, "1e8")
        let same = Mutation(kind: .factorTwo, description: "the same number written out", expression: Expr(BigRational(100_000_000)))
        XCTAssertEqual(test.judge(same, of: claim, in: context).outcome, .equivalent)
        let nearby = Mutation(kind: .factorTwo, description: "a different number within a factor 10", expression: Expr(BigRational(200_000_000)))
        XCTAssertEqual(test.judge(nearby, of: claim, in: context).outcome, .survived)
    }

    /// The report names each equivalent mutant (claim, operator, mutated formula), not only a count.
    func testTheReportNamesEquivalentMutants() {
        let r = MutationTest.MutantResult(claimID: "t.claim", check: "identity", mutation: .exponent, description: "symbol e squared",
                                          printed: "exp(e^2)", verdict: .verified, outcome: .equivalent)
        let text = MutationTest.Report(results: [r], skipped: []).text()
        XCTAssertTrue(text.contains("equivalent t.claim: exponent ±1 (symbol e squared): exp(e^2)"), text)
    }

    /// A contour-field expression in the derivation files' syntax (gr, psi, psibar, ddt).
    static func fields(_ text: String) throws -> Expr {
        let engine = Engine.standard
        return try ParseContext(undeclaredNames: .create(.real), operations: engine.operations,
                                numericFunctions: Set(engine.numericFunctions.keys)).parse(text)
    }

    /// Mutants of a causal contour action: one term negated or doubled. Each is rejected by the
    /// causality criterion S[ψ₊ = ψ₋] = 0, and no global factor (invisible to it) is generated.
    func testFieldMutantsOfACausalActionAreNotCausal() throws {
        let closed = "gr(psibar(x, 1, 0), I*ddt(psi(x, 1, 0)) - e*psi(x, 1, 0)) - gr(psibar(x, -1, 0), I*ddt(psi(x, -1, 0)) - e*psi(x, -1, 0))"
        let e = try Self.fields(closed)
        XCTAssertTrue(Causality.check(try KeldyshTextSyntax.fieldPolynomial(e)).isCausal)
        let mutants = e.fieldMutants(limitPerKind: 8, branches: false)
        XCTAssertEqual(Set(mutants.map(\.kind)), [.flippedSign, .scaledTerm])
        XCTAssertFalse(mutants.contains { $0.expression == -e || $0.expression == Expr(2) * e })
        for m in mutants {
            XCTAssertFalse(Causality.check(try KeldyshTextSyntax.fieldPolynomial(m.expression)).isCausal, m.description)
        }
    }

    /// For field identities a branch label of one field is swapped, ψ₊ ↔ ψ₋ or ψ_c ↔ ψ_q.
    func testFieldIdentityMutantsSwapOneBranch() throws {
        let e = try Self.fields("gr(psibar(x, 1, 0), psi(x, 1, 0)) - gr(psibar(x, -1, 0), psi(x, -1, 0))")
        let swaps = e.fieldMutants(limitPerKind: 8, branches: true).filter { $0.kind == .swappedBranch }
        XCTAssertEqual(swaps.count, 4)
        for m in swaps {
            XCTAssertNotEqual(try KeldyshTextSyntax.fieldPolynomial(m.expression), try KeldyshTextSyntax.fieldPolynomial(e), m.description)
        }
    }

    /// The paper gives at least 500 mutants (generation only: no check is run), and every claim
    /// left without mutants says why.
    func testTheDerivationsGiveAtLeastFiveHundredMutants() throws {
        let (mutants, skipped) = try MutationTest(runner: AuditRunner(engine: .standard)).generate(paths: [DerivationsAsTests.folder])
        XCTAssertGreaterThanOrEqual(mutants.count, 500)
        XCTAssertTrue(mutants.contains { $0.mutation.kind == .swappedBranch })
        XCTAssertTrue(mutants.contains { $0.mutation.kind == .shiftedConstant })
        for (id, why) in skipped { XCTAssertFalse(why.isEmpty, id) }
        XCTAssertFalse(skipped.contains { $0.1.contains("has no mutation operator") }, "\(skipped)")
    }
}
