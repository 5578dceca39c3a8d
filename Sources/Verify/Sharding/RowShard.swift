import Foundation

/// A shard of a row-by-row output (`referee sweep`, `referee table`): the output of one run is
/// `head + rows.joined(separator: separator) + tail`, each row rendered on its own. A shard stores the
/// head, separator and tail (identical in every shard) and its own rows with their indices;
/// `merge` puts every row back in place, so the merged text is byte for byte that of one run.
public struct RowShard: ShardRecord, Sendable, Equatable {
    /// `referee sweep`, `referee table` — what wrote it.
    public var command: String
    /// The inputs that fix the rows (the command's options, without the shard, folder and threads):
    /// shards merge only when they agree.
    public var inputs: String
    public var shard: Int
    public var of: Int
    /// Rows in the whole run.
    public var total: Int
    /// Extension of the merged file (csv, json, tex).
    public var fileExtension: String
    public var head: String
    public var separator: String
    public var tail: String
    public var rows: [Row]

    public struct Row: Codable, Sendable, Equatable {
        public var index: Int
        public var text: String
        public init(index: Int, text: String) {
            self.index = index
            self.text = text
        }
    }

    public init(command: String, inputs: String, shard: Shard, total: Int, fileExtension: String, head: String, separator: String, tail: String, rows: [Row]) {
        self.command = command
        self.inputs = inputs
        self.shard = shard.index
        self.of = shard.count
        self.total = total
        self.fileExtension = fileExtension
        self.head = head
        self.separator = separator
        self.tail = tail
        self.rows = rows
    }

    /// Reads and joins a complete set of row shards into the text of one run.
    public static func merge(_ set: ShardSet) throws(MergeError) -> (text: String, fileExtension: String) {
        var shards: [RowShard] = []
        for (file, s) in try set.read(RowShard.self, what: "a row shard written by `referee sweep/table --shard`") {
            if let first = shards.first {
                guard s.command == first.command, s.inputs == first.inputs, s.total == first.total, s.head == first.head, s.separator == first.separator,
                      s.tail == first.tail, s.fileExtension == first.fileExtension else {
                    throw MergeError(file.path, "comes from a different run than \(set.files[0].path) (\(s.inputs) vs \(first.inputs))",
                                     fix: "recompute shard \(file.shard) with the same options as the others")
                }
            }
            let expected = Shard(uncheckedIndex: s.shard, count: s.of).indices(of: s.total)
            guard s.rows.map(\.index) == expected else {
                throw MergeError(file.path, "does not hold the rows of shard \(file.shard) (truncated or edited?)", fix: "recompute shard \(file.shard)")
            }
            shards.append(s)
        }
        var rows = [String?](repeating: nil, count: shards[0].total)
        for s in shards { for r in s.rows { rows[r.index] = r.text } }
        let first = shards[0]
        return (first.head + rows.map { $0! }.joined(separator: first.separator) + first.tail, first.fileExtension)
    }
}
