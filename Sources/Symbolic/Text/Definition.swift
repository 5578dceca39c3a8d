/// A line of a ```define block: `lam_ap = I*(ek - ed - U) - kappa/2` (a named expression) or
/// `F(x) = (-x*cos(x) + sin(x))/x^4` (a function, inlined at each call by substitution).
///
/// Function parameters are complex symbols named after the parameters (no assumption), so that
/// substituting any argument is valid; inside the body a parameter hides any definition or
/// symbol of the same name.
public struct Definition: Hashable, Sendable {
    public var name: String
    /// Empty for a named expression.
    public var parameters: [Symbol]
    public var body: Expr
    /// Where the definition's name is.
    public var position: SourcePosition

    public init(name: String, parameters: [Symbol] = [], body: Expr, position: SourcePosition = .start) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.position = position
    }

    public var isFunction: Bool { !parameters.isEmpty }
}

extension ParseContext {
    /// Parses one definition line, `name = expression` or `name(p1, p2) = expression`, resolving
    /// the body's names in this context (add the result with `define(_:)`).
    public func parseDefinition(_ text: String, origin: SourcePosition = .start) throws(ParseError) -> Definition {
        var parser = try Parser(text, origin: origin, maximumDepth: maximumNesting)
        let nameToken = parser.advance()
        guard nameToken.kind == .identifier else {
            throw parser.error(nameToken.kind == .end ? "empty definition" : "a definition starts with the name being defined",
                               at: nameToken, fix: "write `name = expression` or `F(x) = expression`")
        }
        let name = nameToken.text
        if ParseContext.isReserved(name) {
            throw parser.error("`\(name)` is a built-in name and cannot be redefined", at: nameToken, fix: "choose another name")
        }
        var parameters: [Symbol] = []
        if parser.current.kind == .leftParenthesis {
            let open = parser.advance()
            while true {
                let p = parser.advance()
                guard p.kind == .identifier else {
                    if p.kind == .end { throw parser.unclosed(open) }
                    throw parser.error("expected a parameter name, found \(p.quoted)", at: p, fix: "write parameters as names: `F(x, y) = ...`")
                }
                if ParseContext.isReserved(p.text) {
                    throw parser.error("`\(p.text)` is a built-in name and cannot be a parameter", at: p, fix: "choose another name")
                }
                if parameters.contains(where: { $0.name == p.text }) {
                    throw parser.error("parameter `\(p.text)` appears twice", at: p, fix: "give each parameter its own name")
                }
                parameters.append(Symbol(p.text))
                let separator = parser.advance()
                if separator.kind == .rightParenthesis { break }
                guard separator.kind == .comma else {
                    if separator.kind == .end { throw parser.unclosed(open) }
                    throw parser.error("expected `,` or `)` after parameter `\(p.text)`", at: separator)
                }
            }
        }
        let equals = parser.advance()
        guard equals.kind == .relation(.equal) else {
            throw parser.error("expected `=` after `\(name)\(parameters.isEmpty ? "" : "(...)")`", at: equals,
                               fix: "write `\(name) = expression`")
        }
        if parser.current.kind == .end {
            throw parser.error("expected an expression after `=`", at: parser.current)
        }
        let tree = try parser.parseExpression(0)
        try parser.expectEnd()
        var scope = self
        for p in parameters {
            scope.definitions[p.name] = nil
            scope.symbols[p.name] = p
            scope.functions[p.name] = nil
        }
        let body = try ExpressionBuilder(context: scope, lexer: parser.lexer).build(tree)
        return Definition(name: name, parameters: parameters, body: body, position: nameToken.position)
    }

    /// Parses one line of a ```symbols block, `ed, eF, ek: real` (several assumption words may
    /// follow the colon: `x: real, nonzero`), returning the symbols in order.
    public func parseSymbolDeclaration(_ text: String, origin: SourcePosition = .start) throws(ParseError) -> [Symbol] {
        let lexerForErrors = Lexer(text, origin: origin)
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":") else {
            throw lexerForErrors.error("expected `:` and an assumption after the names", at: lexerForErrors.position(of: scalars.count),
                                       fix: "write `names: assumption`, e.g. `ed, eF: real` (real, positive, nonzero, integer, complex)")
        }
        var namesPart = String.UnicodeScalarView(), assumptionsPart = String.UnicodeScalarView()
        namesPart.append(contentsOf: scalars[..<colon])
        assumptionsPart.append(contentsOf: scalars[(colon + 1)...])
        // Names.
        let nameTokens = try Lexer(String(namesPart), origin: origin).tokens()
        var names: [Token] = []
        var k = 0
        while nameTokens[k].kind != .end {
            let t = nameTokens[k]
            guard t.kind == .identifier else {
                throw lexerForErrors.error("expected a symbol name, found \(t.quoted)", at: t.position, length: t.length,
                                           fix: "write names separated by commas: `ed, eF: real`")
            }
            if ParseContext.isReserved(t.text) {
                throw lexerForErrors.error("`\(t.text)` is a built-in name and cannot be declared", at: t.position, length: t.length, fix: "choose another name")
            }
            if names.contains(where: { $0.text == t.text }) {
                throw lexerForErrors.error("`\(t.text)` is declared twice", at: t.position, length: t.length, fix: "remove one")
            }
            names.append(t)
            k += 1
            if nameTokens[k].kind == .comma {
                k += 1
                if nameTokens[k].kind == .end {
                    throw lexerForErrors.error("expected a name after `,`", at: nameTokens[k].position, fix: "remove the trailing comma")
                }
            } else if nameTokens[k].kind != .end {
                throw lexerForErrors.error("expected `,` between names", at: nameTokens[k].position,
                                           fix: "insert `,` before \(nameTokens[k].quoted)")
            }
        }
        if names.isEmpty {
            throw lexerForErrors.error("no names before `:`", at: lexerForErrors.position(of: colon), fix: "write `ed, eF: real`")
        }
        // Assumption words.
        var assumptions = Assumptions.complex
        var words = 0
        var j = colon + 1
        while j < scalars.count {
            let s = scalars[j]
            if s == "," || s.properties.isWhitespace { j += 1; continue }
            let start = j
            while j < scalars.count, scalars[j] != ",", !scalars[j].properties.isWhitespace { j += 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<j])
            let word = String(view)
            guard let a = Assumptions(word: word) else {
                let known = ["real", "positive", "nonzero", "integer", "complex"]
                let guess = NameSuggestion.best(for: word.lowercased(), among: known)
                throw lexerForErrors.error("unknown assumption `\(word)`", at: lexerForErrors.position(of: start), length: j - start,
                                           fix: (guess.map { "did you mean `\($0)`? " } ?? "") + "use one of: " + known.joined(separator: ", "))
            }
            assumptions.formUnion(a)
            words += 1
        }
        if words == 0 {
            throw lexerForErrors.error("expected an assumption after `:`", at: lexerForErrors.position(of: scalars.count),
                                       fix: "write one of: real, positive, nonzero, integer, complex")
        }
        return names.map { Symbol($0.text, assumptions) }
    }
}
