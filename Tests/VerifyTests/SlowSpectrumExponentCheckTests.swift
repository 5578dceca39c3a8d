import Foundation
import XCTest
@testable import Verify

/// `check: slow-spectrum-exponent` on a model declared in the file (an impurity and one spinful
/// level, NC(3)'s form): the error of the second-order effective generator against the full ℒ is
/// O(v⁴); a claimed O(v²) or O(v³) is rejected; bad parameters are rejected with the place and a fix.
final class SlowSpectrumExponentCheckTests: XCTestCase {
    static let model = """
    # t

    ```symbols
    v: complex
    ed, ek: real
    U, kappa: positive
    ```

    ```modes
    d[s]: fermion   s in {up, dn}
    c[s]: fermion   s in {up, dn}
    ```

    ```define
    n[s] = d[s]'*d[s]
    P2 = n[up]*n[dn]
    H0 = ed*(n[up] + n[dn]) + U*P2 + ek*(c[up]'*c[up] + c[dn]'*c[dn])
    L0 = lindblad(H0, sqrt(kappa)*d[up]*P2, sqrt(kappa)*d[dn]*P2)
    L1 = liouvillian(sum(s in s: v*d[s]'*c[s] + conj(v)*c[s]'*d[s]))
    ```
    """

    func audit(printed: String, parameters: String = "unperturbed = L0; perturbation = L1; coupling = v; ed = -1; U = 3; kappa = 0.5; ek = 0.2; vmin = 0.01; vmax = 0.04; points = 5",
               tolerance: String = "0.1") throws -> AuditReport {
        let text = Self.model + """


        ```claim
        id: t.exponent
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
        let base = "unperturbed = L0; perturbation = L1; coupling = v; ed = -1; U = 3; kappa = 0.5; ek = 0.2"
        for (parameters, tolerance, printed, mention) in [
            (base + "; bogus = 2", "0.1", "4", "`bogus` is not a declared symbol"),
            ("perturbation = L1; coupling = v; ed = -1; U = 3; kappa = 0.5; ek = 0.2", "0.1", "4", "unperturbed = …"),
            (base.replacingOccurrences(of: "unperturbed = L0", with: "unperturbed = H0"), "0.1", "4", "not a superoperator"),
            (base.replacingOccurrences(of: "coupling = v", with: "coupling = w"), "0.1", "4", "coupling `w`"),
            (base.replacingOccurrences(of: "; ek = 0.2", with: ""), "0.1", "4", "value for every symbol"),
            (base + "; vmin = 0.04; vmax = 0.01", "0.1", "4", "vmin < vmax"),
            (base + "; points = 2", "0.1", "4", "at least 3"),
            (base.replacingOccurrences(of: "kappa = 0.5", with: "kappa = x"), "0.1", "4", "must be a number"),
            (base, "10%", "4", "absolute deviation"),
            (base, "0.1", "4 + I", "real number"),
        ] {
            XCTAssertThrowsError(try audit(printed: printed, parameters: parameters, tolerance: tolerance), mention) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("t.md:"), text)
                XCTAssertTrue(text.contains(mention), "\(mention): \(text)")
            }
        }
    }
}
