import XCTest
import Symbolic
@testable import Grassmann

/// The bit-mask normal ordering (Wick products of `OrderedMonomial`s) against the reference
/// algorithm by adjacent transpositions.
final class OrderedMonomialTests: XCTestCase {
    typealias Op = FermionOperator<GaussianRational>
    let modes: [Mode] = [.d(.up), .d(.down), .c(0, .up), .c(0, .down), .c(1, .up)]

    func randomOperator(_ g: inout ExactPointEvaluation.SplitMix64, words: Int, maxLength: Int) -> Op {
        var op = Op.zero
        for _ in 0..<words {
            let length = Int(g.next() % UInt64(maxLength + 1))
            let word = (0..<length).map { _ in Ladder(modes[Int(g.next() % UInt64(modes.count))], creation: g.next() % 2 == 0) }
            op += Op(word, GaussianRational(BigRational(Int(g.next() % 9) - 4), BigRational(Int(g.next() % 5) - 2)))
        }
        return op
    }

    func testMaskOrderingEqualsTranspositionOrdering() {
        var g = ExactPointEvaluation.SplitMix64(seed: 5)
        for _ in 0..<200 {
            let op = randomOperator(&g, words: 4, maxLength: 8)
            XCTAssertEqual(op.normalOrdered(), op.normalOrderedByTranspositions(), "\(op)")
        }
    }

    func testNormalOrderedPowerEqualsOrderedPower() {
        var g = ExactPointEvaluation.SplitMix64(seed: 8)
        for k in 0..<4 {
            let op = randomOperator(&g, words: 5, maxLength: 3)
            XCTAssertEqual(op.normalOrderedPower(k), op.power(k).normalOrderedByTranspositions())
        }
    }

    /// (Σ_ij c_i† c_j)³ = M² Σ_ij c_i† c_j for M modes (b = Σ_j c_j has {b, b†} = M): 64 terms for M = 8.
    func testHoppingCubeHasClosedForm() {
        let m8 = (0..<8).map { Mode.c($0 / 2, $0 % 2 == 0 ? .up : .down) }
        var hop = Op.zero
        for i in m8 { for j in m8 { hop += Op([.create(i), .annihilate(j)]) } }
        XCTAssertEqual(hop.normalOrderedPower(3), GaussianRational(64) * hop)
    }

    /// A wrong contraction sign ({c, c†} = −1) must not reproduce the reference.
    func testWrongContractionSignDiffers() {
        let a = Op.annihilation(modes[0]), ad = Op.creation(modes[0])
        let cc = a * ad
        XCTAssertEqual(cc.normalOrdered(), Op.identity - ad * a)
        XCTAssertNotEqual(cc.normalOrdered(), -Op.identity - ad * a)
    }
}
