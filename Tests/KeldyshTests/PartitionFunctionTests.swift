import XCTest
import Symbolic
@testable import Grassmann
@testable import Keldysh

/// The discrete Keldysh partition function of one fermion mode, AX(S40)–(S45): three routes
/// (determinant, Berezin integral, operator trace) and Z = 1.
final class PartitionFunctionTests: XCTestCase {
    let third = GaussianRational(BigRational(1, 3))

    func testUnitaryStepGivesZEqualsOneExactlyForEveryNAndOccupation() throws {
        for n in [1, 2, 3, 10, 57, 200] {
            let chain = try OneModeKeldyshChain.unitary(slices: n, energy: BigRational(3, 2), timeStep: BigRational(1, 7))
            let z = chain.partitionFunction()
            XCTAssertTrue(z.isIdenticallyOne, "N = \(n): Z(n0) = \(z.constant) + \(z.slope) n0")
            for n0 in [GaussianRational.zero, third, .one] {
                XCTAssertEqual(try chain.partitionFunctionFromOperators(occupation: n0), .one)
            }
        }
    }

    func testThreeRoutesAgreeForThePrintedFirstOrderStep() throws {
        let n0 = Expr.symbol("n0", .real)
        for n in 1...4 {
            for closing in OneModeKeldyshChain.Closing.allCases {
                let chain = try OneModeKeldyshChain.firstOrder(slices: n, energy: BigRational(2), timeStep: BigRational(1, 5), closing: closing)
                let byDeterminant = chain.partitionFunction()
                let byBerezin = chain.partitionFunctionByBerezin(occupation: n0)
                XCTAssertEqual(byBerezin, byDeterminant.expression(n0).expanded(), "N = \(n), \(closing)")
            }
        }
    }

    func testPrintedFirstOrderStepLeaksNormAtOrderDeltaSquared() throws {
        // a₊a₋ = 1 + ε²δ² ≠ 1: Z = 1 − n₀ + n₀ (1 + ε²δ²)^{N−1} from the operator trace; Z → 1 as N → ∞ at fixed t_f.
        let tf = BigRational(1), e = BigRational(2)
        var previous: Double = .infinity
        for n in [10, 100, 1000] {
            let chain = try OneModeKeldyshChain.firstOrder(slices: n, energy: e, timeStep: tf / BigRational(n))
            let z = chain.partitionFunction()
            XCTAssertEqual(z.at(third), try chain.partitionFunctionFromOperators(occupation: third))
            XCTAssertEqual(z.constant, .one)
            let deviation = abs(z.slope.re.doubleValue)
            XCTAssertGreaterThan(deviation, 0)
            XCTAssertLessThan(deviation, previous)
            previous = deviation
        }
        XCTAssertLessThan(previous, 5e-3)
    }

    func testClosingSignOfS45FailsZEqualsOne() throws {
        // The kernel of AX(S45) closes the contour with the opposite sign of AX(S40): Z → 1 − 2n₀.
        let chain = try OneModeKeldyshChain.unitary(slices: 20, energy: BigRational(1), timeStep: BigRational(1, 20), closing: .kernelOfS45)
        let z = chain.partitionFunction()
        XCTAssertFalse(z.isIdenticallyOne)
        XCTAssertEqual(z.constant, .one)
        XCTAssertEqual(z.slope, GaussianRational(-2))
    }

    func testFlippedTimeDerivativeSignBreaksZ() throws {
        // ψ̄₊(−i∂_t − ε)ψ₊ instead of ψ̄₊(i∂_t − ε)ψ₊: the forward rows become ψ̄_j(ψ_j − ψ_{j−1} − iεδψ_{j−1}).
        for n in [7, 8] {
            let good = try OneModeKeldyshChain.firstOrder(slices: n, energy: BigRational(1), timeStep: BigRational(1, 7))
            XCTAssertEqual(good.partitionFunction().constant, .one)
            let flipped = try OneModeKeldyshChain(slices: n, forwardFactor: GaussianRational(BigRational(-1), BigRational(-1, 7)),
                                                  backwardFactor: good.backwardFactor, forwardDiagonal: -.one)
            XCTAssertFalse(flipped.partitionFunction().isIdenticallyOne, "N = \(n)")
            XCTAssertNotEqual(flipped.partitionFunction().at(third), good.partitionFunction().at(third))
        }
    }

    func testRejectsZeroSlices() {
        XCTAssertThrowsError(try OneModeKeldyshChain.unitary(slices: 0, energy: BigRational(1), timeStep: BigRational(1)))
    }
}
