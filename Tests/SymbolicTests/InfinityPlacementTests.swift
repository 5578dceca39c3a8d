import XCTest
@testable import Symbolic

/// ∞ (`oo`) is a limit point, not a number (issue 20): outside the point argument of limit, series
/// and leading it is a parse error at its column, and an operation whose result is infinite may not
/// pass ∞ into arithmetic — otherwise `oo - oo` cancels to 0 and `oo/oo` to 1.
final class InfinityPlacementTests: XCTestCase {
    let context = ParseContext(undeclaredNames: .create(.complex), operations: StandardOperations.all)

    func parse(_ text: String) throws -> Expr { try context.parse(text) }

    func testInfinityOutsideALimitPointIsAnErrorAtItsColumn() {
        for (text, column) in [("oo - oo", 1), ("x + oo", 5), ("oo/oo", 1), ("0*oo", 3), ("exp(-oo)", 6), ("limit(oo, x, 0)", 7),
                               ("limit(x, oo, 0)", 10), ("sin(oo)", 5), ("-oo", 2)] {
            XCTAssertThrowsError(try parse(text), text) { error in
                guard let e = error as? ParseError else { return XCTFail("\(text): \(error)") }
                XCTAssertEqual(e.column, column, "\(text): \(e.message)")
                XCTAssertTrue(e.message.contains("infinity"), e.message)
            }
        }
    }

    func testInfinityAsALimitPointWorks() throws {
        XCTAssertEqual(try parse("limit(1/x, x, oo)"), .zero)
        XCTAssertEqual(try parse("limit(exp(x), x, -oo)"), .zero)
        XCTAssertEqual(try parse("limit(atan(x), x, +oo)"), .pi / 2)
        XCTAssertEqual(try parse("leading(x/(x^2+1), x, oo)").text, try parse("1/x").text)
        XCTAssertNoThrow(try parse("series(1/(1+x), x, oo, 3)"))
    }

    func testInfiniteResultsDoNotEnterArithmetic() {
        // limit(1/x, x, 0, 1) = +∞: on its own or combined, it is refused at the operation.
        for text in ["limit(1/x, x, 0, 1)", "limit(1/x, x, 0, 1) - limit(1/x, x, 0, 1)", "limit(x, x, oo)/limit(x, x, oo)"] {
            XCTAssertThrowsError(try parse(text), text) { error in
                XCTAssertTrue((error as? ParseError)?.message.contains("infinite") ?? false, "\(text): \(error)")
            }
        }
    }

    func testAnIdentityBetweenInfinitiesCannotBeStated() {
        // `identity 'oo - oo' 0` used to be "verified exactly".
        XCTAssertThrowsError(try ParseContext.lenient.parse("oo - oo"))
        XCTAssertThrowsError(try ParseContext.lenient.parseRelation("oo == oo + 1"))
    }
}
