/// Converts a `SyntaxNode` tree into a canonical `Expr`, resolving names through a `ParseContext`.
struct ExpressionBuilder {
    let context: ParseContext
    let lexer: Lexer

    /// Largest number of bits an exact numeric power may produce (guards `1e4000^99999`).
    static let maximumExactPowerBits = 1 << 22

    func error(_ message: String, at node: SyntaxNode, fix: String? = nil) -> ParseError {
        let length = node.end.line == node.position.line ? node.end.column - node.position.column : 1
        return lexer.error(message, at: node.position, length: length, fix: fix)
    }

    func error(_ message: String, at position: SourcePosition, length: Int, fix: String? = nil) -> ParseError {
        lexer.error(message, at: position, length: length, fix: fix)
    }

    func build(_ node: SyntaxNode) throws(ParseError) -> Expr {
        switch node.kind {
        case .number(let q):
            return Expr(q)
        case .name(let name):
            return try resolve(name, at: node)
        case .negate(let operand):
            return -(try build(operand))
        case .sum(let terms):
            var out: [Expr] = []
            out.reserveCapacity(terms.count)
            for (negative, term) in terms {
                let e = try build(term)
                out.append(negative ? -e : e)
            }
            return .sum(of: out)
        case .product(let factors):
            var out: [Expr] = []
            out.reserveCapacity(factors.count)
            for (divided, factor) in factors {
                let e = try build(factor)
                if divided {
                    if e.isZero { throw error("division by zero", at: factor, fix: "the divisor is exactly 0") }
                    out.append(try power(e, .minusOne, at: factor))
                } else {
                    out.append(e)
                }
            }
            return .product(of: out)
        case .power(let baseNode, let exponentNode):
            let base = try build(baseNode)
            let exponent = try build(exponentNode)
            return try power(base, exponent, at: node)
        case .call(let name, let arguments):
            return try call(name, arguments, at: node)
        }
    }

    /// base^exponent, refusing 0^(negative) and exact powers too large to compute.
    func power(_ base: Expr, _ exponent: Expr, at node: SyntaxNode) throws(ParseError) -> Expr {
        if base.isZero, let q = exponent.rationalValue, q.signum <= 0 {
            throw error(q.isZero ? "0^0 is undefined" : "division by zero (0 to a negative power)", at: node)
        }
        if case .number(let z) = base, let q = exponent.rationalValue, z.normSquared != .one,
           let n = q.numerator.magnitude.intValue, n <= Expr.maximumExactExponent {
            let bits = z.re.numerator.bitWidth + z.re.denominator.bitWidth + z.im.numerator.bitWidth + z.im.denominator.bitWidth
            if n > ExpressionBuilder.maximumExactPowerBits / Swift.max(1, bits) {
                throw error("exact power too large to compute", at: node, fix: "use a smaller exponent, or a symbol for this number")
            }
        }
        return .pow(base, exponent)
    }

    func resolve(_ name: String, at node: SyntaxNode) throws(ParseError) -> Expr {
        if let c = ParseContext.constant(name) { return c }
        if let d = context.definitions[name] { return d }
        if let s = context.symbols[name] { return .symbol(s) }
        if context.isFunctionName(name) {
            throw error("`\(name)` is a function, not a value", at: node, fix: "call it with its arguments, e.g. `\(name)(x)`")
        }
        switch context.undeclaredNames {
        case .create(let assumptions):
            return .symbol(name, assumptions)
        case .reject:
            let declare = "declare `\(name)` in a ```symbols block (e.g. `\(name): real`) or define it in a ```define block"
            if let guess = NameSuggestion.best(for: name, among: context.knownNames) {
                throw error("unknown name `\(name)`", at: node, fix: "did you mean `\(guess)`? Otherwise \(declare)")
            }
            throw error("unknown name `\(name)`", at: node, fix: declare)
        }
    }

    func call(_ name: String, _ argumentNodes: [SyntaxNode], at node: SyntaxNode) throws(ParseError) -> Expr {
        let nameLength = name.unicodeScalars.count
        func arguments() throws(ParseError) -> [Expr] {
            var out: [Expr] = []
            for a in argumentNodes { out.append(try build(a)) }
            return out
        }
        func requireArity(_ n: Int, _ example: String) throws(ParseError) {
            guard argumentNodes.count == n else {
                throw error("`\(name)` takes \(n) argument\(n == 1 ? "" : "s"), got \(argumentNodes.count)",
                            at: node.position, length: nameLength, fix: "call it as `\(example)`")
            }
        }
        // Built-in functions.
        if name == "sqrt" {
            try requireArity(1, "sqrt(x)")
            return try power(try arguments()[0], .half, at: node)
        }
        if let f = name == "ln" ? MathFunction.log : MathFunction(rawValue: name) {
            try requireArity(f.arity, "\(name)(x)")
            return .apply(f, try arguments()[0])
        }
        // Functions defined in the text syntax.
        if let definition = context.functions[name] {
            let parameters = definition.parameters
            try requireArity(parameters.count, "\(name)(\(parameters.map(\.name).joined(separator: ", ")))")
            let values = try arguments()
            var map: [Symbol: Expr] = [:]
            for (p, v) in zip(parameters, values) { map[p] = v }
            return ExpressionBuilder.substitute(definition.body, map)
        }
        // Engine operations.
        if let operation = context.operations[name] {
            let values = try arguments()
            do {
                return try operation(values)
            } catch let e as OperationError {
                throw error("\(name): \(e.message)", at: node.position, length: nameLength, fix: e.fix)
            } catch let e as ParseError {
                throw error("\(name): \(e.message)", at: node.position, length: nameLength, fix: e.fix)
            } catch {
                throw self.error("\(name) failed: \(error)", at: node.position, length: nameLength)
            }
        }
        // Numeric functions.
        if context.numericFunctions.contains(name) {
            return .call(name, try arguments())
        }
        if ParseContext.constant(name) != nil || context.definitions[name] != nil || context.symbols[name] != nil {
            throw error("missing operator between `\(name)` and `(`", at: node.position, length: nameLength,
                        fix: "insert `*` between `\(name)` and `(`")
        }
        let define = "define it in a ```define block, e.g. `\(name)(x) = ...`"
        let callable = Array(ParseContext.builtinFunctionNames) + Array(context.functions.keys) + Array(context.operations.keys) + Array(context.numericFunctions)
        if let guess = NameSuggestion.best(for: name, among: callable) {
            throw error("unknown function `\(name)`", at: node.position, length: nameLength, fix: "did you mean `\(guess)`? Otherwise \(define)")
        }
        throw error("unknown function `\(name)`", at: node.position, length: nameLength, fix: define)
    }

    /// Simultaneous substitution of symbols at the leaves only, rebuilding canonically (a
    /// rebuilt node that happens to equal a parameter is not substituted again).
    static func substitute(_ e: Expr, _ map: [Symbol: Expr]) -> Expr {
        switch e {
        case .symbol(let s): return map[s] ?? e
        case .number, .constant: return e
        default: return e.rebuilt(e.children.map { substitute($0, map) })
        }
    }
}
