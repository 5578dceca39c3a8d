import XCTest
import Symbolic
@testable import Verify

/// The checker cannot be fooled: wrong variants of verified claims are rejected.
final class MutationTests: XCTestCase {
    func testMutantsCoverEveryKind() throws {
        // I appears in two terms, so i ↔ −i differs from every single-term sign flip.
        let e = try Expr(parsing: "-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2 + kappa^2/4) + I/(eF-ed)) + I*kappa")
        let mutants = e.mutants(limitPerKind: 5)
        XCTAssertEqual(Set(mutants.map(\.kind)), Set(Mutation.Kind.allCases))
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
}
