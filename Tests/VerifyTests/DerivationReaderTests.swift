import Foundation
import XCTest
@testable import Verify

/// Malformed derivation files must be rejected with the place and a fix, never accepted or crashed on.
final class DerivationReaderTests: XCTestCase {
    let valid = """
    # A chain

    Prose.

    ```symbols
    x: real
    ```

    ```claim
    id: a.b
    equations: NC(17), AX(15)
    statement: something
    printed: x
    computed: x
    check: identity
    expect: verified
    ```
    """

    func read(_ text: String) throws -> DerivationFile {
        try DerivationReader.read(data: Data(text.utf8), path: "t.md")
    }

    /// Asserts that reading fails at the given line (and column, if given) and that the message and fix mention `words`.
    func assertRejected(_ text: String, line: Int, column: Int? = nil, mentions words: [String], file: StaticString = #filePath, sourceLine: UInt = #line) {
        do {
            _ = try read(text)
            XCTFail("accepted bad input", file: file, line: sourceLine)
        } catch let e as DerivationError {
            XCTAssertEqual(e.location.line, line, "\(e)", file: file, line: sourceLine)
            if let column { XCTAssertEqual(e.location.column, column, "\(e)", file: file, line: sourceLine) }
            XCTAssertNotNil(e.fix, "no fix in \(e)", file: file, line: sourceLine)
            for w in words { XCTAssertTrue(e.description.contains(w), "`\(w)` not in \(e)", file: file, line: sourceLine) }
        } catch {
            XCTFail("wrong error type \(error)", file: file, line: sourceLine)
        }
    }

    func testValidFileIsRead() throws {
        let f = try read(valid)
        XCTAssertEqual(f.title, "A chain")
        XCTAssertEqual(f.claims.count, 1)
        XCTAssertEqual(f.claims[0].id.value, "a.b")
        XCTAssertEqual(f.claims[0].id.location.line, 10)
        XCTAssertEqual(f.claims[0]["printed"]?.location.column, 10)
        XCTAssertEqual(f.symbolLines.map(\.value), ["x: real"])
    }

    func testContinuationLinesJoin() throws {
        let f = try read(valid.replacingOccurrences(of: "statement: something", with: "statement: some\n  thing more"))
        XCTAssertEqual(f.claims[0].text("statement"), "some thing more")
    }

    func testEmptyFile() { assertRejected("", line: 1, mentions: ["empty"]) }
    func testBinaryJunk() { assertRejected("# T\n\u{0}\u{1}", line: 1, mentions: ["NUL"]) }
    func testNoTitle() { assertRejected(valid.replacingOccurrences(of: "# A chain", with: "A chain"), line: 1, mentions: ["Title"]) }
    /// No claims: read, then rejected by `DerivationLints` (after the symbols and definitions, whose
    /// errors it would otherwise hide).
    func testNoClaims() throws {
        let file = try read("# T\n\nprose only\n")
        XCTAssertThrowsError(try DerivationLints.check(file, context: DerivationContext(file: file, engine: .standard))) { error in
            XCTAssertEqual((error as? DerivationError)?.location.line, 1)
            XCTAssertTrue("\(error)".contains("claim"))
        }
    }
    func testUnclosedBlock() { assertRejected(String(valid.dropLast(4)), line: 9, mentions: ["never closed"]) }
    func testUnknownKeySuggestsNearest() {
        assertRejected(valid.replacingOccurrences(of: "expect: verified", with: "expcet: verified"), line: 16, column: 1, mentions: ["expcet", "did you mean `expect`"])
    }
    func testDuplicateKey() {
        assertRejected(valid.replacingOccurrences(of: "check: identity", with: "check: identity\nprinted: y"), line: 16, mentions: ["twice"])
    }
    func testMissingRequiredKey() {
        assertRejected(valid.replacingOccurrences(of: "statement: something\n", with: ""), line: 9, mentions: ["statement"])
    }
    func testEmptyValue() { assertRejected(valid.replacingOccurrences(of: "printed: x", with: "printed:"), line: 13, mentions: ["empty"]) }
    func testLineWithoutColon() {
        assertRejected(valid.replacingOccurrences(of: "check: identity", with: "check identity"), line: 15, mentions: ["key: value"])
    }
    func testBadIdCharacters() { assertRejected(valid.replacingOccurrences(of: "id: a.b", with: "id: a b!"), line: 10, mentions: ["id"]) }
    func testDuplicateIdInFile() {
        let twice = valid + "\n\n```claim\nid: a.b\nequations: NC(1), AX(1)\nstatement: s\nprinted: x\ncheck: identity\nexpect: verified\n```\n"
        assertRejected(twice, line: 20, mentions: ["duplicate"])
    }
    func testVeryLongLine() {
        let long = valid.replacingOccurrences(of: "Prose.", with: String(repeating: "x", count: DerivationReader.maximumLineLength + 5))
        assertRejected(long, line: 3, mentions: ["longer"])
    }
    /// Prose that starts a line with ```modes… would open a code block and hide the claims after it.
    func testFenceThatLooksLikeABlockOfTheLanguageIsRejected() {
        assertRejected(valid.replacingOccurrences(of: "Prose.", with: "Prose about the\n```modes block) of the file."), line: 4, mentions: ["unknown block kind"])
    }

    func testMisspelledBlockKind() {
        assertRejected(valid.replacingOccurrences(of: "```claim", with: "```claims"), line: 9, mentions: ["unknown block kind"])
    }

    func testEquationLabels() {
        XCTAssertEqual(EquationLabel("NC(17)")?.number, "17")
        XCTAssertEqual(EquationLabel("AX(S129)")?.number, "S129")
        XCTAssertEqual(EquationLabel(" NC(8a) ")?.number, "8a")
        XCTAssertNil(EquationLabel("NC(—)")?.number)
        XCTAssertNotNil(EquationLabel("NC(—)"))
        // The scheme is the file's own: any name is a label; the front matter says which are declared.
        XCTAssertEqual(EquationLabel("XY(3.12)")?.scheme, "XY")
        XCTAssertEqual(EquationLabel("XY(3.12)")?.number, "3.12")
        for bad in ["NC17", "1X(17)", "NC()", "NC(S)", "AX(12)x", "NC(1 7)", "(17)"] {
            XCTAssertNil(EquationLabel(bad), bad)
        }
    }
}
