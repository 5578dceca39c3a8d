import Foundation
import XCTest

/// The dynamics commands on a declared system other than the paper's (examples/damped-macrospin.md),
/// and bad options naming the option and the fix (exit 2).
final class DeclaredSystemCommandTests: XCTestCase {
    func referee(_ arguments: [String]) throws -> CommandLineTests.Run { try CommandLineTests.run(arguments) }

    func testSimulateAndThresholdsOfADeclaredSystem() throws {
        let sim = try referee(["simulate", "--file", "examples/damped-macrospin.md", "--system", "macrospin", "--format", "json"])
        XCTAssertEqual(sim.status, 0, sim.stderr)
        XCTAssertTrue(sim.stdout.contains("\"phase\": \"along-field\""), sim.stdout)
        XCTAssertTrue(sim.stdout.contains("\"motion\": \"fixed\""), sim.stdout)
        let sweep = try referee(["sweep", "--file", "examples/damped-macrospin.md", "--system", "macrospin", "--vary", "alpha:0.1:0.2:0.1"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertEqual(sweep.stdout.split(separator: "\n").filter { $0.contains("along-field") }.count, 2, sweep.stdout)
    }

    func testBadOptionsAreNamed() throws {
        let cases: [([String], String)] = [
            (["simulate", "--file", "examples/damped-macrospin.md", "--system", "macro"], "--system macro"),
            (["simulate", "--file", "examples/damped-macrospin.md", "--system", "macrospin", "--set", "beta=1"], "--set beta=1"),
            (["simulate", "--file", "no/such.md", "--system", "x"], "--file no/such.md"),
            (["thresholds", "--file", "examples/damped-macrospin.md", "--system", "macrospin", "--vary", "alpha:0:1", "--onset", "spin"], "--onset spin"),
            (["phase-diagram", "--file", "examples/damped-macrospin.md", "--system", "macrospin", "--x", "alpha:0:1"], "--x/--y"),
        ]
        for (arguments, place) in cases {
            let run = try referee(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(place) && run.stderr.contains("fix:"), "\(arguments): \(run.stderr)")
        }
    }
}
