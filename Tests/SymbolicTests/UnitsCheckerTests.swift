import XCTest
@testable import Symbolic

/// Dimension checking of expressions, with the natural-unit (ħ = k_B = 1) diagnosis.
final class UnitsCheckerTests: XCTestCase {
    let m = Expr.symbol("m", .positive), v = Expr.symbol("v", .real), E = Expr.symbol("E", .real)
    let x = Expr.symbol("x", .real), t = Expr.symbol("t", .positive), T = Expr.symbol("T", .positive)
    let kB = Expr.symbol("k_B", .positive), hbar = Expr.symbol("hbar", .positive)
    let kappa = Expr.symbol("kappa", .positive), alpha = Expr.symbol("alpha", .positive), U = Expr.symbol("U", .positive)

    func checker(natural: Bool = false) throws -> DimensionChecker {
        try DimensionChecker(units: ["m": "kg", "v": "m/s", "E": "J", "x": "m", "t": "s", "T": "K", "k_B": "J/K",
                                     "hbar": "J s", "kappa": "s^-1", "alpha": "1", "U": "eV"], naturalUnits: natural)
    }

    func testKineticEnergy() throws {
        let c = try checker()
        XCTAssertEqual(c.check(E, "=", m * v * v / 2).kind, .verified)
        // Mutants: wrong exponent, missing factor.
        let wrongPower = c.check(E, "=", m * v / 2)
        XCTAssertEqual(wrongPower.kind, .discrepancy)
        XCTAssertTrue(wrongPower.detail.contains("inconsistent even with ħ = k_B = 1"), wrongPower.detail)
        XCTAssertEqual(c.check(E, "=", m * Expr.pow(v, 3)).kind, .discrepancy)
        XCTAssertEqual(c.check(E, "=", v * v / 2).kind, .discrepancy)
    }

    func testSumMismatchNamesTheTerms() throws {
        let c = try checker()
        let bad = x + v * t + t
        let verdict = c.check(bad)
        XCTAssertEqual(verdict.kind, .discrepancy)
        XCTAssertTrue(verdict.detail.contains("m vs s") || verdict.detail.contains("s vs m"), verdict.detail)
        XCTAssertThrowsError(try c.dimension(of: bad)) { error in
            guard case .mismatch(let mm) = error as? DimensionError else { return XCTFail("\(error)") }
            XCTAssertEqual(mm.subexpression, bad)
            XCTAssertEqual(Set([mm.left, mm.right]), Set([PhysicalDimension.length, .time]))
        }
        XCTAssertEqual(c.check(x + v * t).kind, .verified)
    }

    func testTranscendentalArguments() throws {
        let c = try checker()
        XCTAssertEqual(c.check(Expr.exp(-E / (kB * T))).kind, .verified)
        XCTAssertEqual(c.check(Expr.fermi(E / (kB * T))).kind, .verified)
        XCTAssertEqual(c.check(Expr.sin(x / (v * t))).kind, .verified)
        // exp(E/T): consistent only with k_B = 1.
        let boltzmann = c.check(Expr.exp(-E / T))
        XCTAssertEqual(boltzmann.kind, .discrepancy)
        XCTAssertTrue(boltzmann.detail.contains("consistent with k_B = 1"), boltzmann.detail)
        XCTAssertEqual(try checker(natural: true).check(Expr.exp(-E / T)).kind, .verified)
        // log of a length is wrong in any units.
        let log = c.check(Expr.log(x))
        XCTAssertEqual(log.kind, .discrepancy)
        XCTAssertTrue(log.detail.contains("argument of log"), log.detail)
        XCTAssertEqual(try checker(natural: true).check(Expr.log(x)).kind, .discrepancy)
        XCTAssertEqual(c.check(Expr.cos(E * t)).kind, .discrepancy)
        XCTAssertEqual(try checker(natural: true).check(Expr.cos(E * t)).kind, .verified, "E t/ħ")
    }

    func testPowers() throws {
        let c = try checker()
        XCTAssertEqual(try c.dimension(of: Expr.sqrt(x)), PhysicalDimension.length.pow(BigRational(1, 2)))
        XCTAssertEqual(try c.dimension(of: Expr.pow(x / (v * t), alpha)), .dimensionless)
        XCTAssertEqual(try c.dimension(of: Expr.pow(x / (v * t), -alpha) * x), .length)
        XCTAssertEqual(c.check(Expr.pow(x / t, alpha)).kind, .discrepancy, "(x/t)^alpha has no dimension")
        XCTAssertThrowsError(try c.dimension(of: Expr.pow(x, alpha))) { error in
            guard case .nonRationalExponent = error as? DimensionError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(c.check(Expr.pow(x, alpha)).kind, .discrepancy)
        XCTAssertEqual(c.check(Expr.pow(alpha, x)).kind, .discrepancy, "dimensionful exponent")
        XCTAssertEqual(c.check(Expr.abs(v) * t, "<=", x).kind, .verified)
    }

    /// κ ≳ αU (main text above NC(7)): a rate against an energy. In SI it needs U/ħ.
    func testRateVersusEnergyIsAHbarMismatch() throws {
        let c = try checker()
        let verdict = c.check(kappa, ">~", alpha * U)
        XCTAssertEqual(verdict.kind, .discrepancy)
        XCTAssertTrue(verdict.detail.contains("consistent with ħ = 1 (missing ħ^-1 on the right)"), verdict.detail)
        XCTAssertEqual(verdict.relation, "[lhs]/[rhs] = ħ^-1")
        XCTAssertEqual(c.check(kappa, ">~", alpha * U / hbar).kind, .verified)
        let natural = try checker(natural: true).check(kappa, ">~", alpha * U)
        XCTAssertEqual(natural.kind, .verified)
        XCTAssertTrue(natural.detail.contains("natural units"), natural.detail)
        // Mutant: κ against αU² is wrong in any units.
        let wrong = try checker(natural: true).check(kappa, ">~", alpha * U * U)
        XCTAssertEqual(wrong.kind, .discrepancy)
        XCTAssertTrue(wrong.detail.contains("inconsistent even with ħ = k_B = 1"), wrong.detail)
    }

    func testTemperatureVersusEnergyNeedsBoltzmann() throws {
        let c = try checker()
        let verdict = c.check(E, "~", T)
        XCTAssertTrue(verdict.detail.contains("consistent with k_B = 1 (missing k_B^1 on the right)"), verdict.detail)
        let mixed = c.check(E * E * t, "~", T)   // [E² t]/[T] = ħ · k_B
        XCTAssertTrue(mixed.detail.contains("consistent with ħ = k_B = 1 (missing ħ^1 k_B^1 on the right)"), mixed.detail)
    }

    func testUnknownSymbolsAndFunctionsAreErrors() throws {
        let c = try checker()
        let y = Expr.symbol("y")
        let verdict = c.check(x + y)
        XCTAssertEqual(verdict.kind, .error)
        XCTAssertTrue(verdict.detail.contains("'y'"), verdict.detail)
        XCTAssertEqual(c.check(Expr.call("J", [x])).kind, .error)
        var withCall = c
        withCall.callDimensions["J"] = .energy
        XCTAssertEqual(withCall.check(E, "=", Expr.call("J", [x / (v * t)])).kind, .verified)
        XCTAssertThrowsError(try DimensionChecker(units: ["a": "parsec"]))
    }
}
