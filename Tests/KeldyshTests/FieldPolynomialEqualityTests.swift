import XCTest
import Symbolic
@testable import Keldysh

/// Two field polynomials are equal when they are the same element of the Grassmann algebra, not
/// when they are written the same way (issue 16: "field equality must be mathematical").
final class FieldPolynomialEqualityTests: XCTestCase {
    let x = Expr.symbol(Symbol("x", .real))
    func psi(_ conjugate: Bool, _ branch: ContourField.Branch = .plus) -> FieldPolynomial {
        FieldPolynomial(ContourField("d", conjugate: conjugate, branch: branch))
    }

    func testReorderingWithTheFermionSign() {
        XCTAssertEqual(psi(true) * psi(false), -(psi(false) * psi(true)))
        XCTAssertNotEqual(psi(true) * psi(false), psi(false) * psi(true), "the sign of the exchange is not dropped")
    }

    func testNilpotencyAndCoefficientsAsRationalFunctions() {
        XCTAssertEqual(psi(false) * psi(false), FieldPolynomial())
        let a = (x + x * x) * (psi(true) * psi(false))
        let b = (x * (Expr(1) + x)) * (psi(true) * psi(false))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, (Expr(2) * x) * (psi(true) * psi(false)))
    }

    func testTermsSplitOrCollectedAndBranchesDistinct() {
        let pm = psi(true) * psi(false, .minus)
        XCTAssertEqual(pm + pm, Expr(2) * pm)
        XCTAssertNotEqual(psi(true) * psi(false, .plus), pm, "ψ₊ and ψ₋ are different fields")
        XCTAssertEqual((psi(true) + psi(true, .minus)) * psi(false), psi(true) * psi(false) + psi(true, .minus) * psi(false))
    }
}
