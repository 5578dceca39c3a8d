import XCTest
import Symbolic
@testable import Grassmann
@testable import Keldysh

/// The rotation ψ± = (ψ_c ± ψ_q)/√2 (AX(S53), (S229)) and comparison up to total derivatives.
final class KeldyshRotationTests: XCTestCase {
    func field(_ conj: Bool, _ b: ContourField.Branch, _ k: Int = 0) -> FieldPolynomial {
        FieldPolynomial(ContourField("x", conjugate: conj, branch: b, derivative: k))
    }

    func testMassTermRotatesToOffDiagonal() {
        // ψ̄₊ψ₊ − ψ̄₋ψ₋ = ψ̄_c ψ_q + ψ̄_q ψ_c.
        let pm = field(true, .plus) * field(false, .plus) - field(true, .minus) * field(false, .minus)
        let cq = field(true, .classical) * field(false, .quantum) + field(true, .quantum) * field(false, .classical)
        XCTAssertEqual(KeldyshRotation.compare(KeldyshRotation.rotate(pm), cq), .identical)
        // Wrong inputs: a flipped sign or a missing term are reported as different.
        guard case .different = KeldyshRotation.compare(KeldyshRotation.rotate(pm), -cq) else { return XCTFail() }
        guard case .different = KeldyshRotation.compare(KeldyshRotation.rotate(pm), field(true, .classical) * field(false, .quantum)) else { return XCTFail() }
    }

    func testIntegrationByPartsIsAllowedOnlyForTotalDerivatives() {
        // ψ̄ ∂ψ and −(∂ψ̄) ψ differ by ∂(ψ̄ψ): equal up to a total derivative; ψ̄ ∂ψ and (∂ψ̄) ψ are not.
        let a = field(true, .classical) * field(false, .classical, 1)
        let b = -(field(true, .classical, 1) * field(false, .classical))
        guard case .equalUpToTotalDerivative = KeldyshRotation.compare(a, b) else { return XCTFail() }
        guard case .different = KeldyshRotation.compare(a, -b) else { return XCTFail() }
    }
}
