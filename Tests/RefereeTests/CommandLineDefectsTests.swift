import Foundation
import XCTest

/// Command-line defects of issue 20: missing paths of any length are bad input (exit 2, the path
/// named, no backtrace); negative numbers are values, not options; every option a command's help
/// mentions exists; `phase-diagram` rejects the `--jAB` it would otherwise ignore.
extension CommandLineTests {

    func testDefectMissingPathsOfEveryLengthAreBadInputNamingThePath() throws {
        for path in ["-", "x", "a/", "./q", "no/such/folder/z.md", "é"] {
            let r = try referee(["check", path])
            XCTAssertEqual(r.status, 2, "check \(path): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix(path + ": error:"), "check \(path) must name the path: \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Backtrac") || r.stderr.contains("crashed"), r.stderr)
        }
        XCTAssertTrue(try referee(["check", "-"]).stderr.contains("standard input"))
        let audit = try referee(["audit", "y"])
        XCTAssertEqual(audit.status, 2)
        XCTAssertTrue(audit.stderr.hasPrefix("y: error:"), audit.stderr)
    }

    func testDefectNegativeValuesAreValuesBothWays() throws {
        // Read as the value of --kF-R (then rejected by the domain check, which names the value),
        // never as an unknown option "-1".
        for args in [["integral", "J", "--kF-R", "-1"], ["integral", "J", "--kF-R=-1"]] {
            let r = try referee(args)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertFalse(r.stderr.contains("Missing value"), r.stderr)
            XCTAssertTrue(r.stderr.contains("kF-R = -2"), r.stderr)
        }
        // Where negative numbers are physical they are accepted: j_AB < 0 (antiferromagnetic coupling).
        for args in [["simulate", "meanfield", "--gamma-ratio", "0.3", "--jAB", "-1", "--format", "json"],
                     ["simulate", "meanfield", "--gamma-ratio", "0.3", "--jAB=-1", "--format", "json"]] {
            let r = try referee(args)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("\"phase\""), r.stdout)
        }
        // A negative value where it is unphysical is rejected by the domain check, by name.
        let digits = try referee(["eval", "1", "--digits", "-3"])
        XCTAssertEqual(digits.status, 2)
        XCTAssertTrue(digits.stderr.contains("--digits -3"), digits.stderr)
    }

    func testDefectPhaseDiagramRejectsTheJABItSweepsAndHasItsDashedTemperature() throws {
        let r = try referee(["phase-diagram", "meanfield", "--jAB", "3", "--grid", "1x1", "--output", NSTemporaryDirectory() + "/pd-\(UUID())"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--jAB") && r.stderr.contains("--coupling-range"), r.stderr)
        let bad = try referee(["phase-diagram", "meanfield", "--dashed-temperature", "-5", "--grid", "1x1"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--dashed-temperature -5"), bad.stderr)
        let help = try referee(["phase-diagram", "--help"]).stdout
        XCTAssertTrue(help.contains("--dashed-temperature <dashed-temperature>"), help)
    }

    /// Every `--option` named in a subcommand's help text (abstract, discussion, option help) is one
    /// of that subcommand's options.
    func testDefectEveryOptionNamedInHelpExists() throws {
        let top = try referee(["--help"]).stdout
        let section = top[top.range(of: "SUBCOMMANDS:")!.upperBound...]
        let names = section.split(separator: "\n").compactMap { line -> String? in
            // A subcommand line starts with exactly two blanks; continuation lines are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" && $0.allSatisfy { $0.isLowercase || $0 == "-" } }
        XCTAssertGreaterThan(names.count, 10, top)
        let optionPattern = try NSRegularExpression(pattern: "--[A-Za-z][A-Za-z-]*")
        for name in names {
            let help = try referee([name, "--help"]).stdout
            guard let optionsStart = help.range(of: "\nOPTIONS:") else { continue }
            let declared = Set(help[optionsStart.lowerBound...].split(separator: "\n").compactMap { line -> String? in
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix("--") else { return nil }
                return String(t.split(whereSeparator: { $0 == " " || $0 == "," }).first!)
            })
            // A command with subcommands (keldysh, figure) may name its subcommands' options.
            var accepted = declared
            if let subStart = help.range(of: "SUBCOMMANDS:") {
                let subs = help[subStart.upperBound...].split(separator: "\n").compactMap { line -> String? in
                    guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                    return line.split(separator: " ").first.map(String.init)
                }.filter { $0 != "help" }
                for sub in subs {
                    let subHelp = try referee([name, sub, "--help"]).stdout
                    guard let o = subHelp.range(of: "\nOPTIONS:") else { continue }
                    for line in subHelp[o.lowerBound...].split(separator: "\n") {
                        let t = line.trimmingCharacters(in: .whitespaces)
                        if t.hasPrefix("--") { accepted.insert(String(t.split(whereSeparator: { $0 == " " || $0 == "," }).first!)) }
                    }
                }
            }
            let mentioned = optionPattern.matches(in: help, range: NSRange(help.startIndex..., in: help)).map { String(help[Range($0.range, in: help)!]) }
            for option in Set(mentioned) where option != "--help" {
                XCTAssertTrue(accepted.contains(option), "`referee \(name) --help` names \(option), which \(name) does not accept")
            }
        }
    }

    /// ∞ is a limit point, not a number: `identity 'oo - oo' 0` was "verified exactly".
    func testDefectInfinityIsNotANumberOnTheCommandLine() throws {
        for args in [["identity", "oo - oo", "0"], ["eval", "oo - oo"], ["identity", "oo", "oo + 1"], ["eval", "limit(1/x, x, 0, 1)"]] {
            let r = try referee(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stdout) \(r.stderr)")
            XCTAssertFalse(r.stdout.contains("verified"), "\(args): \(r.stdout)")
            XCTAssertTrue(r.stderr.contains("infinit"), "\(args): \(r.stderr)")
        }
        let r = try referee(["eval", "limit(sqrt(-1 - I/D), D, oo)"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("-I"), r.stdout)
    }
}
