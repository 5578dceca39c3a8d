/// A lexical token of the text syntax.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        /// A decimal literal: its exact value is computed by the parser from `text`.
        case number
        case identifier
        case plus, minus, times, divide, power
        case leftParenthesis, rightParenthesis, comma
        case relation(RelationKind)
        case end
    }
    var kind: Kind
    /// The source text of the token (for identifiers, the name).
    var text: String
    /// Absolute position of the first character.
    var position: SourcePosition
    /// Number of Unicode scalars.
    var length: Int

    /// How the token reads in an error message.
    var quoted: String {
        kind == .end ? "end of input" : "`\(text)`"
    }
}
