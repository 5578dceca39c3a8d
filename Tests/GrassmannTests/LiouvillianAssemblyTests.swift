import XCTest
import Symbolic
@testable import Grassmann

/// The direct CSR assembly of Ľ (AX(S14)) against the whole-matrix definition in `Lindbladian`.
final class LiouvillianAssemblyTests: XCTestCase {
    typealias Z = ComplexDouble

    /// max |A_ij − B_ij| over the union of the stored entries (∞ when the shapes differ).
    func maxDifference(_ a: CompressedSparseMatrix, _ b: SparseMatrix<Z>) -> Double {
        guard a.rowCount == b.rowCount, a.columnCount == b.columnCount else { return .infinity }
        var diff = b
        for (i, j, c) in a.entries { diff.add(i, j, -c) }
        return diff.entries.map { $0.2.magnitude }.max() ?? 0
    }

    func randomComplex(_ d: Int, _ g: inout ExactPointEvaluation.SplitMix64, hermitian: Bool) -> SparseMatrix<Z> {
        var m = SparseMatrix<Z>(rows: d, columns: d)
        for i in 0..<d { for j in 0..<d where g.next() % 3 != 0 {
            let z = Z(Double(Int(g.next() % 11) - 5) / 3, Double(Int(g.next() % 11) - 5) / 7)
            if hermitian { m.add(i, j, z); m.add(j, i, z.conjugated) } else { m[i, j] = z }
        } }
        return m
    }

    /// Fock matrices: CSR builder equals the dictionary builder.
    func testCompressedFockMatrixEqualsDictionaryMatrix() throws {
        let model = try ImpurityFixture<Z>(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1, 0.03), levels: [Z(0.1), Z(0.2)])
        let op = model.h0 + model.hcd
        let fast = try model.space.compressedMatrix(op)
        XCTAssertEqual(maxDifference(fast, try model.space.matrix(op)), 0, accuracy: 1e-15)
        XCTAssertEqual(fast.nonzeroCount, try model.space.matrix(op).nonzeroCount)
    }

    /// Random complex H and non-Hermitian jumps (d = 4): assembly equals the Kronecker-sum
    /// definition of `Lindbladian` entrywise, with the same nonzero pattern.
    func testAssemblyEqualsKroneckerDefinitionOnRandomMatrices() {
        var g = ExactPointEvaluation.SplitMix64(seed: 23)
        for _ in 0..<4 {
            let h = randomComplex(4, &g, hermitian: true)
            let l1 = randomComplex(4, &g, hermitian: false), l2 = randomComplex(4, &g, hermitian: false)
            let reference = Lindbladian(hamiltonian: h, jumps: [.init(rate: Z(0.7), l1), .init(rate: Z(0.3, 0.1), l2)]).superoperator.matrix
            let fast = LiouvillianAssembly.matrix(hamiltonian: CompressedSparseMatrix(h),
                                                  jumps: [.init(rate: Z(0.7), CompressedSparseMatrix(l1)),
                                                          .init(rate: Z(0.3, 0.1), CompressedSparseMatrix(l2))])
            XCTAssertLessThan(maxDifference(fast, reference), 1e-13)
            let n = fast.columnCount
            XCTAssertEqual(Set(fast.entries.map { $0.0 * n + $0.1 }), Set(reference.entries.map { $0.0 * n + $0.1 }), "sparsity pattern")
        }
    }

    /// An impurity with one spinful level: the CSR assembly equals the Kronecker-sum `Lindbladian`.
    func testImpurityLiouvillianEqualsKroneckerDefinition() throws {
        let model = try ImpurityFixture<Z>(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1), levels: [Z(0.1)])
        let reference = try model.full().superoperator.matrix
        let fast = try model.compressedLiouvillian()
        XCTAssertEqual(fast.rowCount, 256)
        XCTAssertLessThan(maxDifference(fast, reference), 1e-14)
        XCTAssertEqual(fast.nonzeroCount, reference.nonzeroCount)
    }

    /// A deliberately wrong sign convention (+i[H, ·] instead of −i[H, ·]) and a wrong Kronecker
    /// order (L ⊗ L* instead of L* ⊗ L, fed through a transposed convention) must differ.
    func testWrongConventionsDiffer() throws {
        let model = try ImpurityFixture<Z>(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1, 0.05), levels: [Z(0.1)])
        let reference = try model.full().superoperator.matrix
        let h = try model.space.compressedMatrix(model.h0 + model.hcd)
        let minusH = CompressedSparseMatrix(rows: h.rowCount, columns: h.columnCount, triplets: h.entries.map { ($0.0, $0.1, -$0.2) })
        let jumps = try model.jumps.map { LiouvillianAssembly.Jump(rate: model.kappa, try model.space.compressedMatrix($0)) }
        XCTAssertLessThan(maxDifference(LiouvillianAssembly.matrix(hamiltonian: h, jumps: jumps), reference), 1e-14)
        XCTAssertGreaterThan(maxDifference(LiouvillianAssembly.matrix(hamiltonian: minusH, jumps: jumps), reference), 0.01)
        // Row stacking (|i⟩⟨j| → |i⟩ ⊗ |j⟩) corresponds to assembling from Hᵀ and the transposed jumps.
        let transposedJumps = jumps.map { LiouvillianAssembly.Jump(rate: $0.rate, $0.operator_.transpose) }
        XCTAssertGreaterThan(maxDifference(LiouvillianAssembly.matrix(hamiltonian: h.transpose, jumps: transposedJumps), reference), 0.01)
    }
}
