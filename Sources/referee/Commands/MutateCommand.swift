import ArgumentParser
import Foundation
import Verify

/// `referee mutate [PATH…]`: the mutation self-test. Every claim that verifies is re-checked with
/// deliberately wrong printed formulas (flipped sign, factor 2 or 1/2, exponent ±1, swapped
/// symbols, dropped term, i ↔ −i; for contour-field actions one term negated or doubled and one
/// branch label swapped; for quoted numbers mutants outside the tolerance); each must be rejected.
/// The report names every equivalent mutant and says why a claim has none. Exit 1 if a
/// non-equivalent mutant survives.
struct MutateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutate",
        abstract: "Mutation self-test: wrong variants of every verified claim must be rejected.")

    @Argument(help: "Derivation files or folders.")
    var paths: [String] = ["derivations"]
    @Option(parsing: .unconditional, help: "At most this many mutants of each kind per claim.")
    var perKind: Int = 8
    @Option(parsing: .unconditional, help: "Keep every n-th mutant only (a quick sample).")
    var sampleEvery: Int = 1
    @Option(parsing: .unconditional, help: "Seed of the random points.")
    var seed: UInt64 = 20_261_121

    func validate() throws {
        guard perKind >= 1, perKind <= 1000 else { throw ValidationError("--per-kind must be between 1 and 1000") }
        guard sampleEvery >= 1 else { throw ValidationError("--sample-every must be at least 1") }
    }

    func run() throws {
        let test = MutationTest(runner: AuditRunner(engine: .standard, seed: seed), limitPerKind: perKind, sampleEvery: sampleEvery)
        let report = try test.run(paths: paths)
        print(report.text(), terminator: "")
        if !report.survivors.isEmpty { throw ExitCode(1) }
    }
}
