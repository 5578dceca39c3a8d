import XCTest
@testable import Symbolic

/// Sign decisions: proved only from structure; sampling can refute but never verify.
final class IdentitySignCheckerTests: XCTestCase {
    let s = Expr.symbol("s", .positive), t = Expr.symbol("t", .positive)
    let v = Expr.symbol("v", [.nonzero]), a = Expr.symbol("a", .real)
    let checker = SignChecker()

    /// g ≃ −|v|²[(ε_d + U − ε_F)⁻¹ + (ε_F − ε_d)⁻¹] with ε_F = ε_d + s, U = s + t: negative.
    var gFormula: Expr {
        let ed = Expr.symbol("ed", .real)
        let eF = ed + s, U = s + t
        return -Expr.pow(.abs(v), 2) * (1 / (ed + U - eF) + 1 / (eF - ed))
    }

    func testStructuralSignIsExact() {
        let verdict = checker.check(gFormula, is: .negative)
        XCTAssertEqual(verdict.kind, .verified, verdict.detail)
        XCTAssertEqual(verdict.method, .exact(falseAcceptBound: nil))
        // The flipped claim is refuted exactly.
        XCTAssertEqual(checker.check(gFormula, is: .positive).kind, .discrepancy)
        XCTAssertEqual(checker.check(Expr.pow(a, 2) + 1, is: .positive).kind, .verified)
    }

    func testTogetherDecidesWhatTheSumHides() {
        // 1/s − 1/(s + t) = t/(s(s + t)) > 0: the sum has terms of both signs.
        let e = 1 / s - 1 / (s + t)
        XCTAssertNil(e.knownSign)
        let verdict = checker.check(e, is: .positive)
        XCTAssertEqual(verdict.kind, .verified, verdict.detail)
        XCTAssertEqual(checker.check(e, is: .negative).kind, .discrepancy)
    }

    func testSamplingNeverVerifies() {
        // cos(s)² + 1/2 > 0 is true, but not structurally evident.
        let e = Expr.pow(.cos(s), 2) - Expr.pow(.sin(s), 2) + 3 / Expr(2)
        let verdict = checker.check(e, is: .positive)
        XCTAssertEqual(verdict.kind, .inconclusive, verdict.detail)
        XCTAssertTrue(verdict.detail.contains("cannot prove"), verdict.detail)
    }

    func testSamplingRefutesWrongSigns() {
        // The wrong-sign version of the g formula (a dropped minus) and a sign-changing expression.
        let wrong = Expr.pow(.abs(v), 2) * (Expr.sin(s) - 1 / Expr(2))
        let verdict = checker.check(wrong, is: .positive)
        XCTAssertEqual(verdict.kind, .discrepancy, verdict.detail)
        XCTAssertEqual(verdict.method.name, "numeric")
        XCTAssertEqual(checker.check(Expr.sin(a), is: .nonnegative).kind, .discrepancy)
    }

    func testNonRealExpressionIsAnError() {
        XCTAssertEqual(checker.check(Expr.exp(.i * s), is: .positive).kind, .error)
    }
}
