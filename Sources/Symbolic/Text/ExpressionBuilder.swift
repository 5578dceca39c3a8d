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
                    if e.isZero { throw divisionByZero(at: factor) }
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

    @inline(never)
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

    @inline(never)
    func divisionByZero(at node: SyntaxNode) -> ParseError {
        error("division by zero", at: node, fix: "the divisor is exactly 0")
    }

    /// Operations whose third argument is a point that may be ±∞ (`oo`, `-oo`): `limit(e, x, oo)`.
    static let pointOperations: Set<String> = ["limit", "series", "leading"]

    /// +1 for the argument `oo` (or `+oo`, `∞`), −1 for `-oo`; nil for anything else.
    static func infinityPoint(_ node: SyntaxNode) -> Int? {
        switch node.kind {
        case .name(let n) where ParseContext.isInfinityName(n): return 1
        case .negate(let inner): return infinityPoint(inner).map { -$0 }
        case .sum(let terms) where terms.count == 1:
            return infinityPoint(terms[0].term).map { terms[0].negative ? -$0 : $0 }
        default: return nil
        }
    }

    @inline(never)
    func resolve(_ name: String, at node: SyntaxNode) throws(ParseError) -> Expr {
        if ParseContext.isInfinityName(name) {
            // ∞ is not a number: `oo - oo` would otherwise cancel to 0 and `oo/oo` to 1.
            throw error("`\(name)` (infinity) is only allowed as the point of limit, series or leading, e.g. limit(e, x, oo)",
                        at: node, fix: "write the limit, limit(e, x, oo), or a large finite value; ∞ cannot enter arithmetic")
        }
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

    /// Built-in function names (`ln` is `log`; `sqrt` is handled as a power; SymPy's `Abs` and
    /// `conjugate` are `abs` and `conj`).
    static let builtinFunctions: [String: MathFunction] = {
        var map = Dictionary(uniqueKeysWithValues: MathFunction.allCases.map { ($0.rawValue, $0) })
        map["ln"] = .log
        map.merge(ParseContext.sympyFunctionNames) { native, _ in native }
        return map
    }()

    func arguments(_ nodes: [SyntaxNode]) throws(ParseError) -> [Expr] {
        var out: [Expr] = []
        out.reserveCapacity(nodes.count)
        for a in nodes { out.append(try build(a)) }
        return out
    }

    func call(_ name: String, _ argumentNodes: [SyntaxNode], at node: SyntaxNode) throws(ParseError) -> Expr {
        // Built-in functions.
        if name == "sqrt" {
            guard argumentNodes.count == 1 else { throw arityError(name, 1, argumentNodes.count, at: node, example: "sqrt(x)") }
            return try power(try build(argumentNodes[0]), .half, at: node)
        }
        if let form = BindingForm(name: name) {
            return try bindingForm(form, argumentNodes, at: node)
        }
        if let f = ExpressionBuilder.builtinFunctions[name] {
            guard argumentNodes.count == 1 else { throw arityError(name, 1, argumentNodes.count, at: node, example: "\(name)(x)") }
            return .apply(f, try build(argumentNodes[0]))
        }
        if let definition = context.functions[name] {
            guard argumentNodes.count == definition.parameters.count else {
                throw arityError(name, definition.parameters.count, argumentNodes.count, at: node,
                                 example: "\(name)(\(definition.parameters.map(\.name).joined(separator: ", ")))")
            }
            return ExpressionBuilder.inline(definition, try arguments(argumentNodes))
        }
        if let operation = context.operations[name] {
            var values: [Expr] = []
            values.reserveCapacity(argumentNodes.count)
            for (i, a) in argumentNodes.enumerated() {
                if i == 2, ExpressionBuilder.pointOperations.contains(name), let sign = ExpressionBuilder.infinityPoint(a) {
                    values.append(sign > 0 ? Expr.infinity : -Expr.infinity)
                } else {
                    values.append(try build(a))
                }
            }
            let result = try run(operation, name, values, at: node)
            if result.containsInfinity {
                throw error("\(name): the result is infinite (\(result.text)); ∞ is only a limit point and cannot enter an expression",
                            at: node.position, length: name.unicodeScalars.count,
                            fix: "state the divergence by its leading term, e.g. leading(e, x, point), which is finite")
            }
            return result
        }
        if context.numericFunctions.contains(name) {
            return .call(name, try arguments(argumentNodes))
        }
        throw unknownFunction(name, at: node)
    }

    /// `integrate(f, x, a, b)` or `nsum(f, n, a, b)`: x (n) is a new name bound inside f (a real
    /// variable, an integer index); a and b may be `oo`, `-oo` (`BindingForms.swift`).
    func bindingForm(_ form: BindingForm, _ argumentNodes: [SyntaxNode], at node: SyntaxNode) throws(ParseError) -> Expr {
        let name = form.rawValue
        let example = form == .integrate ? "integrate(u^2*exp(-u), u, 0, oo)" : "nsum(1/n^2, n, 1, oo)"
        guard argumentNodes.count == 4 else { throw arityError(name, 4, argumentNodes.count, at: node, example: example) }
        guard case .name(let variable) = argumentNodes[1].kind, !ParseContext.isInfinityName(variable),
              ParseContext.constant(variable) == nil else {
            throw error("`\(name)`: the second argument must be a name, the \(form == .integrate ? "integration variable" : "summation index")",
                        at: argumentNodes[1], fix: "call it as `\(example)`")
        }
        if context.symbols[variable] != nil || context.definitions[variable] != nil || context.isFunctionName(variable) {
            throw error("`\(name)`: the variable `\(variable)` is already a name of this file; a bound variable must be new",
                        at: argumentNodes[1], fix: "choose a name used nowhere else, e.g. `\(variable)_`")
        }
        let symbol = Symbol(variable, form == .integrate ? .real : .integer)
        var scope = context
        scope.symbols[variable] = symbol
        let scoped = ExpressionBuilder(context: scope, lexer: lexer)
        let body = try scoped.build(argumentNodes[0])
        var limits: [Expr] = []
        for a in argumentNodes[2...3] {
            if let sign = ExpressionBuilder.infinityPoint(a) {
                limits.append(sign > 0 ? Expr.infinity : -Expr.infinity)
            } else {
                let limit = try scoped.build(a)
                if limit.contains(symbol) {
                    throw error("`\(name)`: a limit depends on the bound variable `\(variable)`", at: a, fix: "write the limits without `\(variable)`")
                }
                limits.append(limit)
            }
        }
        return .call(name, [body, .symbol(symbol)] + limits)
    }

    /// A function defined in the text syntax, applied by substituting the arguments.
    @inline(never)
    static func inline(_ definition: ParseContext.FunctionDefinition, _ values: [Expr]) -> Expr {
        var map: [Symbol: Expr] = [:]
        for (p, v) in zip(definition.parameters, values) { map[p] = v }
        return substitute(definition.body, map)
    }

    /// Runs an engine operation; its errors become parse errors at the call.
    @inline(never)
    func run(_ operation: ExprOperation, _ name: String, _ values: [Expr], at node: SyntaxNode) throws(ParseError) -> Expr {
        let nameLength = name.unicodeScalars.count
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

    @inline(never)
    func arityError(_ name: String, _ expected: Int, _ got: Int, at node: SyntaxNode, example: String) -> ParseError {
        error("`\(name)` takes \(expected) argument\(expected == 1 ? "" : "s"), got \(got)",
              at: node.position, length: name.unicodeScalars.count, fix: "call it as `\(example)`")
    }

    @inline(never)
    func unknownFunction(_ name: String, at node: SyntaxNode) -> ParseError {
        let nameLength = name.unicodeScalars.count
        if ParseContext.constant(name) != nil || context.definitions[name] != nil || context.symbols[name] != nil {
            return error("missing operator between `\(name)` and `(`", at: node.position, length: nameLength,
                         fix: "insert `*` between `\(name)` and `(`")
        }
        let define = "define it in a ```define block, e.g. `\(name)(x) = ...`"
        let callable = Array(ParseContext.builtinFunctionNames) + Array(context.functions.keys) + Array(context.operations.keys) + Array(context.numericFunctions)
        if let guess = NameSuggestion.best(for: name, among: callable) {
            return error("unknown function `\(name)`", at: node.position, length: nameLength, fix: "did you mean `\(guess)`? Otherwise \(define)")
        }
        return error("unknown function `\(name)`", at: node.position, length: nameLength, fix: define)
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
