import Symbolic

/// The bridge between derivation files and Symbolic's text syntax: parses located fields and maps
/// parse errors to `DerivationError` at file:line:column.
/// (Temporary binding until the parser lands: every parse reports `unsupported`.)
public enum TextSyntax {
    public struct Context: Sendable {
        public var symbols: [String: Symbol] = [:]
    }
    public enum Relation: String, Sendable { case less = "<" }

    static func emptyContext(engine: Engine) -> Context { Context() }
    static func declareSymbols(_ line: Located<String>, in context: inout Context) throws {}
    static func define(_ line: Located<String>, in context: inout Context) throws {}
    static func expression(_ field: Located<String>, in context: Context) throws -> Expr {
        throw DerivationError(field.location, "the expression parser is not available yet", fix: "update Referee")
    }
    static func relation(_ field: Located<String>, in context: Context) throws -> (lhs: Expr, kind: Relation, rhs: Expr) {
        throw DerivationError(field.location, "the expression parser is not available yet", fix: "update Referee")
    }
    /// Splits `a = 1, b = f(x, y)` at top-level commas and semicolons, keeping locations.
    static func splitTopLevel(_ field: Located<String>) -> [Located<String>] {
        var out: [Located<String>] = []
        var depth = 0, start = field.value.startIndex, column = field.location.column
        var startColumn = column
        for i in field.value.indices {
            let ch = field.value[i]
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if depth == 0 && (ch == "," || ch == ";") {
                let piece = String(field.value[start..<i])
                out.append(Located(piece, at: SourceLocation(file: field.location.file, line: field.location.line, column: startColumn)))
                start = field.value.index(after: i)
                startColumn = column + 1
            }
            column += 1
        }
        out.append(Located(String(field.value[start...]), at: SourceLocation(file: field.location.file, line: field.location.line, column: startColumn)))
        return out.filter { !$0.value.trimmed.isEmpty }
    }
}
