import Foundation
import XCTest
@testable import Verify

/// A folder of derivation files run as tests (`derivations/`, `examples/`): found from this source
/// file's path, and each file audited with every verdict compared with the one it expects.
enum DerivationFolder {
    /// The package's folder `name`, recognised by its README.md.
    static func path(_ name: String, from source: String = #filePath) -> String {
        var url = URL(fileURLWithPath: source)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate.path }
        }
        return name
    }

    /// Audits one file of the folder; every verdict must be the expected one, and every
    /// verification must say how it was reached. Returns the report for further assertions.
    @discardableResult
    static func run(_ name: String, in folder: String, file: StaticString, line: UInt) throws -> AuditReport {
        let path = (folder as NSString).appendingPathComponent(name)
        let report = try AuditRunner(engine: .standard).audit(paths: [path])
        XCTAssertFalse(report.results.isEmpty, "no claims in \(name)", file: file, line: line)
        for r in report.results where !r.isAsExpected {
            XCTFail("\(r.claim.id) (\(r.claim.file):\(r.claim.line)): expected \(r.claim.expected.rawValue), got \(AuditReport.describe(r.verdict)) — \(r.verdict.detail)",
                    file: file, line: line)
        }
        for r in report.results where r.verdict.kind == .verified {
            XCTAssertNotEqual(r.verdict.method, .none, "\(r.claim.id) verified without a method", file: file, line: line)
        }
        // Issue 20: every decided verdict names the operations it rests on (or that there are none).
        for r in report.results where r.verdict.kind == .verified || r.verdict.kind == .discrepancy {
            XCTAssertTrue(r.verdict.detail.contains("Operations this verdict rests on"),
                          "\(r.claim.id): the detail does not name the operations the verdict rests on", file: file, line: line)
        }
        return report
    }
}
