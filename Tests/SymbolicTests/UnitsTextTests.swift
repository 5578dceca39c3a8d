import XCTest
@testable import Symbolic

/// Dimension checks and estimates of formulas written in the text syntax (as in derivation files).
final class UnitsTextTests: XCTestCase {
    let units: [String: String] = [
        "P": "W/m^2", "W": "W/m^3", "chi2": "1", "omega0": "s^-1", "nu": "Hz", "Gamma": "s^-1", "n": "m^-3",
        "kappa": "s^-1", "gamma": "s^-1", "alpha": "1", "U": "eV", "v": "eV", "m_e": "kg", "eps0": "F/m",
        "c": "m/s", "e": "C", "hbar": "J s", "Ek": "J", "T": "K", "k_B": "J/K",
    ]

    func relation(_ text: String) throws -> Relation { try ParseContext.lenient.parseRelation(text) }

    func testParsedRelations() throws {
        let si = try DimensionChecker(units: units)
        let natural = try DimensionChecker(units: units, naturalUnits: true)
        // NC(40) and NC(7) in SI with U an energy and ω0, Γ rates.
        XCTAssertEqual(si.check(try relation("P >~ alpha*U*omega0*m_e*c*eps0*Gamma/e^2")).kind, .verified)
        XCTAssertEqual(si.check(try relation("P ≳ alpha*2*pi*U*nu*m_e*eps0*c*Gamma/e^2")).kind, .verified)
        // Mutants: e instead of e², ν² instead of ν.
        XCTAssertEqual(si.check(try relation("P >~ alpha*U*omega0*m_e*c*eps0*Gamma/e")).kind, .discrepancy)
        XCTAssertEqual(si.check(try relation("P >~ alpha*2*pi*U*nu^2*m_e*eps0*c*Gamma/e^2")).kind, .discrepancy)
        // NC(38): κ = W/(n ω0) needs ħ; accepted in natural units.
        let nc38 = try relation("kappa = W/(n*omega0)")
        let verdict = si.check(nc38)
        XCTAssertEqual(verdict.kind, .discrepancy)
        XCTAssertTrue(verdict.detail.contains("consistent with ħ = 1 (missing ħ^-1 on the right)"), verdict.detail)
        XCTAssertEqual(natural.check(nc38).kind, .verified)
        // AX(39): the extra 1/U² is wrong in any units.
        let ax39 = try relation("alpha*U*abs(v)^2/U^2 <~ P*e^2/(eps0*m_e*c*omega0*Gamma)/U^2*abs(v)^2/U^2")
        XCTAssertEqual(natural.check(ax39).kind, .discrepancy)
        XCTAssertTrue(natural.check(ax39).detail.contains("inconsistent even with ħ = k_B = 1"))
        // A Boltzmann factor written with ħ = k_B = 1.
        let boltzmann = try ParseContext.lenient.parse("exp(-Ek/T) + fermi(Ek/T)")
        XCTAssertEqual(si.check(boltzmann).kind, .discrepancy)
        XCTAssertEqual(natural.check(boltzmann).kind, .verified)
    }

    func testParsedEstimate() throws {
        let p = try ParseContext.lenient.parse("alpha*U*omega0*m_e*c*eps0*Gamma/e^2")
        let bindings: [String: Quantity] = [
            "alpha": Quantity(BigRational(1, 100)), "U": try Quantity(1, "eV"),
            "omega0": try Quantity(1, "eV"), "Gamma": try Quantity(10, "meV"),
        ]
        let r = try QuantityEvaluator(bindings: bindings, naturalUnits: true).evaluate(p, in: "W/cm^2")
        XCTAssertEqual(r.conversion.hbarPower, -2)
        // The same with the rates written in the text: ω0 = 1 eV/ħ, Γ = 10 meV/ħ, ħ from the constants.
        let explicit = try ParseContext.lenient.parse("alpha*U*(U/hbar)*m_e*c*eps0*(Gamma_f/hbar)/e^2")
        let r2 = try QuantityEvaluator(bindings: ["alpha": bindings["alpha"]!, "U": bindings["U"]!, "Gamma_f": bindings["Gamma"]!])
            .evaluate(explicit, in: "W/cm^2")
        XCTAssertEqual(r2.conversion.value, r.conversion.value)
    }
}
