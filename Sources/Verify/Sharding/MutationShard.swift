import Foundation
import Symbolic

/// A shard of the mutation self-test (`referee mutate --shard K/N`): the outcomes of sampled mutants
/// K−1, K−1+N, … (every shard checks the original claims and generates the same mutants, so the
/// numbering is that of one run). `merge` puts the outcomes back in order and gives the report of
/// one run.
public struct MutationShard: ShardRecord, Sendable {
    public var command = "mutate"
    public var shard: Int
    public var of: Int
    public var files: [String]
    /// FNV-1a of the files, the seed, --per-kind and --sample-every (`AuditShard.fingerprint`).
    public var fingerprint: String
    /// Sampled mutants in the whole run.
    public var total: Int
    public var results: [Item]
    /// Claims not mutated, with the reason (the same in every shard).
    public var skipped: [[String]]

    public struct Item: Codable, Sendable {
        public var index: Int
        public var claimID: String
        public var check: String
        public var mutation: String
        public var description: String
        public var printed: String
        public var verdict: String
        public var outcome: String
    }

    static func fingerprint(_ test: MutationTest, files: [String]) throws -> String {
        try AuditShard.fingerprint(files, digits: test.limitPerKind &* 1_000_003 &+ test.sampleEvery, seed: test.runner.seed)
    }

    /// Runs shard `shard` of the self-test over `files`.
    public static func run(_ test: MutationTest, files: [String], shard: Shard) throws -> MutationShard {
        let (report, indices, total) = try test.run(paths: files, shard: shard)
        let items = zip(indices, report.results).map { i, r in
            Item(index: i, claimID: r.claimID, check: r.check, mutation: r.mutation.rawValue, description: r.description,
                 printed: r.printed, verdict: r.verdict.rawValue, outcome: r.outcome.rawValue)
        }
        return MutationShard(shard: shard.index, of: shard.count, files: files, fingerprint: try fingerprint(test, files: files),
                             total: total, results: items, skipped: report.skipped.map { [$0.0, $0.1] })
    }

    /// Joins a complete set of mutation shards into the report of one run.
    public static func merge(_ set: ShardSet) throws(MergeError) -> MutationTest.Report {
        let read = try set.read(MutationShard.self, what: "a shard written by `referee mutate --shard`") { $0.command == "mutate" }
        var shards: [(ShardFile, MutationShard)] = []
        for (file, s) in read {
            if let (firstFile, first) = shards.first {
                guard s.files == first.files, s.fingerprint == first.fingerprint, s.total == first.total, s.skipped == first.skipped else {
                    throw MergeError(file.path, "comes from a different self-test than \(firstFile.path) (other files, file contents, --seed, --per-kind or --sample-every)",
                                     fix: "recompute shard \(file.shard) with the same derivation files and options as the others")
                }
            }
            guard s.results.map(\.index) == file.shard.indices(of: s.total) else {
                throw MergeError(file.path, "does not hold the mutants of shard \(file.shard) (truncated or edited?)", fix: "recompute shard \(file.shard)")
            }
            shards.append((file, s))
        }
        let first = shards[0].1
        var results = [MutationTest.MutantResult?](repeating: nil, count: first.total)
        for (file, s) in shards {
            for item in s.results {
                guard let kind = Mutation.Kind(rawValue: item.mutation), let verdict = VerdictKind(rawValue: item.verdict),
                      let outcome = MutationTest.Outcome(rawValue: item.outcome) else {
                    throw MergeError(file.path, "mutant \(item.index) is unreadable", fix: "recompute shard \(file.shard)")
                }
                results[item.index] = MutationTest.MutantResult(claimID: item.claimID, check: item.check, mutation: kind,
                                                                description: item.description, printed: item.printed,
                                                                verdict: verdict, outcome: outcome)
            }
        }
        return MutationTest.Report(results: results.map { $0! }, skipped: first.skipped.map { ($0[0], $0[1]) })
    }
}
