import Foundation
import XCTest
import Symbolic

/// The `referee` binary end to end: exit codes (0 as expected, 1 not, 2 bad input), the JSON
/// contract of docs/JSON.md (schema/referee-output.schema.json), atomic output, and the worked examples of the README.
final class CommandLineTests: XCTestCase {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: ".")
    }()

    /// The freshly built binary next to the test bundle.
    static let binary: URL = {
        let bundle = Bundle(for: CommandLineTests.self).bundleURL
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("referee"),
            bundle.appendingPathComponent("referee"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("referee"),
            packageRoot.appendingPathComponent(".build/debug/referee"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func referee(_ arguments: [String]) throws -> Run { try Self.run(arguments) }

    /// Runs the built `referee` (in the package root, or `folder`), with `environment` added to this
    /// process's (SLURM_* removed, so that a test run inside a job array is not mistaken for a shard).
    static func run(_ arguments: [String], environment extra: [String: String] = [:], in folder: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = folder.map { URL(fileURLWithPath: $0) } ?? packageRoot
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }
        env.merge(extra) { $1 }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func temporaryFile(_ text: String, name: String = "claims.md") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    let oneClaim = """
    # T

    ```symbols
    x: real
    ```

    ```claim
    id: t.square
    equations: NC(1), AX(1)
    statement: a square
    printed: x^2 + 2*x + 1
    computed: (x + 1)^2
    check: identity
    expect: verified
    ```
    """

    func testCheckExitCodes() throws {
        let good = try temporaryFile(oneClaim)
        XCTAssertEqual(try referee(["check", good]).status, 0)
        // A flipped sign: the verdict changes, so the run fails with 1.
        let flipped = try temporaryFile(oneClaim.replacingOccurrences(of: "+ 2*x", with: "- 2*x"))
        let r = try referee(["check", flipped])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("discrepancy"))
        // Bad input: file:line:column and a fix, exit 2.
        let bad = try temporaryFile(oneClaim.replacingOccurrences(of: "computed: (x + 1)^2", with: "computed: (x + 1^2"))
        let b = try referee(["check", bad])
        XCTAssertEqual(b.status, 2)
        XCTAssertTrue(b.stderr.contains("claims.md:12:"), b.stderr)
        XCTAssertTrue(b.stderr.contains("fix:"), b.stderr)
        XCTAssertEqual(try referee(["check", "/no/such/file.md"]).status, 2)
        XCTAssertEqual(try referee(["audit", "--digits", "0"]).status, 2)
        XCTAssertEqual(try referee(["audit", "--no-such-option"]).status, 2)
    }

    func testUndeclaredSymbolIsBadInput() throws {
        let f = try temporaryFile(oneClaim.replacingOccurrences(of: "computed: (x + 1)^2", with: "computed: (y + 1)^2"))
        let r = try referee(["check", f])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("claims.md:12:12"), r.stderr)
    }

    func testJSONReportContract() throws {
        let f = try temporaryFile(oneClaim)
        let r = try referee(["check", f, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let claims = try XCTUnwrap(json["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.count, 1)
        for key in ["id", "file", "equations", "method", "verdict", "expected", "digits", "error", "detail", "seconds"] {
            XCTAssertTrue(claims[0].keys.contains(key), "missing \(key)")
        }
        XCTAssertEqual(claims[0]["verdict"] as? String, "verified")
        XCTAssertEqual(claims[0]["method"] as? String, "exact")
        let equations = try XCTUnwrap(claims[0]["equations"] as? [String: [String]])
        XCTAssertEqual(equations["NC"], ["1"])
        let summary = try XCTUnwrap(json["summary"] as? [String: Int])
        XCTAssertEqual(summary["verified"], 1)
    }

    func testReportsAreByteIdenticalWithoutTimings() throws {
        let a = try referee(["audit", "derivations/sd-coupling.md", "--format", "json", "--no-timings"])
        let b = try referee(["audit", "derivations/sd-coupling.md", "--format", "json", "--no-timings"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
        // One core or two: the same bytes.
        let serial = try referee(["audit", "derivations/sd-coupling.md", "--format", "json", "--no-timings", "--jobs", "1"])
        let parallel = try referee(["audit", "derivations/sd-coupling.md", "--format", "json", "--no-timings", "--jobs", "2"])
        XCTAssertEqual(serial.stdout, a.stdout)
        XCTAssertEqual(parallel.stdout, a.stdout)
    }

    func testOutputIsAtomic() throws {
        let f = try temporaryFile(oneClaim)
        let target = (f as NSString).deletingLastPathComponent + "/missing-folder/report.json"
        let r = try referee(["check", f, "--output", target])
        XCTAssertEqual(r.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        let ok = (f as NSString).deletingLastPathComponent + "/report.json"
        XCTAssertEqual(try referee(["check", f, "--format", "json", "--output", ok]).status, 0)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: ok))))
        // Writing again replaces the file (it must not vanish).
        XCTAssertEqual(try referee(["check", f, "--format", "html", "--output", ok]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: ok, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        // A bad derivation file writes nothing.
        let bad = try temporaryFile("# T\n")
        let none = (bad as NSString).deletingLastPathComponent + "/none.json"
        XCTAssertEqual(try referee(["check", bad, "--output", none]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: none))
    }

    /// A path that does not exist is named without a bogus `:0:0` location, with a fix; exit 2;
    /// the requested output file is not created.
    func testMissingDerivationPathIsNamedWithAFix() throws {
        let dir = (try temporaryFile(oneClaim) as NSString).deletingLastPathComponent
        let out = dir + "/report.json"
        let r = try referee(["check", "/nonexistent.md", "--output", out])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("/nonexistent.md: error: no such file or directory"), r.stderr)
        XCTAssertFalse(r.stderr.contains(":0:0"), r.stderr)
        XCTAssertTrue(r.stderr.contains("fix:"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        // A near miss suggests the file that exists.
        let near = try referee(["check", "derivations/estimate.md"])
        XCTAssertEqual(near.status, 2)
        XCTAssertTrue(near.stderr.contains("did you mean `derivations/estimates.md`?"), near.stderr)
    }

    /// `--digits` out of range: the option, the range, and a fix line; exit 2, no output file.
    func testDigitsOutOfRangeNamesTheOptionAndAFix() throws {
        let f = try temporaryFile(oneClaim)
        let out = (f as NSString).deletingLastPathComponent + "/report.json"
        for digits in ["0", "-3", "10000000"] {
            let r = try referee(["check", f, "--digits=\(digits)", "--output", out])
            XCTAssertEqual(r.status, 2, digits)
            XCTAssertTrue(r.stderr.contains("--digits \(digits)"), r.stderr)
            XCTAssertTrue(r.stderr.contains("from 1 to"), r.stderr)
            XCTAssertTrue(r.stderr.contains("fix: write e.g. --digits 30"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), digits)
        }
        let e = try referee(["eval", "1/3", "--digits", "0"])
        XCTAssertEqual(e.status, 2)
        XCTAssertTrue(e.stderr.contains("fix:"), e.stderr)
    }

    /// An output folder that refuses new files (/proc) is named as not writable; exit 2, and
    /// neither the file nor a temporary leftover appears.
    func testUnwritableOutputFolderIsNamed() throws {
        let f = try temporaryFile(oneClaim)
        let r = try referee(["check", f, "--output", "/proc/referee-report.json"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--output /proc/referee-report.json"), r.stderr)
        XCTAssertTrue(r.stderr.contains("the folder `/proc` is not writable"), r.stderr)
        XCTAssertTrue(r.stderr.contains("fix:"), r.stderr)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { $0.contains("referee-report") }
        XCTAssertEqual(leftovers, [])
    }

    func testEvalGivesCorrectDigits() throws {
        let r = try referee(["eval", "exp(pi*sqrt(163))", "--digits", "60"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let last = try XCTUnwrap(r.stdout.split(separator: "\n").last.map(String.init))
        // Independent reference: the same number at 150 digits, rounded to 60.
        let reference = try Expr(parsing: "exp(pi*sqrt(163))").evaluate(digits: 150)
        let digits60 = BigFloat(reference.value.re, precision: 400).toString(digits: 60)
        XCTAssertEqual(last, digits60)
        XCTAssertEqual(last.filter(\.isNumber).count, 60)
    }

    func testIdentityExitCodesAndJSON() throws {
        XCTAssertEqual(try referee(["identity", "(x+1)^2", "x^2+2*x+1"]).status, 0)
        let wrong = try referee(["identity", "(x+1)^2", "x^2+x+1", "--format", "json"])
        XCTAssertEqual(wrong.status, 1)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(wrong.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["verdict"] as? String, "discrepancy")
        for key in ["verdict", "method", "digits", "error", "detail"] { XCTAssertTrue(json.keys.contains(key), key) }
        XCTAssertEqual(try referee(["identity", "sqrt(x^2)", "x", "--assume", "x>0"]).status, 0)
        XCTAssertEqual(try referee(["identity", "sqrt(x^2)", "x"]).status, 1)
        XCTAssertEqual(try referee(["identity", "x", "x", "--assume", "x>>0"]).status, 2)
    }

    /// `referee engine` lists what derivation files can call, from the engine's registry.
    func testEngineListsCheckKindsOperationsAndAtoms() throws {
        let r = try referee(["engine"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for needle in ["identity —", "requires —", "keldysh_rkky_markov", "keldysh_self_energy", "integrate(f, x, a, b)", "nsum(f, n, a, b)", "trD"] {
            XCTAssertTrue(r.stdout.contains(needle), "missing \(needle)")
        }
        for paperFunction in ["J_integral", "rkky_sum", "alpha_sum", "alpha_S222_line", "Omega_integral", "alpha_integral",
                              "m_dis_integral", "h_dis_integral", "fermi_dirac_half"] {
            XCTAssertFalse(r.stdout.contains(paperFunction), "the engine still lists \(paperFunction)")
        }
    }

    // MARK: Dynamics commands

    /// `simulate` and `thresholds` keep the JSON keys of the issue's contract: at the Fig. 5 caption,
    /// r = 1.5 is chiral (rotating, Δφ ≠ 0, π), and both thresholds are found.
    func testSimulateAndThresholdsJSONKeys() throws {
        let sim = try referee(["simulate", "meanfield", "--gamma-ratio", "1.5", "--jAB", "5", "--format", "json"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        let s = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sim.stdout.utf8)) as? [String: Any])
        for key in ["phase", "delta_phi", "m_a", "m_b", "omega"] { XCTAssertNotNil(s[key], key) }
        XCTAssertEqual(s["phase"] as? String, "chiral")
        let thr = try referee(["thresholds", "meanfield", "--jAB", "5", "--ratio-max", "3", "--format", "json"])
        XCTAssertEqual(thr.status, 0, thr.stderr)
        let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(thr.stdout.utf8)) as? [String: Any])
        for key in ["antialign", "chiral"] {
            let entry = try XCTUnwrap(t[key] as? [String: Any], key)
            for k in ["predicted", "predicted_bracket", "simulated", "simulated_bracket"] { XCTAssertNotNil(entry[k], "\(key).\(k)") }
        }
    }

    /// `sweep meanfield` traces Fig. 5a: aligned at r = 0, antialigned at 1.1, chiral at 1.5; the rows do not depend on
    /// the thread count; CSV and JSON carry the same columns/keys.
    func testSweepMeanFieldCurves() throws {
        let args = ["sweep", "meanfield", "--gamma-ratio", "0:1.5:0.5", "--jAB", "5", "--seeds", "2"]
        let one = try referee(args + ["--threads", "1"]), two = try referee(args + ["--threads", "2"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, two.stdout)
        let rows = one.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(rows.first, "ratio,seed,phase,delta_phi,m_a,m_b,omega")
        XCTAssertEqual(rows.count, 1 + 4 * 2)
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",")[2] }, ["aligned", "aligned", "aligned", "aligned", "antialigned", "antialigned", "chiral", "chiral"])
        let json = try referee(args + ["--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let points = try XCTUnwrap(object["points"] as? [[String: Any]])
        XCTAssertEqual(points.count, 8)
        for key in ["ratio", "seed", "phase", "delta_phi", "m_a", "m_b", "omega"] { XCTAssertNotNil(points[0][key], key) }
    }

    /// Bad input to the dynamics commands: exit 2 with the option named and a fix.
    func testDynamicsBadInputExitsTwo() throws {
        for (args, place) in [
            (["sweep", "meanfield", "--gamma-ratio", "2:1:0.1"], "--gamma-ratio"),
            (["sweep", "meanfield", "--gamma-ratio", "0:1"], "--gamma-ratio"),
            (["sweep", "meanfield", "--gamma-ratio", "0:1:0.5", "--seeds", "0"], "--seeds"),
            (["simulate", "meanfield", "--gamma-ratio=-1"], "--gamma-ratio"),
            (["simulate", "meanfield", "--gamma-ratio", "1", "--temperature=-3"], "--temperature"),
        ] {
            let r = try referee(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(place) && r.stderr.contains("fix:"), r.stderr)
        }
    }

    /// A two-spin claim with incomplete microscopic parameters, or an impossible `_light`, is bad input: exit 2
    /// with file:line:column and a fix (no simulation is run).
    func testMicroscopicTwoSpinClaimBadParametersExitTwo() throws {
        func claim(_ parameters: String) -> String {
            """
            # Two spins

            ```claim
            id: bad.llg
            equations: NC(6), AX(6)
            statement: chase and run
            printed: chase-and-run
            check: llg-chase-and-run
            parameters: \(parameters)
            expect: discrepancy
            ```
            """
        }
        let missing = try referee(["check", try temporaryFile(claim("eps_d = 500; U = 1000; eF = 1000"))])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("claims.md:9:") && missing.stderr.contains("missing v, kFR, n, T") && missing.stderr.contains("fix:"), missing.stderr)
        let light = try referee(["check", try temporaryFile(claim("eps_d = 500; U = 1000; eF = 1000; v = 100; kFR = 1; n = 1; T = 9; _light = 3"))])
        XCTAssertEqual(light.status, 2)
        XCTAssertTrue(light.stderr.contains("_light") && light.stderr.contains("fix:"), light.stderr)
    }
}
