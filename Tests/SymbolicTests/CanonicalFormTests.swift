import XCTest
@testable import Symbolic

/// Equal expressions written differently must compare equal (the canonical form of `Expr`).
final class CanonicalFormTests: XCTestCase {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), p = Expr.symbol("p", .positive), r = Expr.symbol("r", .real)

    func testLikeTermsCombine() {
        XCTAssertEqual(x + y - x, y)
        XCTAssertEqual(x + x, 2 * x)
        XCTAssertEqual(x * y + y * x, 2 * x * y)
        XCTAssertEqual(2 * (x + y) - 2 * x, 2 * y)
        XCTAssertEqual((x + y) - (y + x), .zero)
    }

    func testPowersCombine() {
        XCTAssertEqual(x * x, Expr.pow(x, 2))
        XCTAssertEqual(Expr.pow(x, 2) / x, x)
        XCTAssertEqual(Expr.sqrt(x) * Expr.sqrt(x), x)
        XCTAssertEqual(Expr.pow(Expr.pow(x, 2), 3), Expr.pow(x, 6))
        XCTAssertEqual(Expr.exp(x) * Expr.exp(y), Expr.exp(x + y))
    }

    func testExactNumbers() {
        XCTAssertEqual(Expr.sqrt(Expr(4)), Expr(2))
        XCTAssertEqual(Expr.sqrt(Expr(8)), 2 * Expr.sqrt(Expr(2)))
        XCTAssertEqual(Expr.sqrt(Expr(-1)), .i)
        XCTAssertEqual(Expr.i * .i, .minusOne)
        XCTAssertEqual(Expr.exp(.i * .pi), .minusOne)
        XCTAssertEqual(Expr.cos(.pi), .minusOne)
        XCTAssertEqual(Expr.sin(.pi / 2), .one)
        XCTAssertEqual(Expr(1) / Expr(3) + Expr(1) / Expr(6), Expr.half)
    }

    func testAssumptions() {
        XCTAssertEqual(Expr.abs(p), p)
        XCTAssertEqual(Expr.abs(-p), p)
        XCTAssertEqual(Expr.conj(r), r)
        XCTAssertEqual(Expr.re(r + .i * p), r)
        XCTAssertEqual(Expr.im(r + .i * p), p)
        XCTAssertEqual(Expr.pow(Expr.abs(r), 2), Expr.pow(r, 2))
        XCTAssertNotEqual(Expr.abs(x), x)
        XCTAssertTrue((p * p + 1).isKnownPositive)
        XCTAssertTrue((-p - 1).isKnownNegative)
        XCTAssertFalse((p - 1).isKnownPositive)
    }
}
