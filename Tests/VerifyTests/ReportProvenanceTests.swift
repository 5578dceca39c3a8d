import XCTest
@testable import Verify

/// The digests in a report are SHA-256 (FIPS 180-4 test vectors) and the provenance names version, commit and command.
final class ReportProvenanceTests: XCTestCase {
    func testSHA256Vectors() {
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: 1_000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        XCTAssertNotEqual(SHA256.hex(Array("abd".utf8)), SHA256.hex(Array("abc".utf8)))
    }

    func testProvenanceOfFiles() throws {
        let path = NSTemporaryDirectory() + "referee-provenance-\(getpid()).md"
        try "abc".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = ReportProvenance.current(files: [path], commandLine: ["/x/referee", "audit", "a b"])
        XCTAssertEqual(p.files, [.init(path: path, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")])
        XCTAssertEqual(p.commandLine, "referee audit 'a b'")
        XCTAssertEqual(p.version, RefereeVersion.number)
        XCTAssertTrue(p.date.hasSuffix("Z"))
        XCTAssertFalse(p.commit.isEmpty)
    }
}
