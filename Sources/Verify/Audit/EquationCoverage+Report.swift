import Foundation

/// The coverage report in text, Markdown and JSON (`referee coverage`).
extension EquationCoverage {
    static func percent(_ a: Int, _ b: Int) -> String { b == 0 ? "—" : String(format: "%.0f%%", 100 * Double(a) / Double(b)) }

    /// Labels as a compact list: runs of consecutive numbers with one prefix become `S110–S118`.
    static func compact(_ labels: [EquationLabel]) -> String {
        var out: [String] = []
        var run: [String] = []
        func number(_ s: String) -> (String, Int)? {
            let prefix = String(s.prefix { !$0.isNumber })
            return Int(s.dropFirst(prefix.count)).map { (prefix, $0) }
        }
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            out.append(run.count > 2 ? "\(first)–\(last)" : run.joined(separator: ", "))
            run = []
        }
        for l in labels {
            let n = l.number ?? "—"
            if let last = run.last, let (p, a) = number(last), let (q, b) = number(n), p == q, b == a + 1 { run.append(n) } else { flush(); run = [n] }
        }
        flush()
        return out.joined(separator: ", ")
    }

    func summaryLines() -> [String] {
        schemes.map { s in
            let (t, n) = counts(s)
            return "\(s): \(t) of \(n) equations cited under `equations:` by a claim (\(Self.percent(t, n)))"
        }
    }

    public func text() -> String {
        var lines = ["Equations cited by the \(claimCount) claims as tested (`equations:`; inputs go under `uses:`), with their expected verdicts, which the tests hold equal to the computed ones:"]
        lines += summaryLines().map { "  " + $0 }
        for s in schemes {
            let missing = entries.filter { $0.label.scheme == s && $0.tested.isEmpty }
            if missing.isEmpty { continue }
            let usedOnly = missing.filter { !$0.used.isEmpty }
            lines.append("")
            lines.append("\(s) cited by no claim (\(missing.count)): \(Self.compact(missing.map(\.label)))")
            if !usedOnly.isEmpty { lines.append("  of which used as an input only: \(Self.compact(usedOnly.map(\.label)))") }
        }
        if !outside.isEmpty {
            lines.append("")
            lines.append("Cited but not in the declared inventory (`labels:`): "
                         + outside.map { "\($0.label) by \($0.by.map(\.id).joined(separator: ", "))" }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        var lines = ["# Equation coverage", "", "| scheme | tested | total | share |", "|---|---|---|---|"]
        for s in schemes {
            let (t, n) = counts(s)
            lines.append("| \(s) | \(t) | \(n) | \(Self.percent(t, n)) |")
        }
        lines += ["", "| equation | tested by | verdicts | used by |", "|---|---|---|---|"]
        for e in entries {
            let tested = e.tested.map { "`\($0.id)`" }.joined(separator: ", ")
            let verdicts = Dictionary(grouping: e.tested, by: \.expected).sorted { $0.key < $1.key }
                .map { "\($0.value.count) \($0.key.rawValue)" }.joined(separator: ", ")
            lines.append("| \(e.label) | \(tested.isEmpty ? "—" : tested) | \(verdicts) | \(e.used.map { "`\($0.id)`" }.joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() -> JSONValue {
        func citation(_ c: Citation) -> JSONValue {
            .object([("id", .string(c.id)), ("file", .string(c.file)), ("line", .int(c.line)), ("check", .string(c.check)),
                     ("expected", .string(c.expected.rawValue))])
        }
        let summary: [(String, JSONValue)] = schemes.map { s in
            let (t, n) = counts(s)
            return (s, .object([("tested", .int(t)), ("total", .int(n))]))
        }
        return .document("coverage", [
            ("summary", .object(summary)),
            ("equations", .array(entries.map { e in
                .object([("label", .string(e.label.description)), ("tested_by", .array(e.tested.map(citation))),
                         ("used_by", .array(e.used.map(citation)))])
            })),
            ("outside_inventory", .array(outside.map { o in
                .object([("label", .string(o.label.description)), ("cited_by", .array(o.by.map(citation)))])
            })),
        ])
    }
}
