/// An equation number in one of the numbering schemes a derivation file declares in its front
/// matter (`numbering: NC, AX`): `NC(17)`, `AX(S129)`, `KW(3.12)`, or `NC(—)` for "absent from this
/// version of the text". The engine knows no scheme: a file names its own.
public struct EquationLabel: Sendable, Hashable, CustomStringConvertible {
    /// The scheme's name, as declared (`NC`).
    public var scheme: String
    /// "17", "S129", "8a", "3.12"; nil for an equation absent from this scheme's text.
    public var number: String?

    /// Parses one label `SCHEME(number)`; nil when malformed.
    public init?(_ text: String) {
        let t = text.trimmed
        guard t.count >= 4, t.hasSuffix(")"), let open = t.firstIndex(of: "(") else { return nil }
        let scheme = String(t[..<open]).trimmed
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmed
        self.scheme = scheme
        if inner == "—" || inner == "-" || inner == "none" {
            self.number = nil
            return
        }
        // 17, 8a, S129, 3.12; ranges are written as separate labels.
        let body = inner.hasPrefix("S") ? inner.dropFirst() : Substring(inner)
        guard !body.isEmpty, body.first!.isNumber,
              body.allSatisfy({ $0.isNumber || $0 == "." || ($0.isLetter && $0.isLowercase) }) else { return nil }
        self.number = inner
    }

    public var description: String { "\(scheme)(\(number ?? "—"))" }
}

/// The numbering schemes of a derivation file, from its front matter:
///
///     ---
///     numbering: NC (Nature Communications), AX (arXiv with the Supplementary Information)
///     cites: every
///     ---
///
/// `cites: every` makes every claim cite every scheme (`NC(—)` when the equation is absent from one
/// version). Without front matter a file has no schemes and its claims need no `equations:`.
public struct Numbering: Sendable, Hashable {
    /// Scheme names in declaration order, with their descriptions.
    public var schemes: [String]
    public var descriptions: [String: String]
    /// Every claim must cite every scheme.
    public var citesEvery: Bool
    /// The equations each scheme numbers (front matter `labels:`), in order; the inventory that
    /// `referee coverage` measures the claims against. Empty when not declared.
    public var labels: [String: [String]]

    public init(schemes: [String] = [], descriptions: [String: String] = [:], citesEvery: Bool = false, labels: [String: [String]] = [:]) {
        self.schemes = schemes
        self.descriptions = descriptions
        self.citesEvery = citesEvery
        self.labels = labels
    }

    /// Reads a `labels:` value: schemes separated by `;`, each `SCHEME item, item, …` with an item a
    /// label (`8a`, `S12`) or a range of labels with the same prefix (`1–41`, `S1–S262`; `-` or `–`).
    ///
    ///     labels: NC 1–41, 8a, 8b; AX 1–39, 8a, 8b, S1–S262
    public static func labelInventory(_ value: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for part in value.split(separator: ";").map({ String($0).trimmed }) where !part.isEmpty {
            let scheme = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !scheme.isEmpty, scheme.first!.isLetter else {
                throw LabelInventoryError("`\(part)` does not start with a scheme name")
            }
            var list: [String] = out[scheme] ?? []
            for item in part.dropFirst(scheme.count).split(separator: ",").map({ String($0).trimmed }) where !item.isEmpty {
                let ends = item.replacingOccurrences(of: "–", with: "-").split(separator: "-").map { String($0).trimmed }
                if ends.count == 1 {
                    guard EquationLabel("\(scheme)(\(ends[0]))")?.number != nil else { throw LabelInventoryError("`\(item)` is not an equation label") }
                    list.append(ends[0])
                    continue
                }
                guard ends.count == 2 else { throw LabelInventoryError("`\(item)` is not a range `first–last`") }
                let prefix = String(ends[0].prefix { !$0.isNumber })
                guard prefix == String(ends[1].prefix { !$0.isNumber }),
                      let a = Int(ends[0].dropFirst(prefix.count)), let b = Int(ends[1].dropFirst(prefix.count)), a <= b, b - a < 10_000 else {
                    throw LabelInventoryError("`\(item)` is not a range of labels with one prefix, e.g. `1–41` or `S1–S262`")
                }
                list += (a...b).map { prefix + String($0) }
            }
            var seen = Set<String>()
            out[scheme] = list.filter { seen.insert($0).inserted }
        }
        return out
    }
    public static let none = Numbering()
}

/// A malformed `labels:` front-matter value.
public struct LabelInventoryError: Error, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    /// The string without leading and trailing blanks.
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
