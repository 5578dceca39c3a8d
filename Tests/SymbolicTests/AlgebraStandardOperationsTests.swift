import XCTest
@testable import Symbolic

/// The operations exposed to the text syntax.
final class AlgebraStandardOperationsTests: XCTestCase {
    let x = Expr.symbol("x", .real), y = Expr.symbol("y", .real)
    func op(_ name: String, _ args: [Expr]) throws -> Expr {
        guard let f = StandardOperations.all[name] else { throw OperationError("no operation \(name)") }
        return try f(args)
    }

    func testEveryOperationIsRegistered() {
        for name in ["subs", "limit", "series", "leading", "diff", "expand", "together", "numerator",
                     "denominator", "cancel", "re_part", "im_part", "coeff"] {
            XCTAssertNotNil(StandardOperations.all[name], name)
        }
    }

    func testOperations() throws {
        XCTAssertEqual(try op("subs", [x * y, x, 2, y, 3]), Expr(6))
        // Variables match by name even when the caller's symbol has other assumptions.
        XCTAssertEqual(try op("subs", [x + 1, .symbol("x"), 4]), Expr(5))
        XCTAssertEqual(try op("limit", [Expr.sin(x) / x, x, 0]), .one)
        // oo as parsed without assumptions still means +∞; -oo is −∞.
        XCTAssertEqual(try op("limit", [(2 * x + 1) / (x - 3), x, .symbol("oo")]), Expr(2))
        XCTAssertEqual(try op("limit", [Expr.pow(x, 3) / (x * x + 1), x, -Expr.symbol("oo")]), -.infinity)
        XCTAssertEqual(try op("limit", [1 / x, x, 0, 1]), .infinity)
        XCTAssertEqual(try op("limit", [1 / x, x, 0, -1]), -.infinity)
        // A positive variable approaches 0 from above: zero temperature of a Fermi function.
        let T = Expr.symbol("T", .positive), e = Expr.symbol("e", .positive)
        XCTAssertEqual(try op("limit", [Expr.fermi(-e / T), T, 0]), .one)
        // Up to and including x³ (derivations/README.md).
        XCTAssertEqual(try op("series", [Expr.exp(x), x, 0, 2]), 1 + x + x * x / 2)
        XCTAssertEqual(try op("series", [Expr.exp(x), x, 0, 3]), 1 + x + x * x / 2 + Expr.pow(x, 3) / 6)
        // √(x² + x³) = |x|·√(1 + x): x + x²/2 from above, −x − x²/2 from below.
        let r = Expr.sqrt(x * x + Expr.pow(x, 3))
        XCTAssertEqual(try op("series", [r, x, 0, 2, 1]), x + x * x / 2)
        XCTAssertEqual(try op("series", [r, x, 0, 2, -1]), -x - x * x / 2)
        XCTAssertEqual(try op("leading", [r, x, 0, -1]), -x)
        XCTAssertEqual(try op("leading", [(x * x + 1) / (2 * x - 1), x, .infinity]), x / 2)
        XCTAssertEqual(try op("diff", [Expr.pow(x, 3), x]), 3 * x * x)
        XCTAssertEqual(try op("diff", [Expr.pow(x, 3), x, 2]), 6 * x)
        XCTAssertEqual(try op("expand", [Expr.pow(x + 1, 2)]), x * x + 2 * x + 1)
        XCTAssertEqual(try op("together", [1 / x + 1 / y]), (x + y) / (x * y))
        XCTAssertEqual(try op("numerator", [1 / x + 1 / y]), x + y)
        XCTAssertEqual(try op("denominator", [1 / x + 1 / y]), x * y)
        XCTAssertEqual(try op("cancel", [(x * x - 1) / (x + 1)]), x - 1)
        // (x + y)³: coefficient of x² is 3y; of x⁴ is 0.
        XCTAssertEqual(try op("coeff", [Expr.pow(x + y, 3), x, 2]), 3 * y)
        XCTAssertEqual(try op("coeff", [Expr.pow(x + y, 3), x, 4]), .zero)
        XCTAssertEqual(try op("coeff", [x * x / (y + 1) + x, x, 2]), 1 / (y + 1))
        XCTAssertEqual(try op("re_part", [1 / (x + .i * y)]), (x / (x * x + y * y)).together())
        XCTAssertEqual(try op("im_part", [1 / (x + .i * y)]), (-y / (x * x + y * y)).together())
    }

    func testWrongInputs() {
        XCTAssertThrowsError(try op("subs", [x, x]))                     // missing value
        XCTAssertThrowsError(try op("subs", [x, x + 1, 2]))              // not a symbol
        XCTAssertThrowsError(try op("limit", [x, x]))                    // missing point
        XCTAssertThrowsError(try op("limit", [1 / x, x, 0]))             // ±∞ from the two sides
        XCTAssertThrowsError(try op("limit", [1 / x, x, 0, 2]))          // side must be ±1
        XCTAssertThrowsError(try op("series", [Expr.exp(x), x, 0, .half]))   // non-integer order
        XCTAssertThrowsError(try op("series", [Expr.exp(x), x, 0, 5000]))    // order out of range
        XCTAssertThrowsError(try op("series", [Expr.exp(x), x, 0]))          // missing order
        XCTAssertThrowsError(try op("series", [Expr.sqrt(x * x + Expr.pow(x, 3)), x, 0, 3]))  // side matters
        XCTAssertThrowsError(try op("diff", [x, 2 * x]))                 // variable not a symbol
        XCTAssertThrowsError(try op("diff", [x, x, -1]))                 // negative order
        XCTAssertThrowsError(try op("diff", [x, .infinity]))             // oo is not a variable
        XCTAssertThrowsError(try op("expand", [x, y]))                   // arity
        XCTAssertThrowsError(try op("coeff", [1 / (x + 1), x, 0]))       // not a polynomial in x
        XCTAssertThrowsError(try op("coeff", [Expr.exp(x), x, 1]))
        XCTAssertThrowsError(try op("coeff", [x, x, -1]))
        do {
            _ = try op("series", [Expr.exp(x), x, 0, .half])
        } catch let e as OperationError {
            XCTAssertNotNil(e.fix)
            XCTAssertTrue(e.message.contains("argument 4"))
        } catch { XCTFail("not an OperationError") }
    }
}
