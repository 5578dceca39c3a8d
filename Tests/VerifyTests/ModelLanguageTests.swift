import Foundation
import XCTest
import Symbolic
@testable import Verify

/// The model language (```modes, typed ```define, operators and superoperators): right answers,
/// wrong inputs rejected, and every bad input located at file:line:column with a fix.
final class ModelLanguageTests: XCTestCase {
    /// A two-level impurity with decay; line numbers: modes 8–9, define 13–18, claim opens 21, printed 24, computed 25.
    static let template = """
    # A model

    ```symbols
    ed, U, kappa: positive
    ```

    ```modes
    d[s]: fermion   s in {up, dn}
    b: boson   cutoff 3
    ```

    ```define
    n[s] = d[s]'*d[s]
    H = ed*(n[up] + n[dn]) + U*n[up]*n[dn]
    L = lindblad(H, sqrt(kappa)*d[up]*n[dn], sqrt(kappa)*d[dn]*n[up])
    both = ket(d[up]=1, d[dn]=1)
    one[s] = ket(d[s]=1)
    X = 0
    ```

    ```claim
    id: m.claim
    statement: a claim
    printed: PRINTED
    computed: COMPUTED
    check: identity
    expect: EXPECT
    ```
    """

    func file(_ printed: String, _ computed: String, expect: String = "verified", define: String = "X = 0", extra: String = "") throws -> String {
        let text = Self.template.replacingOccurrences(of: "PRINTED", with: printed).replacingOccurrences(of: "COMPUTED", with: computed)
            .replacingOccurrences(of: "EXPECT", with: expect).replacingOccurrences(of: "X = 0", with: define)
            .replacingOccurrences(of: "check: identity", with: "check: identity" + extra)
        let path = NSTemporaryDirectory() + "model-\(UUID().uuidString).md"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func verdict(_ printed: String, _ computed: String, define: String = "X = 0", extra: String = "") throws -> Verdict {
        let path = try file(printed, computed, define: define, extra: extra)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try AuditRunner(engine: .standard).audit(paths: [path])
        return report.results[0].verdict
    }

    func rejects(_ printed: String, _ computed: String, define: String = "X = 0", line: Int, column: Int? = nil, mentions: [String],
                 file: StaticString = #filePath, fileLine: UInt = #line) throws {
        let path = try self.file(printed, computed, define: define)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let report = try AuditRunner(engine: .standard).audit(paths: [path])
            XCTFail("accepted: \(report.results.map { AuditReport.describe($0.verdict) })", file: file, line: fileLine)
        } catch let e as DerivationError {
            XCTAssertEqual(e.location.line, line, "\(e)", file: file, line: fileLine)
            if let column { XCTAssertEqual(e.location.column, column, "\(e)", file: file, line: fileLine) }
            XCTAssertNotNil(e.fix, "\(e)", file: file, line: fileLine)
            for m in mentions { XCTAssertTrue(e.description.contains(m), "\(e) does not mention \(m)", file: file, line: fileLine) }
        }
    }

    // MARK: The algebra

    func testCanonicalAnticommutationRelations() throws {
        XCTAssertEqual(try verdict("1", "anticomm(d[up], d[up]')").kind, .verified)
        XCTAssertEqual(try verdict("0", "anticomm(d[up], d[dn]')").kind, .verified)
        XCTAssertEqual(try verdict("0", "anticomm(d[up], d[dn])").kind, .verified)
        // Wrong: fermions on different modes do not commute.
        XCTAssertEqual(try verdict("0", "comm(d[up], d[dn]')").kind, .discrepancy)
        XCTAssertEqual(try verdict("0", "d[up]*d[up]").kind, .verified)
    }

    func testTruncatedBosonCommutatorFailsOnlyAtTheCutoff() throws {
        XCTAssertEqual(try verdict("1", "comm(b, b')").kind, .discrepancy)
        XCTAssertEqual(try verdict("1", "ket(b=2)'*comm(b, b')*ket(b=2)").kind, .verified)
        XCTAssertEqual(try verdict("-3", "ket(b=3)'*comm(b, b')*ket(b=3)").kind, .verified)
        XCTAssertEqual(try verdict("2", "ket(b=1)'*b*b'*ket(b=1)").kind, .verified)
        XCTAssertEqual(try verdict("3", "ket(b=1)'*b*b'*ket(b=1)").kind, .discrepancy)
    }

    func testEigenvaluesOfClaimedEigenvectors() throws {
        // |↑↓⟩⟨↑| decays at κ/2 + (the coherence rate of |↑↓⟩, which decays at 2κ in total) = κ.
        XCTAssertEqual(try verdict("-I*(ed + U) - kappa", "eigenvalue(L, right: outer(both, one[dn]))").kind, .verified)
        XCTAssertEqual(try verdict("-I*(ed + U) - kappa/2", "eigenvalue(L, right: outer(both, one[dn]))").kind, .discrepancy)
        XCTAssertEqual(try verdict("0", "eigenvalue(L, left: 1)").kind, .verified)
        XCTAssertEqual(try verdict("-2*kappa", "eigenvalue(L, left: proj(both))").kind, .verified)
    }

    func testOperatorIdentityNamesTheComponent() throws {
        let v = try verdict("-kappa*n[up]", "apply(adjoint(L), n[up] + n[dn])")
        XCTAssertEqual(v.kind, .discrepancy)
        XCTAssertTrue(v.detail.contains("⟨d[up]=1|X|d[up]=1⟩"), v.detail)
        XCTAssertEqual(try verdict("-2*kappa*n[up]*n[dn]", "apply(adjoint(L), n[up] + n[dn])").kind, .verified)
    }

    func testSumsOverIndexSetsAndDeclaredIndices() throws {
        XCTAssertEqual(try verdict("n[up] + n[dn]", "sum(s in {up, dn}: n[s])").kind, .verified)
        XCTAssertEqual(try verdict("n[up] + n[dn]", "sum(s in s: n[s])").kind, .verified)
        XCTAssertEqual(try verdict("6", "sum(k in 0..3: k)").kind, .verified)
    }

    func testFitRefusesCoefficientsOfAnAnsatzThatDoesNotMatch() throws {
        // ℒ|↑⟩⟨0| = −iε_d|↑⟩⟨0| but ℒ|↑↓⟩⟨↓| = (−i(ε_d + U) − κ)|↑↓⟩⟨↓|: no single g fits −ig[N, ·] to both.
        let bad = "X = 0\nfr = fit(L, on: [outer(one[up], ket()), outer(both, one[dn])], g: liouvillian(n[up] + n[dn]))"
        XCTAssertEqual(try verdict("0", "fr.residual", define: bad).kind, .discrepancy)
        try rejects("0", "fr.g", define: bad, line: 26, mentions: ["left over"])
        let good = "X = 0\nfr = fit(L, on: [outer(one[up], ket()), outer(one[dn], ket())], g: liouvillian(n[up] + n[dn]))"
        XCTAssertEqual(try verdict("0", "fr.residual", define: good).kind, .verified)
        XCTAssertEqual(try verdict("ed", "fr.g", define: good).kind, .verified)
        XCTAssertEqual(try verdict("ed + U", "fr.g", define: good).kind, .discrepancy)
    }

    /// The vectorisation convention (column stacking): the right orderings hold on symbolic
    /// operators, and each wrong variant (no transpose, exchanged factors, no conjugation) is rejected.
    func testVectorisationConventionAndItsWrongVariants() throws {
        let define = """
        X = 0
        A = ed*d[up]'*d[dn] + U*n[up] + kappa*b' + I*ed*d[dn]*b
        R = U*A + U*d[dn]'*d[up] + kappa*n[dn]*b + ed*b'*b + I*U*d[up]
        Bm = kappa*d[up] + ed*n[up]*b' + I*U*d[dn]'*d[up]
        """
        XCTAssertEqual(try verdict("kron(transpose(Bm), A)*vec(R)", "vec(A*R*Bm)", define: define).kind, .verified)
        XCTAssertEqual(try verdict("kron(Bm, A)*vec(R)", "vec(A*R*Bm)", define: define).kind, .discrepancy)
        XCTAssertEqual(try verdict("kron(A, transpose(Bm))*vec(R)", "vec(A*R*Bm)", define: define).kind, .discrepancy)
        XCTAssertEqual(try verdict("kron(1, A)*vec(R)", "vec(A*R)", define: define).kind, .verified)
        XCTAssertEqual(try verdict("kron(A, 1)*vec(R)", "vec(A*R)", define: define).kind, .discrepancy)
        XCTAssertEqual(try verdict("kron(transpose(A), 1)*vec(R)", "vec(R*A)", define: define).kind, .verified)
        XCTAssertEqual(try verdict("kron(1, transpose(A))*vec(R)", "vec(R*A)", define: define).kind, .discrepancy)
        XCTAssertEqual(try verdict("trace(dag(A)*R)", "inner(vec(A), vec(R))", define: define).kind, .verified)
        XCTAssertEqual(try verdict("trace(transpose(A)*R)", "inner(vec(A), vec(R))", define: define).kind, .discrepancy)
        XCTAssertEqual(try verdict("kron(ket(d[up]=1), ket(b=2))", "vec(outer(ket(b=2), ket(d[up]=1)))").kind, .verified)
        XCTAssertEqual(try verdict("kron(ket(b=2), ket(d[up]=1))", "vec(outer(ket(b=2), ket(d[up]=1)))").kind, .discrepancy)
    }

    // MARK: Bad input, located

    func testUndeclaredMode() throws {
        try rejects("0", "f[up]", line: 25, column: 11, mentions: ["`f`"])
    }

    func testIndexOutsideItsSet() throws {
        try rejects("0", "d[left]", line: 25, column: 11, mentions: ["left", "{up, dn}"])
    }

    func testWrongNumberOfIndices() throws {
        try rejects("0", "d[up, 1]", line: 25, mentions: ["1 index"])
    }

    func testNonHermitianHamiltonian() throws {
        try rejects("0", "liouvillian(d[up])", line: 25, column: 23, mentions: ["not Hermitian"])
        try rejects("0", "lindblad(ed*d[up]'*d[dn], d[up])", line: 25, mentions: ["not Hermitian"])
    }

    func testClaimedEigenvectorThatIsNotOne() throws {
        try rejects("0", "eigenvalue(L, right: proj(both))", line: 25, column: 32, mentions: ["not a right eigenvector"])
    }

    func testOccupationOutsideTheCutoff() throws {
        try rejects("0", "proj(ket(b=4))", line: 25, mentions: ["outside"])
        try rejects("0", "proj(ket(d[up]=2))", line: 25, mentions: ["outside"])
    }

    func testUndeclaredSymbolInAnOperator() throws {
        try rejects("0", "eps*n[up]", line: 25, column: 11, mentions: ["eps"])
    }

    func testBadModesBlock() throws {
        let path = try file("0", "0")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (good, bad, mention) in [("b: boson   cutoff 3", "b: boson   cutoff x", "cutoff"), ("b: boson   cutoff 3", "b: boson", "cutoff"),
                                     ("b: boson   cutoff 3", "b: bozon   cutoff 3", "bozon"), ("d[s]: fermion   s in {up, dn}", "d[s]: fermion", "`s`"),
                                     ("d[s]: fermion   s in {up, dn}", "d[s]: fermion   s in {up, up}", "twice"),
                                     ("b: boson   cutoff 3", "d: boson   cutoff 3", "twice")] {
            let broken = text.replacingOccurrences(of: good, with: bad)
            try broken.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try AuditRunner(engine: .standard).audit(paths: [path])) { e in
                guard let e = e as? DerivationError else { return XCTFail("\(e)") }
                XCTAssertTrue([8, 9].contains(e.location.line), "\(e)")
                XCTAssertTrue(e.description.contains(mention), "\(e)")
            }
        }
    }

    /// A steady state that is not unique is refused, not picked: without jumps every population of
    /// H's eigenbasis is stationary.
    func testNonUniqueSteadyStateIsRefused() throws {
        try rejects("0", "steady_state(liouvillian(ed*n[up]))", line: 25, mentions: ["not unique"])
    }

    func testKindMismatchIsAnError() throws {
        try rejects("both", "n[up]", line: 24, mentions: ["cannot compare"])
    }

    /// Fuzzer finding `timeout-57501567…` (the model target): a crossover of two examples declared
    /// nine modes (d = 512) and asked for their Liouvillian, ~5·10⁵ symbolic entries, which ran for
    /// minutes. A symbolic superoperator beyond `maximumSymbolicEntries` is refused at once, at the
    /// call, with the fix.
    func testOversizedSymbolicSuperoperatorIsRefusedAtOnce() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let finding = url.appendingPathComponent("Fuzz/findings/timeout-57501567d53c86d22c942f31effe98c9b9c84ff6")
        let text = try String(contentsOf: finding, encoding: .utf8)
        let start = Date()
        XCTAssertThrowsError(try TemporaryDerivation.audit(text)) { error in
            XCTAssertTrue("\(error)".contains("symbolic superoperator with about"), "\(error)")
            XCTAssertTrue("\(error)".contains("t.md:33:"), "located where the exact matrix is needed: \(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    /// `normal_order(X)`: X, whose normal-ordered expansion the report prints as the computed form;
    /// a wrong printed normal form is rejected; a space with a boson has none.
    func testNormalOrderIsPrintedAndCompared() throws {
        let text = """
        # t

        ```modes
        d[s]: fermion   s in {up, dn}
        ```

        ```claim
        id: n.1
        statement: s
        printed: 1 - 2*d[up]'*d[up]
        computed: normal_order(comm(d[up], d[up]'))
        check: identity
        expect: verified
        ```

        ```claim
        id: n.2
        statement: s
        printed: 1 - d[up]'*d[up]
        computed: normal_order(comm(d[up], d[up]'))
        check: identity
        expect: discrepancy
        correction: 1 - 2*d[up]'*d[up]
        ```

        """
        let report = try TemporaryDerivation.audit(text)
        for r in report.results { XCTAssertTrue(r.isAsExpected, "\(r.claim.id): \(r.verdict.detail)") }
        XCTAssertEqual(report.results[1].verdict.computed, "1 - 2*d[up]'*d[up]")
        XCTAssertEqual(report.results[0].verdict.computed, "1 - 2*d[up]'*d[up]")
        let boson = try verdictOrError("0", "normal_order(b'*b)")
        XCTAssertTrue(boson.contains("boson"), boson)
    }

    func verdictOrError(_ printed: String, _ computed: String) throws -> String {
        do { return try verdict(printed, computed).detail } catch { return "\(error)" }
    }
}
