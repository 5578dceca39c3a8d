import XCTest
import Symbolic
@testable import Grassmann

/// The spectrum block by block (`IrreducibleBlocks`, `Spectrum.eigenvalues`): the blocks are the
/// strongly connected components of the sparsity graph, and their spectra together are the
/// spectrum of the whole matrix.
final class IrreducibleBlocksTests: XCTestCase {
    typealias Z = ComplexDouble

    func csr(_ rows: [[Double]]) -> CompressedSparseMatrix {
        var triplets: [(Int, Int, Z)] = []
        for (i, r) in rows.enumerated() { for (j, x) in r.enumerated() where x != 0 { triplets.append((i, j, Z(x))) } }
        return CompressedSparseMatrix(rows: rows.count, columns: rows.count, triplets: triplets)
    }

    /// Largest distance from an eigenvalue of `a` to the nearest unmatched one of `b` (a greedy
    /// matching of the two multisets); ∞ when the counts differ.
    func multisetDistance(_ a: [Z], _ b: [Z]) -> Double {
        guard a.count == b.count else { return .infinity }
        var unused = b, worst = 0.0
        for x in a {
            var best = 0, bestDistance = Double.infinity
            for (k, y) in unused.enumerated() where (x - y).magnitude < bestDistance { best = k; bestDistance = (x - y).magnitude }
            worst = max(worst, bestDistance)
            unused.remove(at: best)
        }
        return worst
    }

    /// A 2-cycle {0, 1} feeding nothing, state 2 fed by 0: blocks {0, 1} and {2}, and the spectrum
    /// is that of [[1, 2], [3, 4]] together with 6 — the entry A_20 = 5 plays no part.
    func testBlockTriangularMatrixSplitsIntoItsCycles() throws {
        let a = csr([[1, 2, 0],
                     [3, 4, 0],
                     [5, 0, 6]])
        let blocks = IrreducibleBlocks(a)
        XCTAssertEqual(Set(blocks.blocks), Set([[0, 1], [2]]))
        // Tarjan's order: the block that 2 feeds into ({0, 1}) comes first.
        XCTAssertEqual(blocks.blocks.first, [0, 1])
        let ev = try Spectrum.eigenvalues(a)
        let root = (33.0).squareRoot()   // eigenvalues of [[1,2],[3,4]]: (5 ± √33)/2
        XCTAssertLessThan(multisetDistance(ev, [Z((5 + root) / 2), Z((5 - root) / 2), Z(6)]), 1e-13)
    }

    /// Deliberately wrong input for the block finder: one entry back from 2 to 0 closes a cycle
    /// through all three states, so there must be one block, and its spectrum is no longer
    /// {(5 ± √33)/2, 6}; the dense solver agrees with the block route.
    func testAnEntryClosingACycleMergesTheBlocks() throws {
        let a = csr([[1, 2, 1],
                     [3, 4, 0],
                     [5, 0, 6]])
        XCTAssertEqual(IrreducibleBlocks(a).blocks, [[0, 1, 2]])
        let ev = try Spectrum.eigenvalues(a)
        let root = (33.0).squareRoot()
        XCTAssertGreaterThan(multisetDistance(ev, [Z((5 + root) / 2), Z((5 - root) / 2), Z(6)]), 0.1)
        XCTAssertLessThan(multisetDistance(ev, try Spectrum.denseEigenvalues(a.sparse)), 1e-12)
    }

    /// A stored entry that is exactly zero is no edge; a diagonal matrix is n blocks of one state.
    func testStoredZerosAndDiagonalMatrices() throws {
        var triplets: [(Int, Int, Z)] = [(0, 0, Z(2)), (1, 1, Z(-1, 0.5)), (2, 2, Z(0))]
        let diagonal = CompressedSparseMatrix(rows: 3, columns: 3, triplets: triplets)
        XCTAssertEqual(IrreducibleBlocks(diagonal).blocks.count, 3)
        XCTAssertEqual(multisetDistance(try Spectrum.eigenvalues(diagonal), [Z(2), Z(-1, 0.5), Z(0)]), 0)
        triplets.append((0, 1, Z(1))); triplets.append((1, 0, Z(0)))   // A_10 = 0: still no cycle
        XCTAssertEqual(IrreducibleBlocks(CompressedSparseMatrix(rows: 3, columns: 3, triplets: triplets)).largestBlock, 1)
    }

    /// The Liouvillian of an impurity with one and two bath levels (test fixture): the blocks are its symmetry sectors
    /// (far smaller than the Liouville space) and their spectra together equal the dense spectrum
    /// of the whole matrix, eigenvalue for eigenvalue.
    func testLiouvillianSpectrumBlockByBlockEqualsTheDenseSpectrum() throws {
        for (n, largest) in [(1, 16), (2, 81)] {
            let l = try ImpurityFixture<Z>(epsD: Z(-1), hubbardU: Z(3), kappa: Z(0.5), v: Z(0.1, 0.03),
                                           levels: (0..<n).map { Z(0.1 * Double($0 + 1)) }).compressedLiouvillian()
            let blocks = IrreducibleBlocks(l)
            XCTAssertEqual(blocks.blocks.map(\.count).reduce(0, +), l.rowCount)
            XCTAssertLessThanOrEqual(blocks.largestBlock, largest, "N = \(n)"); print("N = \(n): \(blocks.blocks.count) blocks, largest \(blocks.largestBlock)")
            if n == 1 {
                let byBlocks = try Spectrum.eigenvalues(l)
                let dense = try Spectrum.denseEigenvalues(l.sparse)
                let scale = dense.map(\.magnitude).max()!
                XCTAssertLessThan(multisetDistance(byBlocks, dense), 1e-12 * scale)
                // Trace preservation: the steady state's eigenvalue 0 is there.
                XCTAssertLessThan(byBlocks.map(\.magnitude).min()!, 1e-13 * scale)
            }
        }
    }
}
