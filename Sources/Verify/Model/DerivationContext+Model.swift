import Symbolic
import Grassmann

extension ModelEnvironment {
    /// The environment of the ```modes lines (empty when there are none).
    init(modes lines: [Located<String>]) throws {
        guard !lines.isEmpty else { return }
        var families: [ModeFamily] = []
        for line in lines {
            let f = try ModesBlock.family(line)
            if families.contains(where: { $0.name == f.name }) {
                throw DerivationError(line.location, "the mode family `\(f.name)` is declared twice", fix: "declare each family once, with all its indices")
            }
            families.append(f)
        }
        do { space = try ModeSpace(families) } catch let e as ModeSpaceError {
            throw DerivationError(lines[0].location, e.message, fix: "declare fewer modes or lower the boson cutoffs")
        }
        for f in families { self.families[f.name] = f }
        modesLocation = lines[0].location
    }

    /// Handles a ```define line of the model language: `n[s] = …` (indexed), or `X = …` whose
    /// right-hand side uses operator syntax, a mode, a model function or a typed definition.
    /// Returns false for a plain scalar definition (left to the scalar syntax).
    mutating func define(_ line: Located<String>, scalars: inout ParseContext) throws -> Bool {
        let text = line.value
        guard let eq = text.firstIndex(of: "="), !text[text.index(after: eq)...].hasPrefix("=") else { return false }
        let lhs = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let rhsStart = text.index(after: eq)
        let rhs = String(text[rhsStart...])
        let rhsLocation = SourceLocation(file: line.location.file, line: line.location.line,
                                         column: line.location.column + text.distance(from: text.startIndex, to: rhsStart))
        if let open = lhs.firstIndex(of: "["), lhs.hasSuffix("]") {
            let name = String(lhs[..<open]).trimmingCharacters(in: .whitespaces)
            try checkNewName(name, line, scalars, allowIndexed: true)
            guard var p = try? ModelParser(lhs), case .index(_, let parameters, _)? = try? p.parseWhole() else {
                throw DerivationError(line.location, "cannot read the indexed name `\(lhs)`", fix: "write e.g. `n[s] = d[s]'*d[s]` or `S[1] = ket()`")
            }
            let body: ModelNode
            do { var q = try ModelParser(rhs); body = try q.parseWhole() } catch let e as ModelSyntaxError {
                throw syntaxError(e, rhs, rhsLocation)
            }
            indexed[name, default: []].append(IndexedDefinition(parameters: parameters, body: body, text: rhs, location: rhsLocation))
            return true
        }
        guard ModesBlock.isIdentifier(lhs) else { return false }
        guard var parser = try? ModelParser(rhs), let node = try? parser.parseWhole() else { return false }
        let evaluator = ModelEvaluator(environment: self, scalars: scalars, text: rhs, location: rhsLocation)
        guard evaluator.isModel(node) else { return false }
        try checkNewName(lhs, line, scalars, allowIndexed: false)
        switch try evaluator.evaluate(node) {
        case .scalar(let e):
            scalars.definitions[lhs] = e
        case let v:
            values[lhs] = v
        }
        return true
    }

    func checkNewName(_ name: String, _ line: Located<String>, _ scalars: ParseContext, allowIndexed: Bool) throws {
        guard ModesBlock.isIdentifier(name), !ParseContext.isReserved(name) else {
            throw DerivationError(line.location, "`\(name)` cannot be defined", fix: "choose a name of letters, digits and `_` that is not built in")
        }
        if families[name] != nil || values[name] != nil || scalars.definitions[name] != nil || scalars.symbols[name] != nil
            || (!allowIndexed && indexed[name] != nil) || ModelFunctions.table[name] != nil {
            throw DerivationError(line.location, "`\(name)` is already declared or defined", fix: "choose another name")
        }
    }

    func syntaxError(_ e: ModelSyntaxError, _ text: String, _ at: SourceLocation) -> DerivationError {
        ModelEvaluator(environment: self, scalars: ParseContext(), text: text, location: at).errorAt(e)
    }
}

extension ModelEvaluator {
    func errorAt(_ e: ModelSyntaxError) -> DerivationError {
        DerivationError(place(e.offset), e.message, fix: e.fix ?? "see derivations/README.md, \"Models\"")
    }
}

extension DerivationContext {
    /// The typed value of a field when it is written in the model language (a mode, operator syntax,
    /// a model function or a typed definition), with the claim's `where:` substitutions applied to
    /// every entry; nil for a plain scalar formula (read by `expression` as before).
    func modelValue(_ field: Located<String>, claim: Claim? = nil) throws -> ModelValue? {
        guard var parser = try? ModelParser(field.value), let node = try? parser.parseWhole() else { return nil }
        let evaluator = ModelEvaluator(environment: model, scalars: parse, text: field.value, location: field.location)
        guard evaluator.isModel(node) else { return nil }
        let value = try model.cache.value("field \(field.location) \(field.value)") { try evaluator.evaluate(node) }
        guard let claim else { return value }
        let subs = try substitutions(claim)
        if subs.isEmpty { return value }
        let table = Dictionary(subs, uniquingKeysWith: { a, _ in a })
        return value.mapScalars { $0.mapBottomUp { node in
            if case .symbol(let s) = node, let v = table[s] { return v }
            return node
        } }
    }

    /// An evaluator for messages and comparisons of a claim's fields.
    func modelEvaluator(_ field: Located<String>) -> ModelEvaluator {
        ModelEvaluator(environment: model, scalars: parse, text: field.value, location: field.location)
    }
}

extension ModelValue {
    /// The value with every scalar entry transformed.
    func mapScalars(_ f: (Expr) -> Expr) -> ModelValue {
        switch self {
        case .scalar(let e): return .scalar(f(e))
        case .operator(let m): return .operator(m.mapEntries(f))
        case .state(let x, let bra): return .state(x.mapValues(f).filter { !$0.value.isZero }, isBra: bra)
        case .vector(let v): return .vector(ComponentVector(components: v.components.mapValues(f).filter { !$0.value.isZero }, label: v.label))
        case .superoperator(let s):
            let m = s.materialized
            return .superoperator(Superoperator(SuperOperator(dimension: m.dimension, matrix: m.matrix.mapEntries(f)), origin: s.origin))
        case .record(let fields, let order, let g): return .record(fields.mapValues { $0.mapScalars(f) }, order: order, guardMessage: g)
        case .list(let items): return .list(items.map { $0.mapScalars(f) })
        default: return self
        }
    }
}
