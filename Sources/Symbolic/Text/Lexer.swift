/// Splits text-syntax source into tokens, tracking absolute line and column.
///
/// Numbers: `12`, `0.25`, `.5`, `1e8`, `2.5E-3` (exact decimal literals). Identifiers: a letter
/// (ASCII or any Unicode letter such as κ, ε, γ) or `_`, then letters, digits, `_`, subscript
/// digits and combining marks.
/// Operators: `+ - * / ^ **`, with `−` (U+2212) for minus, `×` `·` `⋅` for times, `÷` for divide.
/// Relations: `== = < <= ≤ > >= ≥ ≲ <~ <=~ ≳ >~ >=~ ≃ ≈ ~`.
struct Lexer {
    let scalars: [Unicode.Scalar]
    let origin: SourcePosition
    /// Absolute column at which each line of the text starts (line index 0 = origin line).
    private(set) var lineStarts: [Int] = [0]

    init(_ text: String, origin: SourcePosition) {
        scalars = Array(text.unicodeScalars)
        self.origin = origin
        for (k, s) in scalars.enumerated() where s == "\n" { lineStarts.append(k + 1) }
    }

    /// The position of the scalar at `offset`.
    func position(of offset: Int) -> SourcePosition {
        // Binary search for the line containing offset.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let column = offset - lineStarts[lo] + (lo == 0 ? origin.column : 1)
        return SourcePosition(line: origin.line + lo, column: column)
    }

    /// The part of the source line around `position` (at most about 120 columns, `…` marking
    /// cut ends) and the absolute column at which that text starts.
    func sourceWindow(_ position: SourcePosition) -> (String, Int)? {
        let index = position.line - origin.line
        guard index >= 0, index < lineStarts.count else { return nil }
        let lineStart = lineStarts[index]
        var lineEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : scalars.count
        if lineEnd > lineStart, scalars[lineEnd - 1] == "\r" { lineEnd -= 1 }
        let firstColumn = index == 0 ? origin.column : 1
        let offset = lineStart + Swift.max(0, position.column - firstColumn)
        let from = Swift.max(lineStart, offset - 60), to = Swift.min(lineEnd, Swift.max(from, offset + 60))
        var view = String.UnicodeScalarView()
        if from > lineStart { view.append("…") }
        view.append(contentsOf: scalars[from..<to].map { s in
            s.properties.generalCategory == .control && s != "\t" ? "\u{FFFD}" : s
        })
        if to < lineEnd { view.append("…") }
        return (String(view), firstColumn + (from - lineStart) - (from > lineStart ? 1 : 0))
    }

    /// An error at a position, with the surrounding source attached.
    func error(_ message: String, at position: SourcePosition, length: Int = 1, fix: String? = nil) -> ParseError {
        let window = sourceWindow(position)
        return ParseError(message, line: position.line, column: position.column, fix: fix, length: Swift.min(length, 60),
                          sourceLine: window?.0, sourceLineColumn: window?.1 ?? 1)
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F }
        return s.properties.isAlphabetic && !isOperatorScalar(s)
    }
    /// Continuation characters: also digits, subscript digits (`κ₁`), combining marks (`ε̃`).
    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        if isIdentifierStart(s) || (s.value >= 0x30 && s.value <= 0x39) { return true }
        if s.isASCII { return false }
        if s.value >= 0x2080 && s.value <= 0x2089 { return true }
        let category = s.properties.generalCategory
        return category == .nonspacingMark || category == .spacingMark
    }
    static func isOperatorScalar(_ s: Unicode.Scalar) -> Bool {
        "−×·⋅÷≤≥≲≳≃≈".unicodeScalars.contains(s)
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Largest decimal exponent accepted in a literal (`1e4096`), to keep exact values small.
    static let maximumDecimalExponent = 4096

    /// All tokens, ending with `.end`.
    func tokens() throws(ParseError) -> [Token] {
        var out: [Token] = []
        var k = 0
        let n = scalars.count
        func peek(_ d: Int) -> Unicode.Scalar? { k + d < n ? scalars[k + d] : nil }
        while k < n {
            let s = scalars[k]
            if s == " " || s == "\n" || s == "\t" || s == "\r" || (!s.isASCII && (s.properties.isWhitespace || s == "\u{FEFF}")) {
                k += 1
                continue
            }
            let start = k
            let pos = position(of: k)
            func emit(_ kind: Token.Kind, _ length: Int) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<(start + length)])
                out.append(Token(kind: kind, text: String(view), position: pos, length: length))
                k = start + length
            }
            if Lexer.isDigit(s) || (s == "." && peek(1).map(Lexer.isDigit) == true) {
                var j = k
                while j < n, Lexer.isDigit(scalars[j]) { j += 1 }
                if j < n, scalars[j] == "." {
                    j += 1
                    while j < n, Lexer.isDigit(scalars[j]) { j += 1 }
                }
                if j < n, scalars[j] == "e" || scalars[j] == "E" {
                    var m = j + 1
                    if m < n, scalars[m] == "+" || scalars[m] == "-" || scalars[m] == "−" { m += 1 }
                    if m < n, Lexer.isDigit(scalars[m]) {
                        let exponentStart = m
                        while m < n, Lexer.isDigit(scalars[m]) { m += 1 }
                        if m - exponentStart > 6 || Int(String(String.UnicodeScalarView(scalars[exponentStart..<m])))! > Lexer.maximumDecimalExponent {
                            throw error("decimal exponent too large", at: pos, length: m - start,
                                        fix: "use an exponent of at most \(Lexer.maximumDecimalExponent) in magnitude")
                        }
                        j = m
                    }
                }
                if j < n, scalars[j] == "." {
                    throw error("malformed number", at: position(of: j), fix: "a number has at most one decimal point")
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<j].map { $0 == "−" ? "-" : $0 })
                out.append(Token(kind: .number, text: String(view), position: pos, length: j - start))
                k = j
                continue
            }
            if Lexer.isIdentifierStart(s) {
                var j = k + 1
                while j < n, Lexer.isIdentifierContinue(scalars[j]) { j += 1 }
                emit(.identifier, j - k)
                continue
            }
            switch s {
            case "+": emit(.plus, 1)
            case "-", "−", "\u{2013}":
                if peek(1) == "~" || peek(1) == ">" {
                    // "->" or "-~" are not operators here.
                    throw error("unexpected `\(s)\(peek(1)!)`", at: pos, length: 2, fix: "write `-` for subtraction")
                }
                emit(.minus, 1)
            case "*":
                if peek(1) == "*" { emit(.power, 2) } else { emit(.times, 1) }
            case "×", "·", "⋅", "∗": emit(.times, 1)
            case "/", "÷": emit(.divide, 1)
            case "^": emit(.power, 1)
            case "(": emit(.leftParenthesis, 1)
            case ")": emit(.rightParenthesis, 1)
            case ",": emit(.comma, 1)
            case "=":
                emit(.relation(.equal), peek(1) == "=" ? 2 : 1)
            case "<":
                if peek(1) == "=" && peek(2) == "~" { emit(.relation(.lessOrApproximatelyEqual), 3) }
                else if peek(1) == "=" { emit(.relation(.lessOrEqual), 2) }
                else if peek(1) == "~" { emit(.relation(.lessOrApproximatelyEqual), 2) }
                else { emit(.relation(.less), 1) }
            case ">":
                if peek(1) == "=" && peek(2) == "~" { emit(.relation(.greaterOrApproximatelyEqual), 3) }
                else if peek(1) == "=" { emit(.relation(.greaterOrEqual), 2) }
                else if peek(1) == "~" { emit(.relation(.greaterOrApproximatelyEqual), 2) }
                else { emit(.relation(.greater), 1) }
            case "≤": emit(.relation(.lessOrEqual), 1)
            case "≥": emit(.relation(.greaterOrEqual), 1)
            case "≲": emit(.relation(.lessOrApproximatelyEqual), 1)
            case "≳": emit(.relation(.greaterOrApproximatelyEqual), 1)
            case "≃", "≈", "~": emit(.relation(.approximatelyEqual), 1)
            case "∞": emit(.identifier, 1)
            default:
                throw error("unexpected character \(Lexer.describe(s))", at: pos, fix: Lexer.fix(for: s))
            }
        }
        out.append(Token(kind: .end, text: "", position: position(of: n), length: 1))
        return out
    }

    /// "`$`" for printable characters, "U+0007" for control characters and other invisible ones.
    static func describe(_ s: Unicode.Scalar) -> String {
        let category = s.properties.generalCategory
        let invisible: Set<Unicode.GeneralCategory> = [.control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator]
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
        return invisible.contains(category) ? code : "`\(s)` (\(code))"
    }

    /// A suggestion for a character the syntax does not accept.
    static func fix(for s: Unicode.Scalar) -> String {
        switch s {
        case "[", "]", "{", "}": return "use parentheses `(` `)` for grouping"
        case "√": return "write `sqrt(x)`"
        case "²": return "write `^2`"
        case "³": return "write `^3`"
        case "∞": return "write `oo` for infinity"
        case "!": return "write `!=` claims as two claims; factorials are not supported"
        case "|": return "write `abs(x)` for |x|"
        case "\\": return "the text syntax is not LaTeX: write `kappa`, `sqrt(x)`, `a/b`"
        case ";": return "write one expression per line"
        default: return "remove it; the syntax accepts numbers, names, `+ - * / ^`, parentheses, commas and relations"
        }
    }
}
