import XCTest
@testable import Symbolic

/// Differentiation: rules, special functions, Wirtinger convention.
final class AlgebraDerivativeTests: XCTestCase {
    let xs = Symbol("x", .real), ys = Symbol("y", .real)
    var x: Expr { .symbol(xs) }
    var y: Expr { .symbol(ys) }

    func testProductQuotientChainRules() {
        let f = Expr.sin(x), g = Expr.exp(2 * x)
        // (fg)' = f'g + fg'
        XCTAssertEqual((f * g).derivative(xs), (f.derivative(xs) * g + f * g.derivative(xs)))
        // (1/x)' = −1/x²
        XCTAssertEqual((1 / x).derivative(xs), -Expr.pow(x, -2))
        // d/dx sin(x²) = 2x cos(x²)
        XCTAssertEqual(Expr.sin(x * x).derivative(xs), 2 * x * Expr.cos(x * x))
        // d/dx x^x = x^x (log x + 1)
        let xx = Expr.pow(x, x)
        XCTAssertEqual(xx.derivative(xs).together(), (xx * (Expr.log(x) + 1)).together())
        // Wrong sign must differ.
        XCTAssertNotEqual(Expr.cos(x).derivative(xs), Expr.sin(x))
        // Partial derivatives commute.
        let h = Expr.exp(x * y) / (x + y * y)
        XCTAssertEqual(h.derivative(xs).derivative(ys).together(), h.derivative(ys).derivative(xs).together())
    }

    func testSpecialFunctions() {
        // fermi' = −f(1 − f) and the same from fermi(x) = 1/(e^x + 1).
        let f = Expr.fermi(x)
        let byDefinition = (1 / (Expr.exp(x) + 1)).derivative(xs)
        let fromRule = f.derivative(xs).substituting(xs, with: x)
        let fermiAsRational = fromRule.replacing(f, with: 1 / (Expr.exp(x) + 1))
        XCTAssertEqual(fermiAsRational.together(), byDefinition.together())
        XCTAssertEqual(f.derivative(xs).substituting(xs, with: .zero), Expr(BigRational(-1, 4)))
        XCTAssertEqual(Expr.log(x).derivative(xs), 1 / x)
        XCTAssertEqual(Expr.apply(.atan, x).derivative(xs), 1 / (1 + x * x))
        // tanh' = 1 − tanh² = sech²: check against cosh/sinh derivative of sinh/cosh.
        let tanhByQuotient = (Expr.apply(.sinh, x) / Expr.apply(.cosh, x)).derivative(xs)
        let t = Expr.apply(.tanh, x).derivative(xs).replacing(Expr.apply(.tanh, x), with: Expr.apply(.sinh, x) / Expr.apply(.cosh, x))
        XCTAssertEqual((tanhByQuotient - t).together(), .zero)
        // d|x|/dx = x/|x| for real x.
        XCTAssertEqual(Expr.abs(x).derivative(xs), x / Expr.abs(x))
        // Higher derivatives: (x⁵)''' = 60x².
        XCTAssertEqual(Expr.pow(x, 5).derivative(xs, order: 3), 60 * x * x)
    }

    func testWirtingerConvention() {
        let zs = Symbol("z"), z = Expr.symbol(zs)
        XCTAssertEqual(Expr.conj(z).derivative(zs), .zero)
        XCTAssertEqual((z * Expr.conj(z)).derivative(zs), Expr.conj(z))
        XCTAssertEqual(Expr.re(z).derivative(zs), .half)
        XCTAssertEqual(Expr.im(z).derivative(zs), -Expr.i / 2)
        XCTAssertEqual(Expr.abs(z).derivative(zs), Expr.conj(z) / (2 * Expr.abs(z)))
        // |z|² = z z̄: both forms agree.
        XCTAssertEqual(Expr.pow(.abs(z), 2).derivative(zs), Expr.conj(z))
        // conj of a holomorphic function has zero ∂/∂z.
        XCTAssertEqual(Expr.conj(Expr.exp(z)).derivative(zs), .zero)
    }

    func testUninterpretedCalls() {
        let e = Expr.call("F", [x * x, y])
        XCTAssertEqual(e.derivative(xs), 2 * x * Expr.call("D[1]F", [x * x, y]))
        XCTAssertEqual(e.derivative(ys), Expr.call("D[2]F", [x * x, y]))
    }
}
