import XCTest
@testable import Verify
import Symbolic

/// `integrate(f, x, a, b)` and `nsum(f, n, a, b)` of the derivation language on integrals and
/// series nobody here wrote: mpmath's own quadrature tests (tests/test_quad.py: basic integrals,
/// double integrals, the Borwein–Bailey–Girgensohn set of "Experimentation in Mathematics"),
/// its `quadosc` example, and classical closed forms. Each value must match its closed form to
/// the digits asked; the same closed form nudged by 10⁻²⁰ must be refused; divergent or
/// non-convergent forms must never produce digits.
final class DeclaredIntegralTests: XCTestCase {
    override func setUp() { DeclaredIntegral.registerBindings() }

    let context = ParseContext(symbols: [Symbol("t", .positive), Symbol("x", .positive)])

    func evaluate(_ text: String, digits: Int) throws -> DigitsEvaluation {
        try context.parse(text).evaluate(digits: digits, functions: Engine.standard.numericFunctions)
    }

    /// ∫… = closed form to `digits` digits, and ∫… ≠ closed form·(1 + 10^(5 − digits)).
    func assertIntegral(_ integral: String, equals closedForm: String, digits: Int = 30,
                        file: StaticString = #filePath, line: UInt = #line) {
        do {
            let i = try evaluate(integral, digits: digits)
            let c = try evaluate(closedForm, digits: digits)
            XCTAssertTrue(i.isConverged, "\(integral): not converged (\(i.digits) digits)", file: file, line: line)
            XCTAssertEqual(i.text, c.text, "\(integral) = \(i.text), closed form \(c.text)", file: file, line: line)
            let wrong = try evaluate("(\(closedForm))*(1 + 10^(\(5 - digits)))", digits: digits)
            XCTAssertNotEqual(i.text, wrong.text, "\(integral): a closed form off by 10^(\(5 - digits)) was accepted", file: file, line: line)
        } catch {
            XCTFail("\(integral): \(error)", file: file, line: line)
        }
    }

    /// The form must not produce digits: an error or an unconverged evaluation.
    func assertNoDigits(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let r = try evaluate(text, digits: 15)
            XCTAssertFalse(r.isConverged, "\(text) gave digits: \(r.text)", file: file, line: line)
        } catch {}
    }

    func testMpmathBasicIntegrals() {
        assertIntegral("integrate(x_^3 - 3*x_^2, x_, -2, 4)", equals: "-12")
        assertIntegral("integrate(sin(u), u, 0, pi)", equals: "2")
        assertIntegral("integrate(exp(u), u, -oo, -1)", equals: "exp(-1)")
        assertIntegral("integrate(exp(-u), u, 0, oo)", equals: "1")
        assertIntegral("integrate(exp(-u^2), u, -oo, oo)", equals: "sqrt(pi)")
        assertIntegral("integrate(1/(1 + u^2), u, -1, 1)", equals: "pi/2")
        assertIntegral("integrate(1/(1 + u^2), u, -oo, oo)", equals: "pi")
        assertIntegral("integrate(2*sqrt(1 - u^2), u, -1, 1)", equals: "pi")
        // mirrored limits change the sign
        assertIntegral("integrate(exp(-u^2), u, oo, -oo)", equals: "-sqrt(pi)")
        assertIntegral("integrate(exp(u), u, 0, -oo)", equals: "-1")
    }

    func testMpmathExperimentationInMathematics() {
        assertIntegral("integrate(u/sinh(u), u, 0, oo)", equals: "pi^2/4")
        assertIntegral("integrate(log(u)^2/(1 + u^2), u, 0, oo)", equals: "pi^3/8")
        assertIntegral("integrate((1 + u^2)/(1 + u^4), u, 0, oo)", equals: "pi/sqrt(2)")
        assertIntegral("integrate(log(1 + u^3)/(1 - u + u^2), u, 0, oo)", equals: "2*pi*log(3)/sqrt(3)")
        assertIntegral("integrate(log(u)^2/(u^2 + u + 1), u, 0, 1)", equals: "8*pi^3/(81*sqrt(3))")
        assertIntegral("integrate(log(cos(u))^2, u, 0, pi/2)", equals: "pi/2*(log(2)^2 + pi^2/12)")
        assertIntegral("integrate(u^2/sin(u)^2, u, 0, pi/2)", equals: "pi*log(2)")
        assertIntegral("integrate(u^2/sqrt(exp(u) - 1), u, 0, oo)", equals: "4*pi*(log(2)^2 + pi^2/12)")
        assertIntegral("integrate(u*exp(-u)*sqrt(1 - exp(-2*u)), u, 0, oo)", equals: "pi*(1 + 2*log(2))/8")
    }

    func testMpmathDoubleIntegrals() {
        assertIntegral("integrate(integrate(cos(u + v/2), v, 0, pi), u, -pi/2, pi/2)", equals: "4", digits: 15)
        assertIntegral("integrate(integrate(1/sqrt(1 + u^2 + v^2), v, -1, 1), u, -1, 1)", equals: "4*log(2 + sqrt(3)) - 2*pi/3", digits: 15)
        assertIntegral("integrate(integrate(exp(-u - v), v, 0, oo), u, 0, oo)", equals: "1", digits: 15)
        assertIntegral("integrate(integrate(exp(-u^2 - v^2), v, -oo, oo), u, -oo, oo)", equals: "pi", digits: 15)
    }

    /// mpmath's quadosc example and Fourier integrals with closed forms (oscillatory tails).
    func testOscillatoryIntegralsOnHalfLines() {
        assertIntegral("integrate(sin(u)/u, u, 0, oo)", equals: "pi/2")
        assertIntegral("integrate(cos(2*u)/(1 + u^2), u, 0, oo)", equals: "pi/2*exp(-2)", digits: 25)
        assertIntegral("integrate(sin(u)^2/u^2, u, 0, oo)", equals: "pi/2", digits: 15)
    }

    /// A parameter of the enclosing expression is substituted before integrating.
    func testParametersReachTheIntegrand() throws {
        let e = try context.parse("integrate(exp(-x*u), u, 0, oo)")
        XCTAssertEqual(e.freeSymbols, [Symbol("x", .positive)], "u is bound, oo is a limit")
        let v = try e.evaluate(digits: 25, at: [Symbol("x", .positive): Expr(BigRational(7, 3))], functions: [:])
        XCTAssertEqual(v.text, try evaluate("3/7", digits: 25).text)
    }

    /// A Sommerfeld integral ∫₀^∞ √ε f(ε) dε (μ = 1, t = 1/10): the Fermi-layer map over the whole
    /// half-line (tanh–sinh at the √ε end) against another layout, the layer on [0, 2] and exp–sinh on
    /// [2, ∞), with the Fermi function written 1/(exp(…) + 1). (The t → 0 expansion is
    /// examples/fourier-and-sommerfeld.md.)
    func testSommerfeldIntegralWithTheFermiLayer() {
        assertIntegral("integrate(sqrt(e_)*fermi((e_ - 1)*10), e_, 0, oo)",
                       equals: "integrate(sqrt(e_)/(exp((e_ - 1)*10) + 1), e_, 0, 2) + integrate(sqrt(e_)/(exp((e_ - 1)*10) + 1), e_, 2, oo)",
                       digits: 25)
    }

    func testSeries() {
        assertIntegral("nsum(1/n^2, n, 1, oo)", equals: "pi^2/6", digits: 25)
        assertIntegral("nsum((-1)^n/(2*n + 1), n, 0, oo)", equals: "pi/4", digits: 25)
        assertIntegral("nsum(1/2^n, n, 0, oo)", equals: "2", digits: 25)
        assertIntegral("nsum(n^2, n, 1, 10)", equals: "385")
    }

    func testDivergentFormsGiveNoDigits() {
        assertNoDigits("integrate(1/u, u, 1, oo)")
        assertNoDigits("integrate(sin(u), u, 0, oo)")
        assertNoDigits("nsum(1/n, n, 1, oo)")
        assertNoDigits("nsum((-1)^n, n, 0, oo)")
    }

    func testBadInputIsRefused() {
        XCTAssertThrowsError(try context.parse("integrate(x^2, x, 0, 1)"), "x is a symbol of the context: a bound variable must be new")
        XCTAssertThrowsError(try context.parse("integrate(u^2, 2, 0, 1)"), "the variable must be a name")
        XCTAssertThrowsError(try context.parse("integrate(u^2, u, 0)"), "four arguments")
        XCTAssertThrowsError(try context.parse("integrate(u^2, u, 0, u)"), "a limit cannot depend on the variable")
    }
}
