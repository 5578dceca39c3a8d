import Foundation
import XCTest
@testable import Verify
import Symbolic

/// `check: estimate`: the computed value, in `unit`, against the quoted number within `tolerance`.
/// A quoted number of the wrong sign is never an estimate of the computed value, whatever the
/// tolerance: an order of magnitude speaks about |x|, not about dropping a sign.
final class EstimateCheckTests: XCTestCase {
    /// The verdict of one estimate claim: computed `U/2` with U = 1 eV (so 0.5 eV), in eV.
    func verdict(printed: String, tolerance: String, computed: String = "U/2") throws -> Verdict {
        let text = """
        # t

        ```symbols
        U: positive
        ```

        ```values
        U = 1*eV
        ```

        ```claim
        id: t.estimate
        equations: NC(7), AX(7)
        statement: half an electronvolt
        printed: \(printed)
        computed: \(computed)
        unit: eV
        tolerance: \(tolerance)
        check: estimate
        expect: verified
        ```
        """
        return try XCTUnwrap(TemporaryDerivation.audit(text).results.first).verdict
    }

    func testTheRightNumberIsVerifiedForEveryToleranceKind() throws {
        XCTAssertEqual(try verdict(printed: "1", tolerance: "order-of-magnitude").kind, .verified)
        XCTAssertEqual(try verdict(printed: "0.5", tolerance: "10%").kind, .verified)
        XCTAssertEqual(try verdict(printed: "0.5", tolerance: "0.01").kind, .verified)
    }

    func testANegatedQuotedNumberIsADiscrepancyWithinAnOrderOfMagnitude() throws {
        let v = try verdict(printed: "-1", tolerance: "order-of-magnitude")
        XCTAssertEqual(v.kind, .discrepancy)
        XCTAssertTrue(v.detail.contains("signs differ"), v.detail)
        XCTAssertTrue(v.detail.contains("computed positive, printed negative"), v.detail)
        XCTAssertTrue(v.relation?.contains("opposite signs") ?? false, "\(String(describing: v.relation))")
    }

    func testANegatedQuotedNumberIsADiscrepancyForEveryToleranceKind() throws {
        for (printed, tolerance) in [("-0.5", "10%"), ("-0.5", "300%"), ("-0.5", "0.01"), ("-0.1", "1"), ("-1e-3", "order-of-magnitude")] {
            let v = try verdict(printed: printed, tolerance: tolerance)
            XCTAssertEqual(v.kind, .discrepancy, "\(printed) within \(tolerance): \(v.detail)")
            XCTAssertTrue(v.detail.contains("signs differ"), "\(printed) within \(tolerance): \(v.detail)")
        }
    }

    func testANegativeComputedValueAgainstAPositiveQuoteIsADiscrepancy() throws {
        let v = try verdict(printed: "1", tolerance: "order-of-magnitude", computed: "-U/2")
        XCTAssertEqual(v.kind, .discrepancy)
        XCTAssertTrue(v.detail.contains("computed negative, printed positive"), v.detail)
    }

    func testAQuotedZeroWithinAnAbsoluteToleranceHasNoSignToContradict() throws {
        XCTAssertEqual(try verdict(printed: "0", tolerance: "1").kind, .verified)
    }

    func testAWrongMagnitudeIsStillADiscrepancy() throws {
        XCTAssertEqual(try verdict(printed: "100", tolerance: "order-of-magnitude").kind, .discrepancy)
        XCTAssertEqual(try verdict(printed: "0.6", tolerance: "10%").kind, .discrepancy)
        XCTAssertEqual(try verdict(printed: "0.52", tolerance: "0.01").kind, .discrepancy)
    }
}
