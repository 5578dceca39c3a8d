import Foundation
import XCTest
import Symbolic
@testable import Verify

/// Every file in `examples/` — models outside the paper, declared in the file — is a test like the
/// paper's derivations: it fails when a verdict differs from the one the file expects.
final class ExamplesAsTests: XCTestCase {
    static let folder = DerivationFolder.path("examples")

    func run(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try DerivationFolder.run(name, in: Self.folder, file: file, line: line)
        // Each example shows that wrong forms are rejected.
        XCTAssertTrue(report.results.contains { $0.verdict.kind == .discrepancy }, "\(name) has no deliberately wrong form", file: file, line: line)
    }

    static let covered: Set<String> = [
        "kerr-oscillator.md", "dissipative-spin-chain.md", "lossy-fermion-ring.md", "schrieffer-wolff.md", "optical-bloch.md",
        "qutip-steady-states.md", "qutip-thermal-oscillator.md",
        "damped-macrospin.md",
        "fourier-and-sommerfeld.md",
    ]

    func testEveryExampleHasATest() throws {
        for f in try AuditRunner.derivationFiles(in: [Self.folder]).map({ ($0 as NSString).lastPathComponent }) {
            XCTAssertTrue(Self.covered.contains(f), "examples/\(f) has no test in ExamplesAsTests")
        }
    }

    func testKerrOscillator() throws { try run("kerr-oscillator.md") }
    func testDissipativeSpinChain() throws { try run("dissipative-spin-chain.md") }
    func testLossyFermionRing() throws { try run("lossy-fermion-ring.md") }
    func testSchriefferWolff() throws { try run("schrieffer-wolff.md") }
    func testOpticalBloch() throws { try run("optical-bloch.md") }
    /// Analytic steady states and spectra from QuTiP 5.3.1's own test suite (test_steadystate.py).
    func testQuTiPSteadyStates() throws { try run("qutip-steady-states.md") }
    func testQuTiPThermalOscillator() throws { try run("qutip-thermal-oscillator.md") }
    func testDampedMacrospin() throws { try run("damped-macrospin.md") }
    func testFourierAndSommerfeld() throws { try run("fourier-and-sommerfeld.md") }
}
