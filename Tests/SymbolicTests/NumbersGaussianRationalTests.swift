import XCTest
@testable import Symbolic

/// Field laws of Q(i) and the norm, on seeded random inputs.
final class NumbersGaussianRationalTests: XCTestCase {
    func testFieldLawsAndNorm() {
        var rng = NumbersRandom(seed: 41)
        for _ in 0..<500 {
            let a = GaussianRational(rng.bigRational(maxBits: 48), rng.bigRational(maxBits: 48))
            let b = GaussianRational(rng.bigRational(maxBits: 48), rng.bigRational(maxBits: 48))
            let c = GaussianRational(rng.bigRational(maxBits: 48), rng.bigRational(maxBits: 48))
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual((a * b).normSquared, a.normSquared * b.normSquared)
            XCTAssertEqual((a * b).conjugate, a.conjugate * b.conjugate)
            XCTAssertEqual(a * a.conjugate, GaussianRational(a.normSquared))
            if !b.isZero {
                XCTAssertEqual(a / b * b, a)
                XCTAssertEqual(b.power(-3) * b.power(3), .one)
            }
            let n = Int.random(in: 0...6, using: &rng)
            XCTAssertEqual(a.power(n + 1), a.power(n) * a)
        }
        XCTAssertEqual(GaussianRational.i * .i, GaussianRational(-1))
        XCTAssertEqual(GaussianRational.i.power(4), .one)
        XCTAssertEqual(GaussianRational(BigRational(1, 2), BigRational(-3, 4)).description, "1/2 - 3/4*I")
    }
}
