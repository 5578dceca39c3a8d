/// The parse tree of the text syntax, before names are resolved: every node knows where it starts.
///
/// Sums and products are n-ary (`a - b + c` is one `sum` node with three signed terms), so a long
/// flat expression makes a shallow tree.
public struct SyntaxNode: Sendable {
    public indirect enum Kind: Sendable {
        /// A decimal literal, exact: `0.25` = 1/4, `1e8`.
        case number(BigRational)
        /// A name: symbol, constant, or definition.
        case name(String)
        /// `-x` (or `+x`, which is `x`).
        case negate(SyntaxNode)
        /// Terms with their signs: `a - b` = [(false, a), (true, b)].
        case sum([(negative: Bool, term: SyntaxNode)])
        /// Factors, each multiplied or divided: `a/b*c` = [(false, a), (true, b), (false, c)].
        case product([(divided: Bool, factor: SyntaxNode)])
        /// `base^exponent` (or `base**exponent`), right-associative.
        case power(SyntaxNode, SyntaxNode)
        /// `f(a, b)`: `name` is at the node's position.
        case call(String, [SyntaxNode])
    }
    public var kind: Kind
    /// Absolute position of the node's first character.
    public var position: SourcePosition
    /// The position just after the node (for spans in messages).
    public var end: SourcePosition

    public init(_ kind: Kind, position: SourcePosition, end: SourcePosition) {
        self.kind = kind
        self.position = position
        self.end = end
    }
}
