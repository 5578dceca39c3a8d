import XCTest
import Foundation
import Symbolic
@testable import Verify

final class DynamicsModelTests: XCTestCase {
    func randomLLG(_ g: inout SplitMix64, spins: Int) throws -> LightInducedLLG {
        var j = [[Double]](repeating: [Double](repeating: 0, count: spins), count: spins)
        for a in 0..<spins { for b in (a + 1)..<max(a + 1, spins) { let v = 2 * g.nextUnit() - 1; j[a][b] = v; j[b][a] = v } }
        return try LightInducedLLG(exchange: j, alpha: (0..<spins).map { _ in 0.3 * g.nextUnit() },
                                   gamma: (0..<spins).map { _ in 0.2 * g.nextUnit() },
                                   sdCoupling: (0..<spins).map { _ in -1 - g.nextUnit() }, filling: 1)
    }

    /// The Landau–Lifshitz form solves the implicit NC(6) exactly: residual at rounding level in
    /// Double and at 60 digits in MPFR, for random spins, couplings, dampings and light terms.
    func testLandauLifshitzFormSatisfiesImplicitGilbertEquation() throws {
        var g = SplitMix64(seed: 6)
        for spins in [1, 2, 3, 5] {
            let model = try randomLLG(&g, spins: spins)
            let y = (0..<(3 * spins)).map { _ in 2 * g.nextUnit() - 1 }
            var dy = [Double](repeating: 0, count: y.count)
            model.evaluate(t: 0, y: y, into: &dy)
            let residual = model.implicitResidual(y, dy).map(abs).max()!
            XCTAssertLessThan(residual, 1e-14)
            let bits = BigFloat.bits(forDigits: 60)
            let yBig = y.map { BigFloat($0, precision: bits) }
            var dyBig = yBig
            model.rates(t: yBig[0], y: yBig, into: &dyBig)
            let big = model.implicitResidual(yBig, dyBig).map { $0.magnitude.doubleValue }.max()!
            XCTAssertLessThan(big, 1e-57)
        }
    }

    /// Deliberately wrong: dropping the Gilbert correction (Ṡ = τ) or doubling α leaves a residual
    /// of order α|τ| in the implicit equation.
    func testWrongLandauLifshitzFormsAreRejected() throws {
        var g = SplitMix64(seed: 7)
        let model = try randomLLG(&g, spins: 3)
        let y = (0..<9).map { _ in 2 * g.nextUnit() - 1 }
        let naive = (0..<3).flatMap { model.explicitTorque(y, spin: $0) }
        XCTAssertGreaterThan(model.implicitResidual(y, naive).map(abs).max()!, 1e-3)
        let doubled = LightInducedLLG(exchange: model.exchange, lightTorque: model.lightTorque,
                                      alpha: model.alpha.map { 2 * $0 }, gamma: model.gamma, filling: 1)
        var dy = [Double](repeating: 0, count: 9)
        doubled.evaluate(t: 0, y: y, into: &dy)
        XCTAssertGreaterThan(model.implicitResidual(y, dy).map(abs).max()!, 1e-3)
    }

    /// Without light (γ = Ω = 0), NC(6) conserves every |S_a| and the Gilbert term lowers
    /// E = −Σ_{a<b} J_ab S_a·S_b monotonically.
    func testWithoutLightLengthsAreConservedAndEnergyDecreases() throws {
        let j = [[0, 1.0, 0.5], [1.0, 0, -0.3], [0.5, -0.3, 0]]
        let model = try LightInducedLLG(exchange: j, alpha: [0.1, 0.05, 0.2], gamma: [0, 0, 0], sdCoupling: [-1, -1, -1], filling: 1)
        func energy(_ y: [Double]) -> Double {
            var e = 0.0
            for a in 0..<3 { for b in (a + 1)..<3 { e -= j[a][b] * (0..<3).map { y[3 * a + $0] * y[3 * b + $0] }.reduce(0, +) } }
            return e
        }
        let y0 = [1.0, 0, 0, 0, 1, 0, 0.6, 0, 0.8]
        let solver = AdaptiveRungeKutta(field: model, tolerances: Tolerances(relative: 1e-11, absolute: 1e-13))
        var previous = energy(y0), monotone = true
        let result = try solver.integrate(y0, from: 0, to: 200) { s in
            let e = energy(s.y)
            if e > previous + 1e-12 { monotone = false }
            previous = e
            return .proceed
        }
        XCTAssertTrue(monotone)
        for a in 0..<3 {
            let length = (0..<3).map { result.y[3 * a + $0] * result.y[3 * a + $0] }.reduce(0, +).squareRoot()
            XCTAssertEqual(length, 1, accuracy: 1e-8)
        }
    }

    /// Ω_ab = (γ_a/|g_a|) J_ab is computed from the inputs and is non-reciprocal when only one spin is lit.
    func testLightTorqueIsComputedAndNonReciprocal() throws {
        let model = try LightInducedLLG(exchange: [[0, 2], [2, 0]], alpha: [0.01, 0.01], gamma: [0.3, 0],
                                        sdCoupling: [-10, -10], filling: 1)
        XCTAssertEqual(model.lightTorque[1], 0.3 / 10 * 2, accuracy: 1e-16)
        XCTAssertEqual(model.lightTorque[2], 0)
        XCTAssertThrowsError(try LightInducedLLG(exchange: [[0, 1], [2, 0]], alpha: [0, 0], gamma: [0, 0], sdCoupling: [-1, -1], filling: 1)) {
            XCTAssertEqual(($0 as? ModelInputError)?.parameter, "exchange[0][1]")
        }
        XCTAssertThrowsError(try LightInducedLLG(exchange: [[0, 1], [1, 0]], alpha: [0, 0], gamma: [0.1, 0], sdCoupling: [0, -1], filling: 1))
    }

    /// The hand-derived Jacobian of NC(8) equals the one obtained by symbolic differentiation
    /// (`Expr.derivative`, evaluated in MPFR) at random states and parameters.
    func testMeanFieldJacobianEqualsSymbolicDerivative() throws {
        let symbolic = BilayerSymbolicModel.jacobian
        var g = SplitMix64(seed: 8)
        for _ in 0..<5 {
            var p = BilayerParameters.figureCaption
            p.jAB = 10 * g.nextUnit(); p.temperature = 3 + 8 * g.nextUnit(); p.gammaB = 0.1 * g.nextUnit()
            p.alphaB = 0.01 * g.nextUnit()
            let y = (0..<4).map { _ in 2 * g.nextUnit() - 1 }
            let hand = BilayerMeanField(p).jacobian(y)
            let exact = try BilayerSymbolicModel.evaluateJacobian(symbolic, p, y)
            for i in 0..<16 { XCTAssertEqual(hand[i], exact[i], accuracy: 1e-13 * (1 + abs(exact[i]))) }
            // and the symbolic rates equal the generic vector field
            let values = BilayerSymbolicModel.values(p, y, precision: 128)
            var dy = [Double](repeating: 0, count: 4)
            BilayerMeanField(p).evaluate(t: 0, y: y, into: &dy)
            for (i, f) in BilayerSymbolicModel.rates.enumerated() {
                XCTAssertEqual(try f.evaluate(at: values, precision: 128).re.doubleValue, dy[i], accuracy: 1e-14 * (1 + abs(dy[i])))
            }
        }
        // A Jacobian of the mutant with Ω_BA of the wrong sign differs in the (B, A) block.
        let p = BilayerParameters.figureCaption.with(gammaRatio: 1.5)
        let mutant = BilayerMeanField(p, omegaBA: -p.omegaBA).jacobian([0.4, 0, -0.05, 0])
        let exact = try BilayerSymbolicModel.evaluateJacobian(symbolic, p, [0.4, 0, -0.05, 0])
        XCTAssertGreaterThan(abs(mutant[8] - exact[8]), 1e-3)
    }

    /// NC(8) is covariant under a common rotation R of m_A and m_B: f(Ry) = R f(y).
    func testMeanFieldIsRotationCovariant() {
        let model = BilayerMeanField(BilayerParameters.figureCaption.with(gammaRatio: 1.3))
        let y = [0.3, -0.2, 0.1, 0.25]
        let angle = 0.7, c = cos(angle), s = sin(angle)
        func rotate(_ v: [Double]) -> [Double] { [c * v[0] - s * v[1], s * v[0] + c * v[1], c * v[2] - s * v[3], s * v[2] + c * v[3]] }
        var f = [Double](repeating: 0, count: 4), fr = f
        model.evaluate(t: 0, y: y, into: &f)
        model.evaluate(t: 0, y: rotate(y), into: &fr)
        for (u, v) in zip(rotate(f), fr) { XCTAssertEqual(u, v, accuracy: 1e-15) }
    }

    /// At γ_B = 0 with the layers decoupled (j_AB = 0), the stable state of layer A is the Ginzburg–Landau
    /// (Weiss) value |m_A|² = 3T²(j_AA − T)/j_AA³, found here by simulation.
    func testDecoupledLayerReachesGinzburgLandauMagnetisation() throws {
        var p = BilayerParameters.figureCaption
        p.jAB = 0
        let state = try BilayerSimulation().run(BilayerMeanField(p), from: [0.1, 0.2, 0.1, 0.0])
        let t = p.temperature, j = p.jAA
        XCTAssertEqual(state.mA, (3 * t * t * (j - t) / (j * j * j)).squareRoot(), accuracy: 1e-8)
        XCTAssertLessThan(state.mB, 1e-6)   // j_BB < T: layer B alone is paramagnetic
    }

    /// The Double DOP853 trajectory of NC(8) agrees with the MPFR extrapolation reference (30 digits);
    /// tightening the tolerance moves it closer: the Double results are converged.
    func testDoubleTrajectoryMatchesMPFRReference() throws {
        let model = BilayerMeanField(BilayerParameters.figureCaption.with(gammaRatio: 1.5))
        let y0 = BilayerSimulation.randomInitialCondition(seed: 3)
        let bits = BigFloat.bits(forDigits: 30)
        let reference = ExtrapolationIntegrator(precision: bits, columns: 8)
            .integrate(model, y0.map { BigFloat($0, precision: bits) }, from: BigFloat(0, precision: bits),
                       to: BigFloat(40, precision: bits), macroSteps: 80)
        XCTAssertLessThan(reference.errorEstimate.doubleValue, 1e-17)
        var errors: [Double] = []
        for rtol in [1e-8, 1e-12] {
            let y = try AdaptiveRungeKutta(field: model, pair: .dop853, tolerances: Tolerances(relative: rtol, absolute: rtol * 1e-2))
                .integrate(y0, from: 0, to: 40).y
            errors.append(zip(y, reference.y).map { abs($0 - $1.doubleValue) }.max()!)
        }
        XCTAssertLessThan(errors[1], 1e-10)
        XCTAssertLessThan(errors[1], errors[0])
    }

    func testBadParametersAreTypedErrors() {
        var p = BilayerParameters.figureCaption
        p.temperature = 0
        XCTAssertThrowsError(try BilayerSimulation().run(BilayerMeanField(p), from: [0.1, 0, 0.1, 0])) {
            XCTAssertEqual(($0 as? ModelInputError)?.parameter, "temperature")
        }
        p = BilayerParameters.figureCaption
        p.gB = 0
        XCTAssertThrowsError(try p.validate())
    }
}
