import Foundation

/// What every shard file holds (`AuditShard`, `MutationShard`, `RowShard`): its own index K and the
/// count N, written as JSON with sorted keys so that the same shard is byte-identical from run to run.
public protocol ShardRecord: Codable {
    var shard: Int { get }
    var of: Int { get }
}

extension ShardRecord {
    /// The shard as the JSON file `--shard` writes.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}

extension ShardSet {
    /// Reads every shard of the set as a `T`: a file that cannot be read, does not decode, is not
    /// `accepted` (the wrong command), or holds another K/N than its name says is a `MergeError`
    /// naming the file and the fix. `what` names the writer in the message (``referee audit --shard``).
    func read<T: ShardRecord>(_ type: T.Type, what: String, accepted: (T) -> Bool = { _ in true }) throws(MergeError) -> [(ShardFile, T)] {
        var out: [(ShardFile, T)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw MergeError(file.path, "cannot read the file", fix: "check the path and permissions")
            }
            guard let s = try? JSONDecoder().decode(T.self, from: data), accepted(s) else {
                throw MergeError(file.path, "not \(what) (truncated or edited?)", fix: "recompute shard \(file.shard)")
            }
            guard s.shard == file.shard.index, s.of == file.shard.count else {
                throw MergeError(file.path, "holds shard \(s.shard)/\(s.of), but its name says \(file.shard)", fix: "do not rename shard files; recompute shard \(file.shard)")
            }
            out.append((file, s))
        }
        return out
    }
}
