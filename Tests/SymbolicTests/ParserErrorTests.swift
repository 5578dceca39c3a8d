import XCTest
import Foundation
@testable import Symbolic

/// Every parse error names its place (line, column) and carries a concrete fix; no input traps.
final class ParserErrorTests: XCTestCase {
    let strict = ParseContext(symbols: [Symbol("kappa", .positive), Symbol("x"), Symbol("ed", .real), Symbol("U", .positive)])

    func error(_ text: String, _ context: ParseContext? = nil, origin: SourcePosition = .start,
               file: StaticString = #filePath, line: UInt = #line) -> ParseError? {
        do {
            let e = try (context ?? strict).parse(text, origin: origin)
            XCTFail("\(text) parsed as \(e)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testUnknownNameSuggestsTheClosestDeclared() throws {
        let e = try XCTUnwrap(error("1 + kapa/2"))
        XCTAssertEqual(e.message, "unknown name `kapa`")
        XCTAssertEqual(e.line, 1)
        XCTAssertEqual(e.column, 5)
        XCTAssertEqual(e.length, 4)
        XCTAssertTrue(e.fix!.hasPrefix("did you mean `kappa`?"), e.fix!)
        // A Greek letter typed directly is matched to its spelled-out name.
        XCTAssertTrue(try XCTUnwrap(error("κ*x")).fix!.hasPrefix("did you mean `kappa`?"))
        // The spelled-out name of a declared Greek letter.
        let greek = ParseContext(symbols: [Symbol("κ", .positive)])
        XCTAssertTrue(try XCTUnwrap(error("kappa/2", greek)).fix!.hasPrefix("did you mean `κ`?"))
        // Nothing close: the fix says how to declare it.
        let far = try XCTUnwrap(error("x + zzzz"))
        XCTAssertEqual(far.column, 5)
        XCTAssertTrue(far.fix!.contains("declare `zzzz` in a ```symbols block"), far.fix!)
    }

    func testImplicitMultiplication() throws {
        let e = try XCTUnwrap(error("2x + 1"))
        XCTAssertEqual(e.message, "missing operator between `2` and `x`")
        XCTAssertEqual(e.column, 2)
        XCTAssertEqual(e.fix, "insert `*` between `2` and `x`")
        let p = try XCTUnwrap(error("(x + 1)(x - 1)"))
        XCTAssertEqual(p.column, 8)
        XCTAssertEqual(p.fix, "insert `*` between `)` and `(`")
        let n = try XCTUnwrap(error("x kappa"))
        XCTAssertEqual(n.fix, "insert `*` between `x` and `kappa`")
        let call = try XCTUnwrap(error("x(ed + 1)"))
        XCTAssertEqual(call.message, "missing operator between `x` and `(`")
        XCTAssertEqual(call.fix, "insert `*` between `x` and `(`")
    }

    func testUnbalancedParentheses() throws {
        let open = try XCTUnwrap(error("x*(ed + (U - 1)"))
        XCTAssertEqual(open.message, "expected `)` before end of input")
        XCTAssertEqual(open.column, 16)
        XCTAssertEqual(open.fix, "unbalanced parenthesis opened at column 3: insert `)`")
        let close = try XCTUnwrap(error("x + 1)"))
        XCTAssertEqual(close.column, 6)
        XCTAssertTrue(close.message.contains("`)` has no matching `(`"))
        let call = try XCTUnwrap(error("exp(x"))
        XCTAssertEqual(call.fix, "unbalanced parenthesis opened at column 4: insert `)`")
        let empty = try XCTUnwrap(error("x*()"))
        XCTAssertEqual(empty.message, "empty parentheses")
        XCTAssertEqual(empty.column, 3)
    }

    func testMissingOperands() throws {
        XCTAssertEqual(try XCTUnwrap(error("")).message, "empty expression")
        XCTAssertEqual(try XCTUnwrap(error("   \n ")).message, "empty expression")
        let trailing = try XCTUnwrap(error("x +"))
        XCTAssertEqual(trailing.message, "expected an expression after `+`")
        XCTAssertEqual(trailing.column, 4)
        let leading = try XCTUnwrap(error("* x"))
        XCTAssertEqual(leading.message, "expected an expression before `*`")
        XCTAssertEqual(leading.column, 1)
        let double = try XCTUnwrap(error("x * / 2"))
        XCTAssertEqual(double.column, 5)
        XCTAssertEqual(try XCTUnwrap(error("exp(x,)")).message, "expected an argument before `)`")
        XCTAssertEqual(try XCTUnwrap(error("x, 1")).message, "unexpected `,`")
    }

    func testBadCharactersAndNumbers() throws {
        let dollar = try XCTUnwrap(error("x + $"))
        XCTAssertEqual(dollar.column, 5)
        XCTAssertTrue(dollar.message.hasPrefix("unexpected character `$`"))
        XCTAssertEqual(try XCTUnwrap(error("[x + 1]")).fix, "use parentheses `(` `)` for grouping")
        XCTAssertEqual(try XCTUnwrap(error("x²")).fix, "write `^2`")
        XCTAssertEqual(try XCTUnwrap(error("\\kappa")).column, 1)
        let control = try XCTUnwrap(error("x\u{7}"))
        XCTAssertEqual(control.message, "unexpected character U+0007")
        XCTAssertEqual(try XCTUnwrap(error("1.2.3")).message, "malformed number")
        XCTAssertEqual(try XCTUnwrap(error("1e999999")).message, "decimal exponent too large")
    }

    func testFunctionErrors() throws {
        let arity = try XCTUnwrap(error("1 + sin(x, 2)"))
        XCTAssertEqual(arity.message, "`sin` takes 1 argument, got 2")
        XCTAssertEqual(arity.column, 5)
        XCTAssertEqual(arity.fix, "call it as `sin(x)`")
        XCTAssertEqual(try XCTUnwrap(error("sqrt()")).message, "`sqrt` takes 1 argument, got 0")
        let unknown = try XCTUnwrap(error("sinn(x)"))
        XCTAssertEqual(unknown.message, "unknown function `sinn`")
        XCTAssertTrue(unknown.fix!.hasPrefix("did you mean `sin`?"), unknown.fix!)
        let bare = try XCTUnwrap(error("exp + 1"))
        XCTAssertEqual(bare.message, "`exp` is a function, not a value")
        var withF = strict
        withF.define(try strict.parseDefinition("F(a, b) = a*b"))
        XCTAssertEqual(try XCTUnwrap(error("F(x)", withF)).message, "`F` takes 2 arguments, got 1")
    }

    func testArithmeticErrors() throws {
        let zero = try XCTUnwrap(error("x/(ed - ed)"))
        XCTAssertEqual(zero.message, "division by zero")
        XCTAssertEqual(zero.column, 3)
        XCTAssertEqual(try XCTUnwrap(error("0^-1")).message, "division by zero (0 to a negative power)")
        XCTAssertEqual(try XCTUnwrap(error("0^0")).message, "0^0 is undefined")
        XCTAssertEqual(try XCTUnwrap(error("1e4000^99999")).message, "exact power too large to compute")
    }

    func testRelationInExpressionAndChainedRelations() throws {
        let e = try XCTUnwrap(error("x = 1"))
        XCTAssertEqual(e.column, 3)
        XCTAssertTrue(e.message.contains("relation"))
        XCTAssertThrowsError(try strict.parseRelation("x < ed < U")) { e in
            XCTAssertEqual((e as! ParseError).column, 8)
            XCTAssertTrue((e as! ParseError).fix!.contains("split"))
        }
        XCTAssertThrowsError(try strict.parseRelation("x + ed")) { e in
            XCTAssertTrue((e as! ParseError).message.hasPrefix("expected a relation"))
        }
        XCTAssertThrowsError(try strict.parseRelation("x <= ")) { e in
            XCTAssertEqual((e as! ParseError).message, "expected an expression after `<=`")
        }
    }

    func testOriginOffsetsLineAndColumn() throws {
        // An expression starting at line 12, column 11 of a Markdown file.
        let e = try XCTUnwrap(error("I*(ek - ed)", origin: SourcePosition(line: 12, column: 11)))
        XCTAssertEqual(e.line, 12)
        XCTAssertEqual(e.column, 14)
        // On a later line of a multi-line text, columns restart at 1.
        let m = try XCTUnwrap(error("x +\n  kapa", origin: SourcePosition(line: 3, column: 20)))
        XCTAssertEqual(m.line, 4)
        XCTAssertEqual(m.column, 3)
        XCTAssertEqual(m.sourceLine, "  kapa")
    }

    func testRendering() throws {
        var e = try XCTUnwrap(error("lam = I*(ek - ed)".dropFirst(6).description, origin: SourcePosition(line: 7, column: 7)))
        e.file = "derivations/sd.md"
        XCTAssertEqual(e.rendered, """
            derivations/sd.md:7:10: error: unknown name `ek`
              I*(ek - ed)
                 ^~
              fix: did you mean `ed`? Otherwise declare `ek` in a ```symbols block (e.g. `ek: real`) or define it in a ```define block
            """)
        XCTAssertEqual(e.description, e.rendered)
    }

    func testDefinitionErrors() throws {
        XCTAssertEqual(try errorOf { try strict.parseDefinition("sin(x) = x") }.message, "`sin` is a built-in name and cannot be redefined")
        XCTAssertEqual(try errorOf { try strict.parseDefinition("F(x, x) = x") }.message, "parameter `x` appears twice")
        XCTAssertEqual(try errorOf { try strict.parseDefinition("F(x) x") }.message, "expected `=` after `F(...)`")
        XCTAssertEqual(try errorOf { try strict.parseDefinition("a = ") }.message, "expected an expression after `=`")
        XCTAssertEqual(try errorOf { try strict.parseDefinition("2 = x") }.message, "a definition starts with the name being defined")
        XCTAssertEqual(try errorOf { try strict.parseDefinition("F(x = x") }.message, "expected `,` or `)` after parameter `x`")
        let body = try errorOf { try strict.parseDefinition("g = kapa", origin: SourcePosition(line: 30, column: 1)) }
        XCTAssertEqual(body.line, 30)
        XCTAssertEqual(body.column, 5)
    }

    func testSymbolDeclarationErrors() throws {
        let missing = try errorOf { try strict.parseSymbolDeclaration("ed, eF real") }
        XCTAssertTrue(missing.message.contains("expected `:`"))
        let word = try errorOf { try strict.parseSymbolDeclaration("ed, eF: reel", origin: SourcePosition(line: 5, column: 1)) }
        XCTAssertEqual(word.message, "unknown assumption `reel`")
        XCTAssertEqual(word.line, 5)
        XCTAssertEqual(word.column, 9)
        XCTAssertTrue(word.fix!.hasPrefix("did you mean `real`?"))
        XCTAssertEqual(try errorOf { try strict.parseSymbolDeclaration("E: real") }.message, "`E` is a built-in name and cannot be declared")
        XCTAssertEqual(try errorOf { try strict.parseSymbolDeclaration("a b: real") }.message, "expected `,` between names")
        XCTAssertEqual(try errorOf { try strict.parseSymbolDeclaration("a, a: real") }.message, "`a` is declared twice")
        XCTAssertEqual(try errorOf { try strict.parseSymbolDeclaration("a:") }.message, "expected an assumption after `:`")
        XCTAssertEqual(try errorOf { try strict.parseSymbolDeclaration(": real") }.message, "no names before `:`")
    }

    func errorOf<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) throws -> ParseError {
        do {
            _ = try body()
        } catch let e as ParseError {
            return e
        }
        XCTFail("no error", file: file, line: line)
        throw ParseError("no error", line: 0, column: 0)
    }

    // MARK: Robustness

    func testDeepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 20_000) + "x" + String(repeating: ")", count: 20_000)
        XCTAssertTrue(try XCTUnwrap(error(deep)).message.hasPrefix("nesting too deep"))
        let minus = String(repeating: "-", count: 20_000) + "x"
        XCTAssertTrue(try XCTUnwrap(error(minus)).message.hasPrefix("nesting too deep"))
        let tower = Array(repeating: "x", count: 20_000).joined(separator: "^")
        XCTAssertTrue(try XCTUnwrap(error(tower)).message.hasPrefix("nesting too deep"))
        let calls = String(repeating: "exp(", count: 20_000) + "x" + String(repeating: ")", count: 20_000)
        XCTAssertTrue(try XCTUnwrap(error(calls)).message.hasPrefix("nesting too deep"))
        // Moderate nesting is fine.
        let fine = String(repeating: "(", count: 50) + "x" + String(repeating: ")", count: 50)
        XCTAssertEqual(try strict.parse(fine), .symbol("x"))
    }

    /// On a small secondary thread (512 KB, as on macOS) deep nesting is refused before the stack
    /// runs out; on the threads of Swift concurrency, 150 levels parse.
    func testNestingAdaptsToTheThreadStack() async {
        let deep = String(repeating: "exp(", count: 150) + "(x + 1)" + String(repeating: ")", count: 150)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                _ = try ParseContext.lenient.parse(deep)
                XCTFail("parsed on a 512 KB stack")
            } catch let e as ParseError {
                XCTAssertTrue(e.message.hasPrefix("nesting too deep"), e.message)
            } catch {
                XCTFail("\(error)")
            }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        let parsed = await Task.detached { (try? ParseContext.lenient.parse(deep)) != nil }.value
        XCTAssertTrue(parsed)
    }

    func testLongLinesAndJunkNeverTrap() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("xed U kappa 0123456789.eE+-*/^()=<>~,_ κ−×·≲≳\t\n$#[]{}\\\u{0}\u{7}\u{FFFD}é")
        for _ in 0..<3000 {
            let n = Int.random(in: 0...40, using: &rng)
            let text = String((0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
            _ = try? ParseContext.lenient.parse(text)
            _ = try? strict.parse(text)
            _ = try? strict.parseRelation(text)
            _ = try? strict.parseDefinition(text)
            _ = try? strict.parseSymbolDeclaration(text)
        }
        // Invalid UTF-8 bytes become U+FFFD in a String: an error, not a trap.
        let junk = String(decoding: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self)
        XCTAssertNotNil(error(junk))
        let long = String(repeating: "x*", count: 50_000) + "x"
        XCTAssertNoThrow(try strict.parse(long))
        let longBad = String(repeating: "x + ", count: 50_000) + ")"
        let e = error(longBad)
        XCTAssertEqual(e?.column, 200_001)
        XCTAssertLessThan(e?.rendered.count ?? 0, 5000)
    }
}
