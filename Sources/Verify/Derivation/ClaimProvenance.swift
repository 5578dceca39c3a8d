import Foundation
import Symbolic

/// The certified operations a claim's verdict rests on (issue 20): those run while its fields were
/// parsed, and those inside the definitions it uses (transitively, by name). A refuted operation
/// makes a verified or discrepancy verdict `inconclusive` — the verdict would rest on a wrong
/// intermediate result; every verdict's detail lists the operations and how each was checked.
public enum ClaimProvenance {
    /// The name a definition line defines: `name = …` or `f(x, y) = …`.
    static func definedName(_ line: String) -> String {
        let head = line.prefix { $0 != "=" && $0 != "(" }
        return String(head).trimmingCharacters(in: .whitespaces)
    }

    /// Identifiers in a text (letters, digits, `_`, starting with a letter or `_`).
    static func identifiers(_ text: String) -> Set<String> {
        var out = Set<String>(), current = ""
        for ch in text {
            if ch.isLetter || ch == "_" || (ch.isNumber && !current.isEmpty) { current.append(ch) } else {
                if !current.isEmpty { out.insert(current) }
                current = ""
            }
        }
        if !current.isEmpty { out.insert(current) }
        return out
    }

    /// Definitions used by the texts, transitively through the definitions' own bodies.
    public static func definitionsUsed(by texts: [String], in file: DerivationFile) -> Set<String> {
        var bodies: [String: String] = [:]
        for line in file.definitionLines { bodies[definedName(line.value), default: ""] += " " + line.value }
        var used = Set<String>()
        var frontier = texts.flatMap { identifiers($0) }.filter { bodies[$0] != nil }
        while let name = frontier.popLast() {
            guard used.insert(name).inserted, let body = bodies[name] else { continue }
            let inner = identifiers(String(body.drop { $0 != "=" }))
            frontier += inner.filter { bodies[$0] != nil && !used.contains($0) }
        }
        return used
    }

    /// The certificates of a claim: the operations run while checking it plus those of its definitions.
    public static func certificates(of claim: Claim, in context: DerivationContext, run: [OperationCertificate]) -> [OperationCertificate] {
        let texts = claim.spec.fields.values.map(\.value)
        var out = run
        for name in definitionsUsed(by: texts, in: context.file).sorted() {
            for c in context.definitionCertificates[name] ?? [] where !out.contains(c) { out.append(c) }
        }
        return out
    }

    /// The verdict with the operations it rests on named in its detail; a refuted operation turns a
    /// decided verdict into `inconclusive`.
    /// With no certificate, the detail says so: the verdict rests on the check's own computation alone
    /// (`check`, the claim's check kind), whose method the detail has already stated.
    public static func annotate(_ verdict: Verdict, with certificates: [OperationCertificate], check: String? = nil) -> Verdict {
        var v = verdict
        guard !certificates.isEmpty else {
            if let check, v.kind != .error, v.kind != .unsupported {
                v.detail += "\nOperations this verdict rests on: none beyond the `\(check)` check itself (no limit, series, solve or fit precedes it; its method is stated above)."
            }
            return v
        }
        let refuted = certificates.filter { $0.status == .refuted }
        if !refuted.isEmpty && (v.kind == .verified || v.kind == .discrepancy) {
            v = Verdict(.inconclusive, detail: "the verdict would have been \(v.kind.rawValue), but it rests on an operation whose result a numeric check contradicts: "
                            + refuted.map(\.description).joined(separator: "; ") + ". Previous detail: " + v.detail,
                        computed: v.computed, relation: nil, seed: v.seed)
        }
        let lines = certificates.map { "  · \($0.description)" }.joined(separator: "\n")
        v.detail += "\nOperations this verdict rests on (\(certificates.count)):\n" + lines
        return v
    }
}

extension OperationCertificate {
    /// The certificate in JSON reports: `operation`, `status`, `how` (schema `$defs/claim/operations`).
    public var json: JSONValue {
        .object([("operation", .string(operation)), ("status", .string(status.rawValue)), ("how", .string(how))])
    }
}
