import XCTest
@testable import Verify
import Symbolic

/// The pieces of `FermiLayer` that the integrals build on: the occupation from the fixed-point
/// exponential against `BigFloat.fermi()` (MPFR), and the working precision's guard bits.
final class FermiLayerTests: XCTestCase {
    let arguments = ["-700.5", "-30.25", "-1", "-1e-30", "0", "1e-30", "1", "30.25", "700.5"]

    /// f(x) = 1/(e^x + 1) within 3 ulp of MPFR's evaluation, on both sides of the Fermi surface and
    /// deep in the tails; f(x) + f(−x) = 1.
    func testOccupationAgreesWithMPFR() {
        for p in [64, 192, 384, 1024] {
            let exponential = FixedPointExponential(precision: p)
            var f = BigFloat(0, precision: p), g = f, decay = f
            for a in arguments {
                let x = BigFloat(a, precision: p)!
                FermiLayer.setOccupation(&f, x: x, decay: &decay, using: exponential)
                let reference = x.fermi()
                let ulp = BigFloat.power2(reference.exponent - p, precision: 64)
                XCTAssertLessThanOrEqual((f - reference).magnitude, ulp * 3, "p = \(p), x = \(a)")
                FermiLayer.setOccupation(&g, x: -x, decay: &decay, using: exponential)
                XCTAssertLessThanOrEqual((f + g - 1).magnitude, BigFloat.power2(-p + 2, precision: 64), "p = \(p), x = \(a)")
                // The decay is e^{−|x|} for either sign of x.
                exponential.setExpOfMinusMagnitude(&decay, x)
                XCTAssertLessThanOrEqual((decay - (-x.magnitude).exp()).magnitude, BigFloat.power2(decay.exponent - p + 1, precision: 64))
            }
        }
    }

    /// A wrong occupation is rejected by the same comparison: the flipped sign f(−x), and e^{−x}
    /// (the Boltzmann tail) where the two differ.
    func testWrongOccupationsAreRejected() {
        let p = 192
        let exponential = FixedPointExponential(precision: p)
        var f = BigFloat(0, precision: p), decay = f
        for a in ["-1", "1", "30.25"] {
            let x = BigFloat(a, precision: p)!
            FermiLayer.setOccupation(&f, x: -x, decay: &decay, using: exponential)
            let ulp = BigFloat.power2(x.fermi().exponent - p, precision: 64)
            XCTAssertGreaterThan((f - x.fermi()).magnitude, ulp * 3, "flipped sign accepted at x = \(a)")
            let boltzmann = (-x).exp()
            XCTAssertGreaterThan((boltzmann - x.fermi()).magnitude, ulp * 3, "Boltzmann tail accepted at x = \(a)")
        }
    }

    /// bits(d) + 20 guard bits (+ extra) in whole limbs: 192 bits at 50 digits, 384 at 100.
    func testWorkingPrecision() {
        for d in [1, 15, 50, 100, 1000] {
            let p = FermiLayer.precision(digits: d)
            XCTAssertEqual(p % 64, 0)
            XCTAssertGreaterThanOrEqual(p, BigFloat.bits(forDigits: d) + 20)
            XCTAssertLessThan(p, BigFloat.bits(forDigits: d) + 20 + 64)
            XCTAssertGreaterThanOrEqual(FermiLayer.precision(digits: d, extraBits: 3), BigFloat.bits(forDigits: d) + 23)
        }
        XCTAssertEqual(FermiLayer.precision(digits: 50), 192)
        XCTAssertEqual(FermiLayer.precision(digits: 100), 384)
    }
}
