import Foundation
import Symbolic

/// Reading the keys of the `ode-*` check kinds: `system:` (a system declared in an ```ode block of the
/// same file), `parameters:` (`p = expression; …`, evaluated with the file's definitions, overriding the
/// block's `values:`), `vary:` (`p from a to b`), `onset:`, `samples:`, `initial:`, `time:`.
enum OdeClaimInputs {
    static func system(_ claim: Claim, _ context: DerivationContext) throws -> DeclaredSystem {
        guard let field = claim.spec["system"] else {
            throw DerivationError(claim.spec.location, "an `\(claim.check)` claim needs `system:`",
                                  fix: "name a system declared in an ```ode block of this file: `system: \(context.systems.keys.sorted().first ?? "name")`")
        }
        guard let system = context.systems[field.value] else {
            let near = DerivationReader.nearest(field.value, in: Array(context.systems.keys)).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(field.location, "no system named `\(field.value)` in this file",
                                  fix: near + "declared systems: \(context.systems.keys.sorted().joined(separator: ", ")); declare it in an ```ode block")
        }
        return system
    }

    /// The parameter values: the block's `values:` overridden by the claim's `parameters:` (in order; a value
    /// may use the parameters given before it).
    static func values(_ claim: Claim, _ system: DeclaredSystem, _ context: DerivationContext) throws -> [String: Double] {
        var values = system.defaults
        if let field = claim.spec["parameters"] {
            for part in TextSyntax.splitTopLevel(field) {
                let (p, v) = try DeclaredSystem.assignment(part, parameters: system.parameters, context: system.claimContext,
                                                           known: values, functions: context.engine.numericFunctions)
                values[p] = v
            }
        }
        for p in system.parameters where values[p.name] == nil {
            throw DerivationError(claim.spec["parameters"]?.location ?? claim.spec.location, "parameter `\(p.name)` of system `\(system.name)` has no value",
                                  fix: "add `\(p.name) = …` to `parameters:` or to the system's `values:` line")
        }
        return values
    }

    static func field(_ claim: Claim, _ system: DeclaredSystem, _ values: [String: Double]) throws -> DeclaredField {
        do { return try DeclaredField(system, values: values) } catch let e as ModelInputError {
            throw DerivationError(claim.spec["parameters"]?.location ?? claim.spec.location, e.description, fix: e.fix)
        }
    }

    /// `vary: r from 0 to 5` → (parameter, a, b).
    static func vary(_ claim: Claim, _ system: DeclaredSystem) throws -> (String, Double, Double) {
        guard let field = claim.spec["vary"] else {
            throw DerivationError(claim.spec.location, "an `\(claim.check)` claim needs `vary:`", fix: "write e.g. `vary: r from 0 to 5`")
        }
        let words = field.value.split(separator: " ").map(String.init)
        guard words.count == 5, words[1] == "from", words[3] == "to", let a = Double(words[2]), let b = Double(words[4]), a < b else {
            throw DerivationError(field.location, "expected `vary: parameter from a to b` with a < b", fix: "write e.g. `vary: r from 0 to 5`")
        }
        guard system.parameter(named: words[0]) != nil else {
            let near = DerivationReader.nearest(words[0], in: system.parameters.map(\.name)).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(field.location, "`\(words[0])` is not a parameter of system `\(system.name)`", fix: near + "vary one of: \(system.parameters.map(\.name).joined(separator: ", "))")
        }
        return (words[0], a, b)
    }

    /// A phase name or motion of the system, as written in `printed:` or `onset:`.
    static func phaseName(_ text: Located<String>, _ system: DeclaredSystem) throws -> String {
        let name = text.value.trimmed
        let known = system.phases.map(\.name) + ["fixed", "rotating", "unsettled"]
        guard known.contains(name) else {
            let near = DerivationReader.nearest(name, in: known).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(text.location, "`\(name)` is not a phase of system `\(system.name)`",
                                  fix: near + "name one of: \(known.joined(separator: ", ")) (phases are declared with `phase:` lines)")
        }
        return name
    }

    static func matches(_ state: LongTimeState, _ name: String) -> Bool {
        state.phase == name || state.motion.rawValue == name
    }

    /// A positive integer key.
    static func count(_ claim: Claim, key: String, default value: Int) throws -> Int {
        guard let field = claim.spec[key] else { return value }
        guard let n = Int(field.value.trimmed), n >= 1, n <= 10_000 else {
            throw DerivationError(field.location, "`\(key):` must be an integer from 1 to 10000", fix: "write e.g. `\(key): 8`")
        }
        return n
    }

    /// A scalar expression of the claim (parameters, lets, definitions) evaluated at the parameter values.
    static func evaluate(_ e: Expr, _ system: DeclaredSystem, _ values: [String: Double], functions: [String: NumericFunction]) throws -> Double {
        var bound: [Symbol: BigComplex] = [:]
        for p in system.parameters { if let v = values[p.name] { bound[p] = BigComplex(BigFloat(v, precision: 128)) } }
        return try e.evaluate(at: bound, precision: 128, functions: functions).re.doubleValue
    }

    static func fmt(_ x: Double, _ digits: Int = 6) -> String { String(format: "%.\(digits)g", x) }
}
