/// A place in a source text: 1-based line and column, columns counted in Unicode scalars
/// (so `κ` is one column). A caller parsing an expression embedded in a larger file passes the
/// position of the expression's first character, and every error then points into the file.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Line 1, column 1: the start of a standalone text.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }

    /// "line:column".
    public var description: String { "\(line):\(column)" }
}
