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
        // The only URL-like strings are the MathML namespace (a name, never fetched) and in-page anchors.
        let page = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/1998/Math/MathML\"", with: "")
        for external in ["http://", "https://", "src=", "<link", "@import", "url(", "//cdn"] {
            XCTAssertFalse(page.contains(external), "the page refers to something outside itself: \(external)")
        }
        XCTAssertEqual(page.components(separatedBy: "href=\"").count, page.components(separatedBy: "href=\"#").count,
                       "every link is an anchor on the page")
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
        XCTAssertTrue(details.contains("<span class=\"label\">printed</span> <span class=\"formula\" title=\"x^2 - 2*x + 1\"><math"), details)
        XCTAssertTrue(details.contains("<msup><mi>x</mi><mrow><mn>2</mn></mrow></msup><mo>−</mo>"), "typeset, not raw text: \(details)")
        XCTAssertTrue(details.contains("<span class=\"label\">correction</span>"), details)
        XCTAssertTrue(details.contains("<span class=\"label\">computed</span>"), details)
        XCTAssertTrue(details.contains("<span class=\"label\">relation</span>"), details)
    }

    func testEachFileHasAHeadingWithItsTally() throws {
        let html = try page()
        XCTAssertTrue(html.contains("data-verdicts=\"discrepancy verified\""), "the heading knows which filters show it")
        XCTAssertTrue(html.contains("2 claims: 1 verified, 1 discrepancy"))
    }

    /// Every claim has an anchor: report.html#t.flipped jumps to it.
    func testEachClaimHasAnAnchor() throws {
        let html = try page()
        XCTAssertTrue(html.contains("id=\"t.square\""))
        XCTAssertTrue(html.contains("<a class=\"anchor\" href=\"#t.flipped\">"))
    }

    /// The page states version, commit, date, command line and the digest of each file when given a provenance.
    func testProvenanceIsStated() throws {
        var report = try TemporaryDerivation.audit(Self.chain, name: "chain.md")
        report.provenance = ReportProvenance(version: "9.9.9", commit: "abcdef123456", date: "2026-12-08T00:00:00Z",
                                             commandLine: "referee audit chain.md --format html",
                                             files: [.init(path: "chain.md", sha256: String(repeating: "0", count: 64))])
        let html = report.html()
        for needle in ["Referee 9.9.9", "abcdef123456", "2026-12-08T00:00:00Z", "referee audit chain.md --format html", String(repeating: "0", count: 64)] {
            XCTAssertTrue(html.contains(needle), needle)
        }
    }

    /// Text that is not a formula stays text; formulas of fields and prose relations are typeset.
    func testFormulaOrText() {
        XCTAssertEqual(ReportFormulas.html("chase-and-run"), "<code>chase-and-run</code>")
        XCTAssertEqual(ReportFormulas.html("348350550 W/cm^2"), "<code>348350550 W/cm^2</code>")
        XCTAssertTrue(ReportFormulas.html("computed/printed depends on U = g_a*trD1(a, 1, 1)").hasPrefix("<span class=\"prose\">computed/printed depends on U =</span> <span class=\"formula\""))
        XCTAssertTrue(ReportFormulas.html("(-2*kappa)·bar x^+ x^+").contains("<mo>¯</mo>"))
        XCTAssertTrue(ReportFormulas.html("gr(psibar(x, 1, 0), psi(x, -1, 1))").contains("<mi>δ</mi>"))
        XCTAssertEqual(ReportFormulas.markdown("gamma_B/(alpha_B*abs(g_B)) = 1").first, "$")
        XCTAssertEqual(ReportFormulas.markdown("chase-and-run"), "`chase-and-run`")
        XCTAssertEqual(ReportFormulas.markdown("-0.164936 - 0.645942*I"), "`-0.164936 - 0.645942*I`", "decimals stay as printed")
    }

    /// Formulas of the model language: indices, adjoints, sums with limits, Kronecker products, kets.
    func testModelFormulas() throws {
        let sum = try XCTUnwrap(ReportFormulas.mathMLContent("sum(i in 0..3: sum(j in 0..3: (S[i]'*A*S[j])*kron(S[j], S[i])))"))
        XCTAssertTrue(sum.contains("<munderover><mo>∑</mo>"), sum)
        XCTAssertTrue(sum.contains("<mo>†</mo>") && sum.contains("<mo>⊗</mo>"), sum)
        XCTAssertFalse(sum.contains("kron") || sum.contains("sum"), sum)
        let n = try XCTUnwrap(ReportFormulas.mathMLContent("d[up]'*d[up] + comm(H, d[dn])"))
        XCTAssertTrue(n.contains("<mi>↑</mi>") && n.contains("<mo>[</mo>"), n)
        let k = try XCTUnwrap(ReportFormulas.mathMLContent("outer(ket(d[up]=1), ket())"))
        XCTAssertTrue(k.contains("<mo>⟩</mo>") && k.contains("<mo>⟨</mo>"), k)
        let kron = try XCTUnwrap(ReportFormulas.mathMLContent("kron(transpose(C), A)*vec(B)"))
        XCTAssertTrue(kron.contains("<mi mathvariant=\"normal\">T</mi>"))
        XCTAssertTrue(kron.hasPrefix("<mrow><mrow><mo>(</mo>"), "(Cᵀ ⊗ A) vec(B), not Cᵀ ⊗ A vec(B): \(kron)")
        XCTAssertNil(ReportFormulas.mathMLContent("chase-and-run"), "words stay words in the model syntax too")
        XCTAssertFalse(ModelFormulaMathML.isModelFormula("-Ga*Gb*rkky_sum(x)/2"), "a name ending in sum is not the model's sum")
        XCTAssertTrue(ModelFormulaMathML.isModelFormula("2*sum(s in {up, dn}: n[s])"))
    }

    func testTextIsEscaped() throws {
        let html = try page()
        XCTAssertFalse(html.contains("<code>x^2 < "))
        XCTAssertEqual(html.components(separatedBy: "<script>").count, 2, "exactly one inline script")
    }
}
