import XCTest
import Foundation
@testable import Verify

/// The aligned → antialigned threshold follows the right branch of NC(8) (issue 20:
/// `thresholds --jAB 9.5 --temperature 5` predicted 0.0 because Newton from one seed landed on the
/// mirror image (−a, −b) of the stable state, which reads as "already antialigned").
///
/// Closed form, from NC(8) itself: at the flip b = 0, so h_A = j_AA a and (8a) gives
/// a₀² = 3T²(j_AA − T)/j_AA³ (an ordered A layer needs j_AA > T); (8b) at b = 0 reads
/// 0 = α_B(1 − j_AB² a₀²/(3T²)) j_AB a₀ − (γ_B/|g_B|) j_AB a₀, i.e. r = γ_B/(α_B|g_B|) = 1 − j_AB²(j_AA − T)/j_AA³.
/// It is the threshold when j_AA > T, j_AB > 0, 0 < r < r_max and the γ_B = 0 state is aligned: with
/// the cubic truncation of NC(8), strong coupling at low T (j_AB ≳ 8, T = 3) leaves only collinear
/// fixed points with a·b < 0 (|h| > √3 T, where 1 − h²/(3T²) changes sign), and the simulation finds
/// the antialigned state already at γ_B = 0 — there the threshold is 0, not the closed form.
/// Whether the γ_B = 0 state is aligned is taken from the simulation (independent of the Jacobian);
/// that (a₀, 0) is a fixed point at that r is checked below on the model's own vector field, and that
/// it is the point where the continued branch crosses b = 0 is checked against the simulation.
final class DynamicsThresholdBranchTests: XCTestCase {
    let caption = BilayerParameters.figureCaption

    /// r from the closed form when it applies (the conditions derived above), nil otherwise.
    func closedFormIfApplicable(_ p: BilayerParameters, upTo: Double) throws -> Double? {
        guard p.jAA > p.temperature, p.jAB > 0 else { return nil }
        let r = BilayerStability.flipClosedForm(p)
        guard r > 0 && r < upTo else { return nil }
        return try alignedWithoutLight(p) ? r : nil
    }

    /// The simulated long-time state at γ_B = 0 is aligned.
    func alignedWithoutLight(_ p: BilayerParameters) throws -> Bool {
        try BilayerThresholds().state(p, ratio: 0).phase == .aligned
    }

    func testClosedFormPointIsAFixedPointOfTheModel() throws {
        for (j, t) in [(9.5, 5.0), (5.0, 9.0), (9.8, 7.0)] {
            var p = caption; p.jAB = j; p.temperature = t
            guard let r = try closedFormIfApplicable(p, upTo: 5) else { return XCTFail("closed form applies at j_AB = \(j), T = \(t)") }
            let a0 = (3 * t * t * (p.jAA - t) / (p.jAA * p.jAA * p.jAA)).squareRoot()
            var dy = [Double](repeating: 0, count: 4)
            BilayerMeanField(p.with(gammaRatio: r)).evaluate(t: 0, y: [a0, 0, 0, 0], into: &dy)
            XCTAssertEqual(dy.map(abs).max()!, 0, accuracy: 1e-12, "(a₀, 0) at r = \(r)")
            // A wrong r (the j_AB instead of j_AB² slip) leaves a residual in (8b).
            let wrong = 1 - j * (p.jAA - t) / (p.jAA * p.jAA * p.jAA)
            BilayerMeanField(p.with(gammaRatio: wrong)).evaluate(t: 0, y: [a0, 0, 0, 0], into: &dy)
            XCTAssertGreaterThan(abs(dy[2]), 1e-6)
        }
    }

    /// The γ_B = 0 start of the continuation is the stable aligned state, sign-fixed (a > 0, b > 0).
    func testStartingStateIsTheStableAlignedOne() throws {
        for j in [1.0, 5.0, 9.3, 9.5, 9.8] {
            for t in [3.0, 5.0, 7.0, 9.0] {
                var p = caption; p.jAB = j; p.temperature = t
                guard let start = BilayerStability.equilibrium(p) else { XCTFail("no start at j_AB = \(j), T = \(t)"); continue }
                XCTAssertGreaterThan(start.a, 0, "j_AB = \(j), T = \(t)")
                // b > 0 exactly when the simulation finds the aligned state without light.
                XCTAssertEqual(start.b > 0, try alignedWithoutLight(p), "j_AB = \(j), T = \(t): \(start.a), \(start.b)")
                XCTAssertTrue(start.isLongitudinallyStable, "j_AB = \(j), T = \(t): \(start)")
            }
        }
    }

    /// Across j_AB (including the 9.3–9.8 band where the 5 meV boundary was wrong) and T, the
    /// predicted flip equals the closed form wherever it applies.
    func testPredictedFlipEqualsClosedFormAcrossCouplingAndTemperature() throws {
        var compared = 0, antialignedAtZero = 0
        for j in [1.0, 3.0, 5.0, 7.0, 9.0, 9.3, 9.5, 9.8] {
            for t in [3.0, 5.0, 7.0, 9.0] {
                var p = caption; p.jAB = j; p.temperature = t
                guard let r = try closedFormIfApplicable(p, upTo: 5) else {
                    if p.jAB > 0, try !alignedWithoutLight(p) {
                        // Already antialigned without light: the predicted threshold is 0.
                        XCTAssertEqual(BilayerStability.predictedFlip(p, upTo: 5)?.value, 0, "j_AB = \(j), T = \(t)")
                        antialignedAtZero += 1
                    }
                    continue
                }
                guard let predicted = BilayerStability.predictedFlip(p, upTo: 5) else { XCTFail("no flip at j_AB = \(j), T = \(t)"); continue }
                XCTAssertEqual(predicted.value, r, accuracy: 1e-8, "j_AB = \(j), T = \(t)")
                XCTAssertGreaterThan(predicted.value, 0.01, "a flip at r ≈ 0 means the wrong branch (j_AB = \(j), T = \(t))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 25)
        XCTAssertGreaterThan(antialignedAtZero, 0)
    }

    /// The simulation (bisection on the long-time state, tolerance 10⁻³) brackets the prediction.
    func testPredictedFlipAgreesWithSimulation() throws {
        let thresholds = BilayerThresholds()
        for (j, t) in [(9.5, 5.0), (9.8, 5.0), (9.3, 5.0), (5.0, 9.0), (9.0, 7.0)] {
            var p = caption; p.jAB = j; p.temperature = t
            let predicted = try XCTUnwrap(BilayerStability.predictedFlip(p, upTo: 3))
            let simulated = try XCTUnwrap(try thresholds.simulatedFlip(p, upTo: 3), "j_AB = \(j), T = \(t)")
            XCTAssertLessThanOrEqual(simulated.lower - 2e-3, predicted.value, "j_AB = \(j), T = \(t): simulated \(simulated)")
            XCTAssertGreaterThanOrEqual(simulated.upper + 2e-3, predicted.value, "j_AB = \(j), T = \(t): simulated \(simulated)")
        }
    }
}
