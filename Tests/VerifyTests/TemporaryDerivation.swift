import Foundation
@testable import Verify

/// A derivation file written to a fresh temporary folder for one test, and removed after it.
enum TemporaryDerivation {
    /// Writes `text` as `name` in a new temporary folder, calls `body` with its path, then removes the folder.
    static func withFile<T>(_ text: String, name: String = "t.md", _ body: (String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try body(path)
    }

    /// The audit of `text` by the standard engine.
    static func audit(_ text: String, name: String = "t.md") throws -> AuditReport {
        try withFile(text, name: name) { try AuditRunner(engine: .standard).audit(paths: [$0]) }
    }
}
