import Foundation
import XCTest
import Symbolic
import Grassmann
@testable import Verify

/// Models declared in the derivation language, lowered to numbers and run through the projection
/// method: the impurity with a discrete bath (`EffectiveLindbladianReport.bathDeclaration`) and the
/// sd exchange of NC(16) derived from a declaration. These replace the engine's former compiled model
/// (Grassmann/Model) and its tests.
final class DeclaredModelTests: XCTestCase {
    typealias Z = Grassmann.ComplexDouble

    static func bath(_ n: Int) throws -> DeclaredDefinitions {
        try DeclaredDefinitions(text: EffectiveLindbladianReport.bathDeclaration(levels: n) + """

        ```define
        Lsymbolic = adjoint(adjoint(L))
        Lwrong = lindblad(-(H0 + Hcd), sqrt(kappa)*d[up]*Pdouble, sqrt(kappa)*d[dn]*Pdouble)
        ```

        """, name: "bath-\(n).md")
    }

    static func values(_ n: Int, kappa: BigRational = BigRational(1, 2)) -> [(String, Expr)] {
        var v: [(String, Expr)] = [("ed", Expr(-1)), ("U", Expr(3)), ("kappa", Expr(kappa)), ("v", Expr(GaussianRational(BigRational(1, 10), BigRational(3, 100))))]
        for k in 0..<n { v.append(("e\(k)", Expr(BigRational(k + 1, 10)))) }
        return v
    }

    func maxDifference(_ a: CompressedSparseMatrix, _ b: CompressedSparseMatrix) -> Double {
        var d = a.sparse
        for (i, j, x) in b.entries { d.add(i, j, Z(0) - x) }
        return d.entries.map { $0.2.magnitude }.max() ?? 0
    }

    /// The numeric lowering of lindblad(H, J…) (straight from the operators, `NumericPlan`) equals the
    /// symbolic Kronecker-sum superoperator evaluated entry by entry, for N = 1, 2 bath levels; the
    /// wrong sign of the commutator (+i[H, ·]) differs at O(1).
    func testNumericLoweringEqualsTheSymbolicSuperoperator() throws {
        for n in 1...2 {
            let model = try Self.bath(n)
            let fast = try model.liouvillian("L", at: Self.values(n))
            let reference = try model.liouvillian("Lsymbolic", at: Self.values(n))
            XCTAssertEqual(fast.rowCount, 1 << (4 + 4 * n))
            XCTAssertLessThan(maxDifference(fast, reference), 1e-14, "N = \(n)")
            XCTAssertGreaterThan(maxDifference(try model.liouvillian("Lwrong", at: Self.values(n)), reference), 0.01)
        }
    }

    /// Trace preservation vec(I)† Ľ = 0 (AX(S20)–(S22)) of the lowered Liouvillian for N = 1, 2, 3, and
    /// anti-Hermiticity Ľ† = −Ľ without dissipation (κ = 0).
    func testLoweredLiouvillianPreservesTheTraceAndIsAntiHermitianWithoutDissipation() throws {
        for n in 1...3 {
            let model = try DeclaredDefinitions(text: EffectiveLindbladianReport.bathDeclaration(levels: n), name: "bath-\(n).md")
            let l = try model.liouvillian("L", at: Self.values(n))
            let d = 1 << (2 + 2 * n)
            var defect = [Z](repeating: .zero, count: d * d)
            for i in 0..<d {
                for k in l.row(Vectorization.index(row: i, column: i, dimension: d)) { defect[l.columns[k]] = defect[l.columns[k]] + l.values[k] }
            }
            XCTAssertLessThan(defect.map(\.magnitude).max()!, 1e-14 * l.values.map(\.magnitude).max()!, "N = \(n)")
            if n == 1 {
                let closed = try model.liouvillian("L", at: Self.values(n, kappa: .zero))
                XCTAssertEqual(maxDifference(closed.adjoint, CompressedSparseMatrix(rows: closed.rowCount, columns: closed.columnCount,
                                                                                    triplets: closed.entries.map { ($0.0, $0.1, Z(0) - $0.2) })), 0, accuracy: 1e-15)
            }
        }
    }

    /// A symbol without a value, or a name that is not a superoperator, is an error naming the fix.
    func testLoweringNeedsEveryValue() throws {
        let model = try Self.bath(1)
        XCTAssertThrowsError(try model.liouvillian("L", at: Array(Self.values(1).dropFirst()))) { e in
            XCTAssertTrue("\(e)".contains("value"), "\(e)")
        }
        XCTAssertThrowsError(try model.liouvillian("H0", at: Self.values(1)))
    }

    /// `referee effective-lindbladian` on one bath level: the coefficients are the paper file's exact
    /// g_ek, γ_ek at ek = ε (ε_d = −1, U = 3, κ = 1/2, v = 1/50: g = −v²[(ε_d+U−ε)/((ε_d+U−ε)² + κ²) +
    /// 1/(ε−ε_d)] with the total decay 2κ), and the slow eigenvalues of ℒ_eff match the full ℒ to
    /// fourth order in v.
    func testEffectiveLindbladianReportOnTheDeclaredBath() throws {
        let file = try DeclaredDefinitions.shared(path: DeclaredDefinitions.repositoryFile(EffectiveLindbladianReport.paperModel))
        let r = try EffectiveLindbladianReport.compute(model: file, epsD: -1, hubbardU: 3, kappa: BigRational(1, 2), v: BigRational(1, 50),
                                                        bath: [BigRational(1, 5)], epsF: BigRational(3, 10))
        let a = BigRational(9, 5), v2 = BigRational(1, 2500), k = BigRational(1, 2)
        let g = -v2 * (a / (a * a + k * k) + 1 / BigRational(6, 5))
        XCTAssertEqual(r.levels[0].coefficients.g, GaussianRational(g))
        XCTAssertNotEqual(r.levels[0].coefficients.g, GaussianRational(-v2 * (a / (a * a + k * k / 4) + 1 / BigRational(6, 5))))
        XCTAssertEqual(r.fittedExponent ?? 0, 4, accuracy: 0.05)
        XCTAssertLessThan(r.deviation ?? 1, 1e-5)
    }

    /// The sd exchange NC(16) derived from a declaration by the projection method: the fit to the
    /// paper's ansatz leaves no residual, and the two wrong ansätze — τ_2 with swapped spin indices and
    /// independent jumps Σ_σ𝒟[d_σ†c_Rσ P_s] instead of 𝒟[Σ_σ d_σ†c_Rσ P_s] (AX(S140)–(S142)) — are rejected.
    func testSdExchangeFitAndWrongAnsaetze() throws {
        let text = """
        # sd exchange

        ```symbols
        v: complex
        ed, ek: real
        U, kappa: positive
        ```

        ```modes
        d[s]: fermion   s in {up, dn}
        c[k, s]: fermion   k in 0..1, s in {up, dn}
        ```

        ```define
        nd[s] = d[s]'*d[s]
        cR[s] = sum(k in 0..1: c[k, s])
        Nd = nd[up] + nd[dn]
        Nc = sum(k in 0..1: c[k, up]'*c[k, up] + c[k, dn]'*c[k, dn])
        Pdouble = nd[up]*nd[dn]
        Ps = nd[up]*(1 - nd[dn]) + nd[dn]*(1 - nd[up])
        H0 = ed*Nd + U*Pdouble + ek*Nc
        Hcd = sum(s in s: v*d[s]'*cR[s] + conj(v)*cR[s]'*d[s])
        L0 = lindblad(H0, sqrt(kappa)*d[up]*Pdouble, sqrt(kappa)*d[dn]*Pdouble)
        L1 = liouvillian(Hcd)
        SdotTau = (nd[up] - nd[dn])*(cR[up]'*cR[up] - cR[dn]'*cR[dn]) + 2*(d[up]'*d[dn]*cR[dn]'*cR[up] + d[dn]'*d[up]*cR[up]'*cR[dn])
        SdotTauSwapped = (nd[up] - nd[dn])*(cR[up]'*cR[up] - cR[dn]'*cR[dn]) + 2*(d[up]'*d[dn]*cR[up]'*cR[dn] + d[dn]'*d[up]*cR[dn]'*cR[up])
        Hc = Ps*sum(s in s: cR[s]'*cR[s])*Ps
        Jsd = sum(s in s: d[s]'*cR[s])*Ps
        sea[s] = ket(d[s]=1, c[0, up]=1, c[0, dn]=1)
        singly = [outer(sea[up], sea[up]), outer(sea[up], sea[dn]), outer(sea[dn], sea[up]), outer(sea[dn], sea[dn])]
        Leff = effective(L0, L1, slow: same(Nd, Nc))
        paper = fit(Leff, on: singly, g: liouvillian(-1/2*Ps*SdotTau*Ps), gamma: dissipator(Jsd), gimpc: liouvillian(Hc))
        swapped = fit(Leff, on: singly, g: liouvillian(-1/2*Ps*SdotTauSwapped*Ps), gamma: dissipator(Jsd), gimpc: liouvillian(Hc))
        independent = fit(Leff, on: singly, g: liouvillian(-1/2*Ps*SdotTau*Ps), gamma: sum(s in s: dissipator(d[s]'*cR[s]*Ps)), gimpc: liouvillian(Hc))
        ```

        """
        // Every claim expects `verified`: the audit records what it finds, and the wrong ansätze must not be verified.
        func claim(_ id: String, _ computed: String, _ expect: String) -> String {
            "```claim\nid: \(id)\nstatement: s\nprinted: 0\ncomputed: \(computed)\ncheck: identity\nexpect: \(expect)\n```\n\n"
        }
        let path = NSTemporaryDirectory() + "sd-\(UUID().uuidString).md"
        // AX(S113): the first-order term 𝒫ℒ1𝒫 vanishes on the singly occupied states (ℒ_eff is ℒ_0 plus its
        // second-order part there, and ℒ_0 annihilates them), while ℒ1 itself does not.
        let firstOrder = "apply(Leff - second_order(L0, L1, L1, slow: same(Nd, Nc)) - L0, outer(sea[up], sea[dn]))"
        try (text + claim("sd.paper", "paper.residual", "verified") + claim("sd.swapped", "swapped.residual", "verified")
             + claim("sd.independent", "independent.residual", "verified") + claim("sd.first-order", firstOrder, "verified")
             + claim("sd.l1", "apply(L1, outer(sea[up], sea[dn]))", "verified")).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try AuditRunner(engine: .standard).audit(paths: [path])
        XCTAssertEqual(report.results.map(\.verdict.kind), [.verified, .discrepancy, .discrepancy, .verified, .discrepancy], report.results.map { AuditReport.describe($0.verdict) }.joined(separator: "\n"))
    }
}
