import XCTest
import Symbolic
@testable import Verify

/// Claims end to end (issue 20): sign claims after `where:` substitutions, and limits across a branch
/// cut, whose verdicts name the operations they rest on.
final class SignAndOperationClaimsTests: XCTestCase {
    func file(_ claims: String) -> String {
        """
        # t

        ```symbols
        v: complex
        x, y, w: real
        a, eta, D: positive
        ```

        \(claims)
        """
    }

    func claim(_ id: String, printed: String, computed: String? = nil, check: String, where w: String? = nil, expect: String,
               correction: String? = nil) -> String {
        var lines = ["```claim", "id: \(id)", "equations: NC(1), AX(1)", "statement: s", "printed: \(printed)"]
        if let computed { lines.append("computed: \(computed)") }
        lines.append("check: \(check)")
        if let w { lines.append("where: \(w)") }
        if let correction { lines.append("correction: \(correction)") }
        lines += ["expect: \(expect)", "```", ""]
        return lines.joined(separator: "\n")
    }

    func testSignClaimsAfterWhereSubstitutions() throws {
        let text = file(
            claim("s.1", printed: "v*conj(v) >= 0", check: "sign", where: "v = x + I*y", expect: "verified")
            + claim("s.2", printed: "abs(v)^2 + a > 0", check: "sign", where: "v = x - I*a", expect: "verified")
            + claim("s.3", printed: "v*conj(v) < 0", check: "sign", where: "v = x + I*y", expect: "discrepancy")
            + claim("s.4", printed: "(x - y)^2 + (w - x)^2 >= 0", check: "sign", where: "w = y + a", expect: "verified"))
        let report = try TemporaryDerivation.audit(text)
        for r in report.results {
            XCTAssertTrue(r.isAsExpected, "\(r.claim.id): \(r.verdict.kind) — \(r.verdict.detail)")
        }
    }

    /// A model-language solve (here `steady_state`) is an operation the verdict rests on, with the way
    /// its result was checked; a claim with no such operation says that it has none.
    func testModelOperationsAndTheirAbsenceAreNamed() throws {
        let text = """
        # t

        ```symbols
        Gamma: positive
        ```

        ```modes
        q: qubit
        ```

        ```define
        L = lindblad(0, sqrt(Gamma)*sm(q))
        rho = steady_state(L)
        ```

        """ + claim("m.1", printed: "0", computed: "expect(sp(q)*sm(q), rho)", check: "identity", expect: "verified")
            + claim("m.2", printed: "1", computed: "expect(sp(q)*sm(q), rho)", check: "identity", expect: "discrepancy", correction: "0")
            + claim("m.3", printed: "Gamma + Gamma", computed: "2*Gamma", check: "identity", expect: "verified")
        let report = try TemporaryDerivation.audit(text)
        for r in report.results {
            XCTAssertTrue(r.isAsExpected, "\(r.claim.id): \(r.verdict.kind) — \(r.verdict.detail)")
            XCTAssertTrue(r.verdict.detail.contains("Operations this verdict rests on"), r.verdict.detail)
        }
        for r in report.results.prefix(2) {
            XCTAssertEqual(r.operations.map(\.status), [.confirmed], r.claim.id)
            XCTAssertTrue(r.operations.first?.operation.hasPrefix("steady_state(") ?? false, r.claim.id)
        }
        XCTAssertTrue(report.results[2].operations.isEmpty)
        XCTAssertTrue(report.results[2].verdict.detail.contains("none beyond the `identity` check itself"))
    }

    func testLimitAcrossTheCutAndItsProvenance() throws {
        let text = file(
            claim("l.1", printed: "-I*pi", computed: "limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo)", check: "identity", expect: "verified")
            + claim("l.2", printed: "I*pi", computed: "limit(log((w+D+I*eta)/(w-D+I*eta)), D, oo)", check: "identity", expect: "discrepancy", correction: "-I*pi")
            + claim("l.3", printed: "-I", computed: "limit(sqrt(-1 - I/D), D, oo)", check: "identity", expect: "verified")
            + claim("l.4", printed: "I", computed: "limit(sqrt(-1 - I/D), D, oo)", check: "identity", expect: "discrepancy", correction: "-I"))
        let report = try TemporaryDerivation.audit(text)
        for r in report.results {
            XCTAssertTrue(r.isAsExpected, "\(r.claim.id): \(r.verdict.kind) — \(r.verdict.detail)")
            XCTAssertEqual(r.operations.count, 1, r.claim.id)
            XCTAssertEqual(r.operations.first?.status, .confirmed, r.claim.id)
            XCTAssertTrue(r.verdict.detail.contains("Operations this verdict rests on"), r.verdict.detail)
        }
        // The JSON report carries them too.
        XCTAssertTrue(report.json().rendered().contains("\"operations\""))
    }

    func testDefinitionsCarryTheirOperationsIntoClaims() throws {
        let text = """
        # t

        ```symbols
        x: real
        ```

        ```define
        L = limit(sin(x)/x, x, 0)
        S = series(exp(x), x, 0, 2)
        ```

        \(claim("d.1", printed: "1", computed: "L", check: "identity", expect: "verified"))
        \(claim("d.2", printed: "1 + x + x^2/2", computed: "S", check: "identity", expect: "verified"))
        """
        let report = try TemporaryDerivation.audit(text)
        XCTAssertEqual(report.results.map(\.operations.count), [1, 1])
        XCTAssertTrue(report.results[0].operations[0].operation.hasPrefix("limit("))
        XCTAssertTrue(report.results[1].operations[0].operation.hasPrefix("series("))
    }

    func testARefutedOperationMakesTheVerdictInconclusive() {
        let refuted = OperationCertificate(operation: "limit(f, x, 0) = 1", status: .refuted, how: "the function stays 10^0 away")
        let verified = Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "same canonical form")
        let v = ClaimProvenance.annotate(verified, with: [refuted])
        XCTAssertEqual(v.kind, .inconclusive)
        XCTAssertTrue(v.detail.contains("limit(f, x, 0) = 1"))
        let discrepancy = Verdict(.discrepancy, detail: "differs")
        XCTAssertEqual(ClaimProvenance.annotate(discrepancy, with: [refuted]).kind, .inconclusive)
        let confirmed = OperationCertificate(operation: "limit(g, x, 0) = 0", status: .confirmed, how: "ok")
        XCTAssertEqual(ClaimProvenance.annotate(verified, with: [confirmed]).kind, .verified)
    }
}
