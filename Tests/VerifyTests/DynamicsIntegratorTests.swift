import XCTest
import Foundation
import Symbolic
@testable import Verify

/// Harmonic oscillator x'' = −ω²x written as (x, v): exact solution x = cos ωt, v = −ω sin ωt.
struct HarmonicOscillator: GenericVectorField {
    let omega: Double
    var dimension: Int { 2 }
    func rates<S: DynamicsScalar>(t: S, y: [S], into dy: inout [S]) {
        dy[0] = y[1]
        dy[1] = -(y[0].lift(omega * omega) * y[0])
    }
}

/// Logistic growth y' = r y (1 − y): exact y = 1 / (1 + (1/y₀ − 1) e^{−rt}).
struct Logistic: GenericVectorField {
    let r: Double
    var dimension: Int { 1 }
    func rates<S: DynamicsScalar>(t: S, y: [S], into dy: inout [S]) {
        dy[0] = y[0].lift(r) * y[0] * (y[0].lift(1) - y[0])
    }
}

final class DynamicsIntegratorTests: XCTestCase {
    func logisticExact(_ t: Double, r: Double = 1.5, y0: Double = 0.1) -> Double {
        1 / (1 + (1 / y0 - 1) * Foundation.exp(-r * t))
    }

    func testAdaptiveIntegratorsMeetToleranceOnHarmonicOscillator() throws {
        for pair in RungeKuttaPair.allCases {
            let solver = AdaptiveRungeKutta(field: HarmonicOscillator(omega: 2), pair: pair,
                                            tolerances: Tolerances(relative: 1e-11, absolute: 1e-13))
            let result = try solver.integrate([1, 0], from: 0, to: 10)
            XCTAssertEqual(result.t, 10)
            XCTAssertEqual(result.y[0], Foundation.cos(20), accuracy: 1e-8, "\(pair)")
            XCTAssertEqual(result.y[1], -2 * Foundation.sin(20), accuracy: 2e-8, "\(pair)")
        }
    }

    func testAdaptiveIntegratorsOnLogistic() throws {
        for pair in RungeKuttaPair.allCases {
            let solver = AdaptiveRungeKutta(field: Logistic(r: 1.5), pair: pair,
                                            tolerances: Tolerances(relative: 1e-12, absolute: 1e-14))
            let result = try solver.integrate([0.1], from: 0, to: 8)
            XCTAssertEqual(result.y[0], logisticExact(8), accuracy: 1e-10, "\(pair)")
        }
    }

    /// DOP853 needs far fewer steps than DOPRI5 at tight tolerance: the pairs really differ in order.
    func testDOP853TakesFewerStepsThanDOPRI5AtTightTolerance() throws {
        let tol = Tolerances(relative: 1e-12, absolute: 1e-14)
        let a = try AdaptiveRungeKutta(field: HarmonicOscillator(omega: 1), pair: .dormandPrince54, tolerances: tol)
            .integrate([1, 0], from: 0, to: 20).statistics.acceptedSteps
        let b = try AdaptiveRungeKutta(field: HarmonicOscillator(omega: 1), pair: .dop853, tolerances: tol)
            .integrate([1, 0], from: 0, to: 20).statistics.acceptedSteps
        XCTAssertLessThan(b * 3, a)
    }

    /// Measured order log₂(e(h)/e(h/2)) with fixed steps is ≈ 5 for DOPRI5 and ≈ 8 for DOP853.
    func testMeasuredOrderOfConvergence() {
        for (pair, stepsList) in [(RungeKuttaPair.dormandPrince54, [20, 40, 80]), (.dop853, [10, 20, 40])] {
            let solver = AdaptiveRungeKutta(field: Logistic(r: 1.5), pair: pair)
            let errors = stepsList.map { abs(solver.integrateFixedStep([0.1], from: 0, to: 4, steps: $0)[0] - logisticExact(4)) }
            let order = log2(errors[1] / errors[2])
            XCTAssertEqual(order, Double(pair.order), accuracy: 0.35, "\(pair): errors \(errors)")
        }
    }

    /// The dense output reproduces the exact solution between steps to the interpolant's order.
    func testDenseOutputBetweenSteps() throws {
        for pair in RungeKuttaPair.allCases {
            let solver = AdaptiveRungeKutta(field: HarmonicOscillator(omega: 1), pair: pair,
                                            tolerances: Tolerances(relative: 1e-10, absolute: 1e-12))
            var worst = 0.0
            var endpointMismatch = 0.0
            _ = try solver.integrate([1, 0], from: 0, to: 6) { s in
                let segment = s.denseSegment()
                for theta in [0.25, 0.5, 0.75] {
                    let tm = segment.tStart + theta * (segment.tEnd - segment.tStart)
                    worst = max(worst, abs(segment(tm)[0] - Foundation.cos(tm)))
                }
                endpointMismatch = max(endpointMismatch, abs(segment(segment.tEnd)[0] - s.y[0]))
                return .proceed
            }
            XCTAssertLessThan(worst, pair == .dop853 ? 1e-9 : 1e-7, "\(pair)")
            XCTAssertLessThan(endpointMismatch, 1e-14, "\(pair)")
        }
    }

    /// Events: zero crossings of x = cos t are at π/2 + mπ; a terminal event stops there.
    func testEventLocation() throws {
        let solver = AdaptiveRungeKutta(field: HarmonicOscillator(omega: 1), pair: .dop853,
                                        tolerances: Tolerances(relative: 1e-12, absolute: 1e-14))
        let all = try solver.integrate([1, 0], from: 0, to: 10, events: [Event { _, y in y[0] }])
        XCTAssertEqual(all.events.count, 3)
        for (m, hit) in all.events.enumerated() {
            XCTAssertEqual(hit.t, Double.pi / 2 + Double(m) * Double.pi, accuracy: 1e-10)
        }
        let stopped = try solver.integrate([1, 0], from: 0, to: 10, events: [Event(terminal: true) { _, y in y[1] + 0.5 }])
        XCTAssertTrue(stopped.stoppedEarly)
        XCTAssertEqual(stopped.events.first!.t, Double.pi / 6, accuracy: 1e-10)
    }

    func testBadInputIsATypedError() {
        let solver = AdaptiveRungeKutta(field: Logistic(r: 1), pair: .dop853, tolerances: Tolerances(relative: -1, absolute: 1e-9))
        XCTAssertThrowsError(try solver.integrate([0.5], from: 0, to: 1)) { error in
            XCTAssertEqual(error as? IntegrationError, .invalidTolerance(parameter: "relative", value: -1))
        }
        let ok = AdaptiveRungeKutta(field: Logistic(r: 1))
        XCTAssertThrowsError(try ok.integrate([0.5, 1], from: 0, to: 1))
    }

    /// The MPFR extrapolation integrator reaches 40 digits on the logistic equation (exact solution
    /// evaluated in MPFR), and its error estimate bounds the true error.
    func testExtrapolationIntegratorReachesHighPrecision() {
        let bits = BigFloat.bits(forDigits: 50)
        let integrator = ExtrapolationIntegrator(precision: bits, columns: 10)
        let (y, estimate) = integrator.integrate(Logistic(r: 1.5), [BigFloat(0.1, precision: bits)],
                                                 from: BigFloat(0, precision: bits), to: BigFloat(4, precision: bits),
                                                 macroSteps: 64)
        let one = BigFloat(1, precision: bits)
        let y0 = BigFloat(0.1, precision: bits)
        let exact = one / (one + (one / y0 - one) * (BigFloat(-6, precision: bits)).exp())
        let error = (y[0] - exact).magnitude
        XCTAssertLessThan(error.doubleValue, 1e-40)
        XCTAssertLessThan(error.doubleValue, max(estimate.doubleValue * 10, 1e-48))
    }
}
