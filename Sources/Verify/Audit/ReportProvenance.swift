import Foundation

/// What a report was made from, so that a reader can reproduce it: the Referee version and source commit, the
/// derivation files with their SHA-256 digests, the date (UTC, ISO 8601), the seed and the command line.
public struct ReportProvenance: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public init(path: String, sha256: String) { self.path = path; self.sha256 = sha256 }
    }
    public var version: String
    public var commit: String
    public var date: String
    public var commandLine: String
    public var files: [File]

    public init(version: String = RefereeVersion.number, commit: String = RefereeVersion.commit, date: String,
                commandLine: String, files: [File]) {
        self.version = version; self.commit = commit; self.date = date; self.commandLine = commandLine; self.files = files
    }

    /// The provenance of a run over `files` now, with the process's command line.
    public static func current(files: [String], commandLine: [String] = CommandLine.arguments) -> ReportProvenance {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let digests = files.map { path in
            File(path: path, sha256: (FileManager.default.contents(atPath: path)).map { SHA256.hex($0) } ?? "unreadable")
        }
        let shown = commandLine.enumerated().map { k, a in k == 0 ? "referee" : ReportProvenance.shellQuoted(a) }
        return ReportProvenance(date: formatter.string(from: Date()), commandLine: shown.joined(separator: " "), files: digests)
    }

    /// `a b` → `'a b'`; plain words unchanged.
    static func shellQuoted(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:=,+@%".unicodeScalars.contains($0) }
        return plain ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
