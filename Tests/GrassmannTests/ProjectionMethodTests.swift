import XCTest
import Symbolic
@testable import Grassmann

/// The projection method on the model NC(3), in the order of the derivation (Methods, SI Sec. III).
final class ProjectionMethodTests: XCTestCase {
    static let derivation = Result { try SdExchangeDerivation.derive() }
    typealias S = SdExchangeDerivation

    /// Step 1 (AX(S94)–(S109)): ℒ_0 has an exact biorthonormal eigenbasis, ℒ_0 r_n = λ_n r_n,
    /// l_n†ℒ_0 = λ_n l_n†, l_n† r_m = δ_nm — checked exactly at rational parameters.
    func testUnperturbedEigenbasisIsExactAndBiorthonormal() throws {
        let q = { (a: Int, b: Int) in GaussianRational(BigRational(a, b)) }
        let model = try AndersonImpurityModel<GaussianRational>(epsD: q(-7, 3), hubbardU: q(5, 1), kappa: q(2, 7), v: q(1, 1),
                                                               levels: [.init(energy: q(1, 5), filled: true)])
        let l0 = try model.unperturbed()
        let basis = try ExactEigenbasis(l0)
        for n in 0..<basis.size {
            var lr = l0.apply(basis.right[n])
            for (k, x) in basis.right[n] { lr[k] = (lr[k] ?? .zero) - basis.eigenvalues[n] * x }
            XCTAssertTrue(lr.values.allSatisfy(\.isZero), "right eigenvector \(n)")
            for (m, c) in basis.components(basis.right[n]) { XCTAssertEqual(c, m == n ? .one : .zero) }
        }
        // left: l_n† ℒ_0 = λ_n l_n†, checked as (l_n† ℒ_0)_k for every column k
        for n in 0..<basis.size where basis.dual[n].count > 1 {
            var row: [Int: GaussianRational] = [:]
            for (k, x) in basis.dual[n] { for (col, m) in l0.matrix.rows[k] { row[col] = (row[col] ?? .zero) + x * m } }
            for (k, x) in basis.dual[n] { row[k] = (row[k] ?? .zero) - basis.eigenvalues[n] * x }
            XCTAssertTrue(row.values.allSatisfy(\.isZero), "left eigenvector \(n)")
        }
    }

    /// Step 2 (AX(S113)): ℒ_1 takes every singly occupied slow state to fast states — the first-order
    /// term of NC(15) vanishes.
    func testFirstOrderTermVanishes() throws {
        let model = try AndersonImpurityModel<Expr>(epsD: S.ed, hubbardU: S.U, kappa: S.kappa, v: S.v,
                                                    levels: [.init(energy: S.ek, filled: true), .init(energy: S.ek, filled: false)])
        let method = try ProjectionMethod(unperturbed: try model.unperturbed(), isSlow: model.isSlow)
        let l1 = try model.perturbation()
        for (a, b) in [(Spin.up, Spin.up), (.up, .down), (.down, .down)] {
            let r = model.outer(try model.fermiState(impurity: [a]), try model.fermiState(impurity: [b]))
            XCTAssertTrue(method.projectSlow(l1.apply(r)).isEmpty)
        }
    }

    /// Step 3 (NC(16), AX(S127)): the second-order ℒ_eff on the singly occupied states has exactly
    /// the GKSL form −i[H_sd + H_imp, ρ] + γ𝒟[Σ_σ d_σ†c_{Rσ}P_s]ρ — the residual of the fit vanishes.
    func testEffectiveLindbladianHasTheFormOfNC16() throws {
        let d = try Self.derivation.get()
        XCTAssertEqual(d.fullResidual.kind, .verified, d.fullResidual.detail)
        XCTAssertEqual(d.ketResidual.kind, .verified, d.ketResidual.detail)
    }

    /// Two independent routes to g agree: the full ℒ_eff fit and the Hermitian part of the
    /// non-Hermitian effective Hamiltonian (ket–ket and bra–bra terms only).
    func testExchangeFromBothRoutesAgrees() throws {
        let d = try Self.derivation.get()
        XCTAssertEqual(ExactPointEvaluation.identity(d.g, d.ketG).kind, .verified)
        XCTAssertEqual(ExactPointEvaluation.identity(d.gImpC, d.ketGImpC).kind, .verified)
        XCTAssertEqual(ExactPointEvaluation.identity(d.g, -d.ketG).kind, .discrepancy)
    }

    /// Properties of the derived rates: γ vanishes without light (κ → 0) and is positive for κ > 0;
    /// g and γ are proportional to |v|² (scaling v → 2v multiplies them by 4).
    func testDerivedRatesHaveThePhysicalProperties() throws {
        let d = try Self.derivation.get()
        let kappa = S.kappa.freeSymbols.first!
        var g = ExactPointEvaluation.SplitMix64(seed: 5)
        for _ in 0..<3 {
            var p = ExactPointEvaluation.randomPoint(d.gamma.freeSymbols, using: &g)
            XCTAssertGreaterThan(ExactPointEvaluation.evaluate(d.gamma, at: p)!.re.signum, 0)
            p[kappa] = .zero
            XCTAssertEqual(ExactPointEvaluation.evaluate(d.gamma, at: p), .zero)
        }
        let vs = S.v.freeSymbols.first!
        var p = ExactPointEvaluation.randomPoint(d.g.freeSymbols, using: &g)
        let g1 = ExactPointEvaluation.evaluate(d.g, at: p)!
        p[vs] = p[vs]! * GaussianRational(2)
        XCTAssertEqual(ExactPointEvaluation.evaluate(d.g, at: p)!, GaussianRational(4) * g1)
    }

    /// Wrong ansätze are rejected by the same fit: a swapped spin index in τ, and independent
    /// jumps Σ_σ𝒟[d_σ†c_σ P_s] instead of the correlated 𝒟[Σ_σ d_σ†c_σ P_s] (AX(S140)–(S142)).
    func testWrongAnsatzIsRejected() throws {
        for ansatz in [S.Ansatz.swappedSpinIndex, .independentJumps] {
            do {
                let d = try S.derive(ansatz: ansatz, includeHamiltonianFit: false)
                XCTAssertNotEqual(d.fullResidual.kind, .verified, "\(ansatz) was accepted")
            } catch is FitError {
                // structurally impossible fit: also a rejection
            }
        }
    }

    /// Numerical cross-check: slow eigenvalues of ℒ_eff against those of the full ℒ (LAPACK),
    /// impurity + one spinful level; the deviation scales as v⁴: the least-squares exponent over five
    /// couplings is within 0.1 of 4, with a small standard error.
    func testSlowEigenvaluesAgreeToFourthOrder() throws {
        let couplings = PowerLawFit.geometric(from: 0.01, to: 0.04, count: 5)
        let r = try SlowSpectrumComparison.fittedExponent(epsD: -1, hubbardU: 3, kappa: 0.5, couplings: couplings,
                                                         levels: [(energy: 0.2, filled: true)])
        XCTAssertEqual(r.fit.exponent, 4, accuracy: 0.1, "deviations \(r.deviations)")
        XCTAssertLessThan(r.fit.standardError ?? .infinity, 0.05)
        // Dropping the second-order term (ℒ_eff = 𝒫ℒ_0𝒫, all slow eigenvalues 0) would deviate by the
        // whole slow scale, O(v²): the check distinguishes it from the second-order generator.
        let c = try SlowSpectrumComparison.compute(epsD: -1, hubbardU: 3, kappa: 0.5, v: 0.01, levels: [(energy: 0.2, filled: true)])
        XCTAssertGreaterThan(c.slowScale, 1e-5)
        XCTAssertLessThan(c.maxDeviation, 1e-3 * c.slowScale)
    }

    /// The least-squares power law recovers a known exponent and its standard error vanishes on an
    /// exact power law; noise gives a positive standard error; bad points are rejected.
    func testPowerLawFitRecoversExponent() throws {
        let x = PowerLawFit.geometric(from: 0.01, to: 0.04, count: 5)
        let exact = try PowerLawFit(x: x, y: x.map { 3 * $0 * $0 * $0 * $0 })
        XCTAssertEqual(exact.exponent, 4, accuracy: 1e-12)
        XCTAssertEqual(exact.prefactor, 3, accuracy: 1e-9)
        XCTAssertEqual(exact.standardError ?? 1, 0, accuracy: 1e-10)
        let noisy = try PowerLawFit(x: x, y: zip(x, [1.1, 0.9, 1.05, 0.95, 1.0]).map { $0 * $0 * $1 })
        XCTAssertEqual(noisy.exponent, 2, accuracy: 0.2)
        XCTAssertGreaterThan(noisy.standardError ?? 0, 0.01)
        XCTAssertNil(try PowerLawFit(x: [1, 2], y: [1, 4]).standardError)
        XCTAssertThrowsError(try PowerLawFit(x: [1, 2], y: [0, 4]))
        XCTAssertThrowsError(try PowerLawFit(x: [1], y: [1]))
    }
}
