import XCTest
@testable import Symbolic

/// Numeric identities that cannot be fooled by the sample (issue 20): false pairs that a sample
/// near 1, or a working precision blind to argument reduction and poles, used to verify "to 30
/// digits". None of them may be verified; true ones around them still are.
final class IdentityDomainCoverageTests: XCTestCase {
    let checker = IdentityChecker(digits: 30)

    func verdict(_ lhs: String, _ rhs: String, assume: [Symbol] = []) throws -> Verdict {
        var context = ParseContext.lenient
        context.declare(assume)
        return checker.check(try context.parse(lhs), try context.parse(rhs))
    }

    func assertNotVerified(_ lhs: String, _ rhs: String, assume: [Symbol] = [],
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try verdict(lhs, rhs, assume: assume)
        XCTAssertNotEqual(v.kind, .verified, "\(lhs) = \(rhs) was verified: \(v.detail)", file: file, line: line)
    }

    func assertVerified(_ lhs: String, _ rhs: String, assume: [Symbol] = [], exactly: Bool = false,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try verdict(lhs, rhs, assume: assume)
        XCTAssertEqual(v.kind, .verified, "\(lhs) = \(rhs): \(v.detail)", file: file, line: line)
        if exactly, case .numeric = v.method { XCTFail("\(lhs) = \(rhs) should be proved exactly: \(v.detail)", file: file, line: line) }
    }

    func testBranchesOfComplexLogarithmsAndPowersAreSampled() throws {
        try assertNotVerified("log(exp(x))", "x")
        try assertNotVerified("exp(x)^y", "exp(x*y)")
        try assertVerified("exp(log(x))", "x")
    }

    func testLargeRealArgumentsAreSampled() throws {
        try assertNotVerified("abs(sin(x))", "sin(x)", assume: [Symbol("x", .positive)])
        try assertNotVerified("sqrt(x^2-16)", "sqrt(x-4)*sqrt(x+4)", assume: [Symbol("x", .real)])
        try assertVerified("abs(sin(x))^2", "sin(x)^2", assume: [Symbol("x", .real)])
    }

    func testArgumentReductionAndPolesRaiseThePrecision() throws {
        try assertNotVerified("sin(x + 2^300)", "sin(x + 2^300 + 1)")
        try assertNotVerified("cos(10^50*pi + pi/3)", "0")
        try assertNotVerified("tan(pi/2 + 10^(-60))", "0")
        try assertNotVerified("1/sinh(2*I*pi)", "7")
        try assertVerified("sin(x + 2^300)^2 + cos(x + 2^300)^2", "1")
    }

    func testIntegersOfBothParities() throws {
        let n = Symbol("n", .integer)
        try assertNotVerified("(-1)^n", "1", assume: [n])
        try assertNotVerified("(-1)^n", "-1", assume: [n])
        try assertVerified("cos(pi*n)", "(-1)^n", assume: [n])
    }

    func testSpecialValuesAreRecognisedExactly() throws {
        try assertVerified("tan(pi/4) - 1", "0", exactly: true)
        try assertVerified("log(2) + log(3) - log(6)", "0", exactly: true)
        try assertVerified("cos(5*pi/6)", "-sqrt(3)/2", exactly: true)
        try assertNotVerified("log(2) + log(3) - log(7)", "0")
        try assertNotVerified("sin(pi/3)", "sqrt(3)/3")
    }
}
