import XCTest
import Symbolic
@testable import Grassmann

/// Vectorisation identities AX(S5)–(S14), the Lindbladian, its adjoint and trace preservation.
final class SuperoperatorTests: XCTestCase {
    typealias M = SparseMatrix<GaussianRational>

    func randomMatrix(_ d: Int, _ g: inout ExactPointEvaluation.SplitMix64) -> M {
        var m = M(rows: d, columns: d)
        for i in 0..<d { for j in 0..<d where g.next() % 3 != 0 {
            m[i, j] = GaussianRational(BigRational(Int(g.next() % 11) - 5), BigRational(Int(g.next() % 11) - 5))
        } }
        return m
    }

    /// |i⟩⟨j| → |j⟩⊗|i⟩ is column stacking: vec index j·d + i (AX(S5)).
    func testConventionIsColumnStacking() {
        var e = M(rows: 3, columns: 3)
        e[1, 2] = .one  // |1⟩⟨2|
        let v = Vectorization.vec(e)
        // |2⟩ ⊗ |1⟩ built by the Kronecker product of basis column vectors:
        var ket2 = M(rows: 3, columns: 1); ket2[2, 0] = .one
        var ket1 = M(rows: 3, columns: 1); ket1[1, 0] = .one
        let k = M.kronecker(ket2, ket1)
        XCTAssertEqual(v.keys.sorted(), k.entries.map { $0.0 })
    }

    /// vec(ABC) = (Cᵀ ⊗ A) vec(B) (AX(S9)); the row-stacking variant (A ⊗ Cᵀ) must fail.
    func testVecOfProductAndWrongOrderingIsRejected() {
        var g = ExactPointEvaluation.SplitMix64(seed: 7)
        for _ in 0..<5 {
            let a = randomMatrix(4, &g), b = randomMatrix(4, &g), c = randomMatrix(4, &g)
            let lhs = Vectorization.vec(a * b * c)
            XCTAssertEqual(M.kronecker(c.transpose, a).apply(Vectorization.vec(b)), lhs)
            XCTAssertNotEqual(M.kronecker(a, c.transpose).apply(Vectorization.vec(b)), lhs)
        }
    }

    /// (A, B) = tr[A†B] = vec(A)† vec(B) (AX(S8)) and tr A = vec(I)† vec(A) (AX(S21)).
    func testHilbertSchmidtProduct() {
        var g = ExactPointEvaluation.SplitMix64(seed: 8)
        let a = randomMatrix(3, &g), b = randomMatrix(3, &g)
        let p = a.adjoint * b
        var tr = GaussianRational.zero
        for i in 0..<3 { tr += p[i, i] }
        XCTAssertEqual(Vectorization.inner(Vectorization.vec(a), Vectorization.vec(b)), tr)
        var trB = GaussianRational.zero
        for i in 0..<3 { trB += b[i, i] }
        XCTAssertEqual(Vectorization.inner(Vectorization.vecIdentity(dimension: 3), Vectorization.vec(b)), trB)
    }

    func randomHermitian(_ d: Int, _ g: inout ExactPointEvaluation.SplitMix64) -> M {
        let a = randomMatrix(d, &g)
        return a + a.adjoint
    }

    /// The superoperator matrix of AX(S14) reproduces ℒρ computed with operator products; ℒ is
    /// trace preserving (AX(S22)); the Heisenberg form equals the matrix adjoint.
    func testLindbladianMatchesOperatorFormAndPreservesTrace() {
        var g = ExactPointEvaluation.SplitMix64(seed: 9)
        let d = 4
        let h = randomHermitian(d, &g)
        let l1 = randomMatrix(d, &g), l2 = randomMatrix(d, &g)
        let k1 = GaussianRational(BigRational(3, 2)), k2 = GaussianRational(BigRational(1, 3))
        let lind = Lindbladian(hamiltonian: h, jumps: [.init(rate: k1, l1), .init(rate: k2, l2)])
        let rho = randomMatrix(d, &g)
        let half = GaussianRational(BigRational(1, 2))
        func diss(_ l: M) -> M { l * rho * l.adjoint - half * (l.adjoint * l * rho + rho * l.adjoint * l) }
        let expected = (-GaussianRational.i) * (h * rho - rho * h) + k1 * diss(l1) + k2 * diss(l2)
        XCTAssertEqual(lind(rho), expected)
        XCTAssertTrue(lind.traceDefect.isEmpty)
        let a = randomMatrix(d, &g)
        XCTAssertEqual(lind.adjoint(a), lind.heisenberg(a))
        // (A, ℒB) = (ℒ†A, B)
        XCTAssertEqual(Vectorization.inner(Vectorization.vec(a), Vectorization.vec(lind(rho))),
                       Vectorization.inner(Vectorization.vec(lind.heisenberg(a)), Vectorization.vec(rho)))
    }

    /// A wrong dissipator (anticommutator with +½) is not trace preserving: the check rejects it.
    func testWrongDissipatorSignIsRejected() {
        var g = ExactPointEvaluation.SplitMix64(seed: 10)
        let l = randomMatrix(3, &g)
        let ldl = l.adjoint * l
        let half = GaussianRational(BigRational(1, 2))
        let wrong = SuperOperator(dimension: 3, matrix: .kronecker(l.conjugate, l)) + half * (SuperOperator.left(ldl) + SuperOperator.right(ldl))
        var defect = 0
        for i in 0..<3 { defect += wrong.matrix.rows[Vectorization.index(row: i, column: i, dimension: 3)].count }
        XCTAssertGreaterThan(defect, 0)
        let wrongKron = SuperOperator(dimension: 3, matrix: .kronecker(l, l.conjugate))  // L ⊗ L* instead of L* ⊗ L
        let rho = randomMatrix(3, &g)
        XCTAssertNotEqual(wrongKron(rho), l * rho * l.adjoint)
    }

    /// zgeev spectrum: biorthonormal left/right eigenvectors (AX(S17)), a zero eigenvalue whose left
    /// eigenvector is the identity (AX(S23)), and Ľ r = λ r to round-off.
    func testFloatingSpectrumIsBiorthonormal() throws {
        var g = ExactPointEvaluation.SplitMix64(seed: 11)
        let d = 3
        let h = randomHermitian(d, &g).mapEntries(ComplexDouble.init)
        let l = randomMatrix(d, &g).mapEntries(ComplexDouble.init)
        let lind = Lindbladian(hamiltonian: h, jumps: [.init(rate: ComplexDouble(0.7), l)])
        let s = try lind.spectrum()
        XCTAssertLessThan(s.biorthogonalityError, 1e-10)
        let n = d * d
        for (p, lam) in s.eigenvalues.enumerated() {
            var v = SparseVector<ComplexDouble>()
            for k in 0..<n { v[k] = s.right[p][k] }
            let lv = lind.superoperator.apply(v)
            for k in 0..<n { XCTAssertLessThan(((lv[k] ?? .zero) - lam * s.right[p][k]).magnitude, 1e-9) }
        }
        let zero = s.eigenvalues.enumerated().min { $0.element.magnitude < $1.element.magnitude }!.offset
        XCTAssertLessThan(s.eigenvalues[zero].magnitude, 1e-10)
        // l_0 ∝ vec(I): components on |i⟩⟨i| equal, others zero
        let l0 = s.left[zero]
        let diag = l0[0]
        for i in 0..<d { for j in 0..<d {
            let x = l0[Vectorization.index(row: i, column: j, dimension: d)]
            XCTAssertLessThan((i == j ? x - diag : x).magnitude, 1e-9)
        } }
    }
}
