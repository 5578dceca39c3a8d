/// Parsing expressions and relations in the text syntax.
extension ParseContext {
    /// The syntax tree of `text` (names not resolved), each node with its absolute position.
    /// `origin` is the position of the text's first character in its file.
    public func parseSyntax(_ text: String, origin: SourcePosition = .start) throws(ParseError) -> SyntaxNode {
        var parser = try Parser(text, origin: origin, maximumDepth: maximumNesting)
        return try parser.parseWholeExpression()
    }

    /// Parses `text` as one expression and returns its canonical form, e.g.
    /// `-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2+kappa^2/4) + 1/(eF-ed))`. Decimals are exact
    /// (`0.25` = 1/4, `1e8` = 10⁸). `origin` is the position of the text's first character in its
    /// file, so errors point at file:line:column. Throws `ParseError` only; never traps.
    public func parse(_ text: String, origin: SourcePosition = .start) throws(ParseError) -> Expr {
        var parser = try Parser(text, origin: origin, maximumDepth: maximumNesting)
        let tree = try parser.parseWholeExpression()
        return try ExpressionBuilder(context: self, lexer: parser.lexer).build(tree)
    }

    /// Parses a claim relation `lhs REL rhs` with REL one of `==` `=` `<` `<=` `≤` `>` `>=` `≥`
    /// `≲` `<~` `<=~` `≳` `>~` `>=~` `≃` `≈` `~` (see `RelationKind`). Only one relation per text.
    public func parseRelation(_ text: String, origin: SourcePosition = .start) throws(ParseError) -> Relation {
        var parser = try Parser(text, origin: origin, maximumDepth: maximumNesting)
        let (lhsTree, kind, token, rhsTree) = try parser.parseWholeRelation()
        let builder = ExpressionBuilder(context: self, lexer: parser.lexer)
        return Relation(lhs: try builder.build(lhsTree), kind: kind, rhs: try builder.build(rhsTree),
                        position: lhsTree.position, relationPosition: token.position)
    }
}

extension Expr {
    /// Parses the text syntax; by default every unknown name becomes a complex symbol
    /// (`ParseContext.lenient`). See `ParseContext.parse`.
    public init(parsing text: String, context: ParseContext = .lenient) throws(ParseError) {
        self = try context.parse(text)
    }
}
