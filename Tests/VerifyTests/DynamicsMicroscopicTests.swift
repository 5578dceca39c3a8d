import Foundation
import Symbolic
import XCTest
@testable import Verify

/// NC(6) built from microscopic parameters: the coefficients come from the engine (projection method,
/// RKKY and Gilbert integrals), and the two-spin checks reject deliberately wrong criteria.
final class DynamicsMicroscopicTests: XCTestCase {
    /// A particle–hole symmetric site (ε_F − ε_d = U/2 = 500 meV) with v = 100 meV, ε_F = 1000 meV.
    static let site = try! ImpuritySite.meV(epsD: 500, hubbardU: 1000, kappa: 0, v: 100)

    static func pair(_ illumination: Illumination, fixedLength: Bool) throws -> MicroscopicTwoSpinChase {
        var c = try MicroscopicTwoSpinChase(site: site, fermiEnergy: 1000, kFR: 1, filling: 1, temperature: 9)
        c.illumination = illumination
        c.fixedLength = fixedLength
        return c
    }

    /// Without light, NC(17) at ε_F − ε_d = ε_d + U − ε_F = 500 meV gives g = −v²(1/500 + 1/500) = −40 meV;
    /// at T = 0 the Gilbert integral is A = 9π/4, so α = g² n² A/ε_F²; Ω_ab = γ_a|g_b|(n²/ε_F)J equals the
    /// main-text (γ_a/|g_a|) J_ab, and Ω_21 = 0 when only spin 1 is lit (non-reciprocity).
    func testCoefficientsComeFromTheProjectionMethodAndTheIntegrals() throws {
        let lit = Self.site.lit(BigRational(10))
        let c = try LLGCoefficients.compute(sites: [lit, Self.site], kFR: [[0, 1], [1, 0]], fermiEnergy: 1000, filling: 1, temperature: 0)
        let dark = try LLGCoefficients.compute(sites: [Self.site, Self.site], kFR: [[0, 1], [1, 0]], fermiEnergy: 1000, filling: 1, temperature: 0)
        XCTAssertEqual(dark.g[0], -40, accuracy: 1e-12)
        XCTAssertEqual(dark.gamma[0], 0)
        XCTAssertEqual(dark.alpha[0], 40 * 40 / 1e6 * 9 * Double.pi / 4, accuracy: 1e-14)
        XCTAssertGreaterThan(c.gamma[0], 0)
        XCTAssertEqual(c.lightTorque[0][1], c.gamma[0] / abs(c.g[0]) * c.exchange[0][1], accuracy: 1e-14)
        XCTAssertEqual(c.lightTorque[1][0], 0)
        XCTAssertEqual(c.exchange[0][1], c.exchange[1][0])
        // J(x = 2, 0) = (9π/4)(sin 2 − 2 cos 2)/(4·4): the T = 0 RKKY integral in closed form.
        XCTAssertEqual(c.rkkyIntegral[0][1], 9 * Double.pi / 4 * (sin(2.0) - 2 * cos(2.0)) / 16, accuracy: 1e-13)
        // The κ-dependence from one symbolic projection run equals the exact run at that κ.
        let curve = try SdLightDependence.derive(site: Self.site, fermiEnergy: 1000)
        let at10 = try curve.at(kappa: 10)
        XCTAssertEqual(at10.g.doubleValue, c.g[0], accuracy: 1e-12)
        XCTAssertEqual(at10.gamma.doubleValue, c.gamma[0], accuracy: 1e-12)
    }

    /// N spins: three sites on a line (k_F R = 1, 1, 2), the middle one lit. J_ab is symmetric, Ω_ab = (γ_a/|g_a|) J_ab
    /// for every pair, and only the lit site drives the others (row 1 of Ω nonzero, rows 0 and 2 zero).
    func testThreeSpinsCoefficients() throws {
        let sites = [Self.site, Self.site.lit(BigRational(20)), Self.site]
        let kFR: [[Double]] = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]
        let c = try LLGCoefficients.compute(sites: sites, kFR: kFR, fermiEnergy: 1000, filling: 1, temperature: 0)
        for a in 0..<3 {
            for b in 0..<3 where a != b {
                XCTAssertEqual(c.exchange[a][b], c.exchange[b][a])
                XCTAssertEqual(c.lightTorque[a][b], c.gamma[a] / abs(c.g[a]) * c.exchange[a][b], accuracy: 1e-15)
            }
        }
        XCTAssertEqual(c.lightTorque[0][1], 0)
        XCTAssertEqual(c.lightTorque[2][1], 0)
        XCTAssertGreaterThan(c.lightTorque[1][0], 0)
        XCTAssertEqual(c.model().spins, 3)
    }

    /// Bad microscopic inputs are typed errors naming the parameter.
    func testBadMicroscopicInputsAreRejected() {
        XCTAssertThrowsError(try LLGCoefficients.compute(sites: [Self.site, Self.site], kFR: [[0, 1], [2, 0]], fermiEnergy: 1000,
                                                         filling: 1, temperature: 0)) { XCTAssertEqual(($0 as? ModelInputError)?.parameter, "kFR[0][1]") }
        XCTAssertThrowsError(try LLGCoefficients.compute(sites: [Self.site], kFR: [[0]], fermiEnergy: -1, filling: 1, temperature: 0)) {
            XCTAssertEqual(($0 as? ModelInputError)?.parameter, "eF")
        }
        let outside = try! ImpuritySite.meV(epsD: 1500, hubbardU: 1000, kappa: 0, v: 100)
        XCTAssertThrowsError(try SdLightDependence.derive(site: outside, fermiEnergy: 1000))
        XCTAssertThrowsError(try ImpuritySite.meV(epsD: .nan, hubbardU: 1, kappa: 0, v: 1))
    }

    /// Uniform light, fixed-length reading: the pair stops aligning at γ/(α|g|) = 1 = κ/(αU) (the text's
    /// criterion), computed from the engine's α, g, γ at the bisected κ; a criterion off by 2 is rejected.
    func testUniformLightThresholdMatchesCriterionAndWrongCriterionIsRejected() throws {
        let pair = try Self.pair(.both, fixedLength: true)
        let k = Expr.symbol("kappa_1", .positive), a = Expr.symbol("alpha_1", .positive), u = Expr.symbol("U_1", .positive)
        let right = try LLGChecks.microscopicSignFlipVerdict(pair, printedLHS: k / (a * u), printedRHS: Expr(1), printedText: "kappa_1/(alpha_1*U_1) = 1", tolerance: 0.05)
        XCTAssertEqual(right.kind, .verified, right.detail)
        let wrong = try LLGChecks.microscopicSignFlipVerdict(pair, printedLHS: Expr(2) * k / (a * u), printedRHS: Expr(1), printedText: "2*kappa_1/(alpha_1*U_1) = 1", tolerance: 0.05)
        XCTAssertEqual(wrong.kind, .discrepancy)
    }

    /// Under NC(6) as printed the pair ends antialigned with the lit spin shrunk to |S_1| = J_12/(|g_1| n);
    /// a printed "aligned" at strong light is rejected, and no stationary rotation is mistaken for chase-and-run.
    func testAsPrintedPairEndsAntialignedWithShrunkLitSpin() throws {
        let pair = try Self.pair(.first, fixedLength: false)
        let kappa = BigRational(20)
        let c = try pair.coefficients(kappa: kappa)
        let s = try pair.rotation(kappa: kappa)
        XCTAssertFalse(s.rotating)
        XCTAssertEqual(s.state.phase, .antialigned)
        XCTAssertEqual(s.state.length1, c.exchange[0][1] / (abs(c.g[0]) * c.filling), accuracy: 1e-6)
    }
}
