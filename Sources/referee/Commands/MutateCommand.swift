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
        abstract: "Mutation self-test: wrong variants of every verified claim must be rejected.",
        discussion: """
        Takes about a minute for derivations/ (progress on standard error). Exit code 1 if a non-equivalent mutant survives.
        Example: referee mutate derivations/sd-coupling.md --per-kind 4
        """)

    @Argument(help: "Derivation files or folders.")
    var paths: [String] = ["derivations"]
    @Option(parsing: .unconditional, help: "At most this many mutants of each kind per claim.")
    var perKind: Int = 8
    @Option(parsing: .unconditional, help: "Keep every n-th mutant only (a quick sample).")
    var sampleEvery: Int = 1
    @Option(parsing: .unconditional, help: "Seed of the random points.")
    var seed: UInt64 = 20_261_121
    @Option(help: ArgumentHelp(ShardOption.help + " Shards split the sampled mutants; --output names the folder (required)."))
    var shard: String?
    @Option(help: "With --shard: the folder for the shard file.")
    var output: String?

    func validate() throws {
        guard perKind >= 1, perKind <= 1000 else { throw ValidationError("--per-kind must be between 1 and 1000") }
        guard sampleEvery >= 1 else { throw ValidationError("--sample-every must be at least 1") }
    }

    func run() throws {
        let test = MutationTest(runner: AuditRunner(engine: .standard, seed: seed), limitPerKind: perKind, sampleEvery: sampleEvery)
        if let part = try ShardOption.parse(shard) {
            guard let output else {
                throw BadInput(place: "--shard \(part)", message: "a shard needs an --output folder", fix: "add e.g. --output mutate-run (then `referee merge mutate-run`)")
            }
            let result = try MutationShard.run(test, files: try AuditRunner.derivationFiles(in: paths), shard: part)
            try Output.write(result.encoded(), to: try ShardOption.path(folder: output, stem: "mutate", shard: part, fileExtension: "json"))
            FileHandle.standardError.write(Data("shard \(part): \(result.results.count) of \(result.total) mutants\n".utf8))
            return
        }
        let stages = MutateProgress()
        let report = try test.run(paths: paths) { stage, done, total in stages.update(stage, done, total) }
        stages.finish()
        print(report.text(), terminator: "")
        if !report.survivors.isEmpty { throw ExitCode(1) }
    }
}

/// Progress of the two stages of `mutate` (claims, then mutants), one `Progress` per stage.
final class MutateProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = ""
    private var current: Progress?
    func update(_ name: String, _ done: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        if name != stage {
            current?.finish()
            stage = name
            current = Progress(total: total, what: name)
        }
        current?.update(done)
    }
    func finish() { lock.lock(); defer { lock.unlock() }; current?.finish() }
}
