import XCTest
import Symbolic
@testable import Grassmann
@testable import Keldysh

/// Green's functions of the discrete one-mode chain: the inverse kernel equals the Berezin moment,
/// the rotated functions, G_qq = 0 and the FDT.
final class GreensFunctionTests: XCTestCase {
    let third = GaussianRational(BigRational(1, 3))

    func testInverseKernelEqualsBerezinMoment() throws {
        // ⟨ψ_a ψ̄_b⟩ = ∫ e^{−ψ̄Mψ} ψ_a ψ̄_b / ∫ e^{−ψ̄Mψ}, computed in the algebra.
        let chain = try OneModeKeldyshChain.firstOrder(slices: 3, energy: BigRational(1), timeStep: BigRational(1, 3))
        let zeta = -third / (.one - third)
        var a = [[GaussianRational]](repeating: [GaussianRational](repeating: .zero, count: 6), count: 6)
        for (i, j, x) in chain.kernelEntries(zeta: zeta) { a[i][j] = a[i][j] + x }
        let z = GaussianIntegral.berezin(a)
        for (s, j, t, k) in [(ContourBranch.plus, 2, ContourBranch.minus, 1), (.minus, 3, .plus, 1), (.plus, 1, .plus, 3), (.minus, 2, .minus, 2)] {
            let moment = GaussianIntegral.berezin(a, insertion: GrassmannPolynomial.product([GaussianIntegral.plain(chain.index(s, j)), GaussianIntegral.bar(chain.index(t, k))]))
            XCTAssertEqual(-GaussianRational.i * moment / z, chain.contourGreensFunction(s, chain.slice(s, time: j), t, chain.slice(t, time: k), occupation: third))
        }
    }

    func testRotatedFunctionsCausalityAndFDTExactlyAtFiniteN() throws {
        for n in [4, 9, 30] {
            let chain = try OneModeKeldyshChain.unitary(slices: n, energy: BigRational(5, 4), timeStep: BigRational(1, n))
            for (j, k) in [(n, 1), (2, n - 1), (n / 2 + 1, n / 2)] where j != k {
                let g = chain.greensFunctions(j, k, occupation: third)!
                XCTAssertTrue(g.quantumQuantum.isZero, "G_qq = 0 (AX(S55d)), N = \(n)")
                // FDT in the time domain for one mode: G^K = (1 − 2n₀)(G^R − G^A) (AX(S57) with f(ε₀) = n₀).
                XCTAssertEqual(g.keldysh, (.one - GaussianRational(2) * third) * (g.retarded - g.advanced))
                // Retarded vanishes for t < t', advanced for t > t'.
                if j < k { XCTAssertTrue(g.retarded.isZero) } else { XCTAssertTrue(g.advanced.isZero) }
                // A wrong occupation in the FDT is rejected.
                XCTAssertNotEqual(g.keldysh, (.one - GaussianRational(2) * GaussianRational(BigRational(1, 4))) * (g.retarded - g.advanced))
            }
        }
    }

    func testLesserAndGreaterConvergeToContinuum() throws {
        // G₊₋(t, t') → i n₀ e^{−iε(t−t')} (AX(S47a)), G₋₊ → −i(1 − n₀) e^{−iε(t−t')} (AX(S50)), at t − t' = 1/4.
        let e = 1.0, dt = 0.25, n0 = 1.0 / 3
        var errors: [Double] = []
        for n in [8, 16, 32, 64] {
            let chain = try OneModeKeldyshChain.unitary(slices: n, energy: BigRational(1), timeStep: BigRational(1, n))
            let g = chain.greensFunctions(n / 2, n / 4, occupation: third)!
            let (c, s) = (cos(e * dt), sin(e * dt))
            let lesserError = hypot(g.plusMinus.re.doubleValue - n0 * s, g.plusMinus.im.doubleValue - n0 * c)
            let greaterError = hypot(g.minusPlus.re.doubleValue + (1 - n0) * s, g.minusPlus.im.doubleValue + (1 - n0) * c)
            // The bosonic form i(1 + f)e^{−iε(t−t')} printed in AX(S47b) stays far away.
            let printedS47b = hypot(g.minusPlus.re.doubleValue - (1 + n0) * s, g.minusPlus.im.doubleValue - (1 + n0) * c)
            XCTAssertGreaterThan(printedS47b, 1)
            errors.append(max(lesserError, greaterError))
        }
        for (a, b) in zip(errors, errors.dropFirst()) { XCTAssertLessThan(b, a / 3, "second-order convergence of the Cayley step") }
    }
}
