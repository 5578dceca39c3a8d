import Foundation
import XCTest
@testable import Verify

/// The browsable report (`referee audit --format html`): one self-contained page listing every
/// claim with both equation numbers, a filter button per verdict present, and for a discrepancy
/// the computed form beside the printed one.
final class AuditReportHTMLTests: XCTestCase {
    /// A chain with one verified claim and one discrepancy (a flipped sign).
    static let chain = """
    # A chain

    ```symbols
    x: real
    ```

    ```claim
    id: t.square
    equations: NC(17), AX(S129)
    statement: a square
    printed: x^2 + 2*x + 1
    computed: (x + 1)^2
    check: identity
    expect: verified
    ```

    ```claim
    id: t.flipped
    equations: NC(—), AX(15)
    statement: a square with a sign error
    printed: x^2 - 2*x + 1
    computed: (x + 1)^2
    check: identity
    expect: discrepancy
    correction: x^2 + 2*x + 1
    ```
    """

    func page() throws -> String {
        try TemporaryDerivation.audit(Self.chain, name: "chain.md").html()
    }

    func testThePageIsSelfContained() throws {
        let html = try page()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["http://", "https://", "src=", "href=", "<link", "@import", "url(", "//cdn"] {
            XCTAssertFalse(html.contains(external), "the page refers to something outside itself: \(external)")
        }
    }

    func testThereIsOneFilterButtonPerVerdictPresent() throws {
        let html = try page()
        let buttons = html.components(separatedBy: "<button data-filter=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(buttons.map(String.init), ["all", "verified", "discrepancy"])
        XCTAssertTrue(html.contains(">verified (1)</button>"))
        XCTAssertTrue(html.contains(">discrepancy (1)</button>"))
        XCTAssertFalse(html.contains("data-filter=\"inconclusive\""), "no button for a verdict no claim has")
    }

    func testBothNumberingsHaveAColumn() throws {
        let html = try page()
        XCTAssertTrue(html.contains("<th>NC</th><th>AX</th>"))
        XCTAssertTrue(html.contains("<td>17</td>"), "NC(17) in the NC column")
        XCTAssertTrue(html.contains("<td>S129</td>"), "AX(S129) in the AX column")
        XCTAssertTrue(html.contains("<td>—</td>"), "NC(—): absent from that version")
    }

    func testADiscrepancyShowsThePrintedAndTheComputedForm() throws {
        let html = try page()
        let row = try XCTUnwrap(html.components(separatedBy: "<tr class=\"details discrepancy\"").dropFirst().first)
        let details = String(row.prefix { $0 != "\n" })
        XCTAssertTrue(details.contains("<span class=\"label\">printed</span> <code>x^2 - 2*x + 1</code>"), details)
        XCTAssertTrue(details.contains("<span class=\"label\">computed</span>"), details)
        XCTAssertTrue(details.contains("<span class=\"label\">relation</span>"), details)
    }

    func testEachFileHasAHeadingWithItsTally() throws {
        let html = try page()
        XCTAssertTrue(html.contains("data-verdicts=\"discrepancy verified\""), "the heading knows which filters show it")
        XCTAssertTrue(html.contains("2 claims: 1 verified, 1 discrepancy"))
    }

    func testTextIsEscaped() throws {
        let html = try page()
        XCTAssertFalse(html.contains("<code>x^2 < "))
        XCTAssertEqual(html.components(separatedBy: "<script>").count, 2, "exactly one inline script")
    }
}
