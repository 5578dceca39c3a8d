import XCTest
@testable import Symbolic

/// The unit table and the unit-expression parser.
final class UnitsParserTests: XCTestCase {
    func rational(_ q: Quantity) -> BigRational? { q.value.rationalValue }

    func testTableUnits() throws {
        let expected: [(String, PhysicalDimension)] = [
            ("J", .energy), ("eV", .energy), ("meV", .energy), ("s^-1", .frequency), ("Hz", .frequency),
            ("m", .length), ("cm", .length), ("nm", .length), ("kg", .mass), ("C", .charge), ("K", .temperature),
            ("W", .power), ("A", .current), ("V", .energy / .charge), ("F/m", PhysicalConstants.vacuumPermittivity.dimension),
            ("W/cm^2", PhysicalDimension.power / PhysicalDimension.length.pow(2)), ("J s", .action), ("J*s", .action), ("J/K", .entropy),
            ("kg m^2 s^-2", .energy), ("1/s", .frequency), ("N/A^2", PhysicalConstants.vacuumPermeability.dimension),
            ("meV/hbar", .frequency), ("K kB", .energy), ("m^(1/2)", PhysicalDimension.length.pow(BigRational(1, 2))),
            ("(kg m)/(s^2)", PhysicalDimension(mass: 1, length: 1, time: -2)), ("J/K/mol", PhysicalDimension.entropy / .amount),
            ("µs", .time), ("μm", .length), ("us", .time), ("Ω", .energy / .charge / .current), ("kOhm", .energy / .charge / .current),
        ]
        for (text, d) in expected {
            XCTAssertEqual(try Units.parse(text).dimension, d, text)
        }
    }

    func testExactScales() throws {
        XCTAssertEqual(rational(try Units.parse("kg")), 1)
        XCTAssertEqual(rational(try Units.parse("g")), BigRational(1, 1000))
        XCTAssertEqual(rational(try Units.parse("cm")), BigRational(1, 100))
        XCTAssertEqual(rational(try Units.parse("W/cm^2")), 10_000)
        XCTAssertEqual(rational(try Units.parse("nm")), BigRational(1, 1_000_000_000))
        // meV = 10^-3 · e · 1 V, from the exact elementary charge.
        let e = PhysicalConstants.elementaryCharge.value.rationalValue!
        XCTAssertEqual(rational(try Units.parse("meV")), e / 1000)
        XCTAssertEqual(rational(try Units.parse("eV")), rational(try Units.parse("V C"))! * e)
        XCTAssertEqual(rational(try Units.parse("Hz")), rational(try Units.parse("s^-1")))
        XCTAssertEqual(rational(try Units.parse("mm")), BigRational(1, 1000), "mm is millimetre")
        XCTAssertEqual(rational(try Units.parse("Pa")), 1, "Pa is pascal, not peta-year")
        XCTAssertEqual(rational(try Units.parse("km / ms")), 1_000_000)
    }

    func testSpacesAndOperatorsAgree() throws {
        let forms = ["kg m^2 s^-2", "kg*m^2*s^-2", "kg·m^2/s^2", "kg m^2 / s^2", "J", "N m", "(kg m / s^2) m"]
        let ref = try Units.parse("J")
        for f in forms { XCTAssertEqual(try Units.parse(f), ref, f) }
    }

    func testBadUnitsAreRejectedWithColumn() {
        let bad: [(String, Int)] = [("W/cm^", 6), ("foo", 1), ("m**2", 3), ("(m", 3), ("", 1), ("m^x", 3), ("J )", 3), ("meV/", 5)]
        for (text, column) in bad {
            XCTAssertThrowsError(try Units.parse(text), text) { error in
                guard case .badUnit(_, let col, _) = error as? DimensionError else { return XCTFail("\(text): \(error)") }
                XCTAssertEqual(col, column, "column for \(text): \(error)")
                XCTAssertTrue("\(error)".contains("fix"), "\(error)")
            }
        }
    }
}
