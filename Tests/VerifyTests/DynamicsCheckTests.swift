import XCTest
import Foundation
import Symbolic
@testable import Verify

/// The dynamics check kinds accept the right inputs and reject deliberately wrong ones.
final class DynamicsCheckTests: XCTestCase {
    let caption = BilayerParameters.figureCaption

    /// The flip threshold from the continued Jacobian branch equals the closed form
    /// 1 − j_AB²(j_AA − T)/j_AA³ derived by hand, at several couplings and temperatures.
    func testFlipThresholdMatchesClosedForm() {
        for (j, t) in [(5.0, 9.0), (2.0, 9.0), (5.0, 5.0), (8.0, 7.0)] {
            var p = caption; p.jAB = j; p.temperature = t
            let predicted = BilayerStability.predictedFlip(p)!
            XCTAssertEqual(predicted.value, BilayerStability.flipClosedForm(p), accuracy: 1e-8)
        }
    }

    /// The Goldstone mode: det J_⊥ = 0 at every collinear fixed point of the branch.
    func testTransverseBlockHasGoldstoneMode() {
        for r in [0.0, 0.5, 1.1, 1.2] {
            let point = BilayerStability.branch(caption, to: r)!
            XCTAssertEqual(point.transverseDeterminant, 0, accuracy: 1e-12)
        }
    }

    func testFlipThresholdVerdictAndMutants() throws {
        var p = caption; p.jAB = 5
        let right = try MeanFieldChecks.thresholdVerdict(p, kind: .flip, printed: 1, tolerance: 0.05, upTo: 3, seed: 1)
        XCTAssertEqual(right.kind, .verified, right.detail)
        // Ω_BA with the wrong sign: the light strengthens the alignment, no flip at all.
        var flipped = p; flipped.mutantOmegaScale = -1
        let wrongSign = try MeanFieldChecks.thresholdVerdict(flipped, kind: .flip, printed: 1, tolerance: 0.05, upTo: 3, seed: 1)
        XCTAssertEqual(wrongSign.kind, .discrepancy, wrongSign.detail)
        // α_B doubled in the equations (but not in the unit α_B|g_B|): the threshold doubles.
        var doubled = p; doubled.mutantAlphaBScale = 2
        let wrongAlpha = try MeanFieldChecks.thresholdVerdict(doubled, kind: .flip, printed: 1, tolerance: 0.05, upTo: 3, seed: 1)
        XCTAssertEqual(wrongAlpha.kind, .discrepancy, wrongAlpha.detail)
        XCTAssertEqual(Double(wrongAlpha.computed!)!, 2 * BilayerStability.flipClosedForm(p), accuracy: 1e-6)
        // A printed value off by a factor 2 is rejected.
        let wrongPrinted = try MeanFieldChecks.thresholdVerdict(p, kind: .flip, printed: 2, tolerance: 0.05, upTo: 3, seed: 1)
        XCTAssertEqual(wrongPrinted.kind, .discrepancy)
    }

    func testStateVerdictRejectsWrongPhase() throws {
        let p = caption.with(gammaRatio: 1.1)
        XCTAssertEqual(try MeanFieldChecks.stateVerdict(p, printed: .antialigned, seeds: 3, seed: 5).kind, .verified)
        XCTAssertEqual(try MeanFieldChecks.stateVerdict(p, printed: .aligned, seeds: 3, seed: 5).kind, .discrepancy)
        // With Ω_BA of the wrong sign the layers stay aligned at r = 1.1: the antialigned claim fails.
        var mutant = p; mutant.mutantOmegaScale = -1
        XCTAssertEqual(try MeanFieldChecks.stateVerdict(mutant, printed: .antialigned, seeds: 2, seed: 5).kind, .discrepancy)
    }

    /// The chiral state is a rotating wave: settled invariants, ω ≠ 0, Δφ of either sign over seeds
    /// with the same |Δφ| (parity breaking), |Δφ| not 0 or π.
    func testChiralStateIsARotatingWaveWithParityPartners() throws {
        let model = BilayerMeanField(caption.with(gammaRatio: 1.5))
        var signs = Set<Bool>()
        var magnitudes: [Double] = []
        for seed in 1...6 as ClosedRange<UInt64> {
            let s = try BilayerSimulation().run(model, from: BilayerSimulation.randomInitialCondition(seed: seed))
            XCTAssertEqual(s.phase, .chiral)
            XCTAssertTrue(s.isLimitCycle)
            XCTAssertGreaterThan(abs(s.omega), 1e-4)
            XCTAssertEqual(s.omega > 0, s.deltaPhi < 0)   // rotation sense follows the sign of Δφ
            signs.insert(s.deltaPhi > 0)
            magnitudes.append(abs(s.deltaPhi))
        }
        XCTAssertEqual(signs.count, 2)
        XCTAssertLessThan(magnitudes.max()! - magnitudes.min()!, 1e-6)
    }

    func testLandauLifshitzVerdictRejectsWrongAlpha() {
        XCTAssertEqual(LLGChecks.landauLifshitzVerdict(digits: 30, seed: 2).kind, .verified)
        XCTAssertEqual(LLGChecks.landauLifshitzVerdict(digits: 30, seed: 2, alphaScaleInCheck: 2).kind, .discrepancy)
    }

    func testTwoSpinSignFlipVerdictRejectsWrongPrinted() throws {
        var chase = TwoSpinChase()
        chase.alpha = [0.2, 0]
        chase.maxTime = 1500
        chase.fixedLength = true
        XCTAssertEqual(try LLGChecks.signFlipVerdict(chase, printed: 2, tolerance: 0.05).kind, .discrepancy)
    }

    func testChiralCouplingSolvesPrintedRelation() throws {
        // NC(9) transcribed: α_B/(α_A J_AB² n²) = 1 → J_AB = √(α_B/α_A)/n.
        let aB = Expr.symbol("alpha_B", .positive), aA = Expr.symbol("alpha_A", .positive)
        let j = Expr.symbol("J_AB", .positive), n = Expr.symbol("n", .positive)
        let lhs = aB / (aA * j * j * n * n)
        let solved = try MeanFieldChecks.solveForCoupling(lhs: lhs, rhs: Expr(1), parameters: caption)!
        XCTAssertEqual(solved, (caption.alphaB / caption.alphaA).squareRoot(), accuracy: 1e-12)
    }
}
