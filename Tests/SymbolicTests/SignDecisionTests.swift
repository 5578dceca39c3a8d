import XCTest
@testable import Symbolic

/// Sign decisions by structure (issue 20): |v|² in every spelling, sums of squares, products of
/// positive factors — verified exactly; the wrong direction is a discrepancy, and what structure
/// cannot prove stays with sampling (never verified by it).
final class SignDecisionTests: XCTestCase {
    let context = ParseContext(symbols: [Symbol("v", .complex), Symbol("u", .nonzero), Symbol("x", .real), Symbol("y", .real),
                                         Symbol("a", .positive), Symbol("b", .positive)])
    let checker = SignChecker(digits: 15, seed: 7, samples: 16)

    func verdict(_ text: String, _ claim: SignClaim) throws -> Verdict {
        checker.check(try context.parse(text), is: claim)
    }

    func testModulusSquaredInEverySpelling() throws {
        for text in ["v*conj(v)", "conj(v)*v", "abs(v)^2", "re(v)^2 + im(v)^2", "(v*conj(v))^2", "abs(v)^4", "v^2*conj(v)^2",
                     "a*v*conj(v)", "v*conj(v)/a", "abs(v)^2 + x^2"] {
            let v = try verdict(text, .nonnegative)
            XCTAssertEqual(v.kind, .verified, "\(text) >= 0: \(v.detail)")
            XCTAssertEqual(v.method, .exact(falseAcceptBound: nil), text)
            // The wrong direction is refuted.
            XCTAssertEqual(try verdict(text, .negative).kind, .discrepancy, "\(text) < 0")
        }
        // > 0 needs a nonzero v: u is declared nonzero.
        for text in ["u*conj(u)", "abs(u)^2", "conj(u)*u*a", "u*conj(u) + x^2"] {
            XCTAssertEqual(try verdict(text, .positive).kind, .verified, "\(text) > 0")
            XCTAssertEqual(try verdict(text, .nonpositive).kind, .discrepancy, "\(text) <= 0")
        }
        // v may vanish: v·conj(v) > 0 is not proved (and sampling never verifies).
        XCTAssertNotEqual(try verdict("v*conj(v)", .positive).kind, .verified)
    }

    func testSumsOfSquaresAndPositiveProducts() throws {
        for (text, claim) in [("x^2 + y^2", SignClaim.nonnegative), ("(x - y)^2 + a", .positive), ("x^2 + 1", .positive),
                              ("a*b*exp(x)", .positive), ("-a*b/(1 + x^2)", .negative), ("a/(b + x^2)", .positive),
                              ("-(x^2 + y^2) - a", .negative), ("cosh(x)*a", .positive), ("abs(x - y)*b", .nonnegative)] {
            XCTAssertEqual(try verdict(text, claim).kind, .verified, "\(text) \(claim.rawValue)")
        }
        // Deliberately wrong claims.
        XCTAssertEqual(try verdict("x^2 + y^2 + a", .negative).kind, .discrepancy)
        XCTAssertEqual(try verdict("a*b*exp(x)", .nonpositive).kind, .discrepancy)
        // Not a sum of squares: x² − y² has no sign; never verified.
        XCTAssertNotEqual(try verdict("x^2 - y^2", .nonnegative).kind, .verified)
        XCTAssertNotEqual(try verdict("x*y", .nonnegative).kind, .verified)
        // v² (not v·conj v) of a complex v is not real: no sign.
        XCTAssertNotEqual(try verdict("v^2", .nonnegative).kind, .verified)
        XCTAssertNotEqual(try verdict("v*conj(u)", .nonnegative).kind, .verified)
    }

    func testFactsAreConservative() throws {
        XCTAssertFalse(SignDecision.facts(try context.parse("v")).isKnown)
        XCTAssertFalse(SignDecision.facts(try context.parse("v*conj(v) - 1")).isKnown)
        XCTAssertFalse(SignDecision.facts(try context.parse("x^3")).isKnown)
        XCTAssertEqual(SignDecision.facts(try context.parse("x^3*x")), .nonnegative)
    }
}
