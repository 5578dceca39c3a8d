import XCTest
import Symbolic
@testable import Keldysh

/// Fields print as ψ̄_x^±(t ± δ) with their derivatives; the field functions of derivation files typeset the same way.
final class KeldyshMathMLTests: XCTestCase {
    func testContourField() {
        let f = ContourField("d_dn_a", conjugate: true, branch: .plus, shift: 1, derivative: 1)
        XCTAssertEqual(f.mathML, "<mrow><msub><mo>∂</mo><mi>t</mi></msub><msup><msub><mover accent=\"true\"><mi>d</mi><mo>¯</mo></mover><mrow><mi>↓</mi><mo>,</mo><mi>a</mi></mrow></msub><mo>+</mo></msup><mrow><mo>(</mo><mi>t</mi><mo>+</mo><mi>δ</mi><mo>)</mo></mrow></mrow>")
        XCTAssertTrue(ContourField("c", conjugate: false, branch: .quantum).mathML.contains("<mo>q</mo>"))
        XCTAssertTrue(ContourField("c", conjugate: false, branch: .minus).mathML.contains("<mo>−</mo>"))
    }

    /// The description of a polynomial reads back into the same typeset form as the polynomial itself.
    func testDescriptionReadsBack() throws {
        let x = try Expr(parsing: "kappa/2 + g")
        let p = FieldPolynomial([
            ([ContourField("d_up_a", conjugate: true, branch: .plus), ContourField("d_up_a", conjugate: false, branch: .minus, shift: -1, derivative: 2)], x),
            ([ContourField("c", conjugate: false, branch: .classical)], try Expr(parsing: "-I*gamma")),
            ([], Expr(3)),
        ])
        XCTAssertEqual(FieldPolynomial.mathML(description: p.description), p.mathML)
        XCTAssertTrue(p.mathML.contains("<mo>−</mo>"), "a negative coefficient is a minus sign, not + (−…)")
        XCTAssertNil(FieldPolynomial.mathML(description: "J/2*x"), "other text is not read as a polynomial")
        XCTAssertNil(FieldPolynomial.mathML(description: "(1)·bar x^z"), "an unknown branch label is refused")
    }

    func testCallStyles() throws {
        let styles = KeldyshTextSyntax.mathMLStyles
        let psi = try XCTUnwrap(MathML.formulaContent("gr(psibar(x, 1, 0), I*ddt(psi(x, -1, 1)))", calls: styles))
        XCTAssertTrue(psi.contains("<mover accent=\"true\"><mi>ψ</mi><mo>¯</mo></mover>"))
        XCTAssertTrue(psi.contains("<msub><mo>∂</mo><mi>t</mi></msub>"))
        XCTAssertTrue(psi.contains("<mi>δ</mi>"))
        XCTAssertFalse(psi.contains("psibar"))
        let dot = try XCTUnwrap(MathML.formulaContent("J/2*(spin_dot(a, 1, 1, b, 1, 1) - spin_dot(a, -1, -1, b, -1, -1))", calls: styles))
        XCTAssertFalse(dot.contains("spin_dot"))
        XCTAssertTrue(dot.contains("<mo>·</mo>"))
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("spin_m(b, 2, c, q)", calls: styles)).contains("<mn>2</mn>"))
        XCTAssertTrue(try XCTUnwrap(MathML.formulaContent("psi(x, 2, 0)", calls: styles)).contains("&#x2061;"), "a malformed call falls back to name(args)")
    }
}
