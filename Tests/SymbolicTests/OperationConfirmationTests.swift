import XCTest
@testable import Symbolic

/// The independent numeric checks behind every limit, leading term, series and real/imaginary part
/// (issue 20): the right results are confirmed, deliberately wrong ones are refuted.
final class OperationConfirmationTests: XCTestCase {
    let w = Symbol("w", .real), eta = Symbol("eta", .positive), D = Symbol("D", .positive), x = Symbol("x", .real)
    let z = Symbol("z", .complex)

    var issueLog: Expr {
        let (W, E, d) = (Expr.symbol(w), Expr.symbol(eta), Expr.symbol(D))
        return .log((W + d + .i * E) / (W - d + .i * E))
    }

    func testLimitOnTheRightSideIsConfirmedAndTheWrongSideRefuted() {
        let right = OperationConfirmation.approach(issueLog, to: -.pi * .i, ratio: false, variable: D, point: .infinity,
                                                   approach: .twoSided, name: "limit")
        XCTAssertEqual(right.status, .confirmed, right.how)
        // The value the engine used to print, +iπ, and other wrong values.
        for wrong in [Expr.pi * .i, .zero, -.pi * .i + Expr(BigRational(1, 1000))] {
            let c = OperationConfirmation.approach(issueLog, to: wrong, ratio: false, variable: D, point: .infinity,
                                                   approach: .twoSided, name: "limit")
            XCTAssertEqual(c.status, .refuted, "\(wrong): \(c.how)")
        }
        let sqrtCase = Expr.sqrt(-1 - .i / .symbol(D))
        XCTAssertEqual(OperationConfirmation.approach(sqrtCase, to: -.i, ratio: false, variable: D, point: .infinity, approach: .twoSided, name: "l").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.approach(sqrtCase, to: .i, ratio: false, variable: D, point: .infinity, approach: .twoSided, name: "l").status, .refuted)
    }

    func testOneSidedAndTwoSidedLimits() {
        let X = Expr.symbol(x)
        let sign = X / Expr.abs(X)
        XCTAssertEqual(OperationConfirmation.approach(sign, to: .one, ratio: false, variable: x, point: .zero, approach: .fromAbove, name: "l").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.approach(sign, to: .one, ratio: false, variable: x, point: .zero, approach: .fromBelow, name: "l").status, .refuted)
        // Two-sided: both sides must agree with the result.
        XCTAssertEqual(OperationConfirmation.approach(sign, to: .one, ratio: false, variable: x, point: .zero, approach: .twoSided, name: "l").status, .refuted)
    }

    func testSlowConvergenceIsNotRefuted() {
        // 1/log x → 0 only like 1/110 at x = 10^48: the check cannot confirm, but must not refute.
        let c = OperationConfirmation.approach(1 / Expr.log(.symbol(D)), to: .zero, ratio: false, variable: D, point: .infinity, approach: .twoSided, name: "l")
        XCTAssertEqual(c.status, .unconfirmed, c.how)
    }

    func testLeadingTermRatioCheck() {
        let X = Expr.symbol(x)
        let f = Expr.sin(X) - X
        XCTAssertEqual(OperationConfirmation.approach(f, to: -Expr.pow(X, 3) / 6, ratio: true, variable: x, point: .zero, approach: .twoSided, name: "l").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.approach(f, to: Expr.pow(X, 3) / 6, ratio: true, variable: x, point: .zero, approach: .twoSided, name: "l").status, .refuted)
        XCTAssertEqual(OperationConfirmation.approach(f, to: -Expr.pow(X, 2) / 6, ratio: true, variable: x, point: .zero, approach: .twoSided, name: "l").status, .refuted)
    }

    func testSeriesRemainderCheck() {
        let X = Expr.symbol(x)
        let f = Expr.exp(X)
        let right = 1 + X + X * X / 2 + Expr.pow(X, 3) / 6
        XCTAssertEqual(OperationConfirmation.series(f, polynomial: right, variable: x, point: .zero, approach: .twoSided, order: 3, ramification: 1, valuation: 0, name: "s").status, .confirmed)
        // A missing x³ term (the old off-by-one) and a wrong coefficient are refuted.
        let short = 1 + X + X * X / 2
        XCTAssertEqual(OperationConfirmation.series(f, polynomial: short, variable: x, point: .zero, approach: .twoSided, order: 3, ramification: 1, valuation: 0, name: "s").status, .refuted)
        let wrong = 1 + X + X * X / 3 + Expr.pow(X, 3) / 6
        XCTAssertEqual(OperationConfirmation.series(f, polynomial: wrong, variable: x, point: .zero, approach: .twoSided, order: 3, ramification: 1, valuation: 0, name: "s").status, .refuted)
        // Across a cut from below: log(−1 − i x) = −iπ + i x + x²/2 + …; +iπ is refuted.
        let g = Expr.log(-1 - .i * X)
        let below = -Expr.pi * .i + .i * X + X * X / 2
        XCTAssertEqual(OperationConfirmation.series(g, polynomial: below, variable: x, point: .zero, approach: .fromAbove, order: 2, ramification: 1, valuation: 0, name: "s").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.series(g, polynomial: below + 2 * Expr.pi * .i, variable: x, point: .zero, approach: .fromAbove, order: 2, ramification: 1, valuation: 0, name: "s").status, .refuted)
    }

    func testComplexPartsCheck() {
        let Z = Expr.symbol(z)
        let e = 1 / (Z + .i)
        let (re, im) = e.complexParts()
        XCTAssertEqual(OperationConfirmation.complexPart(e, part: re, imaginary: false, name: "re").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.complexPart(e, part: im, imaginary: true, name: "im").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.complexPart(e, part: im, imaginary: false, name: "re").status, .refuted)
        XCTAssertEqual(OperationConfirmation.complexPart(e, part: -im, imaginary: true, name: "im").status, .refuted)
    }

    func testWithoutALedgerARefutedOperationThrows() {
        let c = OperationCertificate(operation: "limit(f, x, 0) = 1", status: .refuted, how: "test")
        XCTAssertThrowsError(try OperationLedger.submit(c))
        let ledger = OperationLedger()
        XCTAssertNoThrow(try OperationLedger.$current.withValue(ledger) { try OperationLedger.submit(c) })
        XCTAssertEqual(ledger.certificates, [c])
    }

    func testOperationsRecordTheirCertificates() throws {
        let context = ParseContext(symbols: [w, eta, D, x], operations: StandardOperations.all)
        let ledger = OperationLedger()
        _ = try OperationLedger.$current.withValue(ledger) {
            try context.parse("limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo) + series(exp(x), x, 0, 2) + leading(sin(x), x, 0) + re_part(1/(w + I*eta))")
        }
        XCTAssertEqual(ledger.certificates.count, 4)
        XCTAssertTrue(ledger.certificates.allSatisfy { $0.status == .confirmed }, ledger.certificates.map(\.description).joined(separator: "\n"))
    }

    /// Calls free of the variable (formal atoms) are sampled as independent constants.
    func testCallsFreeOfTheVariableAreConstants() {
        let X = Expr.symbol(x)
        let atom = Expr.call("trD", [Expr.symbol(z), Expr(1)])
        let f = atom * Expr.exp(X)
        XCTAssertEqual(OperationConfirmation.series(f, polynomial: atom * (1 + X), variable: x, point: .zero, approach: .twoSided,
                                                    order: 1, ramification: 1, valuation: 0, name: "s").status, .confirmed)
        XCTAssertEqual(OperationConfirmation.series(f, polynomial: atom * (1 + 2 * X), variable: x, point: .zero, approach: .twoSided,
                                                    order: 1, ramification: 1, valuation: 0, name: "s").status, .refuted)
    }
}
