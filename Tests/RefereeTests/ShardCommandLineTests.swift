import Foundation
import XCTest

/// `--shard` and `referee merge` end to end, as a Slurm job array runs them: the shards take K and N
/// from SLURM_ARRAY_TASK_* (0- and 1-based arrays), merging gives byte for byte the files of one
/// run, merging again is harmless, and a missing shard is named (exit 2).
final class ShardCommandLineTests: XCTestCase {
    func referee(_ arguments: [String], environment extra: [String: String] = [:], in folder: String? = nil) throws -> CommandLineTests.Run {
        try CommandLineTests.run(arguments, environment: extra, in: folder)
    }

    func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-shard-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func task(_ id: Int, min: Int, count: Int) -> [String: String] {
        ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_COUNT": "\(count)",
         "SLURM_ARRAY_TASK_MAX": "\(min + count - 1)", "SLURM_ARRAY_TASK_STEP": "1"]
    }

    func data(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A 0-based array (`--array=0-2`) of phase-diagram shards, merged twice with `merge dir/*`.
    func testPhaseDiagramArrayMergesIntoOneRun() throws {
        let dir = try temporaryFolder()
        let grid = ["phase-diagram", "meanfield", "--grid", "5x4", "--threads", "1"]
        XCTAssertEqual(try referee(grid + ["--output", dir + "/one"]).status, 0)
        for id in 0...2 {
            let r = try referee(grid + ["--output", dir + "/array", "--shard", "slurm"], environment: task(id, min: 0, count: 3))
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for _ in 1...2 {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/array").map { dir + "/array/" + $0 }
            let r = try referee(["merge"] + names)
            XCTAssertEqual(r.status, 0, r.stderr)
            for ext in ["csv", "svg", "png"] {
                XCTAssertEqual(data(dir + "/array/phase-diagram.\(ext)"), data(dir + "/one/phase-diagram.\(ext)"), ext)
            }
        }
        try FileManager.default.removeItem(atPath: dir + "/array/phase-diagram.shard-2-of-3.csv")
        let missing = try referee(["merge", dir + "/array"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("phase-diagram.shard-2-of-3.csv: shard 2 of 3 is missing"), missing.stderr)
        // Outside an array, --shard slurm says how to submit.
        let outside = try referee(grid + ["--output", dir + "/x", "--shard", "slurm"])
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("SLURM_ARRAY_TASK_ID"), outside.stderr)
        XCTAssertEqual(try referee(grid + ["--output", dir + "/x", "--shard", "0/2"]).status, 2)
    }

    /// A 1-based array of audit shards merges into the report of one run (JSON and HTML).
    func testAuditArrayMergesIntoOneRun() throws {
        let dir = try temporaryFolder()
        for format in ["json", "html"] {
            let one = try referee(["audit", "derivations/estimates.md", "--no-timings", "--format", format])
            XCTAssertEqual(one.status, 0, one.stderr)
            for id in 1...2 {
                let r = try referee(["audit", "derivations/estimates.md", "--no-timings", "--format", format, "--shard", "slurm",
                                     "--output", dir + "/" + format], environment: task(id, min: 1, count: 2))
                XCTAssertEqual(r.status, 0, r.stderr)
            }
            XCTAssertEqual(try referee(["merge", dir + "/" + format]).status, 0)
            XCTAssertEqual(data(dir + "/\(format)/audit.\(format)"), Data(one.stdout.utf8), format)
        }
        // The stored verdicts render in another format without checking again (the Python client's HTML).
        let html = try referee(["audit", "derivations/estimates.md", "--no-timings", "--format", "html"])
        XCTAssertEqual(try referee(["merge", dir + "/json", "--format", "html", "--output", dir + "/again"]).status, 0)
        XCTAssertEqual(data(dir + "/again/audit.html"), Data(html.stdout.utf8))
        XCTAssertEqual(try referee(["merge", dir + "/json", "--format", "bogus"]).status, 2)
        // A shard needs a folder to write to.
        XCTAssertEqual(try referee(["audit", "derivations/estimates.md", "--shard", "1/2"]).status, 2)
    }

    /// Table shards merge into the LaTeX of one run; --shard without --output is bad input.
    func testTableShardsMergeIntoOneRun() throws {
        let dir = try temporaryFolder()
        let table = ["table", "g", "--over", "kappa=0:0.5:0.1", "--set", "v=0.3", "--set", "ed=-1", "--set", "U=3", "--set", "eF=0",
                     "--digits", "12", "--format", "latex"]
        let one = try referee(table)
        XCTAssertEqual(one.status, 0, one.stderr)
        for k in 1...4 { XCTAssertEqual(try referee(table + ["--shard", "\(k)/4", "--output", dir]).status, 0) }
        XCTAssertEqual(try referee(["merge", dir]).status, 0)
        XCTAssertEqual(data(dir + "/table.tex"), Data(one.stdout.utf8))
        let noFolder = try referee(table + ["--shard", "1/4"])
        XCTAssertEqual(noFolder.status, 2)
        XCTAssertTrue(noFolder.stderr.contains("--output"), noFolder.stderr)
        // A shard of another table in the same folder is named.
        try FileManager.default.removeItem(atPath: dir + "/table.shard-3-of-4.json")
        XCTAssertEqual(try referee(table.map { $0 == "--digits" ? "--digits" : $0 == "12" ? "13" : $0 } + ["--shard", "3/4", "--output", dir]).status, 0)
        let other = try referee(["merge", dir])
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(other.stderr.contains("table.shard-") && other.stderr.contains("different run"), other.stderr)
    }

    /// Sweep shards (N larger than needed leaves one empty) merge into the CSV of one run.
    func testSweepShardsMergeIntoOneRun() throws {
        let dir = try temporaryFolder()
        let sweep = ["sweep", "meanfield", "--gamma-ratio", "0:1.5:0.5", "--threads", "1"]
        let one = try referee(sweep)
        XCTAssertEqual(one.status, 0, one.stderr)
        for k in 1...5 { XCTAssertEqual(try referee(sweep + ["--shard", "\(k)/5", "--output", dir]).status, 0) }
        XCTAssertEqual(try referee(["merge", dir, "--output", dir + "/merged"]).status, 0)
        XCTAssertEqual(data(dir + "/merged/sweep.csv"), Data(one.stdout.utf8))
    }
}
