import XCTest
@testable import Symbolic

/// MathML of formulas as written: names become letters with subscripts, divisions fractions, relations their signs.
final class MathMLPrinterTests: XCTestCase {
    func content(_ text: String) -> String { MathML.formulaContent(text) ?? "<unparsed>" }

    func testNamesGreekSubscriptsAccents() {
        XCTAssertEqual(MathML.identifier("gamma_B"), "<msub><mi>γ</mi><mrow><mi>B</mi></mrow></msub>")
        XCTAssertEqual(MathML.identifier("eps_d"), "<msub><mi>ε</mi><mrow><mi>d</mi></mrow></msub>")
        XCTAssertEqual(MathML.identifier("J_AB"), "<msub><mi>J</mi><mrow><mi>AB</mi></mrow></msub>")
        XCTAssertEqual(MathML.identifier("d_dn_a"), "<msub><mi>d</mi><mrow><mi>↓</mi><mo>,</mo><mi>a</mi></mrow></msub>")
        XCTAssertEqual(MathML.identifier("omega0"), "<msub><mi>ω</mi><mrow><mn>0</mn></mrow></msub>")
        XCTAssertEqual(MathML.identifier("κ₁₂"), "<msub><mi>κ</mi><mrow><mn>12</mn></mrow></msub>")
        XCTAssertEqual(MathML.identifier("Sdot_a"), "<msub><mover accent=\"true\"><mi>S</mi><mo>˙</mo></mover><mrow><mi>a</mi></mrow></msub>")
        XCTAssertEqual(MathML.identifier("psibar"), "<mover accent=\"true\"><mi>ψ</mi><mo>¯</mo></mover>")
        XCTAssertEqual(MathML.identifier("x"), "<mi>x</mi>")
        XCTAssertEqual(MathML.identifier("oo"), "<mi>∞</mi>")
        XCTAssertFalse(MathML.identifier("bar").contains("mover"), "an accent alone is a name")
    }

    func testFractionsKeepSumsOutside() {
        // J/2*(a - b): the fraction J/2 times the bracket, not (J(a − b))/2.
        XCTAssertEqual(content("J/2*(a - b)"),
                       "<mrow><mfrac><mrow><mi>J</mi></mrow><mrow><mn>2</mn></mrow></mfrac><mo>&#x2062;</mo><mrow><mo>(</mo><mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow><mo>)</mo></mrow></mrow>")
        XCTAssertEqual(content("1/(eF - ed)"),
                       "<mfrac><mrow><mn>1</mn></mrow><mrow><mrow><mi>eF</mi><mo>−</mo><mi>ed</mi></mrow></mrow></mfrac>")
        XCTAssertTrue(content("gamma_B/(alpha_B*abs(g_B))").contains("<mo>|</mo>"))
    }

    func testPowersSignsAndNumbers() {
        XCTAssertEqual(content("-x^2"), "<mrow><mo>−</mo><msup><mi>x</mi><mrow><mn>2</mn></mrow></msup></mrow>")
        XCTAssertEqual(content("(a + b)^2"), "<msup><mrow><mo>(</mo><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo>)</mo></mrow><mrow><mn>2</mn></mrow></msup>")
        XCTAssertEqual(content("1.3"), "<mrow><mn>1.3</mn></mrow>")
        XCTAssertEqual(content("0.05"), "<mrow><mn>0.05</mn></mrow>")
        XCTAssertEqual(content("1e8"), "<mrow><msup><mn>10</mn><mn>8</mn></msup></mrow>")
        XCTAssertEqual(content("2*3"), "<mrow><mn>2</mn><mo>·</mo><mn>3</mn></mrow>", "two numbers side by side need a dot")
        XCTAssertEqual(content("I*pi"), "<mrow><mi mathvariant=\"normal\">i</mi><mo>&#x2062;</mo><mi>π</mi></mrow>")
    }

    func testRelationsAndFunctions() {
        XCTAssertEqual(MathML.formulaContent("j_AB >= 1"), "<msub><mi>j</mi><mrow><mi>AB</mi></mrow></msub><mo>≥</mo><mn>1</mn>")
        XCTAssertTrue(content("sqrt(x)").hasPrefix("<msqrt>"))
        XCTAssertTrue(content("exp(-I*e*tau)").hasPrefix("<msup><mi mathvariant=\"normal\">e</mi>"))
        XCTAssertTrue(content("f(x, y)").contains("<mo>&#x2061;</mo>"))
    }

    /// Text that is not a formula is refused (the caller shows it as text), never mangled.
    func testNonFormulasAreRefused() {
        XCTAssertNil(MathML.formula("chase-and-run"))
        XCTAssertNotNil(MathML.formula("eF-ed"), "a difference of names is a formula")
        XCTAssertNil(MathML.formula("Sdot_a = sum_b J_ab S_a x S_b"))
        XCTAssertNil(MathML.formula("a < b < c"))
        XCTAssertNil(MathML.formula(""))
    }

    /// A call style replaces the generic name(args) form.
    func testCallStyles() {
        let styles: [String: MathML.CallStyle] = ["ddt": { args, typeset in
            args.count == 1 ? "<msub><mo>∂</mo><mi>t</mi></msub>" + typeset(args[0], true) : nil
        }]
        XCTAssertEqual(MathML.formulaContent("ddt(x + y)", calls: styles),
                       "<msub><mo>∂</mo><mi>t</mi></msub><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><mo>)</mo></mrow>")
        XCTAssertTrue(MathML.formulaContent("ddt(x, y)", calls: styles)!.contains("<mi>ddt</mi>"), "a style returning nil falls back")
    }

    /// Expr.mathML is a complete <math> element and escapes what must be escaped.
    func testExprMathML() throws {
        let e = try Expr(parsing: "-abs(v)^2/(eF - ed)")
        XCTAssertTrue(e.mathML.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
        XCTAssertTrue(e.mathML.contains("<mfrac>"))
        XCTAssertEqual(MathML.formulaContent("a < b"), "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")
    }
}

/// Layout details seen in the browser: products inside sums take no parentheses; word-like names are spaced.
final class MathMLLayoutTests: XCTestCase {
    func testProductTermsOfASumAreNotParenthesised() throws {
        let m = try XCTUnwrap(MathML.formulaContent("U^2 - U*eF + 2*f"))
        XCTAssertFalse(m.contains("<mo>(</mo>"), m)
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("a - (-b)")).contains("<mo>(</mo>"), "a signed term is")
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("a - (b + c)")).contains("<mo>(</mo>"), "a sum is")
    }

    func testWordsAreSpacedInProducts() throws {
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("U*eF*ed")).contains("<mspace"))
        XCTAssertFalse(try XCTUnwrap(MathML.formulaContent("a*b*kappa")).contains("<mspace"), "single letters and Greek are not")
    }
}

extension MathMLLayoutTests {
    /// Over a number, a call stays outside the fraction: 1/2*f(x) is ½ f(x), not f(x)/2 with a 1 on top.
    func testCallsOverANumberStayOutside() throws {
        let m = try XCTUnwrap(MathML.formulaContent("1/2*f(x)"))
        XCTAssertTrue(m.hasPrefix("<mrow><mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"), m)
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("f(x)/y")).hasPrefix("<mfrac><mrow><mrow><mi>f</mi>"), "over a name it is a fraction")
    }
}
