import XCTest
@testable import Symbolic

/// The pump-power estimate of the Methods, NC(7) and NC(36)–(41) / AX(7), AX(34)–(39): dimensions
/// in SI with the natural-unit diagnosis, and the number computed along independent routes.
final class UnitsEstimateTests: XCTestCase {
    // Symbols of the Methods.
    let P = Expr.symbol("P", .positive), W = Expr.symbol("W", .positive), chi = Expr.symbol("chi2", .positive)
    let omega = Expr.symbol("omega", .positive), omega0 = Expr.symbol("omega0", .positive), nu = Expr.symbol("nu", .positive)
    let Gamma = Expr.symbol("Gamma", .positive), n = Expr.symbol("n", .positive), kappa = Expr.symbol("kappa", .positive)
    let alpha = Expr.symbol("alpha", .positive), U = Expr.symbol("U", .positive), v = Expr.symbol("v", .positive)
    let gamma = Expr.symbol("gamma", .positive)
    let m0 = Expr.symbol("m_e", .positive), eps0 = Expr.symbol("eps0", .positive), c = Expr.symbol("c", .positive)
    let e = Expr.symbol("e", .positive), hbar = Expr.symbol("hbar", .positive)

    /// SI reading: ω, ω0, Γ, κ, γ are rates; U, v energies; P an intensity; W a power density.
    func siChecker() throws -> DimensionChecker {
        try DimensionChecker(units: [
            "P": "W/m^2", "W": "W/m^3", "chi2": "1", "omega": "s^-1", "omega0": "s^-1", "nu": "Hz", "Gamma": "s^-1",
            "n": "m^-3", "kappa": "s^-1", "gamma": "s^-1", "alpha": "1", "U": "eV", "v": "eV",
            "m_e": "kg", "eps0": "F/m", "c": "m/s", "e": "C", "hbar": "J s",
        ])
    }

    var lorentzPrefactor: Expr { n * e * e / (eps0 * m0) }
    var pumpPowerNC40: Expr { alpha * U * omega0 * m0 * c * eps0 * Gamma / (e * e) }
    var pumpPowerNC7: Expr { alpha * 2 * Expr.pi * U * nu * m0 * eps0 * c * Gamma / (e * e) }

    func testAbsorptionAndSusceptibilityAreConsistent() throws {
        let s = try siChecker()
        // NC(36)/AX(34): W = ω χ'' P / c.
        XCTAssertEqual(s.check(W, "=", omega * chi * P / c).kind, .verified)
        // NC(37)/AX(35): Lorentz oscillator, full and on resonance.
        let full = lorentzPrefactor * omega * Gamma / (Expr.pow(omega0 * omega0 - omega * omega, 2) + omega * omega * Gamma * Gamma)
        XCTAssertEqual(s.check(chi, "=", full).kind, .verified)
        XCTAssertEqual(s.check(chi, "=", lorentzPrefactor / (omega0 * Gamma)).kind, .verified)
        // Mutant: ω0² Γ in the denominator.
        XCTAssertEqual(s.check(chi, "=", lorentzPrefactor / (omega0 * omega0 * Gamma)).kind, .discrepancy)
    }

    /// NC(38)/AX(36) κ = W/(n ω0) and NC(39)/AX(37) κ = χ''P/(n c) ≳ αU compare a rate with an
    /// energy: consistent only with ħ = 1 (SI needs W/(n ħω0) and αU/ħ).
    func testDecayRateNeedsHbar() throws {
        let s = try siChecker()
        for (lhs, rel, rhs) in [(kappa, "=", W / (n * omega0)), (kappa, "=", chi * P / (n * c)), (kappa, ">~", alpha * U)] {
            let verdict = s.check(lhs, rel, rhs)
            XCTAssertEqual(verdict.kind, .discrepancy, "\(rhs)")
            XCTAssertEqual(verdict.relation, "[lhs]/[rhs] = ħ^-1", "\(rhs)")
            XCTAssertTrue(verdict.detail.contains("consistent with ħ = 1"), verdict.detail)
        }
        XCTAssertEqual(s.check(kappa, "=", W / (n * hbar * omega0)).kind, .verified)
    }

    /// NC(40)/AX(38) and NC(7): an intensity in SI when U is an energy and ω0, Γ are rates.
    func testPumpPowerFormulasAreIntensities() throws {
        let s = try siChecker()
        XCTAssertEqual(s.check(P, ">~", alpha * U * n * c / chi).kind, .verified)
        XCTAssertEqual(s.check(P, ">~", pumpPowerNC40).kind, .verified)
        XCTAssertEqual(s.check(P, ">~", pumpPowerNC7).kind, .verified)
        // Mutant: e instead of e².
        XCTAssertEqual(s.check(P, ">~", pumpPowerNC40 * e).kind, .discrepancy)
    }

    /// NC(41) vs AX(39): the AX form carries an extra 1/U_a², which no choice of ħ, k_B repairs.
    func testMarkovConditionChain() throws {
        let s = try siChecker()
        let left = alpha * U * v * v / (U * U)
        let middleNC = P * e * e / (eps0 * m0 * c) / (omega0 * Gamma) * v * v / (U * U)
        let middleAX = P * e * e / (eps0 * m0 * c * omega0 * Gamma) / (U * U) * v * v / (U * U)
        XCTAssertEqual(s.check(left, "<~", middleNC).kind, .verified)
        let nc = s.check(middleNC, "=", gamma)
        XCTAssertEqual(nc.kind, .discrepancy)
        XCTAssertTrue(nc.detail.contains("consistent with ħ = 1"), nc.detail)
        XCTAssertEqual(s.check(gamma, "<<", Gamma).kind, .verified)
        let ax = s.check(left, "<~", middleAX)
        XCTAssertEqual(ax.kind, .discrepancy)
        XCTAssertTrue(ax.detail.contains("inconsistent even with ħ = k_B = 1"), ax.detail)
    }

    /// The number: NC(40) with every energy scale given in eV and ħ = 1, converted to W/cm²,
    /// equals the SI evaluation with explicit rates ω0 = hν/ħ, Γ = Γ_f/ħ, equals NC(7) with
    /// ν = hν/h, equals the route through NC(37) and NC(40)'s first form at any density n.
    func testPumpPowerEstimateAgreesAlongIndependentRoutes() throws {
        let eV = try Units.parse("eV"), meV = try Units.parse("meV")
        let K = PhysicalConstants.self
        let hnu = eV, gammaF = Quantity(10) * meV
        let common: [String: Quantity] = ["alpha": Quantity(BigRational(1, 100)), "U": eV]

        // Route 1: natural units, the converter finds the powers of ħ.
        var natural = common
        natural["omega0"] = hnu
        natural["Gamma"] = gammaF
        let r1 = try QuantityEvaluator(bindings: natural, naturalUnits: true).evaluate(pumpPowerNC40, in: "W/cm^2")
        XCTAssertEqual(r1.conversion.hbarPower, -2, "ω0 and Γ are rates: two factors 1/ħ")
        XCTAssertEqual(r1.conversion.boltzmannPower, 0)

        // Route 2: SI, rates written out.
        var si = common
        si["omega0"] = hnu / K.hbar
        si["Gamma"] = gammaF / K.hbar
        let r2 = try QuantityEvaluator(bindings: si).evaluate(pumpPowerNC40, in: "W/cm^2")
        XCTAssertEqual(r2.conversion.value, r1.conversion.value)

        // Route 3: NC(7) with ν = hν/h.
        var nc7 = common
        nc7["nu"] = hnu / K.planck
        nc7["Gamma"] = gammaF / K.hbar
        let r3 = try QuantityEvaluator(bindings: nc7).evaluate(pumpPowerNC7, in: "W/cm^2")
        XCTAssertEqual(r3.conversion.value, r1.conversion.value)

        // Route 4: χ'' from the full Lorentz form at ω = ω0, then P = αU n c / χ''.
        var chain = si
        chain["n"] = try Quantity(BigRational(3, 1) * BigRational("1e28")!, "m^-3")
        chain["omega"] = si["omega0"]!
        let chiFull = lorentzPrefactor * omega * Gamma / (Expr.pow(omega0 * omega0 - omega * omega, 2) + omega * omega * Gamma * Gamma)
        chain["chi2"] = try QuantityEvaluator(bindings: chain).evaluate(chiFull).quantity
        XCTAssertTrue(chain["chi2"]!.dimension.isDimensionless)
        let r4 = try QuantityEvaluator(bindings: chain).evaluate(alpha * U * n * c / chi, in: "W/cm^2")
        XCTAssertEqual(r4.conversion.value, r1.conversion.value)

        // The measured constants m_e and ε0 set the uncertainty.
        let u = (K.electronMass.relativeUncertainty * K.electronMass.relativeUncertainty
                 + K.vacuumPermittivity.relativeUncertainty * K.vacuumPermittivity.relativeUncertainty).squareRoot()
        XCTAssertEqual(r1.conversion.relativeUncertainty, u, accuracy: 1e-15)
        print("NC(40) pump power at U = 1 eV, alpha = 1e-2, Gamma_f = 10 meV, h nu = 1 eV:",
              r1.conversion.toString(digits: 6), "u_r =", r1.conversion.relativeUncertainty)

        // Mutant: Γ_f read as hΓ (cycles) instead of ħΓ differs by 2π; U as a rate is refused in SI.
        var cycles = si
        cycles["Gamma"] = gammaF / K.planck
        let r5 = try QuantityEvaluator(bindings: cycles).evaluate(pumpPowerNC40, in: "W/cm^2")
        XCTAssertNotEqual(r5.conversion.value, r1.conversion.value)
        XCTAssertThrowsError(try QuantityEvaluator(bindings: natural).evaluate(pumpPowerNC40, in: "W/cm^2"))
    }

    func testEvaluatorInsertsHbarInTranscendentalArguments() throws {
        // exp(−E/T) with E in meV and T in K, ħ = k_B = 1: the argument gets k_B^-1.
        let E = Expr.symbol("E", .positive), T = Expr.symbol("T", .positive)
        let b: [String: Quantity] = ["E": try Quantity(25, "meV"), "T": try Quantity(300, "K")]
        let r = try QuantityEvaluator(bindings: b, naturalUnits: true).evaluate(Expr.exp(-E / T))
        XCTAssertEqual(r.insertions.count, 1)
        let kT = PhysicalConstants.boltzmann * b["T"]!
        let direct = (-(b["E"]!.value.bigFloat(precision: 256)) / kT.value.bigFloat(precision: 256)).exp()
        XCTAssertEqual(r.quantity.value.bigFloat(precision: 256), direct)
        XCTAssertThrowsError(try QuantityEvaluator(bindings: b).evaluate(Expr.exp(-E / T)))
    }
}
