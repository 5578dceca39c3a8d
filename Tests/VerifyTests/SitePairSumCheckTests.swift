import Foundation
import XCTest
import Symbolic
@testable import Verify

/// Site-pair sums of spin traces through the `identity` check (formal atoms `trD`), and the
/// `requires` kind that records what the engine cannot check yet.
final class SitePairSumCheckTests: XCTestCase {
    func audit(_ claimLines: String) throws -> AuditReport {
        let text = """
        # t

        ```symbols
        a, b, g_a, g_b, f, m: real
        ```

        ```claim
        id: t.sitepair
        equations: NC(—), AX(S208)
        statement: s
        \(claimLines)
        ```
        """
        return try TemporaryDerivation.audit(text)
    }

    /// AX(S208): the γ = 0 action, printed against the engine's reduction.
    let equilibrium = "sum_ab(f*g_a*g_b*(trD(a,1,1,1,b,1,1,-1) - trD(a,-1,-1,-1,b,-1,-1,1)) + I*g_a*g_b*m*(trD(a,1,1,1,b,1,1,-1) + trD(a,-1,-1,-1,b,-1,-1,1)) - 2*I*g_a*g_b*m*trD(a,-1,-1,0,b,1,1,0))"
    let engine = "keldysh_rkky_markov(g_a, -g_a, 0, 0, f, m, 0, 0)"

    func testEquilibriumActionVerifiesExactly() throws {
        let r = try audit("printed: \(equilibrium)\ncomputed: \(engine)\ncheck: identity\nexpect: verified")
        XCTAssertEqual(r.results.first?.verdict.kind, .verified)
        XCTAssertNotEqual(r.results.first?.verdict.method, CheckMethod.none)
    }

    func testWrongActionsAreRejectedWithTheDifferingTraces() throws {
        let wrong = [
            equilibrium.replacingOccurrences(of: "- 2*I*g_a*g_b*m", with: "+ 2*I*g_a*g_b*m"),          // flipped sign
            equilibrium.replacingOccurrences(of: "f*g_a*g_b*(", with: "2*f*g_a*g_b*("),                // factor 2
            equilibrium.replacingOccurrences(of: "trD(a,-1,-1,0,b,1,1,0)", with: "trD(a,-1,1,0,b,1,1,0)"),  // wrong Keldysh index
            equilibrium.replacingOccurrences(of: "f*g_a*g_b*(", with: "f*g_a*g_a*("),                  // wrong index
        ]
        for printed in wrong {
            let r = try audit("printed: \(printed)\ncomputed: \(engine)\ncheck: identity\nexpect: discrepancy\ncorrection: \(equilibrium)")
            let v = try XCTUnwrap(r.results.first?.verdict)
            XCTAssertEqual(v.kind, .discrepancy, printed)
            XCTAssertTrue(v.relation?.contains("trD(") == true, v.relation ?? "")
        }
    }

    /// Reversing the time order of a term whose coefficient is symmetric in a ↔ b is the same sum
    /// (relabel the summation sites): an equivalent form, correctly verified.
    func testRelabelledTimeOrderIsEquivalent() throws {
        let relabelled = equilibrium.replacingOccurrences(of: "f*g_a*g_b*(trD(a,1,1,1,b,1,1,-1)", with: "f*g_a*g_b*(trD(a,1,1,-1,b,1,1,1)")
        let r = try audit("printed: \(relabelled)\ncomputed: \(engine)\ncheck: identity\nexpect: verified")
        XCTAssertEqual(r.results.first?.verdict.kind, .verified)
    }

    func testRequiresIsUnsupportedAndNamesTheCapability() throws {
        let r = try audit("printed: free text, not parsed\ncheck: requires\nrequires: a saddle-point solver\nexpect: unsupported")
        let v = try XCTUnwrap(r.results.first?.verdict)
        XCTAssertEqual(v.kind, .unsupported)
        XCTAssertTrue(v.detail.contains("a saddle-point solver"))
        XCTAssertThrowsError(try audit("printed: x\ncheck: requires\nexpect: unsupported"), "requires: is mandatory")
    }
}
