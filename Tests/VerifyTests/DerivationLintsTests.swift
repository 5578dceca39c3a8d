import XCTest
import Symbolic
@testable import Verify

/// The lints of issue 20 reject circular or misleading files at file:line:column, and every file
/// in derivations/ passes them.
final class DerivationLintsTests: XCTestCase {
    static let derivations: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.appendingPathComponent("derivations")
    }()

    /// The standard engine plus one operation that answers in fixed symbol names (v, ed, U, as an
    /// engine module's operation might), for the lint on undeclared symbols.
    static let engine: Engine = {
        var e = Engine.standard
        e.register(operations: ["fixed_names": { _ in Expr.symbol("v", .complex) * Expr.symbol("ed", .real) + Expr.symbol("U", .positive) }])
        return e
    }()

    func load(_ text: String) throws {
        _ = try TemporaryDerivation.withFile(text) { try AuditRunner(engine: Self.engine).load(files: [$0]) }
    }

    func expectError(_ text: String, line: Int, column: Int, containing words: [String], file: StaticString = #filePath, at: UInt = #line) {
        XCTAssertThrowsError(try load(text), file: file, line: at) { error in
            guard let e = error as? DerivationError else { return XCTFail("\(error)", file: file, line: at) }
            XCTAssertEqual(e.location.line, line, e.description, file: file, line: at)
            XCTAssertEqual(e.location.column, column, e.description, file: file, line: at)
            for w in words { XCTAssertTrue(e.description.contains(w), "\(w) in \(e.description)", file: file, line: at) }
        }
    }

    let head = """
    # t

    ```symbols
    x, y: real
    ```

    """

    func claim(_ printed: String, _ computed: String, id: String = "t.a") -> String {
        """
        ```claim
        id: \(id)
        equations: NC(1), AX(1)
        statement: s
        printed: \(printed)
        computed: \(computed)
        check: identity
        expect: verified
        ```

        """
    }

    func testComputedCopyingPrintedIsAnError() {
        // Line 11 is `computed:` (its value at column 11); the copy differs from printed only in whitespace.
        expectError(head + claim("x^2 + 2*x*y", "x^2+2*x*y"), line: 11, column: 11, containing: ["circular", "computed"])
        // Not a copy: computing the same value differently is fine.
        XCTAssertNoThrow(try load(head + claim("x^2 + 2*x*y", "expand(x*(x + 2*y))")))
    }

    func testDefinitionShadowingADeclaredSymbolIsAnError() {
        let text = head + "```define\nx = y^2\n```\n\n" + claim("x", "y^2")
        expectError(text, line: 7, column: 1, containing: ["shadows the symbol `x`", "declared at"])
        XCTAssertNoThrow(try load(head + "```define\nx2 = y^2\n```\n\n" + claim("x2", "y^2")))
    }

    func testOperationInUndeclaredSymbolsIsAnError() {
        // fixed_names() answers in the names v, ed, U: a file that declares others is told so.
        let text = head + claim("x", "fixed_names()")
        expectError(text, line: 11, column: 11, containing: ["fixed_names", "did not declare"])
    }

    func testFileWithoutClaimsReportsItsOtherErrorsFirst() {
        // A broken definition is reported (line 7), not hidden behind "no claims".
        expectError(head + "```define\nz = x +\n```\n", line: 7, column: 8, containing: ["after `+`"])
        // Without other errors: the missing claims themselves.
        expectError(head, line: 1, column: 1, containing: ["no ```claim block"])
    }

    /// Every derivation file of the repository passes the lints.
    func testEveryDerivationFilePassesTheLints() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.derivations.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        XCTAssertGreaterThan(names.count, 5)
        for name in names {
            let path = Self.derivations.appendingPathComponent(name).path
            let file = try DerivationReader.read(path: path)
            let context = try DerivationContext(file: file, engine: .standard)
            XCTAssertNoThrow(try DerivationLints.check(file, context: context), name)
        }
    }
}
