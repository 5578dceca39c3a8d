import Foundation
import Symbolic

/// The result of an audit and its renderings (text, Markdown, JSON, HTML; docs/ARCHITECTURE.md and
/// schema/referee-audit.schema.json fix the JSON names).
public struct AuditReport: Sendable {
    public var results: [ClaimResult]
    public var seed: UInt64
    public var digits: Int
    /// Include per-claim timings and the date (off for byte-identical reports).
    public var includeTimings = true
    /// What the report was made from (version, commit, files and digests, date, command line); nil leaves it out.
    public var provenance: ReportProvenance?
    /// The derivation files the report covers (set when the report is merged from shards).
    public var derivationFiles: [String] = []

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
        if let p = provenance {
            out += "Referee \(p.version), commit `\(p.commit)`" + (p.date.isEmpty ? "" : ", \(p.date)") + "; seed \(seed), \(digits) digits"
                + (p.commandLine.isEmpty ? "" : "; `\(p.commandLine)`") + "\n\n"
            out += "| derivation file | SHA-256 |\n|---|---|\n" + p.files.map { "| `\($0.path)` | `\($0.sha256)` |\n" }.joined() + "\n"
        }
        out += "| claim | NC | AX | check | verdict | expected | method | digits | margin |\n|---|---|---|---|---|---|---|---|---|\n"
        for r in results {
            let cells = [
                "`\(r.claim.id)`", r.claim.labels("NC").joined(separator: ", "), r.claim.labels("AX").joined(separator: ", "),
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
                out += "- printed: \(ReportFormulas.markdown(r.claim.printed.value))\n"
                if let c = r.verdict.computed { out += "- computed: \(ReportFormulas.markdown(c))\n" }
                if let correction = r.claim.spec.text("correction") { out += "- correction: \(ReportFormulas.markdown(correction))\n" }
                if let rel = r.verdict.relation { out += "- relation: \(ReportFormulas.markdown(rel))\n" }
                out += "- detail: \(r.verdict.detail)\n"
            }
        }
        return out
    }

    // MARK: JSON

    /// The exact method's bound on P(false accept) as a decimal string (3 significant digits), else null.
    static func falseAcceptBound(_ v: Verdict) -> JSONValue {
        if case .exact(let bound?) = v.method { return .string(String(format: "%.3g", bound)) }
        return .null
    }

    /// The JSON report (`command`: `audit` or `check`).
    public func json(command: String = "audit") -> JSONValue {
        let claims: [JSONValue] = results.map { r in
            var fields: [(String, JSONValue)] = [
                ("id", .string(r.claim.id)),
                ("file", .string(r.claim.file)),
                ("line", .int(r.claim.line)),
                ("equations", .object([("NC", .array(r.claim.labels("NC").map { .string($0) })),
                                       ("AX", .array(r.claim.labels("AX").map { .string($0) }))])),
                ("statement", .string(r.claim.statement)),
                ("check", .string(r.claim.check)),
                ("printed", .string(r.claim.printed.value)),
                ("computed", .optional(r.verdict.computed)),
                ("method", .string(r.verdict.method.name)),
                ("verdict", .string(r.verdict.kind.rawValue)),
                ("expected", .string(r.claim.expected.rawValue)),
                ("digits", r.verdict.digits.map { .int($0) } ?? .null),
                ("error", .optional(r.verdict.errorEstimate)),
                ("false_accept_bound", Self.falseAcceptBound(r.verdict)),
                ("relation", .optional(r.verdict.relation)),
                ("detail", .string(r.verdict.detail)),
                ("seed", r.verdict.seed.map { .number(String($0)) } ?? .null),
                ("operations", .array(r.operations.map(\.json))),
            ]
            if includeTimings { fields.append(("seconds", .number(String(format: "%.3f", r.seconds)))) }
            return .object(fields)
        }
        var summary: [(String, JSONValue)] = counts.map { ($0.0.rawValue, .int($0.1)) }
        summary.append(("total", .int(results.count)))
        summary.append(("unexpected", .int(unexpected.count)))
        var fields: [(String, JSONValue)] = [("claims", .array(claims)), ("summary", .object(summary)),
                                             ("seed", .number(String(seed))), ("digits", .int(digits))]
        if let p = provenance {
            fields.append(("commit", .string(p.commit)))
            if !p.date.isEmpty { fields.append(("date", .string(p.date))) }
            if !p.commandLine.isEmpty { fields.append(("command_line", .string(p.commandLine))) }
            fields.append(("files", .array(p.files.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })))
        }
        return .document(command, fields)
    }
}
