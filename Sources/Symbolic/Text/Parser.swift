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

    mutating func parseExpression(_ minimum: Int) throws(ParseError) -> SyntaxNode {
        depth += 1
        defer { depth -= 1 }
        if depth > maximumDepth {
            throw error("nesting too deep (more than \(maximumDepth) levels)", at: current,
                        fix: "split the expression with definitions in a ```define block")
        }
        var left = try parsePrefix(minimum)
        // Operands of a run of `+ -` (and of `* /`) at this level are collected and the n-ary
        // node is built once, when the run ends (building it per operator would be quadratic).
        // `left` is the operand being built; `negative`/`divided` say how it enters its run.
        var terms: [(negative: Bool, term: SyntaxNode)] = []
        var factors: [(divided: Bool, factor: SyntaxNode)] = []
        var negative = false, divided = false
        func finishProduct() {
            guard !factors.isEmpty else { return }
            factors.append((divided, left))
            left = SyntaxNode(.product(factors), position: factors[0].factor.position, end: left.end)
            factors = []
            divided = false
        }
        while true {
            let t = current
            if Parser.startsOperand(t.kind) {
                let before = previous
                throw error("missing operator between \(before.quoted) and \(t.quoted)", at: t,
                            fix: "insert `*` between \(before.quoted) and \(t.quoted)")
            }
            let power = Parser.bindingPower(t.kind)
            guard power > minimum else { break }
            _ = advance()
            if current.kind == .end {
                throw error("expected an expression after \(t.quoted)", at: current, fix: "complete the expression or remove \(t.quoted)")
            }
            switch t.kind {
            case .plus, .minus:
                finishProduct()
                terms.append((negative, left))
                negative = t.kind == .minus
                left = try parseExpression(power)
            case .times, .divide:
                factors.append((divided, left))
                divided = t.kind == .divide
                left = try parseExpression(power)
            case .power:
                let right = try parseExpression(power - 1)
                left = SyntaxNode(.power(left, right), position: left.position, end: right.end)
            default:
                break
            }
        }
        finishProduct()
        if !terms.isEmpty {
            terms.append((negative, left))
            left = SyntaxNode(.sum(terms), position: terms[0].term.position, end: left.end)
        }
        return left
    }

    mutating func parsePrefix(_ minimum: Int) throws(ParseError) -> SyntaxNode {
        let t = advance()
        switch t.kind {
        case .number:
            guard let value = BigRational(t.text) else {
                throw error("malformed number \(t.quoted)", at: t)
            }
            return SyntaxNode(.number(value), position: t.position, end: endPosition(t))
        case .identifier:
            if current.kind == .leftParenthesis {
                let open = advance()
                var arguments: [SyntaxNode] = []
                if current.kind != .rightParenthesis {
                    while true {
                        if current.kind == .end { throw unclosed(open) }
                        if current.kind == .comma || current.kind == .rightParenthesis {
                            throw error("expected an argument before \(current.quoted)", at: current, fix: "remove the extra comma")
                        }
                        arguments.append(try parseExpression(0))
                        if current.kind == .comma { _ = advance(); continue }
                        if current.kind == .rightParenthesis { break }
                        if current.kind == .end { throw unclosed(open) }
                        throw unexpected(current)
                    }
                }
                let close = advance()
                return SyntaxNode(.call(t.text, arguments), position: t.position, end: endPosition(close))
            }
            return SyntaxNode(.name(t.text), position: t.position, end: endPosition(t))
        case .leftParenthesis:
            if current.kind == .rightParenthesis {
                throw error("empty parentheses", at: t.position, length: 2, fix: "put an expression inside `( )` or remove them")
            }
            if current.kind == .end { throw unclosed(t) }
            var inner = try parseExpression(0)
            guard current.kind == .rightParenthesis else {
                if current.kind == .end { throw unclosed(t) }
                throw unexpected(current)
            }
            let close = advance()
            inner.position = t.position
            inner.end = endPosition(close)
            return inner
        case .minus, .plus:
            if current.kind == .end {
                throw error("expected an expression after \(t.quoted)", at: current)
            }
            depth += 1
            defer { depth -= 1 }
            if depth > maximumDepth {
                throw error("nesting too deep (more than \(maximumDepth) levels)", at: t,
                            fix: "split the expression with definitions in a ```define block")
            }
            let operand = try parseExpression(Swift.max(Parser.prefixBindingPower, minimum))
            if t.kind == .plus { return operand }
            return SyntaxNode(.negate(operand), position: t.position, end: operand.end)
        case .end:
            throw error("expected an expression", at: t, fix: "complete the expression")
        case .times, .divide, .power:
            throw error("expected an expression before \(t.quoted)", at: t, fix: "insert the missing operand or remove \(t.quoted)")
        default:
            throw unexpected(t)
        }
    }

    func unclosed(_ open: Token) -> ParseError {
        error("expected `)` before \(current.quoted)", at: current,
              fix: "unbalanced parenthesis opened at column \(open.position.column)\(open.position.line != current.position.line ? " of line \(open.position.line)" : ""): insert `)`")
    }

    func endPosition(_ t: Token) -> SourcePosition {
        SourcePosition(line: t.position.line, column: t.position.column + t.length)
    }
}
