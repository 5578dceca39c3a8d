import XCTest
@testable import Verify
import Symbolic

/// Quadrature against integrals whose values are known in closed form, computed here by
/// independent means (MPFR constants, convergent series), never by quadrature.
final class QuadratureTests: XCTestCase {
    func bf(_ x: Int, _ p: Int) -> BigFloat { BigFloat(x, precision: p) }

    /// |a − b| ≤ 10^(−digits)·|b|
    func assertAgree(_ a: BigFloat, _ b: BigFloat, digits: Int, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
        let tol = BigFloat(10, precision: 64).pow(-digits) * b.magnitude.rounded(toPrecision: 64)
        let d = (a - b).magnitude
        XCTAssertTrue(d <= tol, "\(message): \(a.toString(digits: digits + 3)) vs \(b.toString(digits: digits + 3)), diff \(d.toString(digits: 3))", file: file, line: line)
    }

    func testFourOverOnePlusXSquaredIsPi() throws {
        for digits in [15, 50, 120] {
            for rule in [Quadrature.Rule.doubleExponential, .gaussLegendre] {
                let p = Quadrature.workingPrecision(digits: digits)
                let r = try Quadrature.integrate({ 4 / ($0 * $0 + 1) }, over: [bf(0, p), bf(1, p)], digits: digits, rule: rule)
                assertAgree(r.value, .pi(precision: p), digits: digits, "\(rule) \(digits)")
                XCTAssertGreaterThanOrEqual(r.digits, digits)
                // The error estimate is honest: the true error is below it (or both at rounding level).
                let trueErr = (r.value - .pi(precision: p)).magnitude
                XCTAssertTrue(trueErr <= BigFloat.maximum(r.errorEstimate, BigFloat.pi(precision: 64).scaled(byPowerOf2: -p + 6)), "\(rule) \(digits): estimate \(r.errorEstimate) < true error \(trueErr)")
            }
        }
    }

    func testGaussianOnHalfLineIsHalfSqrtPi() throws {
        for digits in [20, 60] {
            let p = Quadrature.workingPrecision(digits: digits)
            let r = try Quadrature.integrate({ (-($0 * $0)).exp() }, over: [bf(0, p), .infinity(precision: p)], digits: digits)
            assertAgree(r.value, BigFloat.pi(precision: p).sqrt() / 2, digits: digits)
            // whole line: √π
            let w = try Quadrature.integrate({ (-($0 * $0)).exp() }, over: [.infinity(precision: p, negative: true), .infinity(precision: p)], digits: digits)
            assertAgree(w.value, BigFloat.pi(precision: p).sqrt(), digits: digits)
        }
    }

    func testEndpointSingularities() throws {
        let digits = 40, p = Quadrature.workingPrecision(digits: digits)
        // ∫₀¹ x^(−1/2) dx = 2
        let a = try Quadrature.integrate({ 1 / $0.sqrt() }, over: [bf(0, p), bf(1, p)], digits: digits)
        assertAgree(a.value, bf(2, p), digits: digits, "x^-1/2")
        // ∫₀¹ log x dx = −1
        let b = try Quadrature.integrate({ $0.log() }, over: [bf(0, p), bf(1, p)], digits: digits)
        assertAgree(b.value, bf(-1, p), digits: digits, "log")
        // ∫₀¹ 1/√(1−x²) dx = π/2: singularity at the right end
        let c = try Quadrature.integrate({ 1 / (1 - $0 * $0).sqrt() }, over: [bf(0, p), bf(1, p)], digits: digits)
        assertAgree(c.value, BigFloat.pi(precision: p) / 2, digits: digits, "arcsin")
        XCTAssertGreaterThanOrEqual(c.digits, digits)
        // ∫₀^∞ e^(−x)/√x dx = √π
        let d = try Quadrature.integrate({ (-$0).exp() / $0.sqrt() }, over: [bf(0, p), .infinity(precision: p)], digits: digits)
        assertAgree(d.value, BigFloat.pi(precision: p).sqrt(), digits: digits, "Gamma(1/2)")
    }

    /// Complete Fermi–Dirac integral ∫₀^∞ x^(1/2)/(e^(x−η)+1) dx = Γ(3/2)·Σ_{k≥1} (−1)^(k+1) e^(kη)/k^(3/2)
    /// for η < 0 (alternating series, summed independently here).
    func testFermiDiracHalfAgainstSeries() throws {
        let digits = 40, p = Quadrature.workingPrecision(digits: digits)
        let eta = bf(-1, p)
        var series = BigFloat(0, precision: p)
        for k in 1...200 {
            let term = (eta * k).exp() / bf(k, p).pow(BigFloat(3, precision: p) / 2)
            series = k % 2 == 1 ? series + term : series - term
        }
        let expected = (BigFloat(3, precision: p) / 2).gamma() * series
        let r = try Quadrature.integrate({ x in x.sqrt() * (x - eta).fermi() }, over: [bf(0, p), .infinity(precision: p)], digits: digits)
        assertAgree(r.value, expected, digits: digits)
    }

    /// ∫₀^∞ x/(e^(x−η)+1) dx = −Li₂(−e^η) = π²/6 + η²/2 + Li₂(−e^(−η)) for η > 0 (kink of the
    /// Fermi function inside the range: split at η).
    func testFermiDiracOneAgainstDilogarithm() throws {
        let digits = 40, p = Quadrature.workingPrecision(digits: digits)
        let eta = bf(5, p)
        var li2 = BigFloat(0, precision: p)  // Li₂(−e^(−η)) = Σ (−1)^k e^(−kη)/k²
        for k in 1...80 {
            let term = (-(eta * k)).exp() / bf(k * k, p)
            li2 = k % 2 == 1 ? li2 - term : li2 + term
        }
        let pi = BigFloat.pi(precision: p)
        let expected = pi * pi / 6 + eta * eta / 2 + li2
        let r = try Quadrature.integrate({ x in x * (x - eta).fermi() }, over: [bf(0, p), eta, .infinity(precision: p)], digits: digits)
        assertAgree(r.value, expected, digits: digits)
    }

    func testNVersusTwoNAgreement() throws {
        let c = try Quadrature.checked(digits: 30) { d in
            let p = Quadrature.workingPrecision(digits: d)
            return try Quadrature.integrate({ 4 / ($0 * $0 + 1) }, over: [BigFloat(0, precision: p), BigFloat(1, precision: p)], digits: d)
        }
        XCTAssertTrue(c.conclusive, c.description)
        XCTAssertGreaterThanOrEqual(c.digits, 30)
    }

    /// A rule that cannot converge (a jump inside a piece, not at a breakpoint) must not claim digits.
    func testUnresolvableIntegrandIsInconclusive() throws {
        for rule in [Quadrature.Rule.doubleExponential, .gaussLegendre] {
            let c = try Quadrature.checked(digits: 20) { d in
                let p = Quadrature.workingPrecision(digits: d)
                let third = BigFloat(1, precision: p) / 3
                return try Quadrature.integrate({ $0 < third ? BigFloat(1, precision: p) : BigFloat(0, precision: p) },
                                                over: [BigFloat(0, precision: p), BigFloat(1, precision: p)], digits: d,
                                                rule: rule)
            }
            XCTAssertFalse(c.conclusive, "\(rule): \(c)")
        }
    }

    func testGaussLegendreNodesAreSymmetricAndExactForPolynomials() {
        let p = 200
        let nodes = GaussLegendre.nodes(7, precision: p)
        // Σ w = 2, Σ w x^12 = 2/13 (degree 12 ≤ 2n − 1 = 13)
        var s0 = BigFloat(0, precision: p), s12 = BigFloat(0, precision: p)
        for (i, x) in nodes.x.enumerated() {
            let m = x.isZero ? 1 : 2
            s0 = s0 + nodes.w[i] * m
            s12 = s12 + nodes.w[i] * x.pow(12) * m
        }
        assertAgree(s0, BigFloat(2, precision: p), digits: 55)
        assertAgree(s12, BigFloat(2, precision: p) / 13, digits: 55)
    }

    /// A larger rule at higher precision: Σ w x^(2n−2) = 2/(2n−1) to the full precision.
    func testGaussLegendreHighDegreeIsExactToFullPrecision() {
        let p = 400, n = 40
        let nodes = GaussLegendre.nodes(n, precision: p)
        var s = BigFloat(0, precision: p), s0 = BigFloat(0, precision: p)
        for (i, x) in nodes.x.enumerated() {
            s = s + nodes.w[i] * x.pow(2 * n - 2) * 2
            s0 = s0 + nodes.w[i] * 2
        }
        assertAgree(s, BigFloat(2, precision: p) / (2 * n - 1), digits: 110)
        assertAgree(s0, BigFloat(2, precision: p), digits: 110)
    }

    /// A ladder degree at high precision (several levels of the Newton schedule, weights from the
    /// Taylor-corrected final derivative): each weight agrees with the one recomputed from
    /// Pₙ′ at the final node by the recurrence, and Σ w x^(2k) = 2/(2k+1) for 2k ≤ 2n − 2.
    func testGaussLegendreLadderDegreeWeightsAtHighPrecision() {
        let p = 1400, n = 192
        let nodes = GaussLegendre.nodes(n, precision: p)
        var s0 = BigFloat(0, precision: p), s = BigFloat(0, precision: p)
        for (i, x) in nodes.x.enumerated() {
            s0 = s0 + nodes.w[i] * 2
            s = s + nodes.w[i] * x.pow(2 * n - 2) * 2
            if i % 17 == 0 {
                let (_, dp) = GaussLegendre.legendre(n, x.rounded(toPrecision: p + 32))
                let w = 2 / ((1 - x * x) * dp * dp)
                assertAgree(nodes.w[i], w.rounded(toPrecision: p), digits: 415)
            }
        }
        assertAgree(s0, BigFloat(2, precision: p), digits: 415)
        assertAgree(s, BigFloat(2, precision: p) / (2 * n - 1), digits: 415)
        XCTAssertEqual(GaussLegendre.ladderDegree(atLeast: 1000), 1024)
        XCTAssertEqual(GaussLegendre.ladderDegree(atLeast: 1025), 1536)
        XCTAssertEqual(GaussLegendre.ladderRung(below: 1536), 1024)
    }

    func testBadBreakpointsAreRejected() {
        let p = 100
        XCTAssertThrowsError(try Quadrature.integrate({ $0 }, over: [BigFloat(1, precision: p), BigFloat(0, precision: p)], digits: 10))
        XCTAssertThrowsError(try Quadrature.integrate({ $0 }, over: [BigFloat(0, precision: p), .infinity(precision: p), BigFloat(3, precision: p)], digits: 10))
    }
}
