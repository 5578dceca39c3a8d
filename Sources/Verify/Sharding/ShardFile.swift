import Foundation

/// A shard's output file, named `STEM.shard-K-of-N.EXT` (`phase-diagram.shard-2-of-4.csv`,
/// `audit.shard-1-of-2.json`). The name carries K and N, so `referee merge` can tell which shard is
/// missing; any other file given to merge (its own outputs `phase-diagram.csv`, `audit.html`, …) is
/// not a shard and is ignored, which makes `referee merge folder/*` safe to run again.
public struct ShardFile: Sendable, Equatable {
    public let path: String
    /// What was sharded: `phase-diagram`, `audit`, `sweep`, `table`.
    public let stem: String
    public let shard: Shard
    public let fileExtension: String

    /// The file name of shard `shard` of a run writing `stem`.
    public static func name(stem: String, shard: Shard, fileExtension: String) -> String {
        "\(stem).\(shard.fileTag).\(fileExtension)"
    }

    /// Recognises a shard file by its name; nil for any other file.
    public init?(path: String) {
        let name = (path as NSString).lastPathComponent
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, let tag = parts.dropLast().last, tag.hasPrefix("shard-") else { return nil }
        let numbers = tag.dropFirst("shard-".count).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard numbers.count == 3, numbers[1] == "of", let k = Int(numbers[0]), let n = Int(numbers[2]),
              let shard = try? Shard(index: k, count: n) else { return nil }
        self.path = path
        self.stem = parts.dropLast(2).joined(separator: ".")
        self.shard = shard
        self.fileExtension = parts.last!
        guard !stem.isEmpty else { return nil }
    }

    /// The path of shard `k` of the same run, beside this one.
    public func sibling(_ k: Int) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = Self.name(stem: stem, shard: Shard(uncheckedIndex: k, count: shard.count), fileExtension: fileExtension)
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
}

/// Why a set of shards cannot be merged, naming the shard file (or the missing one) and the fix.
public struct MergeError: Error, CustomStringConvertible {
    public let place: String
    public let message: String
    public let fix: String
    public init(_ place: String, _ message: String, fix: String) {
        self.place = place
        self.message = message
        self.fix = fix
    }
    public var description: String { "\(place): \(message) — \(fix)" }
}

/// A complete set of shards of one run: files 1…N of the same stem, each exactly once.
public struct ShardSet: Sendable {
    /// The shards in order K = 1…N.
    public let files: [ShardFile]
    /// Files that were given but are not shards (merge's own outputs, pictures, notes).
    public let ignored: [String]

    public var stem: String { files[0].stem }
    public var count: Int { files[0].shard.count }
    /// The folder holding the shards (where merge writes by default).
    public var folder: String {
        let f = (files[0].path as NSString).deletingLastPathComponent
        return f.isEmpty ? "." : f
    }

    /// Collects the shard files among `paths` (files, or folders whose files are taken) and checks
    /// that they form one complete run.
    public init(paths: [String]) throws(MergeError) {
        var shards: [ShardFile] = [], ignored: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if let s = ShardFile(path: path) {
                    throw MergeError(path, "shard \(s.shard) does not exist", fix: "check the path; rerun `--shard \(s.shard)` if it was never written")
                }
                throw MergeError(path, "no such file or folder", fix: "pass the shard files (e.g. folder/*) or their folder")
            }
            if isDirectory.boolValue {
                let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
                for name in names {
                    let full = (path as NSString).appendingPathComponent(name)
                    if let s = ShardFile(path: full) { shards.append(s) } else { ignored.append(full) }
                }
            } else if let s = ShardFile(path: path) {
                shards.append(s)
            } else {
                ignored.append(path)
            }
        }
        guard let first = shards.first else {
            throw MergeError(paths.joined(separator: " "), "no shard files (named STEM.shard-K-of-N.EXT) among the inputs",
                             fix: "pass the files written by a command run with --shard K/N, e.g. `referee merge fig1c/*`")
        }
        for s in shards where s.stem != first.stem || s.fileExtension != first.fileExtension {
            throw MergeError(s.path, "is a shard of `\(s.stem).\(s.fileExtension)`, but \(first.path) is a shard of `\(first.stem).\(first.fileExtension)`",
                             fix: "merge the shards of one run at a time (keep each run in its own --output folder)")
        }
        for s in shards where s.shard.count != first.shard.count {
            throw MergeError(s.path, "is shard \(s.shard) but \(first.path) is shard \(first.shard): the runs were split differently",
                             fix: "delete the shards of the older run, or keep each run in its own --output folder")
        }
        var byIndex: [Int: ShardFile] = [:]
        for s in shards {
            if let other = byIndex[s.shard.index] {
                throw MergeError(s.path, "shard \(s.shard) is given twice (also \(other.path))", fix: "pass each shard once")
            }
            byIndex[s.shard.index] = s
        }
        let n = first.shard.count
        let missing = (1...n).filter { byIndex[$0] == nil }
        if let k = missing.first {
            let more = missing.count > 1 ? " (and \(missing.count - 1) more: \(missing.dropFirst().prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 11 ? ", …" : ""))" : ""
            throw MergeError(first.sibling(k), "shard \(k) of \(n) is missing\(more)",
                             fix: "rerun it with --shard \(k)/\(n) (Slurm array task \(k) of --array=1-\(n), or \(k - 1) of --array=0-\(n - 1)), then merge again")
        }
        files = (1...n).map { byIndex[$0]! }
        self.ignored = ignored
    }
}
