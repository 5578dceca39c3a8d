/// A syntax or name error in the text syntax, pointing at the place and carrying a concrete fix.
///
/// `line` and `column` are absolute (they include the origin the caller passed, so an expression
/// embedded in a Markdown file reports file:line:column). `rendered` shows the offending source
/// line with a caret under the column:
///
///     derivations/sd.md:12:23: error: unknown name `kapa`
///       lam_ap = I*(ek - ed - U) - kapa/2
///                                  ^~~~
///       fix: did you mean `kappa`?
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "unknown name `kapa`".
    public var message: String
    /// 1-based line of the error (absolute, including the caller's origin).
    public var line: Int
    /// 1-based column of the error in Unicode scalars (absolute, including the caller's origin).
    public var column: Int
    /// A concrete suggestion, e.g. "did you mean `kappa`?" or "insert `*` between `2` and `x`".
    public var fix: String?
    /// Number of columns the caret underline covers (at least 1).
    public var length: Int
    /// The file the text came from, when the caller knows it (set by the caller).
    public var file: String?
    /// The source line containing the error (of the parsed text only), for rendering.
    public var sourceLine: String?
    /// The absolute column at which `sourceLine` starts.
    public var sourceLineColumn: Int

    public init(_ message: String, line: Int, column: Int, fix: String? = nil, length: Int = 1,
                file: String? = nil, sourceLine: String? = nil, sourceLineColumn: Int = 1) {
        self.message = message
        self.line = line
        self.column = column
        self.fix = fix
        self.length = Swift.max(1, length)
        self.file = file
        self.sourceLine = sourceLine
        self.sourceLineColumn = sourceLineColumn
    }

    /// The position of the error.
    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// "file:line:column: error: message", the source line with a caret, and the fix.
    public var rendered: String {
        var out = "\(file.map { "\($0):" } ?? "")\(line):\(column): error: \(message)"
        if let source = sourceLine {
            let shown = String(String.UnicodeScalarView(source.unicodeScalars.map { $0 == "\t" ? " " : $0 }))
            let offset = Swift.max(0, column - sourceLineColumn)
            let available = Swift.max(1, shown.unicodeScalars.count - offset)
            out += "\n  " + shown
            out += "\n  " + String(repeating: " ", count: offset) + "^" + String(repeating: "~", count: Swift.min(length, available) - 1)
        }
        if let fix { out += "\n  fix: \(fix)" }
        return out
    }

    public var description: String { rendered }
}
