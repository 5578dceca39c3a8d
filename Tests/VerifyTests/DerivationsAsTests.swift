import Foundation
import XCTest
import Symbolic
@testable import Verify

/// Every claim of every file in `derivations/` is a test: it fails when the engine's verdict
/// differs from the one the file expects (`expect:`). One test per file, so a failure names the chain.
final class DerivationsAsTests: XCTestCase {
    static let folder = DerivationFolder.path("derivations")

    func run(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try DerivationFolder.run(name, in: Self.folder, file: file, line: line)
    }

    /// Every file in the folder is covered by a test below.
    func testEveryFileHasATest() throws {
        let files = try AuditRunner.derivationFiles(in: [Self.folder]).map { ($0 as NSString).lastPathComponent }
        let covered: Set<String> = Set(Self.covered)
        for f in files { XCTAssertTrue(covered.contains(f), "derivations/\(f) has no test in DerivationsAsTests") }
    }

    /// One line per file.
    static let covered: [String] = [
        "sd-coupling.md",
        "estimates.md",
        "integrals.md",
        "lindblad-perturbation.md",
        "keldysh-action.md",
        "keldysh-second-order.md",
        "dynamics.md",
    ]

    func testSdCoupling() throws { try run("sd-coupling.md") }
    func testEstimates() throws { try run("estimates.md") }
    func testDynamics() throws { try run("dynamics.md") }
    func testIntegrals() throws { try run("integrals.md") }
    func testLindbladPerturbation() throws { try run("lindblad-perturbation.md") }
    func testKeldyshAction() throws { try run("keldysh-action.md") }
    func testKeldyshSecondOrder() throws { try run("keldysh-second-order.md") }
}
