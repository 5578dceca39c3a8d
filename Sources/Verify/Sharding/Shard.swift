import Foundation

/// Part K of N of a run (1 ≤ K ≤ N): the items with index i (0-based, in the order of a single run)
/// for which i mod N = K − 1. Interleaving gives the shards equal work; `referee merge` joins the N
/// outputs into exactly the output of one run.
///
/// On a Slurm cluster `--shard slurm` reads the job array: K − 1 = (SLURM_ARRAY_TASK_ID −
/// SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP and N = SLURM_ARRAY_TASK_COUNT, so `--array=0-3`,
/// `--array=1-4` and `--array=0-6:2` all give shards 1…4 of 4.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, 1-based.
    public let index: Int
    /// N.
    public let count: Int

    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Bad `--shard` input: the message and the fix.
    public struct InputError: Error, CustomStringConvertible {
        public let message: String
        public let fix: String
        public var description: String { "\(message) — \(fix)" }
    }

    public init(index: Int, count: Int) throws(InputError) {
        guard count >= 1, count <= 100_000 else {
            throw InputError(message: "N = \(count) shards is out of range", fix: "give N from 1 to 100000, e.g. --shard 2/4")
        }
        guard index >= 1, index <= count else {
            throw InputError(message: "K = \(index) is not in 1…\(count)", fix: "K counts from 1: write --shard 1/\(count) … --shard \(count)/\(count), or --shard slurm in a job array")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// `K/N`, or `slurm` (the job array's task, from the environment).
    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(InputError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.lowercased() == "slurm" {
            self = try Self.slurm(environment)
            return
        }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw InputError(message: "expected K/N or slurm", fix: "write e.g. --shard 2/4, or --shard slurm inside an sbatch --array job")
        }
        try self.init(index: k, count: n)
    }

    /// The shard of this Slurm array task.
    public static func slurm(_ environment: [String: String]) throws(InputError) -> Shard {
        func value(_ name: String) throws(InputError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw InputError(message: "\(name)=\(text) is not a whole number", fix: "run inside a Slurm job array (sbatch --array=1-N)")
            }
            return v
        }
        guard let id = try value("SLURM_ARRAY_TASK_ID") else {
            throw InputError(message: "not in a Slurm job array (SLURM_ARRAY_TASK_ID is not set)",
                             fix: "submit with `sbatch --array=1-N` (or 0-(N-1)), or give the shard explicitly, e.g. --shard 2/4")
        }
        guard let count = try value("SLURM_ARRAY_TASK_COUNT"), let minimum = try value("SLURM_ARRAY_TASK_MIN") else {
            throw InputError(message: "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MIN is not",
                             fix: "run under sbatch --array (Slurm sets all three), or give --shard K/N")
        }
        let step = try value("SLURM_ARRAY_TASK_STEP") ?? 1
        let maximum = try value("SLURM_ARRAY_TASK_MAX") ?? (minimum + (count - 1) * step)
        guard step >= 1, count >= 1, maximum == minimum + (count - 1) * step, id >= minimum, id <= maximum, (id - minimum) % step == 0 else {
            throw InputError(message: "the job array is not a range (task \(id), min \(minimum), max \(maximum), step \(step), count \(count))",
                             fix: "submit with a range such as --array=0-\(max(count, 1) - 1) or --array=1-\(max(count, 1)) (a %limit is fine), not a list")
        }
        return try Shard(index: (id - minimum) / step + 1, count: count)
    }

    /// True when item `i` (0-based, in single-run order) belongs to this shard.
    public func contains(_ i: Int) -> Bool { i % count == index - 1 }

    /// The indices of this shard among `total` items.
    public func indices(of total: Int) -> [Int] { Array(stride(from: index - 1, to: total, by: count)) }

    /// `shard-K-of-N`, the middle of a shard file's name.
    public var fileTag: String { "shard-\(index)-of-\(count)" }

    public var description: String { "\(index)/\(count)" }
}
