import XCTest
@testable import Symbolic

/// LaTeX output: snapshots of the printer's formatting on paper-style formulas, and structural
/// properties (balanced braces and delimiters) on random expressions.
final class PrinterLatexTests: XCTestCase {
    let context = ParseContext(symbols: [Symbol("v_a"), Symbol("eps_d_a", .real), Symbol("eF", .real), Symbol("U_a", .positive),
                                         Symbol("kappa_a", .positive), Symbol("x"), Symbol("t", .positive), Symbol("ek", .real),
                                         Symbol("J_ab", .real), Symbol("κ_a", .positive), Symbol("ε_d", .real), Symbol("T", .positive)])

    func latex(_ text: String) throws -> String { try context.parse(text).latex }

    func testSdCouplingFormula() throws {
        // The form of NC(17) g_a as transcribed in derivations (formatting snapshot).
        XCTAssertEqual(try latex("-abs(v_a)^2*((eps_d_a+U_a-eF)/((eps_d_a+U_a-eF)^2+kappa_a^2/4) + 1/(eF-eps_d_a))"),
                       #"-\left\lvert v_{a} \right\rvert^{2} \left(\frac{1}{\mathrm{eF} - \varepsilon_{d,a}} + \frac{U_{a} + \varepsilon_{d,a} - \mathrm{eF}}{\left(U_{a} + \varepsilon_{d,a} - \mathrm{eF}\right)^{2} + \frac{\kappa_{a}^{2}}{4}}\right)"#)
        XCTAssertEqual(try latex("kappa_a*abs(v_a)^2/(eps_d_a+U_a-eF)^2"),
                       #"\frac{\kappa_{a} \left\lvert v_{a} \right\rvert^{2}}{\left(U_{a} + \varepsilon_{d,a} - \mathrm{eF}\right)^{2}}"#)
        XCTAssertEqual(try latex("kappa_a/U_a*J_ab"), #"\frac{J_{\mathrm{ab}} \kappa_{a}}{U_{a}}"#)
    }

    func testFunctionsAndConstants() throws {
        XCTAssertEqual(try latex("(-x*cos(x)+sin(x))/x^4"), #"\frac{\sin\left(x\right) - x \cos\left(x\right)}{x^{4}}"#)
        XCTAssertEqual(try latex("sqrt(x)/(exp((x-1)/t)+1)"), #"\frac{\sqrt{x}}{\exp\left(\frac{x - 1}{t}\right) + 1}"#)
        XCTAssertEqual(try latex("re(x)*conj(x)*fermi(x/T) + im(x)"),
                       #"\overline{x} \mathrm{f}\left(\frac{x}{T}\right) \operatorname{Re}\left(x\right) + \operatorname{Im}\left(x\right)"#)
        XCTAssertEqual(try latex("exp(-x)"), #"\mathrm{e}^{-x}"#)
        XCTAssertEqual(try latex("2^(1/3)*x^(2/3)"), #"\sqrt[3]{2} x^{2/3}"#)
        XCTAssertEqual(try latex("E^2*pi"), #"\pi \mathrm{e}^{2}"#)
        XCTAssertEqual(Expr.infinity.latex, #"\infty"#)
        XCTAssertEqual(try latex("3/4 + I/2*x"), #"\frac{\mathrm{i} x}{2} + \frac{3}{4}"#)
        XCTAssertEqual(try latex("2*3^x"), #"2 \cdot 3^{x}"#)
        XCTAssertEqual(try latex("(1+I)*x"), #"\left(1 + \mathrm{i}\right) x"#)
        XCTAssertEqual(try latex("atan(x) + tanh(x)"), #"\arctan\left(x\right) + \tanh\left(x\right)"#)
        XCTAssertEqual(Expr.call("J_int", [.symbol("x"), 2]).latex, #"J_{\mathrm{int}}\left(x, 2\right)"#)
    }

    func testGreekNamesAndSubscripts() throws {
        XCTAssertEqual(LatexPrinter.name("kappa"), #"\kappa"#)
        XCTAssertEqual(LatexPrinter.name("eps_d"), #"\varepsilon_{d}"#)
        XCTAssertEqual(LatexPrinter.name("lam_ap"), #"\lambda_{\mathrm{ap}}"#)
        XCTAssertEqual(LatexPrinter.name("Omega_ab"), #"\Omega_{\mathrm{ab}}"#)
        XCTAssertEqual(LatexPrinter.name("gamma_a"), #"\gamma_{a}"#)
        XCTAssertEqual(LatexPrinter.name("ek"), #"\mathrm{ek}"#)
        XCTAssertEqual(LatexPrinter.name("x"), "x")
        XCTAssertEqual(LatexPrinter.name("κ₁₂"), #"\kappa_{12}"#)
        XCTAssertEqual(LatexPrinter.name("κ_a"), #"\kappa_{a}"#)
        XCTAssertEqual(try latex("κ_a*ε_d"), #"\varepsilon_{d} \kappa_{a}"#)
    }

    func testRelationLatex() throws {
        let r = try context.parseRelation("x ≲ kappa_a/2")
        XCTAssertEqual(r.latex, #"x \lesssim \frac{\kappa_{a}}{2}"#)
        XCTAssertEqual(r.description, "x <~ kappa_a/2")
    }

    func testBalancedOnRandomExpressions() {
        var generator = RandomCanonicalExpressions(seed: 314)
        for _ in 0..<500 {
            let e = generator.expression(depth: 4)
            let s = e.latex
            var depth = 0
            var previous: Character = " "
            for ch in s {
                if previous != "\\" {
                    if ch == "{" { depth += 1 }
                    if ch == "}" { depth -= 1 }
                }
                XCTAssertGreaterThanOrEqual(depth, 0, s)
                previous = ch
            }
            XCTAssertEqual(depth, 0, s)
            XCTAssertEqual(s.components(separatedBy: "\\left").count, s.components(separatedBy: "\\right").count, s)
        }
    }
}
