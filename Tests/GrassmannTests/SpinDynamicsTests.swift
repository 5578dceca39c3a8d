import XCTest
import Symbolic
@testable import Grassmann

/// Spin dynamics through the adjoint Lindbladian (NC(5), AX(S176)–(S177)) and the spin-flip
/// content of the correlated dissipator (AX(S140)–(S142)).
final class SpinDynamicsTests: XCTestCase {
    typealias E = SpinEquationOfMotion

    /// tr[ρ ℒ†S] = tr[(ℒρ) S]: the Heisenberg picture and the Schrödinger picture agree (two methods).
    func testHeisenbergAndSchrodingerPicturesAgree() throws {
        let l = try E.masterEquation4()
        let rho = E.productState()
        for i in 1...3 {
            let s = try E.space.matrix(ImpurityOperators.localizedSpin(i) as FermionOperator<Expr>)
            let schrodinger = E.trace(l(rho), s)
            XCTAssertEqual(ExactPointEvaluation.identity(try E.rate(l, component: i), schrodinger).kind, .verified)
        }
    }

    /// The product state has ⟨S_i⟩ = S_i and ⟨τ_i⟩ = t_i (its parametrisation is what it says).
    func testProductStateParametrisation() throws {
        let rho = E.productState()
        for i in 1...3 {
            let s = try E.space.matrix(ImpurityOperators.localizedSpin(i) as FermionOperator<Expr>)
            let t = try E.space.matrix(ImpurityOperators.conductionSpin(i, levels: [0]) as FermionOperator<Expr>)
            XCTAssertEqual(ExactPointEvaluation.identity(E.trace(rho, s), E.S[i - 1]).kind, .verified)
            XCTAssertEqual(ExactPointEvaluation.identity(E.trace(rho, t), E.t[i - 1]).kind, .verified)
            XCTAssertEqual(ExactPointEvaluation.identity(E.trace(rho, s), -E.S[i - 1]).kind, .discrepancy)
        }
    }

    /// The uncorrelated dissipator creates no spin-flip coherence; the correlated one creates both.
    func testSpinFlipsNeedTheCorrelatedDissipator() throws {
        XCTAssertEqual(try E.spinFlipCount(correlated: false), 0)
        XCTAssertEqual(try E.spinFlipCount(correlated: true), 2)
    }
}
