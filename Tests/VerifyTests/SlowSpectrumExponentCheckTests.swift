import Foundation
import XCTest
@testable import Verify

/// `check: slow-spectrum-exponent`: the error of the second-order effective Lindbladian (AX(S31))
/// against the full ℒ of NC(3) is O(v⁴); a claimed O(v²) or O(v³) is rejected; bad parameters are
/// rejected with the place and a fix.
final class SlowSpectrumExponentCheckTests: XCTestCase {
    func audit(printed: String, parameters: String = "ed = -1; U = 3; kappa = 0.5; eF = 0.5; bath = 0.2; vmin = 0.01; vmax = 0.04; points = 5",
               tolerance: String = "0.1") throws -> AuditReport {
        let text = """
        # t

        ```claim
        id: t.exponent
        equations: NC(15), AX(S31)
        statement: the projection method is right to O(v⁴)
        printed: \(printed)
        check: slow-spectrum-exponent
        parameters: \(parameters)
        tolerance: \(tolerance)
        expect: verified
        ```
        """
        return try TemporaryDerivation.audit(text)
    }

    /// The second-order generator misses the slow eigenvalues by O(v⁴): the fitted exponent is 4
    /// within 0.1, and the detail reports p, its standard error and the deviations.
    func testFourthOrderIsVerifiedWithFittedExponentAndStandardError() throws {
        let v = try XCTUnwrap(audit(printed: "4").results.first?.verdict)
        XCTAssertEqual(v.kind, .verified, v.detail)
        XCTAssertTrue(v.detail.contains("fitted exponent p = "), v.detail)
        XCTAssertTrue(v.detail.contains(" ± "), v.detail)
        XCTAssertEqual(Double(v.computed ?? "") ?? 0, 4, accuracy: 0.1)
    }

    /// A claimed O(v²) (no second-order term) or O(v³) error is rejected.
    func testWrongExponentsAreRejected() throws {
        for wrong in ["2", "3", "5"] {
            let v = try XCTUnwrap(audit(printed: wrong).results.first?.verdict)
            XCTAssertEqual(v.kind, .discrepancy, "printed \(wrong): \(v.detail)")
            XCTAssertTrue(v.relation?.contains("≠ printed \(wrong)") ?? false, v.relation ?? "")
        }
    }

    func testBadInputNamesThePlaceAndTheFix() throws {
        for (parameters, tolerance, printed, mention) in [
            ("ed = -1; bogus = 2", "0.1", "4", "unknown parameter `bogus`"),
            ("bath = 0.1 0.2 0.3", "0.1", "4", "1…2 level energies"),
            ("vmin = 0.04; vmax = 0.01", "0.1", "4", "vmin < vmax"),
            ("points = 2", "0.1", "4", "at least 3"),
            ("kappa = x", "0.1", "4", "must be a number"),
            ("ed = -1", "10%", "4", "absolute deviation"),
            ("ed = -1", "0.1", "4 + I", "real number"),
        ] {
            XCTAssertThrowsError(try audit(printed: printed, parameters: parameters, tolerance: tolerance), mention) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("t.md:"), text)
                XCTAssertTrue(text.contains(mention), "\(mention): \(text)")
            }
        }
    }
}
