import Symbolic

/// Everything a claim of one derivation file is read against: the declared symbols with their
/// assumptions, the definitions (in file order, each may use the ones before it), the units and
/// values of symbols, and the engine's operations and numeric functions.
public struct DerivationContext: Sendable {
    public let file: DerivationFile
    public let engine: Engine
    /// Parser state after the file's ```symbols and ```define blocks.
    public let parse: TextSyntax.Context
    /// Unit text per symbol name, from ```units blocks.
    public let units: [String: Located<String>]
    /// Value text (number and unit) per symbol name, from ```values blocks.
    public let values: [String: Located<String>]
    /// The declared modes and the typed (operator, superoperator, state) definitions.
    let model: ModelEnvironment
    /// How the certified operations (limit, series, …) in each definition were checked, by defined name.
    public let definitionCertificates: [String: [OperationCertificate]]
    /// The systems of equations of motion declared in ```ode blocks, by name.
    public let systems: [String: DeclaredSystem]

    public init(file: DerivationFile, engine: Engine) throws {
        self.file = file
        self.engine = engine
        var context = TextSyntax.emptyContext(engine: engine)
        for line in file.symbolLines {
            try TextSyntax.declareSymbols(line, in: &context)
        }
        var model = try ModelEnvironment(modes: file.modeLines)
        var certificates: [String: [OperationCertificate]] = [:]
        for line in file.definitionLines {
            let ledger = OperationLedger()
            try OperationLedger.$current.withValue(ledger) {
                if try !model.define(line, scalars: &context) {
                    try TextSyntax.define(line, in: &context)
                }
            }
            if !ledger.certificates.isEmpty { certificates[ClaimProvenance.definedName(line.value), default: []] += ledger.certificates }
        }
        self.model = model
        definitionCertificates = certificates
        parse = context
        var systems: [String: DeclaredSystem] = [:]
        for block in file.odeBlocks {
            let system = try DeclaredSystem(block: block, file: context, functions: engine.numericFunctions)
            if let previous = systems[system.name] {
                throw DerivationError(block.opening, "a second system named `\(system.name)` (first at \(previous.location))", fix: "give every ```ode block its own `system:` name")
            }
            systems[system.name] = system
        }
        self.systems = systems
        units = try Self.table(file.unitLines, separator: ":", what: "unit")
        values = try Self.table(file.valueLines, separator: "=", what: "value")
        for (name, text) in values.sorted(by: { ($0.value.location.line, $0.key) < ($1.value.location.line, $1.key) }) {
            try admit(name, text, source: "the ```values block")
        }
    }

    /// Rejects a value (```values, `values:`) for an undeclared symbol, an unreadable value, or
    /// one that contradicts the symbol's declared assumption (`ParameterAdmissibility`).
    func admit(_ name: String, _ text: Located<String>, source: String) throws {
        let nameLocation = SourceLocation(file: text.location.file, line: text.location.line, column: 1)
        guard let symbol = parse.symbols[name] else {
            let near = DerivationReader.nearest(name, in: Array(parse.symbols.keys)).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(source.hasPrefix("the") ? nameLocation : text.location,
                                  "\(source) gives a value for `\(name)`, which is not a declared symbol",
                                  fix: "\(near)declare `\(name)` in a ```symbols block, or remove the value")
        }
        let q = try EstimateCheck.quantity(text)
        try ParameterAdmissibility.check(symbol, facts: ParameterAdmissibility.facts(q), valueText: text.value.trimmed,
                                         at: ParameterAdmissibility.firstNonBlank(text.value, at: text.location), source: source, file: file)
    }

    /// `name: text` or `name = text` lines as a table keyed by name.
    static func table(_ lines: [Located<String>], separator: Character, what: String) throws -> [String: Located<String>] {
        var out: [String: Located<String>] = [:]
        for line in lines {
            guard let i = line.value.firstIndex(of: separator) else {
                throw DerivationError(line.location, "expected `symbol \(separator) \(what)`", fix: "write e.g. `U \(separator) \(what == "unit" ? "J" : "1 eV")`")
            }
            let name = String(line.value[..<i]).trimmed
            let text = String(line.value[line.value.index(after: i)...]).trimmed
            if name.isEmpty || text.isEmpty {
                throw DerivationError(line.location, "expected `symbol \(separator) \(what)`", fix: "both the symbol and the \(what) are needed")
            }
            if out[name] != nil {
                throw DerivationError(line.location, "the \(what) of `\(name)` is given twice", fix: "keep one line for `\(name)`")
            }
            let column = line.location.column + line.value.distance(from: line.value.startIndex, to: i) + 2
            out[name] = Located(text, at: SourceLocation(file: line.location.file, line: line.location.line, column: column))
        }
        return out
    }

    /// Parses an expression field, with the claim's `where:` substitutions applied.
    public func expression(_ field: Located<String>, claim: Claim? = nil) throws -> Expr {
        if let value = try modelValue(field, claim: claim) {
            guard case .scalar(let e) = value else {
                throw DerivationError(field.location, "this field is \(value.kindName), but a scalar is needed here",
                                      fix: "compare operators with `check: identity`, or take `trace(…)`, `expect(…)` or a matrix element")
            }
            return e
        }
        let e = try TextSyntax.expression(field, in: parse)
        guard let claim else { return e }
        return try substitute(e, claim: claim)
    }

    /// Parses a relation field `lhs op rhs`, with `where:` substitutions applied.
    public func relation(_ field: Located<String>, claim: Claim? = nil) throws -> (lhs: Expr, kind: TextSyntax.Relation, rhs: Expr) {
        let r = try TextSyntax.relation(field, in: parse)
        guard let claim else { return r }
        return (try substitute(r.lhs, claim: claim), r.kind, try substitute(r.rhs, claim: claim))
    }

    /// The claim's `where:` substitutions, `x = expr` separated by commas or semicolons.
    public func substitutions(_ claim: Claim) throws -> [(Symbol, Expr)] {
        try locatedSubstitutions(claim).map { ($0.0, $0.1) }
    }

    /// The `where:` substitutions with the text of each value and its place.
    func locatedSubstitutions(_ claim: Claim) throws -> [(Symbol, Expr, Located<String>)] {
        guard let field = claim.spec["where"] else { return [] }
        var out: [(Symbol, Expr, Located<String>)] = []
        for part in TextSyntax.splitTopLevel(field) {
            guard let eq = part.value.firstIndex(of: "=") else {
                throw DerivationError(part.location, "expected `symbol = expression` in `where:`", fix: "write e.g. `where: ek = eF, U = a + b`")
            }
            let name = String(part.value[..<eq]).trimmed
            guard let symbol = parse.symbols[name] else {
                throw DerivationError(part.location, "`\(name)` in `where:` is not a declared symbol",
                                      fix: "declare it in a ```symbols block or substitute a declared symbol")
            }
            let offset = part.value.distance(from: part.value.startIndex, to: eq) + 1
            let rhs = Located(String(part.value[part.value.index(after: eq)...]),
                              at: SourceLocation(file: part.location.file, line: part.location.line, column: part.location.column + offset))
            out.append((symbol, try TextSyntax.expression(rhs, in: parse), rhs))
        }
        return out
    }

    func substitute(_ e: Expr, claim: Claim) throws -> Expr {
        let subs = try substitutions(claim)
        if subs.isEmpty { return e }
        let table = Dictionary(subs, uniquingKeysWith: { a, _ in a })
        return e.mapBottomUp { node in
            if case .symbol(let s) = node, let value = table[s] { return value }
            return node
        }
    }

    /// Parses every expression field of the claim once, so that bad input is reported at load time.
    public func validate(_ claim: Claim) throws {
        for (symbol, value, text) in try locatedSubstitutions(claim) {
            try ParameterAdmissibility.check(symbol, facts: ParameterAdmissibility.facts(value, functions: engine.numericFunctions),
                                             valueText: text.value.trimmed, at: ParameterAdmissibility.firstNonBlank(text.value, at: text.location),
                                             source: "`where:`", file: file)
        }
        for (name, text) in try EstimateCheck.claimValues(claim) {
            try admit(name, text, source: "`values:`")
        }
        let relationChecks: Set<String> = ["sign", "dimension"]
        if relationChecks.contains(claim.check), claim.printed.value.containsRelation {
            _ = try relation(claim.printed, claim: claim)
        } else if claim.check != "estimate" && claim.check != "dimension" && engine.checks[claim.check] is any ExpressionClaimCheck {
            if let value = try modelValue(claim.printed, claim: claim) {
                if case .scalar(let e) = value { try checkArguments(of: e, in: claim.printed) }
            } else {
                try checkArguments(of: try expression(claim.printed, claim: claim), in: claim.printed)
            }
        }
        for key in ["computed", "correction"] {
            guard let field = claim.spec[key] else { continue }
            if let value = try modelValue(field, claim: claim) {
                if case .scalar(let e) = value { try checkArguments(of: e, in: field) }
                continue
            }
            try checkArguments(of: try expression(field, claim: claim), in: field)
        }
    }

    /// Rejects a call of a numeric function with a closed-form argument outside the argument's
    /// physical domain (`ArgumentDomain`), e.g. a temperature that must be > 0.
    func checkArguments(of e: Expr, in field: Located<String>) throws {
        for (_, node) in e.nodesWithPaths() {
            guard case .call(let name, let args) = node, let domains = engine.argumentDomains[name] else { continue }
            for (arg, domain) in zip(args, domains) {
                guard let facts = ParameterAdmissibility.facts(arg, functions: engine.numericFunctions), domain.isViolated(by: facts) else { continue }
                let column = field.value.range(of: name + "(").map { field.value.distance(from: field.value.startIndex, to: $0.lowerBound) } ?? 0
                let at = SourceLocation(file: field.location.file, line: field.location.line, column: field.location.column + column)
                throw DerivationError(at, "`\(name)` is called with \(domain.name) = \(arg.text), outside its domain: \(domain.name) must be \(domain.requirement.rawValue) (\(domain.reason))",
                                      fix: domain.fix)
            }
        }
    }
}

/// Check kinds whose `printed:` is a single expression (validated at load time).
public protocol ExpressionClaimCheck: ClaimCheck {}

extension String {
    /// True when the text contains a relation operator outside of parentheses.
    var containsRelation: Bool {
        ["<", ">", "=", "≲", "≳", "≤", "≥", "≃", "≪", "≫"].contains { contains($0) }
    }
}
