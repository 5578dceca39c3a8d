import Foundation
import XCTest
@testable import Verify

/// The Keldysh check kinds (`causality`, `keldysh-rotation`, `field-identity`): right and wrong
/// actions, and bad field syntax rejected at file:line with a fix.
final class KeldyshChecksTests: XCTestCase {
    func audit(_ printed: String, check: String, computed: String? = nil, expect: String = "verified") throws -> AuditReport {
        let text = """
        # t

        ```symbols
        x, e, kappa: real
        c, q: real
        ```

        ```claim
        id: t.keldysh
        equations: NC(—), AX(S46)
        statement: s
        printed: \(printed)
        \(computed.map { "computed: \($0)" } ?? "conventions: none")
        check: \(check)
        expect: \(expect)
        ```
        """
        return try TemporaryDerivation.audit(text)
    }

    let closed = "gr(psibar(x, 1, 0), I*ddt(psi(x, 1, 0)) - e*psi(x, 1, 0)) - gr(psibar(x, -1, 0), I*ddt(psi(x, -1, 0)) - e*psi(x, -1, 0))"

    func testCausalActionIsVerifiedAndFlippedSignIsADiscrepancy() throws {
        XCTAssertEqual(try audit(closed, check: "causality").results.first?.verdict.kind, .verified)
        let flipped = "gr(psibar(x, 1, 0), I*ddt(psi(x, 1, 0)) - e*psi(x, 1, 0)) + gr(psibar(x, -1, 0), I*ddt(psi(x, -1, 0)) - e*psi(x, -1, 0))"
        XCTAssertEqual(try audit(flipped, check: "causality").results.first?.verdict.kind, .discrepancy)
        // Wrong sign of the decay term of a dissipator.
        let dissipator = "-I*kappa*(gr(psibar(x, -1, 0), psi(x, 1, 0)) + 1/2*(gr(psibar(x, 1, 1), psi(x, 1, -1)) + gr(psibar(x, -1, -1), psi(x, -1, 1))))"
        XCTAssertEqual(try audit(dissipator, check: "causality").results.first?.verdict.kind, .discrepancy)
    }

    func testRotationAndFieldIdentityRejectWrongForms() throws {
        let pm = "gr(psibar(x, 1, 0), psi(x, 1, 0)) - gr(psibar(x, -1, 0), psi(x, -1, 0))"
        XCTAssertEqual(try audit("gr(psibar(x, c, 0), psi(x, q, 0)) + gr(psibar(x, q, 0), psi(x, c, 0))", check: "keldysh-rotation", computed: pm).results.first?.verdict.kind, .verified)
        XCTAssertEqual(try audit("gr(psibar(x, c, 0), psi(x, q, 0)) - gr(psibar(x, q, 0), psi(x, c, 0))", check: "keldysh-rotation", computed: pm).results.first?.verdict.kind, .discrepancy)
        XCTAssertEqual(try audit("-gr(psi(x, 1, 0), psibar(x, 1, 0))", check: "field-identity", computed: "gr(psibar(x, 1, 0), psi(x, 1, 0))").results.first?.verdict.kind, .verified)
        XCTAssertEqual(try audit("gr(psi(x, 1, 0), psibar(x, 1, 0))", check: "field-identity", computed: "gr(psibar(x, 1, 0), psi(x, 1, 0))").results.first?.verdict.kind, .discrepancy)
    }

    func testBadFieldSyntaxIsRejectedWithPlaceAndFix() throws {
        for (printed, mention) in [("psi(x, 1, 0)*psibar(x, 1, 0)", "gr("), ("psi(x, 2, 0)", "branch"), ("psi(x, 1, 5)", "shift"), ("psi(x, 1)", "3 arguments")] {
            XCTAssertThrowsError(try audit(printed, check: "causality"), printed) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("t.md:12"), "\(printed): \(text)")
                XCTAssertTrue(text.contains(mention), "\(printed): \(text)")
            }
        }
    }
}
