import Foundation

/// Which Referee produced a report: the release number (this constant) and the git commit of the source.
///
/// The commit is found, in order: the environment variable `REFEREE_COMMIT` (set by packaging scripts for a
/// binary that is moved away from its checkout); `git rev-parse HEAD` in the checkout this file was compiled
/// from (its path is fixed at build time by `#filePath`), with `-dirty` when the tree has uncommitted changes;
/// otherwise `unknown`. It is looked up once per process, only when asked for.
public enum RefereeVersion {
    /// The release number (semantic versioning); raise it with every change of a report's layout.
    public static let number = "0.5.0"

    /// The source commit (12 hex digits, `-dirty` when modified), or `unknown`.
    public static var commit: String { lookedUpCommit }

    /// `0.5.0 (commit 1a2b3c4d5e6f)`.
    public static var description: String { "\(number) (commit \(commit))" }

    private static let lookedUpCommit: String = {
        if let fromEnvironment = ProcessInfo.processInfo.environment["REFEREE_COMMIT"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        // …/Sources/Verify/Audit/RefereeVersion.swift → the checkout's root.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path),
              let head = git(["rev-parse", "--short=12", "HEAD"], in: root), !head.isEmpty else { return "unknown" }
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: root) ?? ""
        return status.isEmpty ? head : head + "-dirty"
    }()

    /// Runs git in `folder`; nil when git is missing or fails.
    static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
