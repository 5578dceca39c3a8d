import XCTest
@testable import Symbolic

/// `FixedPointExponential` against MPFR's correctly rounded `mpfr_exp`: within 0.5 + 2^{−30} ulp
/// (the documented bound is 0.5 + 2^{−36}) at every precision it handles, exact where e^{−y} is a
/// power of two, and MPFR's own answer outside its range.
final class NumbersFixedPointExponentialTests: XCTestCase {
    /// |a − e^{−y}| ≤ (1/2 + 2^{−30}) ulp, with e^{−y} from MPFR at p + 64 bits and the ulp of
    /// e^{−y}'s binade at p bits (so that a value on the far side of a power of two is judged by
    /// the finer spacing).
    func withinHalfUlp(_ a: BigFloat, expOfMinus y: BigFloat, precision p: Int) -> Bool {
        let reference = (-y.rounded(toPrecision: Swift.max(p, y.precision) + 64)).exp()
        let difference = (a.rounded(toPrecision: p + 64) - reference).magnitude
        let ulp = BigFloat.power2(reference.exponent - p, precision: 64)
        return difference <= ulp * (BigFloat(1, precision: 64) / 2 + BigFloat.power2(-30, precision: 64))
    }

    func testAgreesWithMPFRAtRandomPrecisions() {
        var rng = NumbersRandom(seed: 71)
        var equal = 0, total = 0
        for round in 0..<3000 {
            let p = round % 3 == 0 ? 64 * Int.random(in: 1...8, using: &rng) : Int.random(in: 2...512, using: &rng)
            let yp = [p, 53, p + 100][round % 3]
            let y = rng.bigFloat(precision: yp, scale: 9).magnitude          // up to 2⁹ = 512
            let e = FixedPointExponential(precision: p)
            var a = BigFloat(0, precision: 8)
            e.setExpOfMinus(&a, y)
            XCTAssertEqual(a.precision, p)
            XCTAssertTrue(withinHalfUlp(a, expOfMinus: y, precision: p), "p = \(p), y = \(y)")
            // The bound is sharp enough to reject a result one ulp off.
            let wrong = a + BigFloat.power2(a.exponent - p, precision: p)
            XCTAssertFalse(withinHalfUlp(wrong, expOfMinus: y, precision: p), "p = \(p), y = \(y)")
            total += 1
            if a == (-y.rounded(toPrecision: Swift.max(p, yp))).exp().rounded(toPrecision: p) || a == (-y).exp().rounded(toPrecision: p) { equal += 1 }
        }
        // Faithful, and in practice correctly rounded.
        XCTAssertGreaterThan(equal, total * 99 / 100)
    }

    func testEdgeCases() {
        for p in [2, 63, 64, 65, 192, 256, 511, 512] {
            let e = FixedPointExponential(precision: p)
            var a = BigFloat(0, precision: p)
            // y = 0 and y below the fixed-point grid: 1.
            e.setExpOfMinus(&a, BigFloat(0, precision: p)); XCTAssertEqual(a, BigFloat(1, precision: p))
            e.setExpOfMinus(&a, BigFloat.power2(-2000, precision: p)); XCTAssertEqual(a, BigFloat(1, precision: p))
            // y on the grid but below half an ulp of 1: 1 − y rounds up to 1 (the carry into a new binade).
            e.setExpOfMinus(&a, BigFloat.power2(-p - 10, precision: p)); XCTAssertEqual(a, BigFloat(1, precision: p))
            // y = k ln 2 to working precision and y at the edges of the table levels.
            let ln2 = BigFloat(2, precision: p + 64).log()
            for y in [ln2, ln2 * 7, ln2 * 300, BigFloat.power2(-8, precision: p), BigFloat.power2(-32, precision: p),
                      BigFloat(1, precision: p) - BigFloat.power2(-p, precision: p + 1), BigFloat(16_777_215, precision: p)] {
                e.setExpOfMinus(&a, y)
                XCTAssertTrue(withinHalfUlp(a, expOfMinus: y, precision: p), "p = \(p), y = \(y)")
            }
            // Outside the fixed-point range: MPFR.
            for y in [BigFloat(16_777_216, precision: p), BigFloat(-3, precision: p), BigFloat(-0.001, precision: p)] {
                e.setExpOfMinus(&a, y)
                XCTAssertEqual(a, (-y).exp().rounded(toPrecision: p), "p = \(p), y = \(y)")
            }
            e.setExpOfMinus(&a, BigFloat.nan(precision: p)); XCTAssertTrue(a.isNaN)
            // e^{−|y|}: the same value for y and −y, on both paths (y = 3/2 and y = 2²⁵).
            var b = a
            for y in [BigFloat(1.5, precision: p), BigFloat(33_554_432, precision: p)] {
                e.setExpOfMinus(&a, y)
                e.setExpOfMinusMagnitude(&b, -y); XCTAssertEqual(b, a, "p = \(p), y = \(y)")
                e.setExpOfMinusMagnitude(&b, y); XCTAssertEqual(b, a, "p = \(p), y = \(y)")
            }
        }
        let high = FixedPointExponential(precision: 600)
        var a = BigFloat(0, precision: 600)
        let y = BigFloat(3, precision: 600).sqrt()
        high.setExpOfMinus(&a, y)
        XCTAssertEqual(a, (-y).exp())
    }
}
