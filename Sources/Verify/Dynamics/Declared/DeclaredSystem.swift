import Foundation
import Symbolic

/// A system of equations of motion declared in a derivation file (an ```ode block,
/// derivations/README.md "Equations of motion"):
///
///     system: bilayer
///     state: m_A, m_B: vector2
///     parameters: j_AA, j_BB, j_AB, T: positive
///     let: h_A = j_AA*m_A + j_AB*m_B
///     dm_A/dt = alpha_A*(-T*m_A + (1 - dot(h_A, h_A)/(3*T^2))*h_A)
///     values: j_AA = 10, T = 9
///     phase: aligned = fixed, dot(m_A, m_B) > 0
///
/// State variables are scalars or vectors (`vector` = `vector3`, `vector2`); parameters are declared
/// like symbols (`names: assumption`, or names already declared in a ```symbols block). A right-hand
/// side may contain the derivatives themselves linearly (`dS/dt = … + alpha*cross(S, dS/dt)`, the
/// Gilbert form): writing the equations as v = τ(y) + M(y) v with v = dy/dt, the engine solves
/// (𝟙 − M) v = τ at every evaluation by Gaussian elimination on each block of coupled derivatives —
/// the Landau–Lifshitz transform for any number of spins, without assuming |S| = 1. τ and M are
/// obtained symbolically (M_ij = ∂rhs_i/∂v_j, which must not contain v: the equations must be linear
/// in the derivatives).
///
/// The right-hand side is compiled once to Double code (`CompiledExpressions`); the symbolic form is
/// kept for the Jacobian (`Expr.derivative`), for implicit systems by implicit differentiation,
/// (𝟙 − M) ∂v/∂y = ∂τ/∂y + (∂M/∂y) v.
public struct DeclaredSystem: Sendable {
    /// The shape of a state variable.
    public enum Shape: Sendable, Equatable {
        case scalar
        case vector(Int)
        public var count: Int { if case .vector(let n) = self { return n }; return 1 }
    }

    public struct Variable: Sendable {
        public let name: String
        public let shape: Shape
        /// One real symbol per component (the symbol itself for a scalar).
        public let components: [Symbol]
        /// Offset of the first component in the state vector.
        public let offset: Int
        public let location: SourceLocation
    }

    /// The generic long-time classification a named phase refines.
    public enum Motion: String, Sendable, CaseIterable {
        /// A fixed point.
        case fixed
        /// A rotating state (a relative equilibrium: every invariant constant, the state turning at ω ≠ 0)
        /// or a periodic orbit, with its frequency.
        case rotating
        /// Not settled within the time limit.
        case unsettled
        /// Any of the above.
        case any
    }

    /// `phase: name = motion, condition, …`: a named long-time state.
    public struct Phase: Sendable {
        public let name: String
        public let motion: Motion
        /// Each condition as a scalar expression and relation with 0 (lhs − rhs ⋚ 0).
        public let conditions: [(Expr, RelationKind)]
        public let text: String
        public let location: SourceLocation
    }

    public let name: String
    public let location: SourceLocation
    public let variables: [Variable]
    public let parameters: [Symbol]
    /// Values given in the block (`values:`), by parameter name.
    public let defaults: [String: Double]
    /// The scalar `let:` definitions in parameters (and state), for claims that name them.
    public let scalarLets: [String: Expr]
    /// The declared right-hand sides, one per state component, in the state symbols, the parameters and
    /// (for an implicit system) `rateSymbols`.
    public let equations: [Expr]
    /// The symbols standing for the derivatives dy_i/dt in `equations`.
    public let rateSymbols: [Symbol]
    /// τ(y): the right-hand sides with the derivatives set to zero, one per state component.
    public let explicitPart: [Expr]
    /// M(y): nonzero coefficients of the derivatives in the right-hand sides (row, column, coefficient).
    public let implicitPart: [(row: Int, column: Int, coefficient: Expr)]
    /// True when no fixed vector (`vec(…)`) or explicit component appears: the equations commute with a
    /// common rotation of all vector variables.
    public let isRotationEquivariant: Bool
    public let phases: [Phase]
    /// The parse context of claims about this system: the file's names, the parameters and the scalar lets.
    public let claimContext: ParseContext
    let rates: CompiledExpressions
    let jacobianCode: CompiledExpressions
    /// Every phase condition (lhs − rhs), in order, compiled (a sign test needs no MPFR).
    let phaseCode: CompiledExpressions
    /// `rates` as machine code (`NativeCode`), compiled on first use.
    let native = NativeSlot()
    /// The independent blocks of coupled derivatives (components), for the implicit solve.
    let implicitBlocks: [[Int]]

    public var dimension: Int { variables.reduce(0) { $0 + $1.shape.count } }
    public var state: [Symbol] { variables.flatMap(\.components) }
    public var isImplicit: Bool { !implicitPart.isEmpty }
    /// Instructions per evaluation of the compiled right-hand side.
    public var instructionCount: Int { rates.instructionCount }

    /// A parameter by name.
    public func parameter(named name: String) -> Symbol? { parameters.first { $0.name == name } }

    // MARK: Reading a block

    /// Reads and compiles one ```ode block against the file's symbols and definitions.
    public init(block: OdeBlockText, file context: ParseContext, functions: [String: NumericFunction]) throws {
        var name: Located<String>? = nil
        var stateLines: [Located<String>] = [], parameterLines: [Located<String>] = [], letLines: [Located<String>] = []
        var rateLines: [Located<String>] = [], valueLines: [Located<String>] = [], phaseLines: [Located<String>] = []
        for line in block.lines {
            let text = line.value
            if let (key, rest) = Self.keyed(line), ["system", "state", "parameters", "let", "values", "phase"].contains(key) {
                switch key {
                case "system":
                    if let name { throw DerivationError(line.location, "a second `system:` in this ode block (first at line \(name.location.line))", fix: "one ```ode block declares one system") }
                    name = rest
                case "state": stateLines.append(rest)
                case "parameters": parameterLines.append(rest)
                case "let": letLines.append(rest)
                case "values": valueLines.append(rest)
                default: phaseLines.append(rest)
                }
            } else if text.hasPrefix("d"), text.contains("/dt"), text.contains("=") {
                rateLines.append(line)
            } else {
                let key = text.prefix { $0.isLetter || $0 == "_" }
                let near = DerivationReader.nearest(String(key), in: ["system", "state", "parameters", "let", "values", "phase"]).map { "did you mean `\($0):`? " } ?? ""
                throw DerivationError(line.location, "cannot read `\(text.prefix(40))` in an ode block",
                                      fix: near + "lines are `system: name`, `state: names: scalar|vector|vector2`, `parameters: names: assumption`, `let: name = expr`, `dX/dt = expr`, `values: p = number, …`, `phase: name = fixed|rotating|unsettled|any, condition, …`")
            }
        }
        guard let name else {
            throw DerivationError(block.opening, "the ode block has no `system:` line", fix: "name the system: `system: bilayer`")
        }
        guard name.value.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }), !name.value.isEmpty else {
            throw DerivationError(name.location, "system name `\(name.value)` has characters other than letters, digits, `_`, `-`, `.`", fix: "write e.g. `system: bilayer`")
        }
        self.name = name.value
        self.location = block.opening

        var parse = context
        for f in OdeValue.vectorFunctions { parse.numericFunctions.insert(f) }
        func clash(_ n: String, _ at: SourceLocation) throws {
            if context.definitions[n] != nil || context.functions[n] != nil {
                throw DerivationError(at, "`\(n)` is already defined in a ```define block of this file", fix: "rename the state variable, parameter or let")
            }
            if OdeValue.vectorFunctions.contains(n) || ["t"].contains(n) {
                throw DerivationError(at, "`\(n)` is reserved in an ode block", fix: "choose another name")
            }
        }

        // Parameters.
        var parameters: [Symbol] = []
        for line in parameterLines {
            let symbols: [Symbol]
            if line.value.contains(":") {
                do { symbols = try parse.parseSymbolDeclaration(line.value, origin: TextSyntax.origin(line.location)) }
                catch { throw TextSyntax.located(error, line.location) }
            } else {
                symbols = try line.value.split(separator: ",").map { raw in
                    let n = String(raw).trimmed
                    guard let s = context.symbols[n] else {
                        throw DerivationError(line.location, "`\(n)` is not a declared symbol",
                                              fix: "give an assumption: `parameters: \(n): real`, or declare it in a ```symbols block")
                    }
                    return s
                }
            }
            for s in symbols {
                try clash(s.name, line.location)
                if parameters.contains(where: { $0.name == s.name }) {
                    throw DerivationError(line.location, "parameter `\(s.name)` is declared twice", fix: "declare each parameter once")
                }
                parameters.append(s)
            }
        }
        parse.declare(parameters)

        // State variables.
        var variables: [Variable] = []
        var names: [Symbol: OdeValue] = [:]
        var offset = 0
        for line in stateLines {
            guard let colon = line.value.lastIndex(of: ":") else {
                throw DerivationError(line.location, "expected `state: names: scalar|vector|vector2`", fix: "write e.g. `state: S_1, S_2: vector`")
            }
            let kind = String(line.value[line.value.index(after: colon)...]).trimmed
            let shape: Shape
            switch kind {
            case "scalar", "real": shape = .scalar
            case "vector", "vector3": shape = .vector(3)
            case "vector2": shape = .vector(2)
            default:
                throw DerivationError(line.location, "unknown state kind `\(kind)`", fix: "write scalar, vector (3 components) or vector2")
            }
            for raw in line.value[..<colon].split(separator: ",") {
                let n = String(raw).trimmed
                guard !n.isEmpty, n.first!.isLetter, n.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                    throw DerivationError(line.location, "`\(n)` is not a name", fix: "state variables are names such as m_A")
                }
                try clash(n, line.location)
                if variables.contains(where: { $0.name == n }) || parameters.contains(where: { $0.name == n }) {
                    throw DerivationError(line.location, "`\(n)` is declared twice", fix: "declare each state variable once, and not as a parameter")
                }
                let symbol = Symbol(n, .real)
                let components = shape == .scalar ? [symbol] : (0..<shape.count).map { Symbol("\(n)[\(["x", "y", "z"][$0])]", .real) }
                variables.append(Variable(name: n, shape: shape, components: components, offset: offset, location: line.location))
                offset += shape.count
                parse.declare([symbol])
                if shape != .scalar { names[symbol] = .vector(components.map { .symbol($0) }) }
            }
        }
        guard !variables.isEmpty else {
            throw DerivationError(block.opening, "system `\(name.value)` has no `state:` line", fix: "declare the state: `state: m: vector`")
        }

        // Derivative placeholders: dX/dt in a right-hand side.
        var rateSymbols: [Symbol: OdeValue] = [:]
        var rateComponents: [Symbol] = []
        for v in variables {
            let s = Symbol("\(v.name)__dt", .real)
            let comps = v.shape == .scalar ? [Symbol("\(v.name)__dt", .real)] : (0..<v.shape.count).map { Symbol("d\(v.name)[\(["x", "y", "z"][$0])]/dt", .real) }
            rateComponents += comps
            if v.shape != .scalar { rateSymbols[s] = .vector(comps.map { .symbol($0) }) }
            parse.declare([s])
        }
        func rewriteRates(_ text: String) -> String {
            var t = text
            for v in variables {
                t = t.replacingOccurrences(of: "d(\(v.name))/dt", with: "\(v.name)__dt  ")
                t = t.replacingOccurrences(of: "d\(v.name)/dt", with: "\(v.name)__dt")
            }
            return t
        }
        func expand(_ e: Expr, at: SourceLocation) throws -> OdeValue {
            do { return try OdeValue.expand(e, names: names.merging(rateSymbols) { a, _ in a }) }
            catch { throw DerivationError(at, error.message, fix: error.fix) }
        }
        func parseExpression(_ text: String, at: SourceLocation) throws -> Expr {
            do { return try parse.parse(text, origin: TextSyntax.origin(at)) } catch { throw TextSyntax.located(error, at) }
        }

        // Lets.
        var scalarLets: [String: Expr] = [:]
        var usesFixedVectors = false
        /// The right side of `name = expression` (after the `=` at `eq`), located at its first column
        /// and expanded to a scalar or vector.
        func rightSide(_ line: Located<String>, after eq: String.Index) throws -> (OdeValue, SourceLocation) {
            let column = line.location.column + line.value.distance(from: line.value.startIndex, to: eq) + 1
            let at = SourceLocation(file: line.location.file, line: line.location.line, column: column)
            let bodyText = String(line.value[line.value.index(after: eq)...])
            if bodyText.contains("vec(") { usesFixedVectors = true }
            return (try expand(try parseExpression(rewriteRates(bodyText), at: at), at: at), at)
        }
        for line in letLines {
            guard let eq = line.value.firstIndex(of: "=") else {
                throw DerivationError(line.location, "expected `let: name = expression`", fix: "write e.g. `let: h_A = j_AA*m_A + j_AB*m_B`")
            }
            let n = String(line.value[..<eq]).trimmed
            guard !n.isEmpty, n.first!.isLetter, n.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw DerivationError(line.location, "`\(n)` is not a name", fix: "write `let: name = expression`")
            }
            try clash(n, line.location)
            if parse.symbols[n] != nil && (variables.contains { $0.name == n } || parameters.contains { $0.name == n } || scalarLets[n] != nil || names[Symbol(n, .real)] != nil) {
                throw DerivationError(line.location, "`\(n)` is already a state variable, parameter or let", fix: "choose a new name")
            }
            let (value, _) = try rightSide(line, after: eq)
            let symbol = Symbol(n, .real)
            parse.declare([symbol])
            names[symbol] = value
            if case .scalar(let e) = value { scalarLets[n] = e }
        }

        // Right-hand sides.
        var rhs: [String: (OdeValue, SourceLocation)] = [:]
        for line in rateLines {
            guard let eq = line.value.firstIndex(of: "=") else { continue }
            let lhs = String(line.value[..<eq]).replacingOccurrences(of: " ", with: "")
            var target = lhs
            if target.hasPrefix("d("), target.hasSuffix(")/dt") { target = String(target.dropFirst(2).dropLast(4)) }
            else if target.hasPrefix("d"), target.hasSuffix("/dt") { target = String(target.dropFirst().dropLast(3)) }
            else {
                throw DerivationError(line.location, "expected `dX/dt = expression`, found `\(lhs)` on the left", fix: "write e.g. `dm/dt = -gamma*cross(m, B)`")
            }
            guard let variable = variables.first(where: { $0.name == target }) else {
                let near = DerivationReader.nearest(target, in: variables.map(\.name)).map { "did you mean `d\($0)/dt`? " } ?? ""
                throw DerivationError(line.location, "`\(lhs)`: `\(target)` is not a state variable of system `\(name.value)`",
                                      fix: near + "declare it with `state: \(target): scalar|vector` or correct the name")
            }
            if let previous = rhs[target] {
                throw DerivationError(line.location, "a second equation for d\(target)/dt (first at line \(previous.1.line))", fix: "give one equation per state variable")
            }
            let (value, at) = try rightSide(line, after: eq)
            switch (variable.shape, value) {
            case (.scalar, .scalar): break
            case (.vector(let n), .vector(let c)) where n == c.count: break
            default:
                throw DerivationError(at, "vector/scalar mismatch: d\(target)/dt is \(variable.shape == .scalar ? "a scalar" : "a \(variable.shape.count)-vector") but the right-hand side is \(value.shapeName)",
                                      fix: "the right-hand side must have the shape of \(target)")
            }
            rhs[target] = (value, at)
        }
        for v in variables where rhs[v.name] == nil {
            throw DerivationError(v.location, "state variable `\(v.name)` has no equation", fix: "add a line `d\(v.name)/dt = …` to the ode block")
        }

        // Explicit and implicit parts.
        let components = variables.flatMap { rhs[$0.name]!.0.components }
        let rateSet = Set(rateComponents)
        var explicit: [Expr] = []
        var implicit: [(Int, Int, Expr)] = []
        for (i, c) in components.enumerated() {
            let present = c.freeSymbols.intersection(rateSet)
            if present.isEmpty { explicit.append(c); continue }
            let zeroed = c.mapBottomUp { node in
                if case .symbol(let s) = node, rateSet.contains(s) { return .zero }
                return node
            }
            explicit.append(zeroed)
            for (j, r) in rateComponents.enumerated() where present.contains(r) {
                let coefficient = c.derivative(r)
                if !coefficient.freeSymbols.isDisjoint(with: rateSet) {
                    let v = variables.first { i >= $0.offset && i < $0.offset + $0.shape.count }!
                    throw DerivationError(rhs[v.name]!.1, "the equation for d\(v.name)/dt is not linear in the derivatives",
                                          fix: "derivatives may appear on the right only linearly, as in the Gilbert term alpha*cross(m, dm/dt)")
                }
                implicit.append((i, j, coefficient))
            }
        }
        let stateSymbols = variables.flatMap(\.components)
        let dependsOnState = Set(stateSymbols)
        for (n, e) in scalarLets where !e.freeSymbols.isDisjoint(with: dependsOnState.union(rateSet)) { scalarLets[n] = nil }

        // Blocks of coupled derivatives (union–find on M's pattern).
        var parent = Array(0..<stateSymbols.count)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
        for (i, j, _) in implicit { parent[root(i)] = root(j) }
        let involved = Set(implicit.flatMap { [$0.0, $0.1] })
        var blocks: [Int: [Int]] = [:]
        for i in involved.sorted() { blocks[root(i), default: []].append(i) }

        do {
            rates = try CompiledExpressions(explicit + implicit.map(\.2), state: stateSymbols, parameters: parameters)
            // Jacobian: ∂τ_i/∂y_j (n × n, row-major), then ∂M_k/∂y_j for each implicit coefficient k.
            var jac: [Expr] = []
            for e in explicit { for y in stateSymbols { jac.append(e.derivative(y)) } }
            for (_, _, m) in implicit { for y in stateSymbols { jac.append(m.derivative(y)) } }
            jacobianCode = try CompiledExpressions(jac, state: stateSymbols, parameters: parameters)
        } catch let failure as CompiledExpressions.Failure {
            throw DerivationError(block.opening, "system `\(name.value)`: \(failure.message)", fix: "every name in the equations must be a state variable, a parameter, a let or a definition of the file")
        }
        self.variables = variables
        self.parameters = parameters
        self.equations = components
        self.rateSymbols = rateComponents
        self.explicitPart = explicit
        self.implicitPart = implicit.map { (row: $0.0, column: $0.1, coefficient: $0.2) }
        self.implicitBlocks = blocks.values.sorted { $0[0] < $1[0] }
        self.isRotationEquivariant = !usesFixedVectors
        self.scalarLets = scalarLets

        // The claim context: parameters and scalar lets by name.
        var claims = context
        claims.declare(parameters)
        for (n, e) in scalarLets { claims.definitions[n] = e }
        self.claimContext = claims

        // Values.
        var defaults: [String: Double] = [:]
        for line in valueLines {
            for part in TextSyntax.splitTopLevel(line) {
                let (p, v) = try Self.assignment(part, parameters: parameters, context: claims, known: defaults, functions: functions)
                defaults[p] = v
            }
        }
        self.defaults = defaults

        // Phases.
        var phases: [Phase] = []
        for line in phaseLines {
            guard let eq = line.value.firstIndex(of: "=") else {
                throw DerivationError(line.location, "expected `phase: name = fixed|rotating|unsettled|any, condition, …`", fix: "write e.g. `phase: aligned = fixed, dot(m_A, m_B) > 0`")
            }
            let phaseName = String(line.value[..<eq]).trimmed
            let rest = Located(String(line.value[line.value.index(after: eq)...]),
                               at: SourceLocation(file: line.location.file, line: line.location.line,
                                                  column: line.location.column + line.value.distance(from: line.value.startIndex, to: eq) + 1))
            let parts = TextSyntax.splitTopLevel(rest)
            guard let first = parts.first, let motion = Motion(rawValue: first.value.trimmed) else {
                throw DerivationError(rest.location, "a phase starts with its motion: fixed, rotating, unsettled or any", fix: "write e.g. `phase: chiral = rotating`")
            }
            if phases.contains(where: { $0.name == phaseName }) {
                throw DerivationError(line.location, "phase `\(phaseName)` is declared twice", fix: "give each phase one line")
            }
            var conditions: [(Expr, RelationKind)] = []
            for c in parts.dropFirst() {
                let r: Relation
                do { r = try parse.parseRelation(c.value, origin: TextSyntax.origin(c.location)) } catch { throw TextSyntax.located(error, c.location) }
                guard case .scalar(let d) = try expand(r.lhs - r.rhs, at: c.location) else {
                    throw DerivationError(c.location, "vector/scalar mismatch: a phase condition compares scalars", fix: "use dot(…) or norm(…)")
                }
                conditions.append((d, r.kind))
            }
            phases.append(Phase(name: phaseName, motion: motion, conditions: conditions, text: rest.value.trimmed, location: line.location))
        }
        self.phases = phases
        do { phaseCode = try CompiledExpressions(phases.flatMap { $0.conditions.map(\.0) }, state: stateSymbols, parameters: parameters) }
        catch let failure as CompiledExpressions.Failure {
            throw DerivationError(phaseLines.first?.location ?? block.opening, "a phase condition: \(failure.message)", fix: "conditions use state variables, parameters and lets")
        }
    }

    /// `key: rest` with the location of `rest`, for the keyed lines of the block.
    static func keyed(_ line: Located<String>) -> (String, Located<String>)? {
        guard let colon = line.value.firstIndex(of: ":") else { return nil }
        let key = String(line.value[..<colon]).trimmed
        guard key.allSatisfy({ $0.isLetter }) else { return nil }
        let rest = String(line.value[line.value.index(after: colon)...])
        let lead = rest.prefix { $0 == " " }.count
        let column = line.location.column + line.value.distance(from: line.value.startIndex, to: colon) + 1 + lead
        return (key, Located(rest.trimmed, at: SourceLocation(file: line.location.file, line: line.location.line, column: column)))
    }

    /// `p = expression` → (p, value): p a parameter, the expression evaluated in MPFR with the file's
    /// definitions and numeric functions and the parameter values known so far.
    static func assignment(_ part: Located<String>, parameters: [Symbol], context: ParseContext, known: [String: Double],
                           functions: [String: NumericFunction]) throws -> (String, Double) {
        guard let eq = part.value.firstIndex(of: "=") else {
            throw DerivationError(part.location, "expected `parameter = value`, found `\(part.value.trimmed)`", fix: "write e.g. `j_AB = 5`")
        }
        let p = String(part.value[..<eq]).trimmed
        guard let symbol = parameters.first(where: { $0.name == p }) else {
            let near = DerivationReader.nearest(p, in: parameters.map(\.name)).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(part.location, "`\(p)` is not a parameter of this system", fix: near + "parameters: \(parameters.map(\.name).joined(separator: ", "))")
        }
        let offset = part.value.distance(from: part.value.startIndex, to: eq) + 1
        let at = SourceLocation(file: part.location.file, line: part.location.line, column: part.location.column + offset)
        let e: Expr
        do { e = try context.parse(String(part.value[part.value.index(after: eq)...]), origin: TextSyntax.origin(at)) }
        catch { throw TextSyntax.located(error, at) }
        var values: [Symbol: BigComplex] = [:]
        for s in parameters { if let v = known[s.name] { values[s] = BigComplex(BigFloat(v, precision: 128)) } }
        let v: BigComplex
        do { v = try e.evaluate(at: values, precision: 128, functions: functions) }
        catch { throw DerivationError(at, "cannot evaluate the value of `\(p)`: \(error)", fix: "the value must be a number, or an expression in numbers, definitions of the file and parameters given before it") }
        let x = v.re.doubleValue
        guard v.im.doubleValue == 0, x.isFinite else {
            throw DerivationError(at, "the value of `\(p)` is not a finite real number", fix: "give a real value")
        }
        if symbol.assumptions.contains(.nonzero) && x == 0 || symbol.assumptions == .positive && x <= 0 {
            throw DerivationError(at, "`\(p)` = \(x) contradicts its declaration (\(symbol.assumptions.names.joined(separator: ", ")))", fix: "give an admissible value or change the declaration")
        }
        return (p, x)
    }
}
