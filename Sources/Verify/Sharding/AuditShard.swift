import Foundation
import Symbolic

/// A shard of an audit (`referee audit --shard K/N`): the verdicts of claims K−1, K−1+N, … (in the
/// order of one run), complete enough to rebuild each `ClaimResult`. `merge` reloads the derivation
/// files, checks that they are the ones the shards were computed from (a fingerprint of paths,
/// contents, digits and seed), and renders the report exactly as one run would.
public struct AuditShard: ShardRecord, Sendable {
    public var command = "audit"
    public var shard: Int
    public var of: Int
    /// The derivation files, in audit order.
    public var files: [String]
    /// FNV-1a of the files' paths and contents and of digits and seed.
    public var fingerprint: String
    public var digits: Int
    public var seed: UInt64
    /// The report's format (text, markdown, json, html) and whether it carries timings.
    public var format: String
    public var includeTimings: Bool
    /// Claims in the whole audit.
    public var claimCount: Int
    public var results: [Item]

    /// One claim's verdict, field by field.
    public struct Item: Codable, Sendable {
        public var index: Int
        public var id: String
        public var kind: String
        /// exact, numeric or none.
        public var method: String
        public var falseAcceptBound: Double?
        public var numericDigits: Int?
        public var errorEstimate: String?
        public var detail: String
        public var computed: String?
        public var relation: String?
        public var seed: UInt64?
        public var seconds: Double
        /// The certified operations of the verdict: operation, status, how (`OperationCertificate`).
        public var operations: [[String]]? = nil

        init(index: Int, _ r: ClaimResult) {
            self.index = index
            id = r.claim.id
            kind = r.verdict.kind.rawValue
            switch r.verdict.method {
            case .exact(let b): method = "exact"; falseAcceptBound = b
            case .numeric(let d, let e): method = "numeric"; numericDigits = d; errorEstimate = e
            case .none: method = "none"
            }
            detail = r.verdict.detail
            computed = r.verdict.computed
            relation = r.verdict.relation
            seed = r.verdict.seed
            seconds = r.seconds
            operations = r.operations.isEmpty ? nil : r.operations.map { [$0.operation, $0.status.rawValue, $0.how] }
        }

        var certificates: [OperationCertificate] {
            (operations ?? []).compactMap { o in
                guard o.count == 3, let status = OperationCertificate.Status(rawValue: o[1]) else { return nil }
                return OperationCertificate(operation: o[0], status: status, how: o[2])
            }
        }

        var verdict: Verdict? {
            guard let k = VerdictKind(rawValue: kind) else { return nil }
            let m: CheckMethod
            switch method {
            case "exact": m = .exact(falseAcceptBound: falseAcceptBound)
            case "numeric":
                guard let d = numericDigits, let e = errorEstimate else { return nil }
                m = .numeric(digits: d, errorEstimate: e)
            case "none": m = .none
            default: return nil
            }
            return Verdict(k, method: m, detail: detail, computed: computed, relation: relation, seed: seed)
        }
    }

    /// Runs shard `shard` of the audit of `files`.
    public static func run(_ runner: AuditRunner, files: [String], shard: Shard, format: String, includeTimings: Bool) throws -> AuditShard {
        let loaded = try runner.load(files: files)
        let indices = shard.indices(of: loaded.count)
        let results = try runner.run(indices.map { loaded[$0] })
        return AuditShard(shard: shard.index, of: shard.count, files: files,
                          fingerprint: try fingerprint(files, digits: runner.digits, seed: runner.seed),
                          digits: runner.digits, seed: runner.seed, format: format, includeTimings: includeTimings,
                          claimCount: loaded.count, results: zip(indices, results).map { Item(index: $0, $1) })
    }

    /// FNV-1a (64 bit) over the paths and contents of the files, the digits and the seed.
    public static func fingerprint(_ files: [String], digits: Int, seed: UInt64) throws -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) { for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 } }
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else {
                throw DerivationError(SourceLocation(file: f, line: 0, column: 0), "cannot read the file", fix: "check the path")
            }
            mix(f.utf8); mix([0]); mix(data); mix([0])
        }
        mix("digits=\(digits) seed=\(seed)".utf8)
        return String(h, radix: 16)
    }

    /// Joins a complete set of audit shards into the report of one run (with the format and timing
    /// choice the shards were run with). The derivation files must be unchanged since the shards ran.
    /// The report carries no provenance; the command line adds it as `referee audit` does
    /// (`files` are the derivation files the shards ran on, in order).
    public static func merge(_ set: ShardSet, engine: Engine) throws(MergeError) -> (report: AuditReport, format: String) {
        let read = try set.read(AuditShard.self, what: "an audit shard written by `referee audit --shard`") { $0.command == "audit" }
        var shards: [(ShardFile, AuditShard)] = []
        for (file, s) in read {
            if let (firstFile, first) = shards.first {
                guard s.files == first.files, s.digits == first.digits, s.seed == first.seed, s.format == first.format,
                      s.includeTimings == first.includeTimings, s.fingerprint == first.fingerprint, s.claimCount == first.claimCount else {
                    throw MergeError(file.path, "comes from a different audit than \(firstFile.path) (other files, file contents, --digits, --seed, --format or --no-timings)",
                                     fix: "recompute shard \(file.shard) with the same derivation files and options as the others")
                }
            }
            shards.append((file, s))
        }
        let first = shards[0].1
        let place = set.files[0].path
        let now: String
        do { now = try fingerprint(first.files, digits: first.digits, seed: first.seed) } catch {
            throw MergeError(place, "a derivation file of the audit cannot be read (\(error))", fix: "merge where the derivation files are, from the folder the shards were run in")
        }
        guard now == first.fingerprint else {
            throw MergeError(place, "the derivation files (\(first.files.joined(separator: ", "))) changed after the shards were computed",
                             fix: "rerun every shard on the current files")
        }
        let loaded: [(Claim, DerivationContext)]
        do { loaded = try AuditRunner(engine: engine, digits: first.digits, seed: first.seed).load(files: first.files) } catch {
            throw MergeError(place, "the derivation files no longer load: \(error)", fix: "fix them and rerun every shard")
        }
        guard loaded.count == first.claimCount else {
            throw MergeError(place, "the audit has \(loaded.count) claims, the shards \(first.claimCount)", fix: "rerun every shard on the current files")
        }
        var results = [ClaimResult?](repeating: nil, count: loaded.count)
        for (file, s) in shards {
            guard s.results.map(\.index) == file.shard.indices(of: s.claimCount) else {
                throw MergeError(file.path, "does not hold the claims of shard \(file.shard) (truncated or edited?)", fix: "recompute shard \(file.shard)")
            }
            for item in s.results {
                let claim = loaded[item.index].0
                guard claim.id == item.id, let verdict = item.verdict else {
                    throw MergeError(file.path, "claim \(item.index + 1) is `\(item.id)` in the shard but `\(claim.id)` in the files", fix: "recompute shard \(file.shard)")
                }
                results[item.index] = ClaimResult(claim: claim, verdict: verdict, seconds: item.seconds, operations: item.certificates)
            }
        }
        var report = AuditReport(results: results.map { $0! }, seed: first.seed, digits: first.digits)
        report.includeTimings = first.includeTimings
        report.derivationFiles = first.files
        return (report, first.format)
    }
}
