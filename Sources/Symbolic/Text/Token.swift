/// The relation between the two sides of a claim, `lhs REL rhs`.
public enum RelationKind: String, Hashable, Sendable, CaseIterable {
    /// `==` or `=`
    case equal = "=="
    /// `<`
    case less = "<"
    /// `<=` or `≤`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=` or `≥`
    case greaterOrEqual = ">="
    /// `≲` or `<~`: less than or of the same order (an estimate bound).
    case lessOrApproximatelyEqual = "<~"
    /// `≳` or `>~`: greater than or of the same order (an estimate bound).
    case greaterOrApproximatelyEqual = ">~"
    /// `≃`, `≈` or `~`: approximately equal (an asymptotic or order-of-magnitude statement).
    case approximatelyEqual = "~"

    /// The symbol used when printing the relation in the text syntax.
    public var text: String { rawValue }

    /// The LaTeX symbol.
    public var latex: String {
        switch self {
        case .equal: return "="
        case .less: return "<"
        case .lessOrEqual: return "\\le"
        case .greater: return ">"
        case .greaterOrEqual: return "\\ge"
        case .lessOrApproximatelyEqual: return "\\lesssim"
        case .greaterOrApproximatelyEqual: return "\\gtrsim"
        case .approximatelyEqual: return "\\simeq"
        }
    }
}

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
