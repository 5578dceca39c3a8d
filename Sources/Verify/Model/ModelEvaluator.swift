import Symbolic
import Grassmann

/// Evaluates one model expression (a ```define right-hand side or a claim field) to a
/// `ModelValue`. A subexpression without operator syntax or model names goes verbatim to the
/// scalar parser, so scalar formulas mean exactly what derivations/README.md says; everything
/// else is computed here from the declared modes and definitions.
struct ModelEvaluator: @unchecked Sendable {
    let environment: ModelEnvironment
    let scalars: ParseContext
    let text: String
    let location: SourceLocation
    var bindings: [String: IndexValue] = [:]
    let characters: [Character]

    init(environment: ModelEnvironment, scalars: ParseContext, text: String, location: SourceLocation, bindings: [String: IndexValue] = [:]) {
        self.environment = environment
        self.scalars = scalars
        self.text = text
        self.location = location
        self.bindings = bindings
        self.characters = Array(text)
    }

    // MARK: Errors

    /// The file location of a character offset of `text` (continuation lines are joined with a
    /// newline in claim fields and a blank in definitions).
    func place(_ offset: Int) -> SourceLocation {
        var line = location.line, column = location.column
        for ch in characters.prefix(offset) {
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: location.file, line: line, column: column)
    }

    func error(_ node: ModelNode, _ message: String, fix: String? = nil) -> DerivationError {
        DerivationError(place(node.range.lowerBound), message, fix: fix)
    }

    func source(_ node: ModelNode) -> String { String(characters[node.range]) }

    // MARK: Which parts are model syntax

    /// True when the node needs the model evaluator (operator syntax, a mode, a typed definition,
    /// a model function or a bound index); false for a plain scalar formula.
    func isModel(_ node: ModelNode) -> Bool {
        switch node {
        case .number: return false
        case .name(let n, _):
            return bindings[n] != nil || environment.values[n] != nil || environment.families[n] != nil || environment.indexed[n] != nil
                || (n == "kernel" && scalars.symbols[n] == nil && scalars.definitions[n] == nil)
        case .call(let name, let args, _):
            if ModelFunctions.table[name] != nil { return true }
            return args.contains { $0.label != nil || isModel($0.value) }
        case .negate(let x, _): return isModel(x)
        case .binary(_, let l, let r, _): return isModel(l) || isModel(r)
        case .index, .adjoint, .member, .list, .set, .span, .membership: return true
        }
    }

    // MARK: Evaluation

    func evaluate(_ node: ModelNode) throws -> ModelValue {
        if !isModel(node) { return .scalar(try scalar(source(node), at: node)) }
        switch node {
        case .number:
            return .scalar(try scalar(source(node), at: node))
        case .name(let n, _):
            if let v = bindings[n] { return .index(v) }
            if let v = environment.values[n] { return v }
            if n == "kernel", environment.families[n] == nil, environment.indexed[n] == nil { return .kernel }
            if let f = environment.families[n] {
                guard f.indices.isEmpty else {
                    throw error(node, "`\(n)` is a family of modes with indices \(f.indices.map(\.name).joined(separator: ", "))",
                                fix: "name one mode: `\(n)[\(f.indices.map { $0.values.first!.description }.joined(separator: ", "))]`")
                }
                return .operator(try lowering(mode(n, [], node)))
            }
            if environment.indexed[n] != nil {
                throw error(node, "`\(n)` is an indexed definition", fix: "give its indices: `\(n)[…]`")
            }
            return .scalar(try scalar(n, at: node))
        case .index(let base, let indices, _):
            guard case .name(let n, _) = base else {
                throw error(node, "only modes and indexed definitions take indices `[…]`", fix: "write `d[up]` or `n[s]`")
            }
            let values = try indices.map { try indexValue($0) }
            if environment.families[n] != nil { return .operator(try lowering(mode(n, values, node))) }
            if let cases = environment.indexed[n] { return try indexedValue(n, cases, values, node) }
            throw error(base, "`\(n)` is neither a declared mode nor an indexed definition",
                        fix: nearestFix(n) ?? "declare it in a ```modes block or define `\(n)[i] = …`")
        case .adjoint(let x, _):
            return try ModelFunctions.adjoint(try evaluate(x), self, node)
        case .member(let x, let field, _):
            guard case .record(let fields, let order, let guardMessage) = try evaluate(x) else {
                throw error(node, "`.\(field)` needs a record (the result of `fit(…)`)")
            }
            guard let v = fields[field] else {
                throw error(node, "the record has no field `\(field)`", fix: "its fields are: " + order.joined(separator: ", "))
            }
            if let guardMessage, field != "residual" {
                throw error(node, guardMessage, fix: "compare `….residual` with 0 in a claim to see the mismatch, or change the ansatz")
            }
            return v
        case .negate(let x, _):
            return try ModelArithmetic.scale(.scalar(Expr(-1)), try evaluate(x), self, node)
        case .binary(let op, let l, let r, _):
            return try ModelArithmetic.binary(op, try evaluate(l), try evaluate(r), self, node)
        case .list(let items, _):
            return .list(try items.map { try evaluate($0) })
        case .set(let items, _):
            return .indexSet(try items.map { try indexValue($0) })
        case .span(let lo, let hi, _):
            guard case .integer(let a) = try indexValue(lo), case .integer(let b) = try indexValue(hi), a <= b else {
                throw error(node, "a range `a..b` needs integers a ≤ b")
            }
            return .indexSet((a...b).map { .integer($0) })
        case .membership:
            throw error(node, "`i in S` only stands in `sum(i in S: …)`")
        case .call(let name, let args, _):
            if let f = ModelFunctions.table[name] { return try f(args, self, node) }
            return try scalarCall(name, args, node)
        }
    }

    /// A scalar formula in the scalar syntax, with the file's symbols and definitions.
    func scalar(_ formula: String, at node: ModelNode) throws -> Expr {
        try TextSyntax.expression(Located(formula, at: place(node.range.lowerBound)), in: scalars)
    }

    /// A call of a scalar function, operation or definition whose arguments are model values that
    /// reduce to scalars (`re_part(eigenvalue(L, right: r))`, `limit(trace(X), kappa, 0)`).
    func scalarCall(_ name: String, _ args: [ModelArgument], _ node: ModelNode) throws -> ModelValue {
        if let label = args.first(where: { $0.label != nil }) {
            throw error(label.value, "`\(name)` takes no labelled arguments")
        }
        if name == "conj", args.count == 1 {
            switch try evaluate(args[0].value) {
            case .operator(let m): return .operator(m.conjugate)
            case .vector(let v): return .vector(ComponentVector(components: v.components.mapValues { Expr.conj($0) }, label: v.label))
            default: break
            }
        }
        let values = try args.map { try scalarValue($0.value) }
        if let operation = scalars.operations[name] {
            do { return .scalar(try operation(values)) } catch let e as OperationError {
                throw error(node, "\(name): \(e.message)", fix: e.fix)
            }
        }
        // A built-in function or a scalar definition: parse `name(p1, p2, …)` with fresh placeholder
        // symbols, then put the computed arguments in their place.
        var context = scalars
        var map: [Symbol: Expr] = [:]
        var names: [String] = []
        for (k, v) in values.enumerated() {
            let placeholder = Symbol("model_argument_\(k)", .complex)
            context.symbols[placeholder.name] = placeholder
            map[placeholder] = v
            names.append(placeholder.name)
        }
        let call = "\(name)(\(names.joined(separator: ", ")))"
        let e: Expr
        do { e = try TextSyntax.expression(Located(call, at: place(node.range.lowerBound)), in: context) } catch let d as DerivationError {
            throw DerivationError(place(node.range.lowerBound), d.message, fix: d.fix)
        }
        return .scalar(e.substituting(map))
    }

    func scalarValue(_ node: ModelNode) throws -> Expr {
        switch try evaluate(node) {
        case .scalar(let e): return e
        case .index(.integer(let n)): return Expr(n)
        case let v: throw error(node, "expected a scalar here, got \(v.kindName)", fix: "take `trace(…)`, `expect(…)` or a matrix element `bra*X*ket` to get a number")
        }
    }

    // MARK: Modes and indices

    /// The value of an index expression: a bound variable, a label of some index set, an integer.
    func indexValue(_ node: ModelNode) throws -> IndexValue {
        switch node {
        case .name(let n, _):
            if let v = bindings[n] { return v }
            if isLabelOfSomeIndex(n) { return .label(n) }
            if environment.values[n] == nil, scalars.symbols[n] == nil, scalars.definitions[n] == nil { return .label(n) }
        case .number(let s, _):
            if let n = Int(s) { return .integer(n) }
        default: break
        }
        let e = try scalarValue(node)
        if let n = e.integerValue { return .integer(n) }
        throw error(node, "an index must be a label (`up`), an integer or a bound index variable, got `\(source(node))`")
    }

    func mode(_ family: String, _ index: [IndexValue], _ node: ModelNode) throws -> Int {
        guard let space = environment.space, let f = environment.families[family] else {
            throw error(node, "`\(family)` is not a declared mode", fix: "declare it in a ```modes block")
        }
        guard index.count == f.indices.count else {
            throw error(node, "`\(family)` has \(f.indices.count) ind\(f.indices.count == 1 ? "ex" : "ices") (\(f.indices.map(\.name).joined(separator: ", "))), got \(index.count)",
                        fix: "write `\(family)[\(f.indices.map { $0.values.first!.description }.joined(separator: ", "))]`")
        }
        for (v, i) in zip(index, f.indices) where !i.values.contains(v) {
            throw error(node, "`\(v)` is outside the index set of `\(i.name)` of `\(family)`: {\(i.values.map(\.description).joined(separator: ", "))}",
                        fix: "use one of the declared values, or extend the set in the ```modes block")
        }
        return space.index(of: DeclaredMode(family: family, index: index))!
    }

    func lowering(_ k: Int) throws -> SparseMatrix<Expr> {
        environment.cache.matrix("lowering \(k)") { environment.space!.lowering(k) }
    }

    /// The mode named by a node (`d[up]`, `b`), for `ket(d[up]=1)` and `sx(q)`.
    func modeOf(_ node: ModelNode) throws -> Int {
        switch node {
        case .name(let n, _) where environment.families[n] != nil: return try mode(n, [], node)
        case .index(.name(let n, _), let indices, _) where environment.families[n] != nil:
            return try mode(n, try indices.map { try indexValue($0) }, node)
        default:
            throw error(node, "expected a declared mode such as `d[up]`, got `\(source(node))`")
        }
    }

    func indexedValue(_ name: String, _ cases: [ModelEnvironment.IndexedDefinition], _ values: [IndexValue], _ node: ModelNode) throws -> ModelValue {
        for c in cases where c.parameters.count == values.count {
            var bound: [String: IndexValue] = [:]
            var matches = true
            let definitionEvaluator = ModelEvaluator(environment: environment, scalars: scalars, text: c.text, location: c.location)
            for (p, v) in zip(c.parameters, values) {
                if case .name(let variable, _) = p, !isLabelOfSomeIndex(variable) {
                    bound[variable] = v
                } else if try definitionEvaluator.indexValue(p) != v {
                    matches = false
                    break
                }
            }
            guard matches else { continue }
            let key = "\(name)[\(values.map(\.description).joined(separator: ","))]"
            return try environment.cache.value("indexed " + key) {
                var inner = definitionEvaluator
                inner.bindings = bound
                return try inner.evaluate(c.body)
            }
        }
        throw error(node, "no case of `\(name)[…]` matches [\(values.map(\.description).joined(separator: ", "))]",
                    fix: "define `\(name)[…]` for these index values")
    }

    func isLabelOfSomeIndex(_ name: String) -> Bool {
        environment.families.values.contains { f in f.indices.contains { $0.values.contains(.label(name)) } }
    }

    func nearestFix(_ name: String) -> String? {
        let known = Array(environment.families.keys) + Array(environment.values.keys) + Array(environment.indexed.keys)
        return DerivationReader.nearest(name, in: known).map { "did you mean `\($0)`?" }
    }
}

extension ModelCache {
    func matrix(_ key: String, _ make: () -> SparseMatrix<Expr>) -> SparseMatrix<Expr> {
        // `make` runs no operation that could be refuted, so `value` cannot throw here.
        guard case .operator(let m)? = try? value(key, { .operator(make()) }) else { return make() }
        return m
    }
}
