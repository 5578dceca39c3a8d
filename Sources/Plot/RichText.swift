/// A short label with subscripts and superscripts, written as in LaTeX without the backslashes:
/// `γ_{B}/(α_{B}|g_{B}|)`, `j_{AB} (meV)`, `|m_{A}|`, `k_{B}T = 9 meV`, `10^{-3}`. A single character after `_` or `^`
/// needs no braces (`m_A`). Everything else is printed as it stands (Unicode Greek letters included).
public struct RichText: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Vertical placement of a run of text.
    public enum Placement: Sendable, Equatable { case baseline, lowered, raised }

    /// A run of characters printed at one placement.
    public struct Run: Sendable, Equatable {
        public var text: String
        public var placement: Placement
        public init(_ text: String, _ placement: Placement) { self.text = text; self.placement = placement }
    }

    public var runs: [Run]

    public init(runs: [Run]) { self.runs = runs }

    /// Parses the markup; an unmatched brace is printed literally.
    public init(_ markup: String) {
        var runs: [Run] = []
        var current = "", chars = Array(markup), i = 0
        func flush() { if !current.isEmpty { runs.append(Run(current, .baseline)); current = "" } }
        while i < chars.count {
            let c = chars[i]
            if (c == "_" || c == "^"), i + 1 < chars.count {
                let placement: Placement = c == "_" ? .lowered : .raised
                if chars[i + 1] == "{", let close = chars[(i + 2)...].firstIndex(of: "}") {
                    flush()
                    runs.append(Run(String(chars[(i + 2)..<close]), placement))
                    i = close + 1
                    continue
                }
                if chars[i + 1] != " " && chars[i + 1] != "{" {
                    flush()
                    runs.append(Run(String(chars[i + 1]), placement))
                    i += 2
                    continue
                }
            }
            current.append(c)
            i += 1
        }
        flush()
        self.runs = runs
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The plain characters, placements dropped (for search and tests).
    public var plain: String { runs.map(\.text).joined() }

    /// The text with subscripts written `_{…}` and superscripts `^{…}`.
    public var description: String {
        runs.map { r in
            switch r.placement {
            case .baseline: return r.text
            case .lowered: return "_{\(r.text)}"
            case .raised: return "^{\(r.text)}"
            }
        }.joined()
    }

    /// Words separated by spaces (for wrapping a caption); a word keeps its subscripts.
    public var words: [RichText] {
        var out: [RichText] = [], word: [Run] = []
        for run in runs {
            guard run.placement == .baseline else { word.append(run); continue }
            let pieces = run.text.split(separator: " ", omittingEmptySubsequences: false)
            for (k, piece) in pieces.enumerated() {
                if k > 0 { if !word.isEmpty { out.append(RichText(runs: word)) }; word = [] }
                if !piece.isEmpty { word.append(Run(String(piece), .baseline)) }
            }
        }
        if !word.isEmpty { out.append(RichText(runs: word)) }
        return out
    }
}
