import Foundation
import XCTest
@testable import Verify
import Symbolic

/// A catalogue of bad derivation input. Each entry must be rejected by `referee audit` with a
/// `DerivationError` naming file:line(:column) and a fix — never accepted, never a crash, and
/// (the command line guarantees) no partial output.
final class BadInputCatalogueTests: XCTestCase {
    static let template = """
    # A chain

    ```symbols
    x, y: real
    p: positive
    ```

    ```define
    f = x^2 + 2*x + 1
    ```

    ```units
    p: J
    x: 1
    ```

    ```values
    p = 1*eV
    ```

    ```claim
    id: t.one
    equations: NC(17), AX(15)
    statement: a square
    printed: (x + 1)^2
    computed: f
    check: identity
    expect: verified
    ```
    """
    // Line numbers in the template: symbols 4–5, define 9, units 13–14, values 18,
    // claim opens 21: id 22, equations 23, statement 24, printed 25, computed 26, check 27, expect 28.

    struct Case {
        var name: String
        var replace: [(String, String)]
        var line: Int
        var column: Int?
        var mentions: [String]
        var second: String? = nil
    }

    static let cases: [Case] = [
        Case(name: "malformed equation label", replace: [("equations: NC(17), AX(15)", "equations: NC17, AX(15)")], line: 23, column: 12, mentions: ["NC17"]),
        Case(name: "one version only", replace: [("# A chain", "---\nnumbering: NC, AX\ncites: every\n---\n# A chain"), ("equations: NC(17), AX(15)", "equations: NC(17)")],
             line: 27, mentions: ["every numbering scheme", "AX(—)"]),
        Case(name: "undeclared numbering scheme", replace: [("# A chain", "---\nnumbering: NC, AX\n---\n# A chain"), ("equations: NC(17), AX(15)", "equations: NC(17), XY(3)")],
             line: 26, mentions: ["XY", "does not declare"]),
        Case(name: "unclosed front matter", replace: [("# A chain", "---\nnumbering: NC, AX\n# A chain")], line: 1, mentions: ["never closed"]),
        Case(name: "unknown front-matter key", replace: [("# A chain", "---\nnumberring: NC\n---\n# A chain")], line: 2, mentions: ["numbering"]),
        Case(name: "unknown check kind", replace: [("check: identity", "check: identiy")], line: 27, column: 8, mentions: ["did you mean `identity`"]),
        Case(name: "unknown verdict", replace: [("expect: verified", "expect: proven")], line: 28, mentions: ["proven"]),
        Case(name: "discrepancy without correction", replace: [("expect: verified", "expect: discrepancy")], line: 28, mentions: ["correction"]),
        Case(name: "digits zero", replace: [("expect: verified", "expect: verified\ndigits: 0")], line: 29, mentions: ["digits"]),
        Case(name: "digits absurd", replace: [("expect: verified", "expect: verified\ndigits: 99999999")], line: 29, mentions: ["digits"]),
        Case(name: "digits not a number", replace: [("expect: verified", "expect: verified\ndigits: many")], line: 29, mentions: ["digits"]),
        Case(name: "seed not a number", replace: [("expect: verified", "expect: verified\nseed: -3")], line: 29, mentions: ["seed"]),
        Case(name: "unbalanced parenthesis", replace: [("printed: (x + 1)^2", "printed: ((x + 1)^2")], line: 25, mentions: ["parenthes"]),
        Case(name: "undefined symbol", replace: [("computed: f", "computed: f + z")], line: 26, column: 15, mentions: ["z"]),
        Case(name: "unknown function", replace: [("computed: f", "computed: sqrtt(f)")], line: 26, column: 11, mentions: ["sqrtt"]),
        Case(name: "implicit multiplication", replace: [("computed: f", "computed: 2x")], line: 26, mentions: ["*"]),
        Case(name: "trailing operator", replace: [("computed: f", "computed: f +")], line: 26, mentions: ["+"]),
        Case(name: "unknown assumption", replace: [("p: positive", "p: postive")], line: 5, mentions: ["postive"]),
        Case(name: "definition syntax error", replace: [("f = x^2 + 2*x + 1", "f = x^^2")], line: 9, mentions: ["^"]),
        Case(name: "definition without =", replace: [("f = x^2 + 2*x + 1", "f x^2")], line: 9, mentions: ["="]),
        Case(name: "where with undeclared symbol", replace: [("expect: verified", "expect: verified\nwhere: q = 1")], line: 29, mentions: ["q"]),
        Case(name: "where without =", replace: [("expect: verified", "expect: verified\nwhere: x 1")], line: 29, mentions: ["="]),
        Case(name: "identity without computed", replace: [("computed: f\n", "")], line: 21, mentions: ["computed"]),
        Case(name: "bad unit", replace: [("p: J", "p: Jouls"), ("check: identity", "check: dimension"), ("printed: (x + 1)^2", "printed: p = p")], line: 13, mentions: ["unit"]),
        Case(name: "unit line without colon", replace: [("p: J", "p J")], line: 13, mentions: ["unit"]),
        Case(name: "value with unknown unit", replace: [("p = 1*eV", "p = 1*electronvolts"), ("check: identity", "check: estimate\nunit: J\ntolerance: 10%"), ("printed: (x + 1)^2", "printed: 1")], line: 18, mentions: ["electronvolts"]),
        Case(name: "value given twice", replace: [("p = 1*eV", "p = 1*eV\np = 2*eV")], line: 19, mentions: ["twice"]),
        Case(name: "unknown tolerance", replace: [("check: identity", "check: estimate\nunit: J\ntolerance: roughly"), ("printed: (x + 1)^2", "printed: 1"), ("computed: f", "computed: p")], line: 29, mentions: ["roughly"]),
        Case(name: "estimate printed not a number", replace: [("check: identity", "check: estimate\nunit: J\ntolerance: 10%"), ("computed: f", "computed: p")], line: 25, mentions: ["number"]),
        Case(name: "sign claim with ~", replace: [("check: identity", "check: sign"), ("printed: (x + 1)^2", "printed: p ~ 0")], line: 25, mentions: ["<"]),
        Case(name: "numeric claim with free symbols", replace: [("check: identity", "check: numeric")], line: 21, mentions: ["where"]),
        Case(name: "nesting too deep", replace: [("computed: f", "computed: " + String(repeating: "(", count: 400) + "x" + String(repeating: ")", count: 400))], line: 26, mentions: ["deep"]),
        Case(name: "duplicate id across files", replace: [], line: 22, mentions: ["duplicate"], second: "second.md"),
        // Unphysical or out-of-range parameters: values that contradict a declared assumption.
        Case(name: "kappa < 0 in the values block", replace: [("p = 1*eV", "p = -1*meV")], line: 18, column: 5, mentions: ["unphysical", "p: positive", "> 0", "line 5"]),
        Case(name: "kappa < 0 in where", replace: [("expect: verified", "expect: verified\nwhere: p = -1")], line: 29, column: 12, mentions: ["unphysical", "p: positive"]),
        Case(name: "kappa = 0 in where", replace: [("expect: verified", "expect: verified\nwhere: p = 0")], line: 29, column: 12, mentions: ["p = 0", "> 0"]),
        Case(name: "kappa < 0 in values of a claim", replace: [("expect: verified", "expect: verified\nvalues: p = -2*eV")], line: 29, column: 13, mentions: ["`values:`", "p = -2*eV"]),
        Case(name: "complex value of a real symbol", replace: [("expect: verified", "expect: verified\nwhere: x = 2*I")], line: 29, column: 12, mentions: ["x: real", "real value"]),
        Case(name: "fraction for an integer symbol", replace: [("p: positive", "p: positive\nn: integer"), ("expect: verified", "expect: verified\nwhere: n = 1/2")], line: 30, column: 12, mentions: ["n: integer", "whole number"]),
        Case(name: "value for an undeclared symbol", replace: [("p = 1*eV", "p = 1*eV\nq = 2*eV")], line: 19, mentions: ["`q`", "not a declared symbol"]),
        Case(name: "integration variable that is a symbol of the file", replace: [("computed: f", "computed: f + integrate(x, x, 0, 1)")], line: 26, column: 28, mentions: ["already", "bound variable"]),
        Case(name: "integrate with three arguments", replace: [("computed: f", "computed: f + integrate(u, u, 0)")], line: 26, column: 15, mentions: ["integrate", "4 arguments"]),
        Case(name: "integration limit that depends on the variable", replace: [("computed: f", "computed: f + integrate(u, u, 0, u)")], line: 26, column: 34, mentions: ["limit", "bound variable"]),
        Case(name: "digits negative", replace: [("expect: verified", "expect: verified\ndigits: -5")], line: 29, mentions: ["digits", "-5"]),
        Case(name: "digits 10^7", replace: [("expect: verified", "expect: verified\ndigits: 10000000")], line: 29, mentions: ["digits", "10000000"]),
        Case(name: "parameters without =", replace: [("check: identity", "check: dimension\nparameters: hbar"), ("printed: (x + 1)^2", "printed: p = p")], line: 28, mentions: ["parameters"]),
    ]

    func testCatalogueHasAtLeastThirtyKinds() {
        // Together with DerivationReaderTests (15 kinds) and CommandLineTests (options, paths).
        XCTAssertGreaterThanOrEqual(Self.cases.count, 43)
    }

    func testEveryBadInputIsRejectedWithPlaceAndFix() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("referee-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let runner = AuditRunner(engine: .standard)
        for c in Self.cases {
            var text = Self.template
            for (old, new) in c.replace {
                XCTAssertTrue(text.contains(old), "\(c.name): template lacks \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            let caseDir = dir.appendingPathComponent(c.name.replacingOccurrences(of: " ", with: "-"))
            try FileManager.default.createDirectory(at: caseDir, withIntermediateDirectories: true)
            let path = caseDir.appendingPathComponent("bad.md").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            var paths = [path]
            if let second = c.second {
                let p2 = caseDir.appendingPathComponent(second).path
                try Data(Self.template.utf8).write(to: URL(fileURLWithPath: p2))
                paths.append(p2)
            }
            do {
                let report = try runner.audit(paths: paths)
                XCTFail("\(c.name): accepted; verdicts \(report.results.map { $0.verdict.kind.rawValue })")
            } catch let e as DerivationError {
                XCTAssertEqual(e.location.line, c.line, "\(c.name): \(e)")
                if let column = c.column { XCTAssertEqual(e.location.column, column, "\(c.name): \(e)") }
                XCTAssertNotNil(e.fix, "\(c.name): no fix in \(e)")
                for w in c.mentions { XCTAssertTrue(e.description.contains(w), "\(c.name): `\(w)` not in \(e)") }
            } catch {
                XCTFail("\(c.name): not a DerivationError: \(error)")
            }
        }
    }

    /// Random junk never crashes the loader: it is read or rejected with a location.
    func testRandomJunkNeverCrashes() throws {
        var state: UInt64 = 0x2026_1121
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        let alphabet = Array("```claim\nsymbols define:=()+-*/^ xyp0123.,;#|\u{0}é`")
        for _ in 0..<300 {
            var text = Self.template
            var chars = Array(text)
            for _ in 0..<Int(next() % 6 + 1) {
                let i = Int(next() % UInt64(chars.count))
                switch next() % 3 {
                case 0: chars.remove(at: i)
                case 1: chars.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: i)
                default: chars[i] = alphabet[Int(next() % UInt64(alphabet.count))]
                }
            }
            text = String(chars)
            do {
                let file = try DerivationReader.read(data: Data(text.utf8), path: "junk.md")
                let context = try DerivationContext(file: file, engine: .standard)
                for spec in file.claims {
                    let claim = try Claim(spec, knownChecks: Engine.standard.checks, defaultDigits: 15, defaultSeed: 1)
                    try context.validate(claim)
                }
            } catch let e as DerivationError {
                XCTAssertGreaterThanOrEqual(e.location.line, 1, "\(e)")
            }
        }
    }
}

/// A short fixed-seed fuzz of the expression parser (the long run is `scripts/fuzz parser`):
/// mutated paper formulas either parse — and then round-trip through the printer — or throw a
/// `ParseError` with a position; nothing crashes. Includes the inputs the fuzzer once crashed on.
final class ParserFuzzTests: XCTestCase {
    func testMutatedFormulasNeverCrash() throws {
        let seeds = ["-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2+kappa^2/4) + 1/(eF-ed))", "exp(pi*sqrt(163))",
                     "x^-2**3^-3**3", "(3^10)^100", "2^(1/3^27)", "fermi((e-mu)/T)", "1e99^1e5"]
        var state: UInt64 = 0xF022
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        let alphabet = Array("()^*/-+ .,eI0123456789xyabs(sqrt(")
        for k in 0..<400 {
            var chars = Array(seeds[k % seeds.count])
            for _ in 0..<(next() % 4) {
                let i = chars.isEmpty ? 0 : next() % chars.count
                if next() % 2 == 0, !chars.isEmpty { chars.remove(at: i) } else { chars.insert(alphabet[next() % alphabet.count], at: i) }
            }
            let text = String(chars)
            do {
                let e = try ParseContext.lenient.parse(text)
                XCTAssertEqual(try ParseContext.lenient.parse(e.text), e, "round trip of \(text)")
            } catch let error as ParseError {
                XCTAssertGreaterThanOrEqual(error.column, 1, text)
            }
        }
    }
}
