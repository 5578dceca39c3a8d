import XCTest
import Symbolic
@testable import Grassmann

/// The projection method on an impurity coupled to conduction levels (test fixture), in the order of
/// the derivation (Methods, SI Sec. III).
final class ProjectionMethodTests: XCTestCase {
    /// Step 1 (AX(S94)–(S109)): ℒ_0 has an exact biorthonormal eigenbasis, ℒ_0 r_n = λ_n r_n,
    /// l_n†ℒ_0 = λ_n l_n†, l_n† r_m = δ_nm — checked exactly at rational parameters.
    func testUnperturbedEigenbasisIsExactAndBiorthonormal() throws {
        let q = { (a: Int, b: Int) in GaussianRational(BigRational(a, b)) }
        let model = try ImpurityFixture<GaussianRational>(epsD: q(-7, 3), hubbardU: q(5, 1), kappa: q(2, 7), v: q(1, 1), levels: [q(1, 5)])
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

    // Steps 2 and 3 (the first-order term vanishes, ℒ_eff has the form of NC(16), both routes to g
    // agree, the rates' properties, wrong ansätze rejected) run on the model declared in the
    // derivation language: derivations/lindblad-perturbation.md and VerifyTests/DeclaredModelTests.

    /// Numerical cross-check: slow eigenvalues of ℒ_eff against those of the full ℒ (LAPACK),
    /// impurity + one spinful level; the deviation scales as v⁴: the least-squares exponent over five
    /// couplings is within 0.1 of 4, with a small standard error.
    func testSlowEigenvaluesAgreeToFourthOrder() throws {
        let couplings = PowerLawFit.geometric(from: 0.01, to: 0.04, count: 5)
        func model(_ v: Double) throws -> ImpurityFixture<ComplexDouble> {
            try ImpurityFixture<ComplexDouble>(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                               v: ComplexDouble(v), levels: [ComplexDouble(0.2)])
        }
        let c = try SlowSpectrumComparison.compute(unperturbed: try model(0.01).unperturbed(), couplings: couplings) { try model($0).perturbation() }
        let fit = try PowerLawFit(x: couplings, y: c.map(\.maxDeviation))
        XCTAssertEqual(fit.exponent, 4, accuracy: 0.1, "deviations \(c.map(\.maxDeviation))")
        XCTAssertLessThan(fit.standardError ?? .infinity, 0.05)
        // Dropping the second-order term (ℒ_eff = 𝒫ℒ_0𝒫, all slow eigenvalues 0) would deviate by the
        // whole slow scale, O(v²): the check distinguishes it from the second-order generator.
        XCTAssertGreaterThan(c[0].slowScale, 1e-5)
        XCTAssertLessThan(c[0].maxDeviation, 1e-3 * c[0].slowScale)
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
