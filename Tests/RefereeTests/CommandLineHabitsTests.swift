import Foundation
import XCTest

/// Habits of a well-behaved command line: --version, an example in every --help, shell completion, progress on
/// standard error only.
extension CommandLineTests {
    static let subcommands = ["audit", "check", "eval", "identity", "keldysh", "keldysh partition", "mutate", "integral", "table",
                              "coefficients", "effective-lindbladian", "simulate", "sweep", "thresholds", "phase-diagram", "figure",
                              "figure curves", "figure trajectories", "figure two-spin", "merge", "engine"]

    func testVersionNamesReleaseAndCommit() throws {
        let r = try referee(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertNotNil(r.stdout.firstMatch(#"^referee [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)\n$"#), r.stdout)
        let pinned = try refereeWithEnvironment(["--version"], ["REFEREE_COMMIT": "0123456789ab"])
        XCTAssertTrue(pinned.stdout.contains("(commit 0123456789ab)"), "a packaging script can pin the commit")
    }

    func testEverySubcommandHelpHasAnExample() throws {
        let top = try referee(["--help"])
        for name in Self.subcommands {
            let r = try referee(name.split(separator: " ").map(String.init) + ["--help"])
            XCTAssertEqual(r.status, 0, name)
            XCTAssertTrue(r.stdout.contains("Example: referee") || r.stdout.contains("Examples:"), "no example in `referee \(name) --help`")
            if !name.contains(" ") { XCTAssertTrue(top.stdout.contains(name), "\(name) not listed in referee --help") }
        }
    }

    func testCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try referee(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0, shell)
            XCTAssertTrue(r.stdout.contains("phase-diagram") && r.stdout.contains("figure"), shell)
        }
    }

    /// Progress goes to standard error as plain lines when it is not a terminal; standard output holds only the result.
    func testProgressIsOnStandardErrorOnly() throws {
        let r = try referee(["sweep", "meanfield", "--gamma-ratio", "0:1.5:0.5", "--format", "json", "--threads", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNoThrow(try JSONDocumentReader.read(r.stdout), "stdout is exactly the JSON document")
        let f = try temporaryFile(oneClaim)
        let audit = try referee(["check", f, "--format", "json"])
        XCTAssertTrue(audit.stderr.contains("referee: 1/1 claims"), audit.stderr)
        XCTAssertFalse(audit.stderr.contains("\r"), "no bar redrawing when standard error is not a terminal")
        XCTAssertNoThrow(try JSONDocumentReader.read(audit.stdout))
    }

    func refereeWithEnvironment(_ arguments: [String], _ environment: [String: String]) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: "")
    }
}
