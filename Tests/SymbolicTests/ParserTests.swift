import XCTest
import Dispatch
@testable import Symbolic

/// The text syntax: precedence, exact numbers, names, functions, definitions, relations.
final class ParserTests: XCTestCase {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")

    func parse(_ s: String, _ context: ParseContext = .lenient) throws -> Expr { try context.parse(s) }

    func testPrecedenceAndAssociativity() throws {
        XCTAssertEqual(try parse("-x^2"), -Expr.pow(x, 2))
        XCTAssertEqual(try parse("(-x)^2"), Expr.pow(x, 2))
        XCTAssertEqual(try parse("-2^2"), Expr(-4))
        XCTAssertEqual(try parse("2^3^2"), Expr(512))
        XCTAssertEqual(try parse("2**3**2"), Expr(512))
        XCTAssertEqual(try parse("x/y*z"), x * z / y)
        XCTAssertEqual(try parse("x/y/z"), x / (y * z))
        XCTAssertEqual(try parse("x - y - z"), x - y - z)
        XCTAssertEqual(try parse("x - (y - z)"), x - y + z)
        XCTAssertEqual(try parse("x^-2"), Expr.pow(x, -2))
        XCTAssertEqual(try parse("2^-1"), Expr.half)
        XCTAssertEqual(try parse("x^-y^2"), Expr.pow(x, -Expr.pow(y, 2)))
        XCTAssertEqual(try parse("-x*y"), -(x * y))
        XCTAssertEqual(try parse("x*-y"), -(x * y))
        XCTAssertEqual(try parse("+x"), x)
        XCTAssertEqual(try parse("x − y × z · 2"), x - 2 * y * z)
        XCTAssertEqual(try parse("x ÷ y"), x / y)
        XCTAssertEqual(try parse("a^b*c"), Expr.pow(.symbol("a"), .symbol("b")) * .symbol("c"))
    }

    func testExactDecimals() throws {
        XCTAssertEqual(try parse("0.25"), Expr(BigRational(1, 4)))
        XCTAssertEqual(try parse(".5"), Expr.half)
        XCTAssertEqual(try parse("1e8"), Expr(100_000_000))
        XCTAssertEqual(try parse("2.5E-3"), Expr(BigRational(1, 400)))
        XCTAssertEqual(try parse("1e-2*x"), x / 100)
        XCTAssertEqual(try parse("0.1 + 0.2"), Expr(BigRational(3, 10)))
        XCTAssertEqual(try parse("123456789012345678901234567890"), Expr(BigRational(BigInt("123456789012345678901234567890")!)))
    }

    func testConstantsAndFunctions() throws {
        XCTAssertEqual(try parse("I^2"), .minusOne)
        XCTAssertEqual(try parse("exp(I*pi)"), .minusOne)
        XCTAssertEqual(try parse("E^x"), Expr.exp(x))
        XCTAssertEqual(try parse("ln(E)"), .one)
        XCTAssertEqual(try parse("π"), .pi)
        // ∞ is a limit point only (issue 20: `oo - oo` evaluated to 0).
        XCTAssertThrowsError(try parse("oo"))
        XCTAssertEqual(try parse("sqrt(4)"), Expr(2))
        XCTAssertEqual(try parse("sqrt(x)"), Expr.sqrt(x))
        XCTAssertEqual(try parse("abs(x)^2"), Expr.pow(Expr.abs(x), 2))
        XCTAssertEqual(try parse("conj(x) + re(x) + im(x)"), Expr.conj(x) + Expr.re(x) + Expr.im(x))
        XCTAssertEqual(try parse("fermi(0)"), Expr.half)
        for f in MathFunction.allCases {
            XCTAssertEqual(try parse("\(f.rawValue)(x*y)"), Expr.apply(f, x * y))
        }
    }

    func testUnicodeIdentifiers() throws {
        let context = ParseContext(symbols: [Symbol("κ", .positive), Symbol("ε_d", .real), Symbol("γ_a")])
        XCTAssertEqual(try context.parse("κ/2 + ε_d*γ_a"),
                       Expr.symbol("κ", .positive) / 2 + Expr.symbol("ε_d", .real) * Expr.symbol("γ_a"))
    }

    func testIdentifierCharacters() throws {
        XCTAssertEqual(try parse("κ₁ + ε̃"), Expr.symbol("κ₁") + Expr.symbol("ε̃"))
        XCTAssertEqual(try parse("_a1 * b_2"), Expr.symbol("_a1") * Expr.symbol("b_2"))
        XCTAssertThrowsError(try parse("x²"))
    }

    func testDeclaredSymbolsCarryAssumptions() throws {
        let context = ParseContext(symbols: [Symbol("p", .positive), Symbol("r", .real)])
        XCTAssertEqual(try context.parse("abs(p)"), Expr.symbol("p", .positive))
        XCTAssertEqual(try context.parse("conj(r)"), Expr.symbol("r", .real))
    }

    func testPaperExpression() throws {
        var context = ParseContext(undeclaredNames: .reject)
        context.declare(try context.parseSymbolDeclaration("v: complex"))
        context.declare(try context.parseSymbolDeclaration("ed, eF, ek: real"))
        context.declare(try context.parseSymbolDeclaration("U, kappa: positive"))
        let g = try context.parse("-abs(v)^2*((ed+U-eF)/((ed+U-eF)^2+kappa^2/4) + 1/(eF-ed))")
        let v = Expr.symbol("v"), ed = Expr.symbol("ed", .real), eF = Expr.symbol("eF", .real)
        let U = Expr.symbol("U", .positive), kappa = Expr.symbol("kappa", .positive)
        let a = ed + U - eF
        XCTAssertEqual(g, -Expr.pow(Expr.abs(v), 2) * (a / (Expr.pow(a, 2) + Expr.pow(kappa, 2) / 4) + 1 / (eF - ed)))
    }

    func testDefinitionsAndFunctions() throws {
        var context = ParseContext(symbols: [Symbol("ek", .real), Symbol("ed", .real), Symbol("U", .positive), Symbol("kappa", .positive)])
        let lam = try context.parseDefinition("lam_ap = I*(ek - ed - U) - kappa/2")
        XCTAssertEqual(lam.name, "lam_ap")
        XCTAssertFalse(lam.isFunction)
        context.define(lam)
        let F = try context.parseDefinition("F(x) = (-x*cos(x)+sin(x))/x^4")
        XCTAssertEqual(F.parameters, [Symbol("x")])
        context.define(F)
        let ek = Expr.symbol("ek", .real), ed = Expr.symbol("ed", .real), U = Expr.symbol("U", .positive), kappa = Expr.symbol("kappa", .positive)
        XCTAssertEqual(try context.parse("2*lam_ap"), 2 * (.i * (ek - ed - U) - kappa / 2))
        let t = ek * 2
        XCTAssertEqual(try context.parse("F(2*ek)"), (-t * Expr.cos(t) + Expr.sin(t)) / Expr.pow(t, 4))
        // Substitution is simultaneous: G(a, b) = a - b called with swapped arguments.
        context.define(try context.parseDefinition("G(a, b) = a^2 - b"))
        XCTAssertEqual(try context.parse("G(ek, U)"), Expr.pow(ek, 2) - U)
        context.declare([Symbol("a"), Symbol("b")])
        XCTAssertEqual(try context.parse("G(b, a)"), Expr.pow(.symbol("b"), 2) - .symbol("a"))
        // A parameter hides a definition of the same name.
        context.define(try context.parseDefinition("H(lam_ap) = lam_ap + 1"))
        XCTAssertEqual(try context.parse("H(ek)"), ek + 1)
    }

    func testOperationsAndNumericFunctions() throws {
        var context = ParseContext.lenient
        context.operations["double"] = { args in
            guard args.count == 1 else { throw OperationError("takes one argument", fix: "call double(e)") }
            return 2 * args[0]
        }
        context.numericFunctions = ["J_integral"]
        XCTAssertEqual(try context.parse("double(x + 1)"), 2 * x + 2)
        XCTAssertEqual(try context.parse("J_integral(x, 2)"), Expr.call("J_integral", [x, 2]))
        XCTAssertThrowsError(try context.parse("1 + double(x, y)")) { error in
            let e = error as! ParseError
            XCTAssertEqual(e.column, 5)
            XCTAssertEqual(e.message, "double: takes one argument")
            XCTAssertEqual(e.fix, "call double(e)")
        }
    }

    func testRelations() throws {
        let context = ParseContext.lenient
        let cases: [(String, RelationKind)] = [
            ("x == y", .equal), ("x = y", .equal), ("x < y", .less), ("x <= y", .lessOrEqual), ("x ≤ y", .lessOrEqual),
            ("x > y", .greater), ("x >= y", .greaterOrEqual), ("x ≥ y", .greaterOrEqual), ("x ≲ y", .lessOrApproximatelyEqual),
            ("x <~ y", .lessOrApproximatelyEqual), ("x <=~ y", .lessOrApproximatelyEqual), ("x >=~ y", .greaterOrApproximatelyEqual), ("x ≳ y", .greaterOrApproximatelyEqual), ("x >~ y", .greaterOrApproximatelyEqual),
            ("x ≃ y", .approximatelyEqual), ("x ~ y", .approximatelyEqual), ("x ≈ y", .approximatelyEqual),
        ]
        for (text, kind) in cases {
            let r = try context.parseRelation(text)
            XCTAssertEqual(r.kind, kind, text)
            XCTAssertEqual(r.lhs, x)
            XCTAssertEqual(r.rhs, y)
        }
        let r = try context.parseRelation("P >~ 1e8*W/cm^2")
        XCTAssertEqual(r.rhs, 100_000_000 * Expr.symbol("W") / Expr.pow(.symbol("cm"), 2))
    }

    func testSymbolDeclarations() throws {
        let context = ParseContext()
        XCTAssertEqual(try context.parseSymbolDeclaration("ed, eF, ek: real"), [Symbol("ed", .real), Symbol("eF", .real), Symbol("ek", .real)])
        XCTAssertEqual(try context.parseSymbolDeclaration("U: positive"), [Symbol("U", .positive)])
        XCTAssertEqual(try context.parseSymbolDeclaration("v : complex"), [Symbol("v")])
        XCTAssertEqual(try context.parseSymbolDeclaration("n: integer, nonzero"), [Symbol("n", [.integer, .nonzero])])
    }

    func testLongSumIsFastAndFlat() throws {
        let terms = (1...200).map { "\($0)*x_\($0)^2" }.joined(separator: " + ")
        let e = try parse(terms)
        guard case .sum(let ts) = e else { return XCTFail("not a sum") }
        XCTAssertEqual(ts.count, 200)
        // 5000 terms: no stack growth (the tree is flat).
        let long = (1...5000).map { "x_\($0)" }.joined(separator: " - ")
        XCTAssertNoThrow(try parse(long))
    }

    func testSyntaxTreePositions() throws {
        let tree = try ParseContext().parseSyntax("a*b -\n  f(x, 2^y)", origin: SourcePosition(line: 10, column: 5))
        guard case .sum(let terms) = tree.kind else { return XCTFail("not a sum") }
        XCTAssertEqual(tree.position, SourcePosition(line: 10, column: 5))
        XCTAssertEqual(terms.map(\.negative), [false, true])
        guard case .product(let factors) = terms[0].term.kind else { return XCTFail("not a product") }
        XCTAssertEqual(factors.map(\.factor.position.column), [5, 7])
        let call = terms[1].term
        XCTAssertEqual(call.position, SourcePosition(line: 11, column: 3))
        guard case .call("f", let args) = call.kind else { return XCTFail("not a call") }
        XCTAssertEqual(args.map(\.position), [SourcePosition(line: 11, column: 5), SourcePosition(line: 11, column: 8)])
        guard case .power(let base, let exponent) = args[1].kind else { return XCTFail("not a power") }
        XCTAssertEqual(base.position.column, 8)
        XCTAssertEqual(exponent.position.column, 10)
        XCTAssertEqual(call.end, SourcePosition(line: 11, column: 12))
    }

    func testWhitespaceAndUnicodeNumbers() throws {
        XCTAssertEqual(try parse("\tx\n +\r\n y "), x + y)
        XCTAssertEqual(try parse("1e−3"), Expr(BigRational(1, 1000)))
        XCTAssertEqual(try parse("2E+2"), Expr(200))
        XCTAssertEqual(try parse("1.5e2"), Expr(150))
        XCTAssertEqual(try parse("2*E"), 2 * Expr.e)
        XCTAssertThrowsError(try parse("-oo"))
        XCTAssertThrowsError(try parse("∞"))
    }

    func testTwoHundredTermExpression() throws {
        // A 200-term rational expression of the kind the benchmark evaluates.
        let text = (1...200).map { k in "(\(k)*x + \(k % 7)/\(k + 1))^2/(y^2 + \(k))" }.joined(separator: " - ")
        let lexStart = DispatchTime.now().uptimeNanoseconds
        _ = try Lexer(text, origin: .start).tokens()
        print("lexer alone: \(Double(DispatchTime.now().uptimeNanoseconds - lexStart) / 1e9) s")
        let syntaxStart = DispatchTime.now().uptimeNanoseconds
        _ = try ParseContext.lenient.parseSyntax(text)
        print("syntax tree alone: \(Double(DispatchTime.now().uptimeNanoseconds - syntaxStart) / 1e9) s")
        let start = DispatchTime.now().uptimeNanoseconds
        let e = try parse(text)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("parsed a 200-term expression (\(text.count) characters) in \(seconds) s")
        guard case .sum(let terms) = e else { return XCTFail("not a sum") }
        XCTAssertEqual(terms.count, 200)
        XCTAssertEqual(try parse(e.text), e)
    }
}
