import XCTest
import Symbolic
@testable import Grassmann

/// The floating construction of the impurity model NC(1)–(3) from its parameters (bit-mask
/// Jordan–Wigner matrices, `AndersonImpurityMatrices`) against the generic path: the model's fermion
/// polynomials, their Fock matrices, and the Kronecker-sum Lindbladian of AX(S14) (`Lindbladian`).
final class AndersonImpurityMatricesTests: XCTestCase {
    typealias Z = ComplexDouble

    /// The impurity with N spinful levels (the lowest filled); v complex so that v and v* are told apart.
    func model(levels n: Int) throws -> AndersonImpurityModel<Z> {
        try AndersonImpurityModel<Z>(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1, 0.03),
                                     levels: (0..<n).map { .init(energy: Z(0.1 * Double($0 + 1)), filled: $0 == 0) })
    }

    /// max over the union of stored entries of |A_ij − B_ij| / max(|A_ij|, |B_ij|, floor): the entrywise
    /// relative difference; the floor lets an entry that cancels to rounding level in one path (a few
    /// ulps of the largest entry) and exactly in the other count as agreement.
    func relativeDifference(_ a: CompressedSparseMatrix, _ b: SparseMatrix<Z>, floor: Double) -> Double {
        guard a.rowCount == b.rowCount, a.columnCount == b.columnCount else { return .infinity }
        var worst = 0.0
        for i in 0..<a.rowCount {
            var row = b.rows[i]
            for k in a.row(i) {
                let j = a.columns[k], x = a.values[k], y = row[j] ?? .zero
                worst = max(worst, (x - y).magnitude / max(x.magnitude, y.magnitude, floor))
                row[j] = nil
            }
            for (_, y) in row { worst = max(worst, y.magnitude / max(y.magnitude, floor)) }
        }
        return worst
    }

    /// Columns strictly increasing in every row and no stored zero: the CSR invariants.
    func assertCompressedRowForm(_ a: CompressedSparseMatrix, file: StaticString = #filePath, line: UInt = #line) {
        for i in 0..<a.rowCount {
            let r = a.row(i)
            for k in r where k > r.lowerBound { XCTAssertLessThan(a.columns[k - 1], a.columns[k], "row \(i) not sorted", file: file, line: line) }
            for k in r { XCTAssertFalse(a.values[k].isKnownZero, "row \(i) stores a zero", file: file, line: line) }
        }
    }

    /// H = H_0 + H_cd and L_σ = d_σ P_↑↓ from bit masks are the Jordan–Wigner matrices of the
    /// model's fermion polynomials (same signs; L_σ entry for entry), for N = 1, 2, 3 levels.
    func testBitMaskFockMatricesEqualJordanWignerMatricesOfTheModel() throws {
        for n in 1...3 {
            let model = try model(levels: n)
            let h = model.matrices.hamiltonian()
            assertCompressedRowForm(h)
            // Entries equal to a few ulps of the energy unit (|U| = 3, the largest entry, sets the scale);
            // a diagonal energy that vanishes exactly (ε_d + Σ ε_k n_k = 0) may be a rounding residue in
            // the other summation order, hence the floor.
            XCTAssertLessThan(relativeDifference(h, try model.space.matrix(model.h0 + model.hcd), floor: 1), 1e-14, "H, N = \(n)")
            let p: FermionOperator<Z> = ImpurityOperators.doubleProjector()
            for (jump, s) in zip(model.matrices.jumps(), Spin.allCases) {
                XCTAssertEqual(jump.rate, model.kappa)
                XCTAssertEqual(jump.operator_, try model.space.compressedMatrix(.annihilation(.d(s)) * p), "L_\(s), N = \(n)")
                assertCompressedRowForm(jump.operator_)
            }
        }
    }

    /// The Liouvillian of NC(3) built from the parameters equals the Kronecker-sum Lindbladian of the
    /// model's operators (AX(S14), vectorisation AX(S5)) entry by entry to 10⁻¹², for N = 1, 2, 3.
    /// Bound: an entry is a sum of a few terms of size ≤ scale, so the two summation orders differ by
    /// ≲ m·2⁻⁵³·scale; against the floor 10⁻³·scale that is m·1.1·10⁻¹³ (the generic route sums in
    /// dictionary order, which changes from process to process: 1.03·10⁻¹³ has been seen for N = 3).
    /// A wrong sign or factor anywhere gives O(1).
    func testLiouvillianFromParametersEqualsGenericLindbladian() throws {
        for n in 1...3 {
            let model = try model(levels: n)
            let fast = model.matrices.liouvillian()
            let d = model.dimension
            XCTAssertEqual(fast.rowCount, d * d)
            assertCompressedRowForm(fast)
            let reference = try model.full().superoperator.matrix
            let scale = fast.values.map(\.magnitude).max()!
            XCTAssertLessThan(relativeDifference(fast, reference, floor: 1e-3 * scale), 1e-12, "N = \(n)")
        }
    }

    /// Trace preservation vec(I)† Ľ = 0 (AX(S20)–(S22)) of the Liouvillian built from the parameters:
    /// the rows |i⟩⟨i| summed over i vanish in every column, to rounding.
    func testLiouvillianFromParametersPreservesTheTrace() {
        for n in 1...3 {
            let matrices = AndersonImpurityMatrices(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1, 0.03),
                                                    levelEnergies: (0..<n).map { Z(0.1 * Double($0 + 1)) })
            let l = matrices.liouvillian()
            let d = matrices.dimension
            var defect = [Z](repeating: .zero, count: d * d)
            for i in 0..<d {
                for k in l.row(Vectorization.index(row: i, column: i, dimension: d)) { defect[l.columns[k]] = defect[l.columns[k]] + l.values[k] }
            }
            let scale = l.values.map(\.magnitude).max()!
            XCTAssertLessThan(defect.map(\.magnitude).max()!, 1e-14 * scale, "N = \(n)")
        }
    }

    /// Without dissipation (κ = 0) the construction is −i[H, ·] alone, anti-Hermitian as a matrix
    /// (Ľ† = −Ľ for Hermitian H): the jump terms are the only non-anti-Hermitian part.
    func testWithoutDissipationTheLiouvillianIsAntiHermitian() {
        let matrices = AndersonImpurityMatrices(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0), v: Z(0.1, 0.03), levelEnergies: [Z(0.1)])
        let l = matrices.liouvillian()
        let adjoint = l.adjoint
        XCTAssertEqual(l.rowStart, adjoint.rowStart)
        XCTAssertEqual(l.columns, adjoint.columns)
        for k in l.values.indices { XCTAssertEqual((l.values[k] + adjoint.values[k]).magnitude, 0, accuracy: 1e-15) }
    }
}
