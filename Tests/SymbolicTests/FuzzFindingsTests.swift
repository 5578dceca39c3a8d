import XCTest
import Foundation
@testable import Symbolic

/// Inputs found by the coverage-guided fuzzer (scripts/fuzz), kept as regression tests.
final class FuzzFindingsTests: XCTestCase {
    static func fixture(_ name: String) throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return try String(contentsOfFile: url.appendingPathComponent("Fixtures/\(name)").path, encoding: .utf8)
    }

    /// libFuzzer (parser target), issue 20: a chain of powers of long names did not print and reparse
    /// to the same canonical form.
    func testRoundTripOfALongPowerChain() throws {
        let text = try Self.fixture("fuzz-round-trip-long-power-chain.txt")
        let context = ParseContext.lenient
        guard let e = try? context.parse(text) else { return }
        let again = try context.parse(e.text)
        if again != e {
            XCTFail("round trip: \(e.text.prefix(300)) → \(again.text.prefix(300))")
        }
    }
}
