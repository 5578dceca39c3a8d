import Foundation
import XCTest
@testable import Verify
import Symbolic

/// The `ode-*` check kinds on declared systems: right claims verified, wrong claims rejected, bad claim
/// input located. (The frequency, relaxation and conservation kinds are also exercised, with wrong forms,
/// by examples/damped-macrospin.md in ExamplesAsTests.)
final class OdeChecksTests: XCTestCase {
    static func claims(_ body: String) -> String {
        "# t\n\n" + DeclaredSystemTests.bilayer + "\n\n" + body
    }

    func audit(_ text: String) throws -> [ClaimResult] {
        try TemporaryDerivation.audit(text).results
    }

    func testStateRejectsTheWrongPhase() throws {
        let system = try DeclaredSystemTests.system(DeclaredSystemTests.bilayer)
        let field = try DeclaredField(system, values: ["r": 1.5])
        XCTAssertEqual(try OdeChecks.stateVerdict(field, printed: "chiral", samples: 2, seed: 1).kind, .verified)
        XCTAssertEqual(try OdeChecks.stateVerdict(field, printed: "antialigned", samples: 2, seed: 1).kind, .discrepancy)
        XCTAssertEqual(try OdeChecks.stateVerdict(field, printed: "fixed", samples: 2, seed: 1).kind, .discrepancy)
        XCTAssertEqual(try OdeChecks.stateVerdict(field, printed: "rotating", samples: 2, seed: 1).kind, .verified)
    }

    /// The flip threshold of NC(8) is 1 − j_AB²(j_AA − T)/j_AA³ = 0.975 (closed form, derivations/dynamics.md):
    /// the check finds it from the declared system, and rejects a printed 0.8 and a model with the wrong sign of Ω_BA.
    func testThresholdFindsTheClosedFormAndRejectsWrongValues() throws {
        let system = try DeclaredSystemTests.system(DeclaredSystemTests.bilayer)
        func verdict(_ s: DeclaredSystem, printed: Double) throws -> Verdict {
            try OdeChecks.thresholdVerdict(s, values: s.defaults, parameter: "r", from: 0, to: 2, onset: ["antialigned", "chiral"],
                                           quantity: { $0 }, quantityText: "r", printed: printed, tolerance: 0.01, seed: 1)
        }
        let right = try verdict(system, printed: 1 - 25.0 * (10 - 9) / 1000)
        XCTAssertEqual(right.kind, .verified, right.detail)
        XCTAssertEqual(Double(right.computed ?? "") ?? 0, 0.975, accuracy: 1e-6)
        XCTAssertEqual(try verdict(system, printed: 0.8).kind, .discrepancy)
        // Ω_BA with the wrong sign: the light then pulls layer B towards A — no flip up to r = 2.
        let wrong = try DeclaredSystemTests.system(DeclaredSystemTests.bilayer.replacingOccurrences(of: "- Omega_BA*m_A", with: "+ Omega_BA*m_A"))
        XCTAssertNotEqual(try verdict(wrong, printed: 0.975).kind, .verified)
    }

    func testImplicitFormNeedsAnImplicitSystem() throws {
        let text = Self.claims("""
        ```claim
        id: t.implicit
        statement: s
        printed: x
        check: ode-implicit-form
        system: bilayer
        expect: verified
        ```
        """)
        XCTAssertThrowsError(try audit(text)) { error in
            XCTAssertTrue("\(error)".contains("no derivative on a right-hand side"), "\(error)")
        }
    }

    func testBadClaimInputIsLocated() throws {
        let cases: [(String, String)] = [
            ("check: ode-state\nsystem: bilayr\nparameters: r = 1", "did you mean `bilayer`"),
            ("check: ode-state\nsystem: bilayer\nparameters: q = 1", "not a parameter"),
            ("check: ode-state\nsystem: bilayer\nparameters: T = -1", "contradicts"),
            ("check: ode-threshold\nsystem: bilayer\nvary: q from 0 to 1\nonset: chiral", "not a parameter"),
            ("check: ode-threshold\nsystem: bilayer\nvary: r from 1 to 0\nonset: chiral", "a < b"),
            ("check: ode-threshold\nsystem: bilayer\nvary: r from 0 to 1\nonset: spiral", "not a phase"),
            ("check: ode-state\nparameters: r = 1", "needs `system:`"),
        ]
        for (keys, message) in cases {
            let text = Self.claims("```claim\nid: t.bad\nstatement: s\nprinted: chiral\n\(keys)\nexpect: verified\n```\n")
            XCTAssertThrowsError(try audit(text), keys) { error in
                XCTAssertTrue("\(error)".contains(message), "\(keys): \(error)")
                XCTAssertTrue("\(error)".contains("t.md:"), "\(error)")
            }
        }
    }
}
