/// An equation number in one of the two versions of the paper: `NC(17)`, `AX(15)`, `AX(S129)`,
/// or `NC(—)` for "absent in this version" (derivations/README.md, key `equations`).
public struct EquationLabel: Sendable, Hashable, CustomStringConvertible {
    public enum Version: String, Sendable, Hashable { case NC, AX }
    public var version: Version
    /// "17", "S129", "8a"; nil for an equation absent from this version.
    public var number: String?

    /// Parses one label; nil when malformed.
    public init?(_ text: String) {
        let t = text.trimmed
        guard t.count >= 4, t.hasSuffix(")"), let open = t.firstIndex(of: "("),
              let version = Version(rawValue: String(t[..<open]).trimmed) else { return nil }
        let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmed
        if inner == "—" || inner == "-" || inner == "none" {
            self.version = version
            self.number = nil
            return
        }
        // 17, 8a, S129, S26–S32 ranges are written as separate labels.
        let body = inner.hasPrefix("S") ? inner.dropFirst() : Substring(inner)
        guard !body.isEmpty, body.first!.isNumber,
              body.allSatisfy({ $0.isNumber || ($0.isLetter && $0.isLowercase) }) else { return nil }
        self.version = version
        self.number = inner
    }

    public var description: String { "\(version.rawValue)(\(number ?? "—"))" }
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
