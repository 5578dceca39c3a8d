import XCTest
import Symbolic
@testable import Verify

/// `labels:` inventories and the coverage of a folder's claims (issue 17).
final class EquationCoverageTests: XCTestCase {
    func testInventoryRangesAndSingleLabels() throws {
        let inventory = try Numbering.labelInventory("NC 1–3, 8a, 8b; AX 1-2, S10–S12, S47a")
        XCTAssertEqual(inventory["NC"], ["1", "2", "3", "8a", "8b"])
        XCTAssertEqual(inventory["AX"], ["1", "2", "S10", "S11", "S12", "S47a"])
    }

    func testMalformedInventoriesAreRefused() {
        for bad in ["NC 3–1", "NC S1–12", "NC x", "1–3", "NC 1–2–3"] {
            XCTAssertThrowsError(try Numbering.labelInventory(bad), bad)
        }
    }

    static func claim(_ id: String, _ equations: String, uses: String? = nil, expect: String = "verified") -> String {
        """
        ```claim
        id: \(id)
        equations: \(equations)
        \(uses.map { "uses: \($0)" } ?? "")
        statement: s
        printed: 2*x
        computed: x + x
        check: identity
        expect: \(expect)
        ```

        """
    }

    func testCoverageCountsTestedLabelsSubLabelsAndInputs() throws {
        let text = """
        ---
        numbering: P (the paper)
        labels: P 1–4, S1–S2
        ---
        # t

        ```symbols
        x: real
        ```

        """ + Self.claim("c.1", "P(1), P(S2)") + Self.claim("c.2", "P(3a)", uses: "P(2)") + Self.claim("c.3", "P(9)")
        let coverage = try TemporaryDerivation.withFile(text) { try EquationCoverage.measure(paths: [$0]) }
        XCTAssertEqual(coverage.schemes, ["P"])
        XCTAssertEqual(coverage.counts("P").tested, 3)   // 1, 3 (through 3a), S2
        XCTAssertEqual(coverage.counts("P").total, 6)
        let two = try XCTUnwrap(coverage.citations(of: EquationLabel("P(2)")!))
        XCTAssertTrue(two.tested.isEmpty, "an input is not tested")
        XCTAssertEqual(two.used.map(\.id), ["c.2"])
        XCTAssertEqual(coverage.outside.map(\.label.description), ["P(9)"])
        XCTAssertTrue(coverage.text().contains("P cited by no claim (3): 2, 4, S1"), coverage.text())
        XCTAssertTrue(coverage.json().rendered().contains("\"outside_inventory\""))
    }

    func testFrontMatterLabelErrorsAreLocated() {
        let text = "---\nnumbering: P\nlabels: P 5–1\n---\n# t\n"
        XCTAssertThrowsError(try TemporaryDerivation.withFile(text) { try DerivationReader.read(path: $0) }) { error in
            guard let e = error as? DerivationError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.location.line, 3)
            XCTAssertTrue(e.message.contains("labels:"), e.message)
        }
    }

    /// The paper's folder declares its inventory; every claim cites labels of it.
    func testThePaperFolderDeclaresItsInventoryAndCitesWithinIt() throws {
        let coverage = try EquationCoverage.measure(paths: [DerivationFolder.path("derivations")])
        XCTAssertEqual(coverage.schemes, ["NC", "AX"])
        XCTAssertEqual(coverage.counts("NC").total, 42)
        XCTAssertEqual(coverage.counts("AX").total, 40 + 262)
        XCTAssertTrue(coverage.outside.isEmpty, "cited outside the inventory: \(coverage.outside.map(\.label))")
    }
}
