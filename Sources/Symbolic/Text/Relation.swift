/// A claim's relation `lhs REL rhs`, e.g. `g ~ -abs(v)^2*(1/(ed+U-eF) + 1/(eF-ed))`.
public struct Relation: Hashable, Sendable, CustomStringConvertible {
    public var lhs: Expr
    public var kind: RelationKind
    public var rhs: Expr
    /// Where the relation's text starts.
    public var position: SourcePosition
    /// Where the relation symbol is.
    public var relationPosition: SourcePosition

    public init(lhs: Expr, kind: RelationKind, rhs: Expr, position: SourcePosition = .start, relationPosition: SourcePosition = .start) {
        self.lhs = lhs
        self.kind = kind
        self.rhs = rhs
        self.position = position
        self.relationPosition = relationPosition
    }

    /// "lhs REL rhs" in the text syntax.
    public var description: String { "\(lhs.text) \(kind.text) \(rhs.text)" }
    /// "lhs REL rhs" in LaTeX.
    public var latex: String { "\(lhs.latex) \(kind.latex) \(rhs.latex)" }
}

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
    /// `≲`, `<~` or `<=~`: less than or of the same order (an estimate bound).
    case lessOrApproximatelyEqual = "<~"
    /// `≳`, `>~` or `>=~`: greater than or of the same order (an estimate bound).
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
