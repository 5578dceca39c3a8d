import XCTest
@testable import Symbolic

/// expand, substitute, replace.
final class AlgebraExpandSubstituteTests: XCTestCase {
    let a = Expr.symbol("a"), b = Expr.symbol("b"), c = Expr.symbol("c")
    let x = Expr.symbol("x", .real), y = Expr.symbol("y", .real)

    func testBinomialAndMultinomial() {
        // (a + b)² = a² + 2ab + b²
        XCTAssertEqual(Expr.pow(a + b, 2).expanded(), a * a + 2 * a * b + b * b)
        // (a + b)²(a − b) = a³ + a²b − ab² − b³
        XCTAssertEqual((Expr.pow(a + b, 2) * (a - b)).expanded(),
                       Expr.pow(a, 3) + Expr.pow(a, 2) * b - a * Expr.pow(b, 2) - Expr.pow(b, 3))
        // (a + b + c)³ has 10 monomials and its value at a = b = c = 1 is 27.
        let e = Expr.pow(a + b + c, 3).expanded()
        guard case .sum(let ts) = e else { return XCTFail("not a sum") }
        XCTAssertEqual(ts.count, 10)
        XCTAssertEqual(e.substituting([Symbol("a"): 1, Symbol("b"): 1, Symbol("c"): 1]), Expr(27))
        // Binomial coefficient of a^5 b^5 in (a+b)^10 is 252.
        let ten = Expr.pow(a + b, 10).expanded()
        guard case .sum(let tt) = ten else { return XCTFail() }
        XCTAssertTrue(tt.contains(252 * Expr.pow(a, 5) * Expr.pow(b, 5)))
    }

    func testExpandInsideFunctionsAndWithComplexCoefficients() {
        XCTAssertEqual(Expr.exp(Expr.pow(x + 1, 2)).expanded(), Expr.exp(x * x + 2 * x + 1))
        // (x + i y)(x − i y) = x² + y²
        XCTAssertEqual(((x + .i * y) * (x - .i * y)).expanded(), x * x + y * y)
        // Half-integer powers recombine: √x (√x + 1) = x + √x.
        let p = Expr.symbol("p", .positive)
        XCTAssertEqual((Expr.sqrt(p) * (Expr.sqrt(p) + 1)).expanded(), p + Expr.sqrt(p))
        // Wrong: (a + b)² ≠ a² + b²
        XCTAssertNotEqual(Expr.pow(a + b, 2).expanded(), a * a + b * b)
    }

    func testExpandKeepsDenominators() {
        let e = (a + b) / (a - b)
        XCTAssertEqual(e.expanded(), a / (a - b) + b / (a - b))
    }

    func testSubstitution() {
        let xs = Symbol("x", .real), ys = Symbol("y", .real)
        // x·y with y ↦ 1/x is 1.
        XCTAssertEqual((x * y).substituting([ys: 1 / x]), .one)
        // Simultaneous: {x ↦ y, y ↦ x} swaps.
        XCTAssertEqual((x - 2 * y).substituting([xs: y, ys: x]), y - 2 * x)
        // sin(x)² + x with x ↦ π/2 gives 1 + π/2.
        XCTAssertEqual((Expr.pow(.sin(x), 2) + x).substituting(xs, with: .pi / 2), .one + .pi / 2)
        // Substituting a symbol that does not occur changes nothing.
        XCTAssertEqual((x + 1).substituting([Symbol("zz"): 3]), x + 1)
        // Same name, other assumptions: a different symbol, not substituted.
        XCTAssertEqual((x + 1).substituting([Symbol("x"): 3]), x + 1)
    }

    func testReplacingSubtrees() {
        // Replace a + b by c inside a + b + x.
        XCTAssertEqual((a + b + x).replacing(a + b, with: c), c + x)
        // Replace a product inside a power.
        XCTAssertEqual(Expr.exp(2 * a * b).replacing(a * b, with: c), Expr.exp(2 * c))
        XCTAssertEqual(Expr.sin(x * y).replacing(x * y, with: .pi), .zero)
    }
}
