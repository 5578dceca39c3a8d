import Foundation
import XCTest
@testable import Symbolic

/// Corpora nobody here wrote (issue 20): identities asserted in SymPy's tests with perturbed
/// non-identities, values from mpmath's tests and from CPython's cmath/math tables, translated
/// automatically by `scripts/corpus/translate.py` and `translate_cpython.py` into
/// `Tests/Corpus/*.tsv` (labels and reference values computed by SymPy/mpmath, never by Referee).
///
/// `swift test` runs an evenly spaced sample; `scripts/corpus-check` (REFEREE_CORPUS=full) runs
/// every entry. Counted: false accepts (a false identity verified), false rejects (a true one
/// reported a discrepancy), wrong digits (a converged value off the reference by more than half a
/// unit of its last digit); an entry the engine cannot decide is inconclusive, allowed and
/// counted.
final class CorpusTests: XCTestCase {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Corpus")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("identities.tsv").path) { return candidate.path }
        }
        return "Tests/Corpus"
    }()

    static var full: Bool { ProcessInfo.processInfo.environment["REFEREE_CORPUS"] == "full" }
    /// Entries of each file in the fast sample.
    static let sampleSize = 500

    static func rows(_ file: String) throws -> [[String]] {
        let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent(file), encoding: .utf8)
        let all = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.components(separatedBy: "\t") }
        guard !full, all.count > sampleSize else { return all }
        let step = Double(all.count) / Double(sampleSize)
        return (0..<sampleSize).map { all[Int(Double($0) * step)] }
    }

    struct Tally: CustomStringConvertible {
        var correct = 0, falseAccepts = 0, falseRejects = 0, wrongDigits = 0, inconclusive = 0, unparsed = 0
        var failures: [String] = []
        var description: String {
            "correct \(correct), false accepts \(falseAccepts), false rejects \(falseRejects), wrong digits \(wrongDigits), "
                + "inconclusive \(inconclusive), refused by the parser with a clear error \(unparsed)"
        }
    }

    /// "x:positive,integer;y:real" → the symbols with those assumptions.
    static func symbols(_ text: String) -> [Symbol] {
        text.split(separator: ";").compactMap { part in
            let p = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard p.count == 2 else { return nil }
            let a = p[1].split(separator: ",").reduce(Assumptions.complex) { $0.union(Assumptions(word: String($1)) ?? []) }
            return Symbol(p[0], a)
        }
    }

    func testSymPyIdentitiesAndPerturbations() throws {
        var tally = Tally()
        let checker = IdentityChecker(digits: 30)
        for row in try Self.rows("identities.tsv") where row.count >= 6 {
            var context = ParseContext.lenient
            context.declare(Self.symbols(row[2]))
            guard let lhs = try? context.parse(row[3]), let rhs = try? context.parse(row[4]) else {
                tally.unparsed += 1
                tally.failures.append("refused by the parser: \(row[1]): \(row[3]) = \(row[4])")
                continue
            }
            let verdict = checker.check(lhs, rhs)
            let expectedTrue = row[5] == "true"
            switch (verdict.kind, expectedTrue) {
            case (.verified, true), (.discrepancy, false): tally.correct += 1
            case (.verified, false):
                tally.falseAccepts += 1
                tally.failures.append("FALSE ACCEPT \(row[1]) [\(row[2])]: \(row[3]) = \(row[4]) (\(row[6])) — \(verdict.detail)")
            case (.discrepancy, true):
                tally.falseRejects += 1
                tally.failures.append("FALSE REJECT \(row[1]) [\(row[2])]: \(row[3]) = \(row[4]) — \(verdict.detail)")
            default: tally.inconclusive += 1
            }
        }
        print("corpus identities (\(Self.full ? "full" : "sample")): \(tally)")
        for f in tally.failures { print("  " + f) }
        XCTAssertEqual(tally.falseAccepts, 0, tally.failures.joined(separator: "\n"))
        XCTAssertEqual(tally.falseRejects, 0, tally.failures.joined(separator: "\n"))
    }

    func testMpmathValues() throws {
        try values("values.tsv", source: "mpmath")
    }

    /// CPython's tables of elementary-function values (cmath_testcases.txt, math_testcases.txt),
    /// translated by `scripts/corpus/translate_cpython.py`: branch cuts, tiny and huge arguments.
    func testCPythonValues() throws {
        try values("cpython-values.tsv", source: "CPython")
    }

    func values(_ file: String, source: String) throws {
        var tally = Tally()
        let digits = 30
        for row in try Self.rows(file) where row.count >= 4 {
            guard let e = try? ParseContext.lenient.parse(row[2]) else {
                tally.unparsed += 1
                tally.failures.append("not parsed: \(row[1]): \(row[2])")
                continue
            }
            let parts = row[3].components(separatedBy: "|")
            let reference = BigComplex(BigFloat(parts[0], precision: 512)!,
                                       parts.count > 1 ? BigFloat(parts[1], precision: 512)! : BigFloat(0, precision: 512))
            guard let r = try? e.evaluate(digits: digits), r.isConverged else {
                tally.inconclusive += 1
                continue
            }
            if Self.agrees(r.text, reference, digits: digits) {
                tally.correct += 1
            } else {
                tally.wrongDigits += 1
                tally.failures.append("WRONG DIGITS \(row[1]): \(row[2]) = \(r.text), mpmath \(row[3])")
            }
        }
        print("corpus values, \(source) (\(Self.full ? "full" : "sample")): \(tally)")
        for f in tally.failures { print("  " + f) }
        XCTAssertEqual(tally.wrongDigits, 0, tally.failures.joined(separator: "\n"))
        XCTAssertEqual(tally.unparsed, 0, tally.failures.joined(separator: "\n"))
    }

    /// The printed value (re, or "re + im*I") is within half a unit of its last digit (relative
    /// to the larger component, with a 1% margin for the decimal parse) of the reference.
    static func agrees(_ text: String, _ reference: BigComplex, digits: Int) -> Bool {
        // "re", "im*I", "re + im*I", "re - im*I" in decimal (exponents may exceed the parser's).
        func decimal(_ t: String) -> BigFloat? { BigFloat(t.trimmingCharacters(in: .whitespaces), precision: 512) }
        var re = BigFloat(0, precision: 512), im = BigFloat(0, precision: 512)
        if text.hasSuffix("*I") {
            let body = String(text.dropLast(2))
            if let r = body.range(of: " + ", options: .backwards) ?? body.range(of: " - ", options: .backwards) {
                guard let a = decimal(String(body[..<r.lowerBound])), let b = decimal(String(body[r.upperBound...])) else { return false }
                re = a
                im = body[r].contains("-") ? -b : b
            } else {
                guard let b = decimal(body) else { return false }
                im = b
            }
        } else {
            guard let a = decimal(text) else { return false }
            re = a
        }
        let printed = BigComplex(re, im)
        let scale = reference.magnitude
        if scale.isZero { return printed.isZero }
        let e = DigitsEvaluation.decimalExponent(BigFloat.maximum(reference.re.magnitude, reference.im.magnitude))
        let halfUnit = BigFloat(10, precision: 64).pow(e - digits + 1) * BigFloat(0.505, precision: 64)
        return (printed.re - reference.re).magnitude <= halfUnit && (printed.im - reference.im).magnitude <= halfUnit
    }

    /// The comparison itself rejects wrong digits.
    func testTheComparisonRejectsAWrongLastDigit() {
        let ref = BigComplex(BigFloat("0.65335979821036985694809946804", precision: 256)!)
        XCTAssertTrue(Self.agrees("0.653359798210369856948099468040", ref, digits: 30))
        XCTAssertFalse(Self.agrees("0.653359798210369856948099468050", ref, digits: 30))
        XCTAssertFalse(Self.agrees("-0.4788977997", ref, digits: 10))
    }
}
