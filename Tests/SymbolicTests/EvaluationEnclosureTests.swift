import XCTest
@testable import Symbolic

/// Digits that are true: evaluation by enclosures (ball arithmetic) against the cases where
/// evaluating at two precisions printed wrong digits (issue 20). Reference digits are from
/// mpmath at 2000+ digits; every case also names the wrong answer the old route gave, which must
/// not come back.
final class EvaluationEnclosureTests: XCTestCase {
    func value(_ text: String, digits: Int = 30, maxPrecision: Int? = nil) throws -> DigitsEvaluation {
        try ParseContext.lenient.parse(text).evaluate(digits: digits, maxPrecision: maxPrecision)
    }

    func assertDigits(_ text: String, _ expected: String, wrong: String? = nil, digits: Int = 30,
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try value(text, digits: digits)
        XCTAssertTrue(r.isConverged, "\(text): \(r.status)", file: file, line: line)
        XCTAssertTrue(r.text.hasPrefix(expected), "\(text) = \(r.text), expected \(expected)…", file: file, line: line)
        if let wrong { XCTAssertFalse(r.text.hasPrefix(wrong), "\(text): the old wrong digits \(wrong) came back", file: file, line: line) }
    }

    func testHugeArgumentsAreReducedWithTheirTrueDigits() throws {
        try assertDigits("sin(2^200 + 1)", "-0.9974522750982851042955833", wrong: "-0.4788977997")
        try assertDigits("tan(2^500 + 1)", "7.823795199039478110918401")
        try assertDigits("sin(3*2^400 + 1)", "-0.5773667982902101666090197")
        try assertDigits("exp(I*(2^300 + 1))", "-0.707776173098764810300576713714 + 0.706436754984950731411754403627*I")
        try assertDigits("sin(10^1000)", "0.65335979821036985694809946804")
    }

    func testExactInputsWiderThanThePrecisionAreNotRoundedAway() throws {
        // (1 + 10^−100)^(10^100) − e ≈ −e/2·10^−100, not 1 − e.
        try assertDigits("(1 + 10^(-100))^(10^100) - E", "-1.3591409142295226176801437356", wrong: "-1.718")
        // (1 + 2^−300)^(2^300) = e·(1 − 2^−301 + …), not 1.
        try assertDigits("(1 + 2^(-300))^(2^300)", "2.71828182845904523536028747135", wrong: "1.000")
    }

    func testFewerDigitsNeverRefuseWhereMoreSucceed() throws {
        for digits in [1, 5, 30, 60] {
            let r = try value("exp(10^(-1000)) - 1", digits: digits)
            XCTAssertTrue(r.isConverged, "\(digits) digits: \(r.status)")
            XCTAssertTrue(r.text.hasPrefix("1") && r.text.hasSuffix("e-1000"), r.text)
        }
    }

    func testTheFullExponentRangeIsUsed() throws {
        let r = try value("exp(10^10)", digits: 10)
        XCTAssertTrue(r.isConverged)
        XCTAssertEqual(r.text, "1.077750608e4342944819")
    }

    func testARefusalPrintsAnIntervalThatEnclosesTheValue() throws {
        // Capped below the 3322 bits the reduction of 10^1000 needs: refused, and the interval
        // printed with the refusal must contain sin(10^1000) = 0.65336.
        let r = try value("sin(10^1000)", maxPrecision: 1024)
        XCTAssertFalse(r.isConverged)
        let parts = r.text.components(separatedBy: " ± ")
        XCTAssertEqual(parts.count, 2, r.text)
        let mid = Double(parts[0])!, rad = Double(parts[1])!
        XCTAssertLessThanOrEqual(abs(mid - 0.6533597982), rad, r.text)
    }

    func testWrongEnclosuresAreNotPossible() throws {
        // The enclosure of a true zero never excludes 0, and of a non-zero never claims 0.
        let zero = try value("sin(pi)")
        XCTAssertEqual(zero.text, "0")
        let tiny = try value("cos(10^50*pi + pi/3)")
        XCTAssertTrue(tiny.text.hasPrefix("0.5000000000000000000000000000"), tiny.text)
        let pole = try value("tan(pi/2 + 10^(-60))")
        XCTAssertTrue(pole.text.hasPrefix("-1.0000000000000000") && pole.text.hasSuffix("e60"), pole.text)
        XCTAssertThrowsError(try value("1/sinh(2*I*pi)")) { error in
            guard case EvaluationError.divisionByZero = error else { return XCTFail("\(error)") }
        }
    }

    func testBallsContainTheExactValue() throws {
        // 2^200 + 1 at 100 bits: the ball's radius is the rounding error, so it contains 2^200 + 1.
        let b = ComplexBall(GaussianRational(BigRational(BigInt(2).power(200) + BigInt(1))), precision: 100)
        XCTAssertFalse(b.re.isExact)
        let exact = BigFloat(BigInt(2).power(200) + BigInt(1), precision: 256)
        XCTAssertLessThanOrEqual((exact - b.re.mid).magnitude, b.re.rad)
        // Its sine at 100 bits is a ball that contains the true value and is wide.
        let s = b.sin()
        XCTAssertTrue(s.re.containsZero)
        // Exact at 201 bits: radius 0.
        XCTAssertTrue(ComplexBall(GaussianRational(BigRational(BigInt(2).power(200) + BigInt(1))), precision: 201).re.isExact)
        // A logarithm across the cut is refused, on it it is the principal value.
        let straddle = ComplexBall(RealBall(-2, precision: 64), RealBall(mid: BigFloat(0, precision: 64), rad: BigFloat(1e-10, precision: 64)))
        XCTAssertThrowsError(try straddle.log())
        let onCut = try ComplexBall(-2, precision: 64).log()
        XCTAssertEqual(onCut.im.mid.doubleValue, Double.pi, accuracy: 1e-15)
    }
}
