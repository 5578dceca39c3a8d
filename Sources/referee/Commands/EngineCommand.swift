import ArgumentParser
import Symbolic
import Verify

/// `referee engine`: what a derivation file can call — the check kinds with their extra keys, the
/// operations of `computed:` lines and the numeric functions — from the engine's own registry.
struct EngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "List the check kinds, operations and numeric functions a derivation file can use.",
        discussion: """
        The format of derivation files is in derivations/README.md; each operation's arguments are in the doc comment of \
        its registry (Sources/*/…Operations.swift) and in its error message.
        Example: referee engine | grep keldysh_
        """)

    func run() throws {
        let engine = Engine.standard
        print("check kinds (`check:`):")
        for name in engine.checks.keys.sorted() {
            let kind = engine.checks[name]!
            let keys = kind.requiredKeys.isEmpty ? "" : "  [needs: \(kind.requiredKeys.joined(separator: ", "))]"
            print("  \(name) — \(kind.summary)\(keys)")
        }
        print("\noperations (evaluated when the file is read):")
        print("  " + engine.operations.keys.sorted().joined(separator: ", "))
        print("\nnumeric functions (evaluated at the working precision):")
        print("  " + (engine.numericFunctions.isEmpty ? "(none)" : engine.numericFunctions.keys.sorted().joined(separator: ", ")))
        print("\nbinding forms (the variable is bound; limits may be -oo, oo; digits confirmed or inconclusive):")
        print("  integrate(f, x, a, b) — definite integral; nsum(f, n, a, b) — series over integers n = a…b")
        print("\nmodel language (```modes, typed ```define; derivations/README.md, \"Models\"):")
        print("  " + Engine.modelFunctionNames.joined(separator: ", "))
        if !engine.formalAtoms.isEmpty {
            print("\nformal atoms (independent algebraic objects in identity checks):")
            print("  " + engine.formalAtoms.sorted().joined(separator: ", "))
        }
    }
}
