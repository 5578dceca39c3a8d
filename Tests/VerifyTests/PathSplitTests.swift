import XCTest
@testable import Verify

/// `AuditRunner.splitPath` replaced Foundation's `NSString.deletingLastPathComponent`, which traps
/// on one-character paths (`referee check -` crashed with exit 132).
final class PathSplitTests: XCTestCase {
    func testShortPathsSplitWithoutTrapping() {
        let cases: [(String, String, String)] = [("-", "", "-"), ("x", "", "x"), ("a/", "", "a"), ("/", "/", ""),
                                                 ("/x", "/", "x"), ("d/e.md", "d", "e.md"), ("./q", ".", "q"), ("", "", "")]
        for (path, folder, name) in cases {
            let r = AuditRunner.splitPath(path)
            XCTAssertEqual(r.folder, folder, path)
            XCTAssertEqual(r.name, name, path)
            _ = AuditRunner.missingPathFix(path)
        }
        XCTAssertEqual(AuditRunner.joined("", "a.md"), "a.md")
        XCTAssertEqual(AuditRunner.joined("d/", "a.md"), "d/a.md")
        XCTAssertTrue(AuditRunner.missingPathFix("-").contains("standard input"))
    }
}
