import Symbolic

/// The bridge between derivation files and Symbolic's text syntax (`ParseContext`): parses
/// located fields and turns every `ParseError` into a `DerivationError` at file:line:column.
public enum TextSyntax {
    public typealias Context = ParseContext
    public typealias Relation = RelationKind

    /// A context with the engine's operations and numeric functions, rejecting undeclared names.
    static func emptyContext(engine: Engine) -> ParseContext {
        ParseContext(undeclaredNames: .reject, operations: engine.operations, numericFunctions: Set(engine.numericFunctions.keys))
    }

    static func origin(_ location: SourceLocation) -> SourcePosition {
        SourcePosition(line: location.line, column: location.column)
    }

    static func located(_ error: ParseError, _ at: SourceLocation) -> DerivationError {
        DerivationError(SourceLocation(file: at.file, line: error.line, column: error.column), error.message,
                        fix: error.fix ?? "see derivations/README.md for the expression syntax")
    }

    /// `names: assumption`, e.g. `ed, eF: real`.
    static func declareSymbols(_ line: Located<String>, in context: inout ParseContext) throws {
        do {
            context.declare(try context.parseSymbolDeclaration(line.value, origin: origin(line.location)))
        } catch { throw located(error, line.location) }
    }

    /// `name = expression` or `f(x, y) = expression`.
    static func define(_ line: Located<String>, in context: inout ParseContext) throws {
        do {
            context.define(try context.parseDefinition(line.value, origin: origin(line.location)))
        } catch { throw located(error, line.location) }
    }

    static func expression(_ field: Located<String>, in context: ParseContext) throws -> Expr {
        do {
            return try context.parse(field.value, origin: origin(field.location))
        } catch { throw located(error, field.location) }
    }

    static func relation(_ field: Located<String>, in context: ParseContext) throws -> (lhs: Expr, kind: RelationKind, rhs: Expr) {
        do {
            let r = try context.parseRelation(field.value, origin: origin(field.location))
            return (r.lhs, r.kind, r.rhs)
        } catch { throw located(error, field.location) }
    }

    /// A physical value such as `10*meV/hbar`: every name becomes a symbol (units and constants
    /// are resolved by the caller).
    static func quantityExpression(_ field: Located<String>) throws -> Expr {
        try expression(field, in: ParseContext(undeclaredNames: .create(.positive)))
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
