import XCTest
@testable import Symbolic

/// Series and limits across branch cuts (issue 20): the principal branches of log and z^α are
/// continuous from above their cut (−∞, 0]; a path that reaches the cut from below gets
/// log − 2πi and z^α e^(−2πiα), and when the side cannot be decided the operation refuses.
/// Each expected value is the principal branch evaluated by hand at the approach, never the engine's output.
final class AlgebraBranchCutTests: XCTestCase {
    let context = ParseContext(symbols: [Symbol("w", .real), Symbol("eta", .positive), Symbol("D", .positive),
                                         Symbol("x", .real), Symbol("a", .positive), Symbol("r", .real), Symbol("z", .complex)],
                               operations: StandardOperations.all)

    func value(_ text: String) throws -> Expr { try context.parse(text) }

    func assertEqual(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let got = try value(text), want = try value(expected)
        XCTAssertTrue((got - want).together().isZero || got == want, "\(text) = \(got), expected \(want)", file: file, line: line)
    }

    func testIssueCasesComeOutOnTheRightSide() throws {
        // (w + D + iη)/(w − D + iη) → −1 with Im → 0⁻ (it is −1 − 2iη/D + …): log → −iπ.
        try assertEqual("limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo)", "-I*pi")
        // −1 − i/D is below the cut: √ → −i (not +i).
        try assertEqual("limit(sqrt(-1 - I/D), D, oo)", "-I")
        try assertEqual("limit(sqrt(-1 + I/D), D, oo)", "I")
        try assertEqual("limit((-1 - I/D)^(2/3), D, oo)", "exp(-2*pi*I/3)")
        try assertEqual("limit((-a - I/D)^(1/2), D, oo)", "-I*sqrt(a)")
    }

    func testWrongSidesAreRejected() throws {
        // The values the engine used to give are not what it gives now.
        XCTAssertNotEqual(try value("limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo)"), try value("I*pi"))
        XCTAssertNotEqual(try value("limit(sqrt(-1 - I/D), D, oo)"), .i)
    }

    func testOneSidedLimitsAtAPointOnTheCut() throws {
        try assertEqual("limit(log(-1 + I*x), x, 0, 1)", "I*pi")
        try assertEqual("limit(log(-1 - I*x), x, 0, 1)", "-I*pi")
        try assertEqual("limit(log(-1 - I*x), x, 0, -1)", "I*pi")
        // On the cut itself (a real path): the principal value, continuous along the axis.
        try assertEqual("limit(log(-1 - x^2), x, 0)", "I*pi")
        try assertEqual("series(log(-1 - I*x), x, 0, 2, 1)", "-I*pi + I*x + x^2/2")
    }

    func testUndecidableSidesRefuse() {
        // Im of the path has an unknown sign (r real of either sign): no silent branch choice.
        XCTAssertThrowsError(try value("limit(log(-1 + I*r/D), D, oo)"))
        // Two-sided through the cut: the sides differ.
        XCTAssertThrowsError(try value("limit(log(-1 + I*x), x, 0)"))
        // From below, but whether the point is on the cut at all depends on r's sign.
        XCTAssertThrowsError(try value("limit(log(r - I/D), D, oo)"))
        // atan about a point of the imaginary axis (its cuts are there).
        XCTAssertThrowsError(try value("series(atan(2*I + x), x, 0, 2, 1)"))
    }

    func testOffTheCutNothingChanges() throws {
        try assertEqual("limit(log(2 + 1/D), D, oo)", "log(2)")
        try assertEqual("limit(sqrt(a + I/D), D, oo)", "sqrt(a)")
        try assertEqual("series(log(1 + x), x, 0, 3)", "x - x^2/2 + x^3/3")
    }

    /// `series(e, x, 0, n)` is the series up to and including xⁿ (derivations/README.md).
    func testSeriesIncludesTheTermOfOrderN() throws {
        try assertEqual("series(exp(x), x, 0, 3)", "1 + x + x^2/2 + x^3/6")
        try assertEqual("series(1/(1-x), x, 0, 0)", "1")
        try assertEqual("series(sqrt(x)*(1+x), x, 0, 1, 1)", "sqrt(x)")
        try assertEqual("series(1/(1+x), x, oo, 2)", "1/x - 1/x^2")
        // Wrong orders: one term short or one too many is a different polynomial.
        XCTAssertFalse((try value("series(exp(x), x, 0, 3)") - (try value("1 + x + x^2/2"))).together().isZero)
        XCTAssertFalse((try value("series(exp(x), x, 0, 3)") - (try value("1 + x + x^2/2 + x^3/6 + x^4/24"))).together().isZero)
    }
}

/// `subs` into expressions simplified under assumptions (issue 20): √(x²) = x only for x > 0.
final class SubstitutionAdmissibilityTests: XCTestCase {
    let context = ParseContext(symbols: [Symbol("x", .positive), Symbol("y", .real), Symbol("z", .complex), Symbol("n", .integer)],
                               operations: StandardOperations.all)

    func testProvableViolationsAreRefused() {
        for text in ["subs(sqrt(x^2), x, -1)", "subs(abs(x), x, -y^2 - 1)", "subs(x, x, I)", "subs(abs(y), y, 2*I)",
                     "subs(n, n, 1/2)"] {
            XCTAssertThrowsError(try context.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains("declared"), "\(text): \(error)")
            }
        }
    }

    func testAdmissibleValuesPass() throws {
        XCTAssertEqual(try context.parse("subs(sqrt(x^2), x, 3)"), Expr(3))
        XCTAssertEqual(try context.parse("subs(abs(y), y, -2)"), Expr(2))
        XCTAssertEqual(try context.parse("subs(z^2, z, I)"), .minusOne)
    }

    func testZeroForAPositiveSymbolIsTheOneSidedLimit() throws {
        let ledger = OperationLedger()
        let e = try OperationLedger.$current.withValue(ledger) { try context.parse("subs(x/(x^2 + 1) + 1, x, 0)") }
        XCTAssertEqual(e, .one)
        XCTAssertEqual(ledger.certificates.map(\.status), [.confirmed])
        // log x at x = 0: no finite one-sided limit; the substitution itself fails (log 0) or is unconfirmed.
        let other = OperationLedger()
        _ = try? OperationLedger.$current.withValue(other) { try context.parse("subs(x*log(x) + 1, x, 0)") }
        XCTAssertNotEqual(other.certificates.first?.status, .refuted)
    }

    func testValuesNotKnownToComplyAreRecordedAsUnconfirmed() throws {
        let ledger = OperationLedger()
        let e = try OperationLedger.$current.withValue(ledger) { try context.parse("subs(sqrt(x^2), x, y)") }
        XCTAssertEqual(e, .symbol(Symbol("y", .real)))
        XCTAssertEqual(ledger.certificates.count, 1)
        XCTAssertEqual(ledger.certificates.first?.status, .unconfirmed)
    }
}
