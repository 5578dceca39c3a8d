import XCTest
@testable import Verify
import Symbolic

/// Coefficient tables and the integral report: parallel = serial, printed forms parsed, bad input named.
final class IntegralTableTests: XCTestCase {
    func testParallelTableIsIdenticalToSerial() throws {
        let axes = [try TableAxis(parsing: "kF-R=0.5:2:0.5"), try TableAxis(parsing: "t=0:0.02:0.02")]
        let par = try CoefficientTable.compute("J", axes: axes, digits: 12, parallel: true)
        let ser = try CoefficientTable.compute("J", axes: axes, digits: 12, parallel: false)
        XCTAssertEqual(par.rows, ser.rows)
        XCTAssertEqual(par.rendered(.csv), ser.rendered(.csv))
        XCTAssertEqual(par.rows.count, 8)
        // every T = 0 row has the constant ratio −1/4 found in derivations/integrals.md
        for r in par.rows where r.parameters.contains(where: { $0.0 == "t" && $0.1.isZero }) {
            XCTAssertTrue(r.ratio!.hasPrefix("-0.25000000000"), r.ratio!)
        }
    }

    /// g of NC(17) evaluated from its printed text equals the same expression built independently.
    func testPrintedCouplingIsParsedNotHandCoded() throws {
        let t = try CoefficientTable.compute("g", axes: [try TableAxis(parsing: "kappa=0:0.2:0.2")],
                                             fixed: ["v": BigRational(3, 10), "ed": BigRational(-1), "U": BigRational(3), "eF": .zero],
                                             digits: 20)
        // κ = 0: g = −|v|²[1/(ε_d + U − ε_F) + 1/(ε_F − ε_d)] = −0.09·(1/2 + 1) = −0.135
        XCTAssertEqual(t.rows[0].value, "-0.13500000000000000000")
        XCTAssertEqual(t.rows.count, 2)
        XCTAssertTrue(t.rendered(.latex).contains("\\num{-0.13500000000000000000}"))
    }

    func testBadTableInputIsNamed() {
        XCTAssertThrowsError(try TableAxis(parsing: "kF-R=1:0:0.5"))
        XCTAssertThrowsError(try TableAxis(parsing: "kF-R=1:2:0"))
        XCTAssertThrowsError(try TableAxis(parsing: "kF-R=a:2:1"))
        XCTAssertThrowsError(try CoefficientTable.compute("J", axes: [], digits: 10)) { e in
            XCTAssertTrue("\(e)".contains("kF-R"), "\(e)")
        }
        XCTAssertThrowsError(try CoefficientTable.compute("nope", axes: [], digits: 10))
        XCTAssertThrowsError(try CoefficientTable.compute("alpha", axes: [TableAxis(name: "kF-R", values: [.one])], digits: 10))
    }

    func testIntegralReportFindsConstantRatioAtZeroTemperature() throws {
        let j = try IntegralEvaluation.evaluate(.J, x: BigRational(13, 5), t: .zero, digits: 20)
        XCTAssertTrue(j.value.conclusive)
        XCTAssertEqual(j.relation, "computed = -1/4 × printed")
        let a = try IntegralEvaluation.evaluate(.alpha, x: nil, t: .zero, digits: 20)
        XCTAssertTrue(a.relation.contains("1/(2*pi)"), a.relation)
        // at T > 0 the ratio depends on R (Sommerfeld corrections)
        let jt = try IntegralEvaluation.evaluate(.J, x: BigRational(4), t: BigRational(1, 20), digits: 15)
        XCTAssertTrue(jt.relation.contains("depends on x"), jt.relation)
        XCTAssertThrowsError(try IntegralEvaluation.evaluate(.J, x: nil, t: .zero, digits: 10))
        XCTAssertThrowsError(try IntegralEvaluation.evaluate(.alpha, x: nil, t: BigRational(-1), digits: 10))
    }
}
