/// A Pratt parser for the text syntax, producing a `SyntaxNode` tree with positions.
///
/// Binding, loosest first: relations (only in `parseRelation`), `+ -` (left), prefix `-` and `+`,
/// `* /` (left), `^` / `**` (right-associative, and its right operand may start with a sign:
/// `x^-2`). So `-x^2` = −(x²), `-a*b` = −(a·b), `2^3^2` = 2⁹, `a/b*c` = (a/b)·c. Juxtaposition is an error with a
/// fix (`2x` → "insert `*` between `2` and `x`").
struct Parser {
    let lexer: Lexer
    let tokens: [Token]
    var index = 0
    var depth = 0
    let maximumDepth: Int
    /// A third of the remaining stack: converting the tree to `Expr` recurses as deep again.
    var stack = StackBudget(fraction: 1.0 / 3.0)
    /// Below this depth the stack is not checked (shallow parses never read the stack bounds).
    static let uncheckedDepth = 8

    init(_ text: String, origin: SourcePosition, maximumDepth: Int) throws(ParseError) {
        lexer = Lexer(text, origin: origin)
        tokens = try lexer.tokens()
        self.maximumDepth = maximumDepth
    }

    var current: Token { tokens[index] }
    var previous: Token { tokens[Swift.max(0, index - 1)] }
    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func error(_ message: String, at token: Token, fix: String? = nil) -> ParseError {
        lexer.error(message, at: token.position, length: token.length, fix: fix)
    }
    func error(_ message: String, at position: SourcePosition, length: Int = 1, fix: String? = nil) -> ParseError {
        lexer.error(message, at: position, length: length, fix: fix)
    }

    /// Parses the whole text as one expression.
    mutating func parseWholeExpression() throws(ParseError) -> SyntaxNode {
        if current.kind == .end {
            throw error("empty expression", at: current, fix: "write an expression, e.g. `x + 1`")
        }
        let node = try parseExpression(0)
        try expectEnd()
        return node
    }

    /// Parses `lhs REL rhs` over the whole text.
    mutating func parseWholeRelation() throws(ParseError) -> (SyntaxNode, RelationKind, Token, SyntaxNode) {
        if current.kind == .end {
            throw error("empty relation", at: current, fix: "write `lhs == rhs` (or <, <=, >, >=, ≲, ≳, ~)")
        }
        let lhs = try parseExpression(0)
        guard case .relation(let kind) = current.kind else {
            if current.kind == .end {
                throw error("expected a relation (`==`, `<`, `<=`, `>`, `>=`, `≲`, `≳`, `~`) after the expression", at: current,
                            fix: "write `lhs == rhs`")
            }
            throw unexpected(current)
        }
        let relationToken = advance()
        if current.kind == .end {
            throw error("expected an expression after \(relationToken.quoted)", at: current)
        }
        let rhs = try parseExpression(0)
        if case .relation = current.kind {
            throw error("chained relation \(current.quoted)", at: current, fix: "write one relation per claim: split `a < b < c` into `a < b` and `b < c`")
        }
        try expectEnd()
        return (lhs, kind, relationToken, rhs)
    }

    mutating func expectEnd() throws(ParseError) {
        guard current.kind == .end else { throw unexpected(current) }
    }

    /// The error for a token that cannot continue the expression here.
    @inline(never)
    func unexpected(_ t: Token) -> ParseError {
        switch t.kind {
        case .rightParenthesis:
            return error("unbalanced parenthesis: `)` has no matching `(`", at: t, fix: "remove this `)` or insert the matching `(`")
        case .relation:
            return error("unexpected relation \(t.quoted) in an expression", at: t,
                         fix: "a relation may only stand between the two sides of a claim (`lhs == rhs`); inside an expression remove it")
        case .comma:
            return error("unexpected `,`", at: t, fix: "commas separate the arguments of a function call `f(a, b)`")
        case .end:
            return error("unexpected end of input", at: t, fix: "complete the expression")
        default:
            return error("unexpected \(t.quoted)", at: t)
        }
    }

    // MARK: Pratt loop

    /// Left binding power of an infix token (0: not infix).
    static func bindingPower(_ kind: Token.Kind) -> Int {
        switch kind {
        case .plus, .minus: return 10
        case .times, .divide: return 20
        case .power: return 40
        default: return 0
        }
    }
    /// A prefix sign takes in products and quotients (`-a*b/c` = −(a·b/c), so that a printed
    /// product with a negative coefficient reads back as the same product) but not sums; in an
    /// exponent it takes only the power operand (`2^-x*y` = 2^(−x)·y, `x^-y^2` = x^(−y²)).
    static let prefixBindingPower = 15

    static func startsOperand(_ kind: Token.Kind) -> Bool {
        kind == .number || kind == .identifier || kind == .leftParenthesis
    }

    // The recursive functions below are kept small, with every message built out of line,
    // so that a level of nesting costs little stack (debug builds give each temporary a slot).

    mutating func parseExpression(_ minimum: Int) throws(ParseError) -> SyntaxNode {
        depth += 1
        defer { depth -= 1 }
        if depth > maximumDepth || (depth > Parser.uncheckedDepth && stack.exhausted()) { throw tooDeep(current) }
        var left = try parsePrefix(minimum)
        // Operands of a run of `+ -` (and of `* /`) at this level are collected and the n-ary
        // node is built once, when the run ends (building it per operator would be quadratic).
        // `left` is the operand being built; `negative`/`divided` say how it enters its run.
        var terms: [(negative: Bool, term: SyntaxNode)] = []
        var factors: [(divided: Bool, factor: SyntaxNode)] = []
        var negative = false, divided = false
        while true {
            let kind = current.kind
            if Parser.startsOperand(kind) { throw missingOperator() }
            let power = Parser.bindingPower(kind)
            guard power > minimum else { break }
            _ = advance()
            if current.kind == .end { throw missingOperand(after: previous) }
            switch kind {
            case .plus, .minus:
                if !factors.isEmpty {
                    left = Parser.closeProduct(&factors, left, divided)
                    divided = false
                }
                terms.append((negative, left))
                negative = kind == .minus
                left = try parseExpression(power)
            case .times, .divide:
                factors.append((divided, left))
                divided = kind == .divide
                left = try parseExpression(power)
            default:
                let right = try parseExpression(power - 1)
                left = SyntaxNode(.power(left, right), position: left.position, end: right.end)
            }
        }
        if !factors.isEmpty { left = Parser.closeProduct(&factors, left, divided) }
        if !terms.isEmpty {
            terms.append((negative, left))
            left = SyntaxNode(.sum(terms), position: terms[0].term.position, end: left.end)
        }
        return left
    }

    @inline(never)
    static func closeProduct(_ factors: inout [(divided: Bool, factor: SyntaxNode)], _ last: SyntaxNode, _ divided: Bool) -> SyntaxNode {
        factors.append((divided, last))
        let node = SyntaxNode(.product(factors), position: factors[0].factor.position, end: last.end)
        factors = []
        return node
    }

    mutating func parsePrefix(_ minimum: Int) throws(ParseError) -> SyntaxNode {
        let t = advance()
        switch t.kind {
        case .number: return try numberNode(t)
        case .identifier:
            if current.kind == .leftParenthesis { return try parseCall(t) }
            return SyntaxNode(.name(t.text), position: t.position, end: endPosition(t))
        case .leftParenthesis: return try parseParenthesized(t)
        case .minus, .plus: return try parseSigned(t, minimum)
        default: throw prefixError(t)
        }
    }

    mutating func parseSigned(_ sign: Token, _ minimum: Int) throws(ParseError) -> SyntaxNode {
        if current.kind == .end { throw missingOperand(after: sign) }
        depth += 1
        defer { depth -= 1 }
        if depth > maximumDepth || (depth > Parser.uncheckedDepth && stack.exhausted()) { throw tooDeep(sign) }
        let operand = try parseExpression(Swift.max(Parser.prefixBindingPower, minimum))
        if sign.kind == .plus { return operand }
        return SyntaxNode(.negate(operand), position: sign.position, end: operand.end)
    }

    mutating func parseParenthesized(_ open: Token) throws(ParseError) -> SyntaxNode {
        if current.kind == .rightParenthesis { throw emptyParentheses(open) }
        if current.kind == .end { throw unclosed(open) }
        var inner = try parseExpression(0)
        guard current.kind == .rightParenthesis else { throw badClose(open) }
        let close = advance()
        inner.position = open.position
        inner.end = endPosition(close)
        return inner
    }

    mutating func parseCall(_ name: Token) throws(ParseError) -> SyntaxNode {
        let open = advance()
        var arguments: [SyntaxNode] = []
        if current.kind != .rightParenthesis {
            while true {
                if current.kind == .end { throw unclosed(open) }
                if current.kind == .comma || current.kind == .rightParenthesis { throw missingArgument() }
                arguments.append(try parseExpression(0))
                if current.kind == .comma { _ = advance(); continue }
                if current.kind == .rightParenthesis { break }
                throw badClose(open)
            }
        }
        let close = advance()
        return SyntaxNode(.call(name.text, arguments), position: name.position, end: endPosition(close))
    }

    @inline(never)
    func numberNode(_ t: Token) throws(ParseError) -> SyntaxNode {
        guard let value = BigRational(t.text) else { throw error("malformed number \(t.quoted)", at: t) }
        return SyntaxNode(.number(value), position: t.position, end: endPosition(t))
    }

    // MARK: Errors (out of line)

    @inline(never)
    func tooDeep(_ t: Token) -> ParseError {
        error(depth > maximumDepth ? "nesting too deep (more than \(maximumDepth) levels)" : "nesting too deep for this thread's stack", at: t,
              fix: "split the expression with definitions in a ```define block")
    }

    @inline(never)
    func missingOperator() -> ParseError {
        let before = previous, t = current
        return error("missing operator between \(before.quoted) and \(t.quoted)", at: t,
                     fix: "insert `*` between \(before.quoted) and \(t.quoted)")
    }

    @inline(never)
    func missingOperand(after t: Token) -> ParseError {
        error("expected an expression after \(t.quoted)", at: current, fix: "complete the expression or remove \(t.quoted)")
    }

    @inline(never)
    func missingArgument() -> ParseError {
        error("expected an argument before \(current.quoted)", at: current, fix: "remove the extra comma")
    }

    @inline(never)
    func emptyParentheses(_ open: Token) -> ParseError {
        error("empty parentheses", at: open.position, length: 2, fix: "put an expression inside `( )` or remove them")
    }

    @inline(never)
    func badClose(_ open: Token) -> ParseError {
        current.kind == .end ? unclosed(open) : unexpected(current)
    }

    @inline(never)
    func prefixError(_ t: Token) -> ParseError {
        switch t.kind {
        case .end: return error("expected an expression", at: t, fix: "complete the expression")
        case .times, .divide, .power:
            return error("expected an expression before \(t.quoted)", at: t, fix: "insert the missing operand or remove \(t.quoted)")
        default: return unexpected(t)
        }
    }

    @inline(never)
    func unclosed(_ open: Token) -> ParseError {
        error("expected `)` before \(current.quoted)", at: current,
              fix: "unbalanced parenthesis opened at column \(open.position.column)\(open.position.line != current.position.line ? " of line \(open.position.line)" : ""): insert `)`")
    }

    func endPosition(_ t: Token) -> SourcePosition {
        SourcePosition(line: t.position.line, column: t.position.column + t.length)
    }
}
