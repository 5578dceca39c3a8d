import Symbolic

/// Everything a derivation file can call on: symbolic operations by name (`limit`, `subs`, the
/// projection method's `sd_exchange`, …), numeric functions for `call` nodes,
/// and the check kinds. `Engine.standard` assembles the modules' registries.
public struct Engine: Sendable {
    public var operations: [String: ExprOperation]
    public var numericFunctions: [String: NumericFunction]
    public var checks: [String: any ClaimCheck]
    /// Names of formal atoms: calls such as `trD(a, 1, 1, 1, b, 1, 1, -1)` that stand for independent
    /// algebraic objects (spin traces), not for numbers. Identity checks treat each distinct call as
    /// an independent variable, so that a non-vanishing difference is an exact counterexample.
    public var formalAtoms: Set<String> = []
    /// The physical domain of each argument of a numeric function, by function name.
    public var argumentDomains: [String: [ArgumentDomain]] = [:]

    public init(operations: [String: ExprOperation] = [:], numericFunctions: [String: NumericFunction] = [:],
                checks: [any ClaimCheck] = []) {
        self.operations = operations
        self.numericFunctions = numericFunctions
        self.checks = Dictionary(checks.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Adds a registry; a name registered twice keeps the first (and is a programming error in debug).
    public mutating func register(operations more: [String: ExprOperation]) {
        for (k, v) in more { assert(operations[k] == nil, "operation \(k) registered twice"); operations[k] = operations[k] ?? v }
    }
    public mutating func register(numericFunctions more: [String: NumericFunction]) {
        for (k, v) in more { assert(numericFunctions[k] == nil, "numeric function \(k) registered twice"); numericFunctions[k] = numericFunctions[k] ?? v }
    }
    public mutating func register(formalAtom name: String) { formalAtoms.insert(name) }

    /// Replaces every formal-atom call by a symbol named after the call (same name ⇔ same call).
    public func symbolizingFormalAtoms(_ e: Expr) -> Expr {
        guard !formalAtoms.isEmpty else { return e }
        return e.mapBottomUp { node in
            if case .call(let name, _) = node, formalAtoms.contains(name) { return .symbol(Symbol(node.text, .complex)) }
            return node
        }
    }

    public mutating func register(argumentDomains more: [String: [ArgumentDomain]]) {
        for (k, v) in more { assert(argumentDomains[k] == nil, "domain of \(k) registered twice"); argumentDomains[k] = argumentDomains[k] ?? v }
    }
    public mutating func register(check: any ClaimCheck) {
        assert(checks[check.name] == nil, "check \(check.name) registered twice")
        checks[check.name] = checks[check.name] ?? check
    }
}
