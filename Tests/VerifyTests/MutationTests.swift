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
}

