import XCTest
@testable import Symbolic

/// CODATA 2018 constants and conversions, checked against relations between the constants and
/// against direct arithmetic (never against typed-in results).
final class UnitsConstantsTests: XCTestCase {
    let prec = 200
    typealias K = PhysicalConstants

    func float(_ q: Quantity) -> BigFloat { q.value.bigFloat(precision: prec) }
    func relativeDifference(_ a: BigFloat, _ b: BigFloat) -> Double { ((a - b) / b).magnitude.doubleValue }

    func testExactConstantsAreExact() {
        for q in [K.speedOfLight, K.planck, K.hbar, K.elementaryCharge, K.boltzmann, K.avogadro] {
            XCTAssertTrue(q.isExact, "\(q)")
        }
        for q in [K.electronMass, K.vacuumPermittivity, K.vacuumPermeability, K.fineStructure] {
            XCTAssertFalse(q.isExact)
            XCTAssertGreaterThan(q.relativeUncertainty, 1e-11)
            XCTAssertLessThan(q.relativeUncertainty, 1e-9)
        }
    }

    /// ħ · 2π = h exactly: the π powers cancel and the rationals agree.
    func testHbarIsExactlyHOver2Pi() {
        let twoPi = Quantity(.exact(2, piPower: 1))
        XCTAssertEqual((K.hbar * twoPi).value, K.planck.value)
        XCTAssertEqual(K.hbar.dimension, .action)
    }

    /// μ0 ε0 c² = 1 within the combined uncertainty (Maxwell), from the independently typed values.
    func testMaxwellRelation() {
        let x = K.vacuumPermeability * K.vacuumPermittivity * K.speedOfLight.pow(2)
        XCTAssertTrue(x.dimension.isDimensionless)
        XCTAssertLessThan(relativeDifference(float(x), BigFloat(1, precision: prec)), 3 * x.relativeUncertainty)
    }

    /// α = e²/(4π ε0 ħ c) within the uncertainties, and the relation fails for a wrong factor.
    func testFineStructureRelation() {
        let fourPi = Quantity(.exact(4, piPower: 1))
        let alpha = K.elementaryCharge.pow(2) / (fourPi * K.vacuumPermittivity * K.hbar * K.speedOfLight)
        XCTAssertTrue(alpha.dimension.isDimensionless)
        let tolerance = 3 * (alpha.relativeUncertainty + K.fineStructure.relativeUncertainty)
        XCTAssertLessThan(relativeDifference(float(alpha), float(K.fineStructure)), tolerance)
        // Mutant: 2π instead of 4π must be far off.
        let wrong = alpha * Quantity(2)
        XCTAssertGreaterThan(relativeDifference(float(wrong), float(K.fineStructure)), 0.5)
        // μ0 = 2αh/(e²c).
        let mu0 = Quantity(2) * K.fineStructure * K.planck / (K.elementaryCharge.pow(2) * K.speedOfLight)
        XCTAssertEqual(mu0.dimension, K.vacuumPermeability.dimension)
        XCTAssertLessThan(relativeDifference(float(mu0), float(K.vacuumPermeability)), 3 * (mu0.relativeUncertainty + K.vacuumPermeability.relativeUncertainty))
    }

    func testUncertaintyPropagation() {
        let u = K.electronMass.relativeUncertainty
        XCTAssertEqual(K.electronMass.pow(2).relativeUncertainty, 2 * u, accuracy: 1e-25)
        XCTAssertEqual((K.electronMass * K.speedOfLight).relativeUncertainty, u)
        XCTAssertEqual((K.electronMass / K.electronMass).relativeUncertainty, u * 2.0.squareRoot(), accuracy: 1e-25)
    }

    /// 1 eV/ħ in s⁻¹ equals 2π e/h (computed directly with MPFR); the conversion stays exact (∝ π).
    func testElectronVoltOverHbarInInverseSeconds() throws {
        let rate = try Quantity(1, "eV") / K.hbar
        let c = try rate.converted(to: "s^-1")
        guard case .exact(_, let piPower) = c.value else { return XCTFail("not exact: \(c)") }
        XCTAssertEqual(piPower, 1)
        let direct = BigFloat.pi(precision: prec) * 2 * BigFloat("1.602176634e-19", precision: prec)! / BigFloat("6.62607015e-34", precision: prec)!
        XCTAssertLessThan(relativeDifference(c.value.bigFloat(precision: prec), direct), 1e-55)
        // The same through the natural-unit conversion: 1 eV → s^-1 inserts ħ^-1.
        let n = try Quantity(1, "eV").converted(to: "s^-1", naturalUnits: true)
        XCTAssertEqual(n.value, c.value)
        XCTAssertEqual(n.hbarPower, -1)
        XCTAssertEqual(n.boltzmannPower, 0)
        // Hz and s^-1 agree; without natural units the conversion is refused.
        XCTAssertEqual(try rate.converted(to: "Hz").value, c.value)
        XCTAssertThrowsError(try Quantity(1, "eV").converted(to: "s^-1"))
    }

    /// k_B · 300 K in meV = 300 k_B/(10⁻³ e) exactly (rational arithmetic on the defining constants).
    func testThermalEnergyAtRoomTemperature() throws {
        let kT = K.boltzmann * (try Quantity(300, "K"))
        let c = try kT.converted(to: "meV")
        let expected = BigRational(300) * BigRational("1.380649e-23")! / (BigRational("1.602176634e-19")! / 1000)
        XCTAssertEqual(c.value, .exact(expected, piPower: 0))
        let n = try Quantity(300, "K").converted(to: "meV", naturalUnits: true)
        XCTAssertEqual(n.value, c.value)
        XCTAssertEqual(n.boltzmannPower, 1)
        XCTAssertEqual(n.hbarPower, 0)
        // Lengths cannot become energies with ħ = k_B = 1 (c is not set to 1).
        XCTAssertThrowsError(try Quantity(1, "m").converted(to: "meV", naturalUnits: true))
    }

    func testPowerDensityConversion() throws {
        // 1 W/cm² = 10⁴ W/m², exactly.
        let p = try Quantity(1, "W/cm^2")
        XCTAssertEqual(try p.converted(to: "W/m^2").value, QuantityValue(10_000))
        XCTAssertEqual(try p.converted(to: "kg s^-3").value, QuantityValue(10_000))
        XCTAssertThrowsError(try p.converted(to: "W/cm"))
    }
}
