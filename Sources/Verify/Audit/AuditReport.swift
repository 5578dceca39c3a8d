import Foundation
import Symbolic

/// The result of an audit and its renderings (text, Markdown, JSON; DESIGN.md fixes the JSON names).
public struct AuditReport: Sendable {
    public var results: [ClaimResult]
    public var seed: UInt64
    public var digits: Int
    /// Include per-claim timings (off for byte-identical reports).
    public var includeTimings = true

    public init(results: [ClaimResult], seed: UInt64, digits: Int) {
        self.results = results
        self.seed = seed
        self.digits = digits
    }

    /// Claims whose verdict differs from the one their file expects.
    public var unexpected: [ClaimResult] { results.filter { !$0.isAsExpected } }
    /// Exit code of `referee audit`: 0 when every verdict is the expected one, else 1.
    public var exitCode: Int32 { unexpected.isEmpty ? 0 : 1 }

    public var counts: [(VerdictKind, Int)] {
        VerdictKind.allCases.map { kind in (kind, results.filter { $0.verdict.kind == kind }.count) }
    }

    /// "verified exact (P(false) ≤ 1e-60)", "verified to 30 digits (error ≤ 1e-32)", "discrepancy".
    public static func describe(_ v: Verdict) -> String {
        switch (v.kind, v.method) {
        case (.verified, .exact(let bound)):
            return "verified exactly" + (bound.map { " (P(false accept) <= \(String(format: "%.1e", $0)))" } ?? "")
        case (.verified, .numeric(let d, let e)):
            return "verified to \(d) digits (error <= \(e))"
        default:
            return v.kind.rawValue
        }
    }

    // MARK: Text

    public func text() -> String {
        var out = ""
        var currentFile = ""
        for r in results {
            if r.claim.file != currentFile {
                currentFile = r.claim.file
                out += "\n== \(currentFile)\n"
            }
            let mark = r.isAsExpected ? "ok  " : "FAIL"
            let eqs = r.claim.equations.map(\.description).joined(separator: " ")
            out += "\(mark) \(r.claim.id)  [\(eqs)]\n"
            out += "     \(Self.describe(r.verdict))" + (r.isAsExpected ? "" : "   (expected \(r.claim.expected.rawValue))") + "\n"
            if r.verdict.kind != .verified {
                out += "     printed:  \(r.claim.printed.value)\n"
                if let c = r.verdict.computed { out += "     computed: \(c)\n" }
                if let rel = r.verdict.relation { out += "     relation: \(rel)\n" }
            }
            out += "     \(r.verdict.detail.replacingOccurrences(of: "\n", with: "\n     "))\n"
        }
        out += "\n" + summaryLine() + "\n"
        return out
    }

    /// "12 claims: 9 verified, 3 discrepancy; all as expected".
    public func summaryLine() -> String {
        let parts = counts.filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        let tail = unexpected.isEmpty ? "all as expected" : "\(unexpected.count) NOT as expected: " + unexpected.map(\.claim.id).joined(separator: ", ")
        return "\(results.count) claims: " + parts.joined(separator: ", ") + "; " + tail
    }

    // MARK: Markdown

    public func markdown() -> String {
        var out = "# Referee audit\n\n" + summaryLine() + "\n\n"
        out += "| claim | NC | AX | check | verdict | expected | method | digits | margin |\n|---|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let cells = [
                "`\(r.claim.id)`", r.claim.labels(.NC).joined(separator: ", "), r.claim.labels(.AX).joined(separator: ", "),
                r.claim.check, r.verdict.kind.rawValue + (r.isAsExpected ? "" : " ⚠"), r.claim.expected.rawValue,
                r.verdict.method.name, r.verdict.digits.map(String.init) ?? "", r.verdict.errorEstimate ?? "",
            ]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        let findings = results.filter { $0.verdict.kind != .verified }
        if !findings.isEmpty {
            out += "\n## Claims that are not verified\n"
            for r in findings {
                out += "\n### `\(r.claim.id)` — \(r.claim.equations.map(\.description).joined(separator: ", "))\n\n"
                out += "\(r.claim.statement)\n\n- verdict: **\(r.verdict.kind.rawValue)** (expected \(r.claim.expected.rawValue))\n"
                out += "- printed: `\(r.claim.printed.value)`\n"
                if let c = r.verdict.computed { out += "- computed: `\(c)`\n" }
                if let rel = r.verdict.relation { out += "- relation: \(rel)\n" }
                out += "- detail: \(r.verdict.detail)\n"
            }
        }
        return out
    }

    // MARK: JSON

    public func json() -> JSONValue {
        let claims: [JSONValue] = results.map { r in
            var fields: [(String, JSONValue)] = [
                ("id", .string(r.claim.id)),
                ("file", .string(r.claim.file)),
                ("line", .int(r.claim.line)),
                ("equations", .object([("NC", .array(r.claim.labels(.NC).map { .string($0) })),
                                       ("AX", .array(r.claim.labels(.AX).map { .string($0) }))])),
                ("statement", .string(r.claim.statement)),
                ("check", .string(r.claim.check)),
                ("printed", .string(r.claim.printed.value)),
                ("computed", .optional(r.verdict.computed)),
                ("method", .string(r.verdict.method.name)),
                ("verdict", .string(r.verdict.kind.rawValue)),
                ("expected", .string(r.claim.expected.rawValue)),
                ("digits", r.verdict.digits.map { .int($0) } ?? .null),
                ("error", .optional(r.verdict.errorEstimate)),
                ("relation", .optional(r.verdict.relation)),
                ("detail", .string(r.verdict.detail)),
                ("seed", r.verdict.seed.map { .number(String($0)) } ?? .null),
                ("operations", .array(r.operations.map { c in
                    .object([("operation", .string(c.operation)), ("status", .string(c.status.rawValue)), ("how", .string(c.how))])
                })),
            ]
            if includeTimings { fields.append(("seconds", .number(String(format: "%.3f", r.seconds)))) }
            return .object(fields)
        }
        var summary: [(String, JSONValue)] = counts.map { ($0.0.rawValue, .int($0.1)) }
        summary.append(("total", .int(results.count)))
        summary.append(("unexpected", .int(unexpected.count)))
        return .object([("claims", .array(claims)), ("summary", .object(summary)),
                        ("seed", .number(String(seed))), ("digits", .int(digits))])
    }
}
