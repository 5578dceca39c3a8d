import XCTest
@testable import Symbolic

/// Dimensions as a group, their printing, and their image in natural units ħ = k_B = 1.
final class UnitsDimensionTests: XCTestCase {
    func testGroupLaws() {
        let energy = PhysicalDimension.mass * PhysicalDimension.length.pow(2) / PhysicalDimension.time.pow(2)
        XCTAssertEqual(energy, .energy)
        XCTAssertEqual(PhysicalDimension.energy * PhysicalDimension.time, .action)
        XCTAssertEqual(PhysicalDimension.energy / PhysicalDimension.temperature, .entropy)
        XCTAssertEqual(PhysicalDimension.energy / PhysicalDimension.time, .power)
        XCTAssertEqual(PhysicalDimension.energy * PhysicalDimension.energy.inverse, .dimensionless)
        XCTAssertTrue((PhysicalDimension.length / PhysicalDimension.length).isDimensionless)
        XCTAssertEqual(PhysicalDimension.length.pow(BigRational(1, 2)).pow(2), .length)
        XCTAssertNotEqual(PhysicalDimension.energy, .action)
    }

    func testPrinting() {
        XCTAssertEqual(PhysicalDimension.energy.description, "kg m^2 s^-2")
        XCTAssertEqual(PhysicalDimension.dimensionless.description, "1")
        XCTAssertEqual(PhysicalDimension.frequency.description, "s^-1")
        XCTAssertEqual(PhysicalDimension.length.pow(BigRational(1, 2)).description, "m^(1/2)")
        XCTAssertEqual(PhysicalDimension.entropy.description, "kg m^2 s^-2 K^-1")
    }

    /// [ħ c] = J m, computed from the constants' dimensions.
    func testHbarTimesC() {
        let d = (PhysicalConstants.hbar * PhysicalConstants.speedOfLight).dimension
        XCTAssertEqual(d, PhysicalDimension.energy * PhysicalDimension.length)
        XCTAssertEqual(d.description, "kg m^3 s^-2")
    }

    func testNaturalImage() {
        XCTAssertTrue(PhysicalDimension.action.natural.isDimensionless, "ħ = 1")
        XCTAssertTrue(PhysicalDimension.entropy.natural.isDimensionless, "k_B = 1")
        XCTAssertEqual(PhysicalDimension.energy.natural, PhysicalDimension.frequency.natural, "E = ħω")
        XCTAssertEqual(PhysicalDimension.temperature.natural, PhysicalDimension.energy.natural, "E = k_B T")
        XCTAssertNotEqual(PhysicalDimension.length.natural, PhysicalDimension.time.natural, "c is not set to 1")
        XCTAssertNotEqual(PhysicalDimension.energy.natural, PhysicalDimension.dimensionless.natural)
    }

    func testHbarBoltzmannDecomposition() {
        XCTAssertTrue(PhysicalDimension.action.hbarBoltzmannPowers! == (1, 0))
        XCTAssertTrue(PhysicalDimension.entropy.hbarBoltzmannPowers! == (0, 1))
        XCTAssertTrue(PhysicalDimension.dimensionless.hbarBoltzmannPowers! == (0, 0))
        let mixed = PhysicalDimension.action.pow(-2) * PhysicalDimension.entropy.pow(3)
        XCTAssertTrue(mixed.hbarBoltzmannPowers! == (-2, 3))
        XCTAssertNil(PhysicalDimension.energy.hbarBoltzmannPowers)
        XCTAssertNil(PhysicalDimension.length.hbarBoltzmannPowers)
        XCTAssertNil((PhysicalDimension.action * PhysicalDimension.current).hbarBoltzmannPowers)
    }
}
