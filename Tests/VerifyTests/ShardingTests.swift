import Foundation
import XCTest
import Symbolic
@testable import Verify

/// Sharded runs (`--shard K/N`, `--shard slurm`) and `referee merge`: shards partition the items,
/// Slurm's array variables give K and N for 0- and 1-based arrays, merged shards are exactly one
/// run, and a missing, foreign or edited shard is named.
final class ShardingTests: XCTestCase {
    func slurm(id: Int, min: Int, count: Int, step: Int? = nil, max: Int? = nil) -> [String: String] {
        var env = ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_COUNT": "\(count)"]
        if let step { env["SLURM_ARRAY_TASK_STEP"] = "\(step)" }
        if let max { env["SLURM_ARRAY_TASK_MAX"] = "\(max)" }
        return env
    }

    func testExplicitShards() throws {
        XCTAssertEqual(try Shard(parsing: "2/4"), try Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(parsing: " 1/1 "), .whole)
        for bad in ["0/2", "3/2", "2/0", "-1/2", "2/", "/2", "2", "a/b", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard(parsing: bad, environment: [:]), bad)
        }
        do {
            _ = try Shard(parsing: "0/2")
            XCTFail("0/2 accepted")
        } catch {
            XCTAssertTrue(error.fix.contains("--shard 1/2"), error.fix)
        }
    }

    /// `--array=0-3` and `--array=1-4` both give shards 1…4 of 4; a stepped range too.
    func testSlurmArraysZeroAndOneBased() throws {
        for base in [0, 1, 7] {
            let shards = try (0..<4).map { try Shard(parsing: "slurm", environment: slurm(id: base + $0, min: base, count: 4, max: base + 3)) }
            XCTAssertEqual(shards.map(\.index), [1, 2, 3, 4], "array \(base)-\(base + 3)")
            XCTAssertTrue(shards.allSatisfy { $0.count == 4 })
        }
        // SLURM_ARRAY_TASK_MAX is optional.
        XCTAssertEqual(try Shard(parsing: "SLURM", environment: slurm(id: 0, min: 0, count: 2)), try Shard(index: 1, count: 2))
        // --array=0-6:2 → tasks 0, 2, 4, 6.
        let stepped = try [0, 2, 4, 6].map { try Shard.slurm(slurm(id: $0, min: 0, count: 4, step: 2, max: 6)).index }
        XCTAssertEqual(stepped, [1, 2, 3, 4])
    }

    func testSlurmArraysThatAreNotRangesAreRejected() {
        // --array=1,3,7: count 3 but max 7.
        XCTAssertThrowsError(try Shard.slurm(slurm(id: 3, min: 1, count: 3, max: 7)))
        // A task outside the array, a task between steps.
        XCTAssertThrowsError(try Shard.slurm(slurm(id: 5, min: 0, count: 2)))
        XCTAssertThrowsError(try Shard.slurm(slurm(id: 1, min: 0, count: 4, step: 2, max: 6)))
        // Not in an array at all, or half the variables.
        do {
            _ = try Shard.slurm([:])
            XCTFail("no array accepted")
        } catch {
            XCTAssertTrue(error.message.contains("SLURM_ARRAY_TASK_ID"), error.message)
            XCTAssertTrue(error.fix.contains("--array"), error.fix)
        }
        XCTAssertThrowsError(try Shard.slurm(["SLURM_ARRAY_TASK_ID": "1"]))
        XCTAssertThrowsError(try Shard.slurm(slurm(id: 1, min: 0, count: 2).merging(["SLURM_ARRAY_TASK_ID": "one"]) { $1 }))
    }

    /// Every item is in exactly one shard, for any N (also N larger than the number of items).
    func testShardsPartitionTheItems() throws {
        for total in [0, 1, 7, 30] {
            for n in 1...9 {
                let all = try (1...n).flatMap { try Shard(index: $0, count: n).indices(of: total) }
                XCTAssertEqual(all.sorted(), Array(0..<total))
                for k in 1...n {
                    let s = try Shard(index: k, count: n)
                    XCTAssertTrue(s.indices(of: total).allSatisfy(s.contains))
                }
            }
        }
    }

    func testShardFileNames() throws {
        let f = try XCTUnwrap(ShardFile(path: "fig1c/phase-diagram.shard-2-of-4.csv"))
        XCTAssertEqual(f.stem, "phase-diagram")
        XCTAssertEqual(f.shard, try Shard(index: 2, count: 4))
        XCTAssertEqual(f.fileExtension, "csv")
        XCTAssertEqual(f.sibling(3), "fig1c/phase-diagram.shard-3-of-4.csv")
        for notShard in ["fig1c/phase-diagram.csv", "audit.html", "x.shard-0-of-2.json", "x.shard-3-of-2.json", "shard-1-of-2.json", "a.shard-1-of-2"] {
            XCTAssertNil(ShardFile(path: notShard), notShard)
        }
    }

    func folder(_ names: [String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-shards-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for n in names { try "x\n".write(toFile: dir + "/" + n, atomically: true, encoding: .utf8) }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Merge's own outputs are ignored; a missing shard, a second split and a duplicate are named.
    func testShardSets() throws {
        let ok = try folder(["phase-diagram.shard-1-of-2.csv", "phase-diagram.shard-2-of-2.csv", "phase-diagram.csv", "phase-diagram.svg", "phase-diagram.png"])
        let set = try ShardSet(paths: [ok])
        XCTAssertEqual(set.files.map(\.shard.index), [1, 2])
        XCTAssertEqual(set.ignored.count, 3)
        XCTAssertEqual(set.folder, ok)
        // The shell's glob gives the same set.
        let glob = try FileManager.default.contentsOfDirectory(atPath: ok).map { ok + "/" + $0 }
        XCTAssertEqual(try ShardSet(paths: glob).files.map(\.path), set.files.map(\.path))

        let missing = try folder(["audit.shard-1-of-3.json", "audit.shard-3-of-3.json", "audit.json"])
        do {
            _ = try ShardSet(paths: [missing])
            XCTFail("a missing shard was not noticed")
        } catch {
            XCTAssertEqual(error.place, missing + "/audit.shard-2-of-3.json")
            XCTAssertTrue(error.message.contains("shard 2 of 3 is missing"), error.message)
            XCTAssertTrue(error.fix.contains("--shard 2/3"), error.fix)
        }
        let mixed = try folder(["sweep.shard-1-of-2.json", "sweep.shard-2-of-2.json", "sweep.shard-2-of-3.json"])
        XCTAssertThrowsError(try ShardSet(paths: [mixed])) { XCTAssertTrue(($0 as! MergeError).place.hasSuffix("sweep.shard-2-of-3.json")) }
        let twoKinds = try folder(["sweep.shard-1-of-1.json", "table.shard-1-of-1.json"])
        XCTAssertThrowsError(try ShardSet(paths: [twoKinds]))
        let twice = try folder(["table.shard-1-of-1.json"])
        XCTAssertThrowsError(try ShardSet(paths: [twice, twice + "/table.shard-1-of-1.json"]))
        XCTAssertThrowsError(try ShardSet(paths: [try folder(["phase-diagram.csv"])]))
        XCTAssertThrowsError(try ShardSet(paths: [ok + "/nothing.shard-1-of-2.csv"]))
    }

    let claims = """
    # Sharding

    ```symbols
    x: real
    a: positive
    ```

    ```claim
    id: s.square
    equations: NC(1), AX(1)
    statement: a square
    printed: x^2 + 2*x + 1
    computed: (x + 1)^2
    check: identity
    expect: verified
    ```

    ```claim
    id: s.wrong
    equations: NC(2), AX(2)
    statement: a wrong sign
    printed: x^2 - 2*x + 1
    computed: (x + 1)^2
    check: identity
    expect: discrepancy
    correction: (x + 1)^2
    ```

    ```claim
    id: s.numeric
    equations: NC(3), AX(3)
    statement: sin squared
    printed: sin(x)^2 + cos(x)^2
    computed: 1
    check: identity
    expect: verified
    ```

    ```claim
    id: s.positive
    equations: NC(4), AX(4)
    statement: a root
    printed: sqrt(a^2)
    computed: a
    check: identity
    expect: verified
    ```
    """

    /// Shards 1…N of an audit, merged, give the report of one run in every format, for every N.
    func testAuditShardsMergeIntoOneRun() throws {
        try TemporaryDerivation.withFile(claims) { path in
            let runner = AuditRunner(engine: .standard, jobs: 1)
            var one = try runner.audit(paths: [path])
            one.includeTimings = false
            for n in [1, 2, 3, 5] {
                let dir = try folder([])
                for k in 1...n {
                    let s = try AuditShard.run(runner, files: [path], shard: try Shard(index: k, count: n), format: "json", includeTimings: false)
                    XCTAssertEqual(s.results.count, (try Shard(index: k, count: n)).indices(of: 4).count)
                    try s.encoded().write(toFile: dir + "/audit.shard-\(k)-of-\(n).json", atomically: true, encoding: .utf8)
                }
                let (merged, format) = try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard)
                XCTAssertEqual(format, "json")
                XCTAssertEqual(merged.json().rendered(), one.json().rendered(), "N = \(n)")
                XCTAssertEqual(merged.text(), one.text())
                XCTAssertEqual(merged.html(), one.html())
                XCTAssertEqual(merged.exitCode, one.exitCode)
            }
        }
    }

    /// A shard from another run, an edited shard, or a derivation file changed after the shards ran
    /// is refused, naming the file.
    func testAuditMergeRefusesInconsistentShards() throws {
        try TemporaryDerivation.withFile(claims) { path in
            let runner = AuditRunner(engine: .standard, jobs: 1)
            let dir = try folder([])
            func write(_ k: Int, seed: UInt64 = 20_261_121) throws {
                var r = runner
                r.seed = seed
                let s = try AuditShard.run(r, files: [path], shard: try Shard(index: k, count: 2), format: "text", includeTimings: false)
                try s.encoded().write(toFile: dir + "/audit.shard-\(k)-of-2.json", atomically: true, encoding: .utf8)
            }
            try write(1)
            try write(2, seed: 5)
            XCTAssertThrowsError(try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard)) {
                XCTAssertEqual(($0 as! MergeError).place, dir + "/audit.shard-2-of-2.json")
            }
            try write(2)
            XCTAssertNoThrow(try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard))
            // An edited verdict list.
            let second = dir + "/audit.shard-2-of-2.json"
            let good = try String(contentsOfFile: second, encoding: .utf8)
            try good.replacingOccurrences(of: "\"index\" : 1", with: "\"index\" : 2").write(toFile: second, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard)) {
                XCTAssertEqual(($0 as! MergeError).place, second)
            }
            try "{".write(toFile: second, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard))
            try good.write(toFile: second, atomically: true, encoding: .utf8)
            // The derivation changed after the shards ran.
            try (claims + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try AuditShard.merge(try ShardSet(paths: [dir]), engine: .standard)) {
                XCTAssertTrue(($0 as! MergeError).message.contains("changed"), "\($0)")
            }
        }
    }

    /// Shards of the mutation self-test split the sampled mutants and merge into the report of one run.
    func testMutationShardsMergeIntoOneRun() throws {
        try TemporaryDerivation.withFile(claims) { path in
            let test = MutationTest(runner: AuditRunner(engine: .standard, jobs: 1), limitPerKind: 2, sampleEvery: 2)
            let one = try test.run(paths: [path])
            XCTAssertFalse(one.results.isEmpty)
            for n in [2, 3] {
                let dir = try folder([])
                for k in 1...n {
                    let s = try MutationShard.run(test, files: [path], shard: try Shard(index: k, count: n))
                    try s.encoded().write(toFile: dir + "/mutate.shard-\(k)-of-\(n).json", atomically: true, encoding: .utf8)
                }
                XCTAssertEqual(try MutationShard.merge(try ShardSet(paths: [dir])).text(), one.text(), "N = \(n)")
            }
            // A shard with other options is named.
            let dir = try folder([])
            let other = MutationTest(runner: AuditRunner(engine: .standard, jobs: 1), limitPerKind: 2, sampleEvery: 1)
            try MutationShard.run(test, files: [path], shard: try Shard(index: 1, count: 2)).encoded()
                .write(toFile: dir + "/mutate.shard-1-of-2.json", atomically: true, encoding: .utf8)
            try MutationShard.run(other, files: [path], shard: try Shard(index: 2, count: 2)).encoded()
                .write(toFile: dir + "/mutate.shard-2-of-2.json", atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try MutationShard.merge(try ShardSet(paths: [dir]))) {
                XCTAssertEqual(($0 as! MergeError).place, dir + "/mutate.shard-2-of-2.json")
            }
        }
    }

    /// A table's pieces join to its rendering, and row shards merge into the table of one run.
    func testTableShardsMergeIntoOneRun() throws {
        let axes = [try TableAxis(parsing: "kappa=0:0.5:0.1")]
        let fixed = ["v": BigRational(3, 10), "ed": BigRational(-1), "U": BigRational(3), "eF": BigRational(0)]
        let one = try CoefficientTable.compute("g", axes: axes, fixed: fixed, digits: 12, parallel: false)
        XCTAssertEqual(one.rows.count, 6)
        for format in CoefficientTable.Format.allCases {
            let p = one.pieces(format)
            XCTAssertEqual(p.head + p.rows.joined(separator: p.separator) + p.tail, one.rendered(format))
            for n in [2, 4, 7] {
                let dir = try folder([])
                for k in 1...n {
                    let shard = try Shard(index: k, count: n)
                    let part = try CoefficientTable.compute("g", axes: axes, fixed: fixed, digits: 12, parallel: false, shard: shard).pieces(format)
                    let file = RowShard(command: "table", inputs: "g kappa=0:0.5:0.1", shard: shard, total: 6, fileExtension: format.rawValue, head: part.head,
                                        separator: part.separator, tail: part.tail,
                                        rows: zip(shard.indices(of: 6), part.rows).map { RowShard.Row(index: $0, text: $1) })
                    try file.encoded().write(toFile: dir + "/table.shard-\(k)-of-\(n).json", atomically: true, encoding: .utf8)
                }
                let merged = try RowShard.merge(try ShardSet(paths: [dir]))
                XCTAssertEqual(merged.text, one.rendered(format), "\(format), N = \(n)")
            }
        }
    }
}
