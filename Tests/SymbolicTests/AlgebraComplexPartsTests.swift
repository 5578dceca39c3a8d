import XCTest
@testable import Symbolic

/// Real and imaginary parts under assumptions.
final class AlgebraComplexPartsTests: XCTestCase {
    let a = Expr.symbol("a", .real), b = Expr.symbol("b", .real)
    let z = Expr.symbol("z")

    func testReciprocal() {
        // 1/(a + ib) = (a − ib)/(a² + b²)
        let (re, im) = (1 / (a + .i * b)).complexParts()
        XCTAssertEqual(re, (a / (a * a + b * b)).together())
        XCTAssertEqual(im, (-b / (a * a + b * b)).together())
        // Wrong sign of the imaginary part is rejected.
        XCTAssertNotEqual(im, (b / (a * a + b * b)).together())
    }

    func testComplexSymbols() {
        let rz = Expr.re(z), iz = Expr.im(z)
        // |z|² = re(z)² + im(z)²
        XCTAssertEqual(Expr.pow(.abs(z), 2).complexParts().re, rz * rz + iz * iz)
        XCTAssertEqual(Expr.pow(.abs(z), 2).complexParts().im, .zero)
        // z·conj(z) is real.
        XCTAssertEqual((z * .conj(z)).complexParts().im, .zero)
        // z² = re² − im² + 2i re im
        let (r2, i2) = (z * z).complexParts()
        XCTAssertEqual(r2, rz * rz - iz * iz)
        XCTAssertEqual(i2, 2 * rz * iz)
        // exp(i a) = cos a + i sin a
        XCTAssertEqual(Expr.exp(.i * a).complexParts().re, .cos(a))
        XCTAssertEqual(Expr.exp(.i * a).complexParts().im, .sin(a))
    }

    /// Re e + i Im e = e and Re e − i Im e = conj(e), on a rational expression in 6 symbols shaped
    /// like the sd-coupling |v|²(1/λ_a + 1/λ_b) with λ_a = i(ε_F − ε_d − U) − κ/2, λ_b = i(ε_d − ε_F).
    func testRecombinationOnSdCouplingShape() {
        let ed = Expr.symbol("ed", .real), eF = Expr.symbol("eF", .real)
        let U = Expr.symbol("U", .positive), kappa = Expr.symbol("kappa", .positive), v = Expr.symbol("v")
        let lamA = .i * (eF - ed - U) - kappa / 2, lamB = .i * (ed - eF)
        let e = Expr.pow(.abs(v), 2) * (1 / lamA + 1 / lamB)
        let (re, im) = e.complexParts()
        XCTAssertTrue(re.isKnownReal && im.isKnownReal)
        let v2 = Expr.pow(Expr.re(v), 2) + Expr.pow(Expr.im(v), 2)
        let eReal = v2 * (1 / lamA + 1 / lamB)
        XCTAssertEqual((re + .i * im - eReal).together(), .zero)
        XCTAssertEqual((re - .i * im - ComplexSplitter.realForm(Expr.conj(e))).together(), .zero)
        // Independent closed form: Im = |v|²[(ε_d + U − ε_F)/((ε_d + U − ε_F)² + κ²/4) + 1/(ε_F − ε_d)].
        let d = ed + U - eF
        let expectedIm = v2 * (d / (d * d + kappa * kappa / 4) + 1 / (eF - ed))
        XCTAssertEqual((im - expectedIm).together(), .zero)
        // … and with a flipped sign of the second term it is rejected.
        let wrong = v2 * (d / (d * d + kappa * kappa / 4) - 1 / (eF - ed))
        XCTAssertNotEqual((im - wrong).together(), .zero)
        // Re = −|v|² (κ/2)/((ε_d + U − ε_F)² + κ²/4)
        XCTAssertEqual((re + v2 * (kappa / 2) / (d * d + kappa * kappa / 4)).together(), .zero)
    }
}
