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

    public init(schemes: [String] = [], descriptions: [String: String] = [:], citesEvery: Bool = false) {
        self.schemes = schemes
        self.descriptions = descriptions
        self.citesEvery = citesEvery
    }
    public static let none = Numbering()
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
