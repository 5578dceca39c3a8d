import XCTest
@testable import Symbolic

/// Principal branches of `BigComplex` (cut along the negative real axis, arg ∈ (−π, π]),
/// symmetry under conjugation, and inverse pairs, at random precisions.
final class NumbersBigComplexTests: XCTestCase {
    let count = 300

    func close(_ a: BigComplex, _ b: BigComplex, ulps: Int, precision p: Int) -> Bool {
        let scale = BigFloat.maximum(b.magnitude, BigFloat(1, precision: 64))
        return numbersClose(a.re, b.re, ulps: ulps, precision: p, floor: scale)
            && numbersClose(a.im, b.im, ulps: ulps, precision: p, floor: scale)
    }

    func testNegativeRealAxis() {
        for p in [53, 100, 1000] {
            let pi = BigFloat.pi(precision: p)
            let minusFour = BigComplex(-4, precision: p)
            XCTAssertEqual(minusFour.sqrt().re, BigFloat(0, precision: p))
            XCTAssertEqual(minusFour.sqrt().im, BigFloat(2, precision: p))
            let minusOne = BigComplex(-1, precision: p)
            XCTAssertEqual(minusOne.log().im, pi)
            XCTAssertTrue(minusOne.log().re.isZero)
            XCTAssertEqual(minusOne.argument, pi)
            // A negative real with a negative zero imaginary part (from negation or conjugation) is
            // still on the cut: arg = +π, not −π.
            let negated = -BigComplex(1, precision: p)
            XCTAssertTrue(negated.im.isZero)
            XCTAssertEqual(negated.argument, pi)
            XCTAssertEqual(negated.log().im, pi)
            XCTAssertEqual(minusOne.conjugate.log().im, pi)
            XCTAssertEqual(minusOne.conjugate.sqrt().im, BigFloat(1, precision: p))
            // pow agrees with sqrt on the cut.
            let half = BigComplex(BigFloat(0.5, precision: p))
            XCTAssertTrue(close(negated.pow(half), negated.sqrt(), ulps: 4, precision: p))
            XCTAssertTrue(close(minusFour.pow(half), minusFour.sqrt(), ulps: 4, precision: p))
            // Just below the cut the branch jumps: sqrt(−4 − εi) ≈ −2i, log(−1 − εi) ≈ −iπ.
            let eps = BigFloat.power2(-p / 2, precision: p)
            XCTAssertTrue(BigComplex(BigFloat(-4, precision: p), -eps).sqrt().im < BigFloat(-1.99, precision: 64))
            XCTAssertTrue(BigComplex(BigFloat(-1, precision: p), -eps).log().im < -(pi - BigFloat(0.001, precision: 64)))
            // log(−e) = 1 + iπ.
            let minusE = BigComplex(-BigFloat.e(precision: p))
            XCTAssertTrue(close(minusE.log(), BigComplex(BigFloat(1, precision: p), pi), ulps: 4, precision: p))
        }
    }

    func testConjugateSymmetryAndInverses() {
        var rng = NumbersRandom(seed: 31)
        for _ in 0..<count {
            let p = rng.precision()
            let z = BigComplex(rng.bigFloat(precision: p, scale: 5), rng.bigFloat(precision: p, scale: 5))
            // Off the cut: f(z̄) = f(z)‾ for sqrt, log, exp.
            XCTAssertTrue(close(z.conjugate.sqrt(), z.sqrt().conjugate, ulps: 0, precision: p))
            XCTAssertTrue(close(z.conjugate.log(), z.log().conjugate, ulps: 0, precision: p))
            XCTAssertTrue(close(z.conjugate.exp(), z.exp().conjugate, ulps: 0, precision: p))
            let r = z.sqrt()
            XCTAssertFalse(r.re.isNegative, "principal sqrt has Re ≥ 0")
            XCTAssertTrue(close(r * r, z, ulps: 8, precision: p))
            let l = z.log()
            XCTAssertTrue(l.im <= BigFloat.pi(precision: p) && l.im > -BigFloat.pi(precision: p))
            XCTAssertTrue(close(l.exp(), z, ulps: 16, precision: p))
            // sin² + cos² = 1 and the quotient.
            let s = z.sin(), c = z.cos()
            // The sum cancels terms of size ~e^(2|Im z|): the error is relative to that size.
            let size = BigFloat.maximum((z.im.magnitude * 2).exp(), BigFloat(1, precision: 64))
            let one = s * s + c * c
            XCTAssertTrue(numbersClose(one.re, BigFloat(1, precision: p), ulps: 16, precision: p, floor: size), "\(z)")
            XCTAssertTrue(numbersClose(one.im, BigFloat(0, precision: p), ulps: 16, precision: p, floor: size), "\(z)")
            XCTAssertTrue(close(z / z, BigComplex(1, precision: p), ulps: 8, precision: p))
            let w = BigComplex(rng.bigFloat(precision: p, scale: 5), rng.bigFloat(precision: p, scale: 5))
            XCTAssertTrue(close(z * w / w, z, ulps: 16, precision: p))
            XCTAssertTrue(close(z.pow(3), z * z * z, ulps: 16, precision: p))
            XCTAssertTrue(close(z.pow(-2) * z.pow(2), BigComplex(1, precision: p), ulps: 32, precision: p))
        }
    }

    func testFermiOfComplexArgument() {
        let p = 120
        let z = BigComplex(BigFloat(0.3, precision: p), BigFloat(0.7, precision: p))
        let f = z.fermi(), g = (-z).fermi()
        XCTAssertTrue(close(f + g, BigComplex(1, precision: p), ulps: 8, precision: p))
        let real = BigComplex(BigFloat(-2_000_000_000, precision: p))
        XCTAssertFalse(real.fermi().re.isNaN)
        // Far from the origin along ±Re: no overflow to NaN; f → 1 on the left, → 0 on the right.
        for x in [-2_000_000_000, -1_000_000, 1_000_000, 2_000_000_000] {
            let z = BigComplex(BigFloat(x, precision: p), BigFloat(0.5, precision: p))
            let f = z.fermi()
            XCTAssertTrue(f.isFinite, "fermi(\(x) + 0.5i)")
            let limit = BigComplex(x < 0 ? 1 : 0, precision: p)
            XCTAssertTrue(close(f, limit, ulps: 4, precision: p), "fermi(\(x) + 0.5i) = \(f)")
        }
        // Against the definition at moderate arguments, on both half planes.
        var rng = NumbersRandom(seed: 32)
        for _ in 0..<100 {
            let z = BigComplex(rng.bigFloat(precision: p, scale: 4), rng.bigFloat(precision: p, scale: 1))
            let one = BigComplex(1, precision: p)
            XCTAssertTrue(close(z.fermi(), one / (z.exp() + one), ulps: 64, precision: p), "\(z)")
        }
    }
}
