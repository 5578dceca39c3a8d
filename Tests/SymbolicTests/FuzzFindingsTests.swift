import XCTest
import Foundation
@testable import Symbolic

/// Inputs found by the coverage-guided fuzzer (scripts/fuzz), kept as regression tests.
final class FuzzFindingsTests: XCTestCase {
    static func fixture(_ name: String) throws -> String {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return try String(contentsOfFile: url.appendingPathComponent("Fixtures/\(name)").path, encoding: .utf8)
    }

    /// libFuzzer (parser target), issue 20: a chain of powers of long names did not print and reparse
    /// to the same canonical form.
    func testRoundTripOfALongPowerChain() throws {
        let text = try Self.fixture("fuzz-round-trip-long-power-chain.txt")
        let context = ParseContext.lenient
        guard let e = try? context.parse(text) else { return }
        let again = try context.parse(e.text)
        if again != e {
            XCTFail("round trip: \(e.text.prefix(300)) → \(again.text.prefix(300))")
        }
    }

    /// Random compositions of log, sqrt, fractional powers, exp and atan with complex shifts — many
    /// paths end on a branch cut — through limit, series and leading: whenever an operation answers,
    /// its numeric check must not refute it (the operations refuse rather than guess a side).
    func testRandomOperationsAcrossBranchCutsAreNeverRefuted() throws {
        let context = ParseContext(symbols: [Symbol("x", .positive), Symbol("a", .positive), Symbol("r", .real)],
                                   operations: StandardOperations.all)
        var g = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["OPS_SEED"] ?? "") ?? 20_261_208)
        let atoms = ["x", "1/x", "a*x", "I*x", "-I*x", "x^2", "-x", "I/x", "-a/x"]
        let shifts = ["-1", "-a", "1", "I", "-I", "-1 + I*a", "-2 - I", "0"]
        let outer = ["log(%@)", "sqrt(%@)", "(%@)^(1/3)", "(%@)^(2/3)", "exp(%@)", "atan(%@)", "1/(%@)", "(%@)^2"]
        func pick(_ list: [String]) -> String { list[g.integer(0, list.count - 1)] }
        var answered = 0, refused = 0
        for _ in 0..<(Int(ProcessInfo.processInfo.environment["OPS_COUNT"] ?? "") ?? 160) {
            var e = "(" + pick(shifts) + " + " + pick(atoms) + ")"
            for _ in 0..<g.integer(1, 2) { e = pick(outer).replacingOccurrences(of: "%@", with: e) }
            let op: String
            switch g.integer(0, 3) {
            case 0: op = "limit(\(e), x, oo)"
            case 1: op = "limit(\(e), x, 0)"
            case 2: op = "series(\(e), x, 0, 2)"
            default: op = "leading(\(e), x, oo)"
            }
            let ledger = OperationLedger()
            do {
                _ = try OperationLedger.$current.withValue(ledger) { try context.parse(op) }
                answered += 1
            } catch {
                refused += 1
                continue
            }
            for c in ledger.certificates {
                XCTAssertNotEqual(c.status, .refuted, "\(op): \(c)")
            }
        }
        XCTAssertGreaterThan(answered, 60, "answered \(answered), refused \(refused)")
    }

    /// Found by the random operations above (seed 1): atan about log(−i) = −iπ/2, a point of atan's
    /// cut that the algebra left opaque, was expanded on the wrong side (and refuted by its check).
    func testArctangentAboutAnOpaqueConstantOnItsCutRefuses() {
        let context = ParseContext(symbols: [Symbol("x", .positive), Symbol("a", .positive)], operations: StandardOperations.all)
        for text in ["limit(atan(log(a*x - I)), x, 0)", "leading(atan(log(-a/x - I)), x, oo)"] {
            XCTAssertThrowsError(try context.parse(text), text) { error in
                XCTAssertFalse("\(error)".contains("contradicted"), "\(text): refused by the check, not by the construction: \(error)")
            }
        }
    }

    /// Every crash input the parser fuzzer wrote to Fuzz/findings/ parses (or is rejected) without a
    /// crash and prints back to the same canonical form.
    func testEveryParserCrashFindingRoundTrips() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let folder = url.appendingPathComponent("Fuzz/findings")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var checked = 0
        for name in names.sorted() where name.hasPrefix("crash-") || name.hasPrefix("parser-crash-") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8) else { continue }
            checked += 1
            guard let e = try? ParseContext.lenient.parse(text) else { continue }
            XCTAssertEqual(try ParseContext.lenient.parse(e.text), e, name)
        }
        XCTAssertGreaterThanOrEqual(checked, 2)
    }

    /// Fuzzer finding `ops-timeout-def506f3…`: a phase of about 2^(10⁷) bits (π^(156^(6^(6^p))) at a
    /// random p) made MPFR compute π to millions of bits for one sine. A phase beyond what the working
    /// precision resolves is now refused at once, while an exact huge argument still gets true digits.
    func testHugePhaseIsRefusedNotReducedForMinutes() throws {
        let context = ParseContext(symbols: [], undeclaredNames: .create(.complex), operations: StandardOperations.all)
        let finding = "series(exp(xString-pi^\t156^\t6^6^\tpix-I-Ux), x, 2, 1)"
        let start = Date()
        _ = try? context.parse(finding)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "the finding must end quickly (it ran for minutes)")
        let value = try ParseContext.lenient.parse("sin(2^200 + 1)").evaluate(digits: 20)
        XCTAssertTrue(value.isConverged)
        XCTAssertTrue(value.text.hasPrefix("-0.99745227509828510430"), value.text)
    }

    /// Fuzzer findings `ops-timeout-88a8…`, `-8a56…`, `-9122…`: series of exp of a sum with symbolic
    /// parameters to orders 51–75, whose coefficients grow combinatorially. The expansion has a
    /// deterministic work budget (`SeriesWork`) and refuses with a fix instead of running for minutes.
    func testSeriesWithExplodingSymbolicCoefficientsIsRefused() {
        let context = ParseContext(symbols: [Symbol("x", .real)], undeclaredNames: .create(.complex), operations: StandardOperations.all)
        XCTAssertThrowsError(try context.parse("series(exp(x*(a+b+c)), x, 0, 40)")) { error in
            XCTAssertTrue("\(error)".contains("grow too fast"), "\(error)")
        }
        // Numeric coefficients are not limited, and modest symbolic orders pass.
        XCTAssertNoThrow(try context.parse("series(exp(sin(x)), x, 0, 40)"))
        XCTAssertNoThrow(try context.parse("series(exp(x*a + x), x, 1, 8)"))
    }
}
