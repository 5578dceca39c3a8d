import Foundation

/// Numerical cross-check of the projection method (AX(S31) convention): the eigenvalues of the
/// second-order effective generator on the zero-eigenvalue modes of ℒ0 against the eigenvalues of
/// the full ℒ0 + ℒ1(v) that tend to 0 as v → 0, computed by LAPACK block by block.
///
/// Nothing about a model is assumed. The blocks are the irreducible blocks (strongly connected
/// components of the sparsity) of the full ℒ at the first coupling, so the spectrum is the union of
/// the blocks' spectra; in each block the effective eigenvalues of the slow modes lying there are
/// matched, nearest first, with the block's full eigenvalues. The slow space is the cluster
/// λ⁽⁰⁾ = 0 (|λ⁽⁰⁾| below 10⁻¹² of the scale of ℒ0): AX(S31) with 1/λ_m is the exact second-order
/// result only for a degenerate slow cluster.
public struct SlowSpectrumComparison: Sendable {
    /// Eigenvalues of ℒ_eff (second order).
    public let effective: [ComplexDouble]
    /// The matched eigenvalues of the full ℒ.
    public let full: [ComplexDouble]
    /// max |λ_eff − λ_full| over the matched pairs.
    public let maxDeviation: Double
    /// max |λ_full| over the matched slow eigenvalues (the size of the second-order effect).
    public let slowScale: Double

    /// The comparison at each coupling: `perturbation(v)` is ℒ1 at coupling v. ℒ0, its exact
    /// eigenbasis, the slow partition and the blocks are built once.
    public static func compute(unperturbed l0: SuperOperator<ComplexDouble>, couplings: [Double],
                               perturbation: (Double) throws -> SuperOperator<ComplexDouble>) throws -> [SlowSpectrumComparison] {
        guard let first = couplings.first else { return [] }
        let scale = max(l0.matrix.entries.map { $0.2.magnitude }.max() ?? 1, 1)
        let basis = try ExactEigenbasis(l0)
        let isZero = basis.eigenvalues.map { $0.magnitude < 1e-12 * scale }
        let slowMethod = ProjectionMethod(basis: basis, slow: isZero)
        let blocks = IrreducibleBlocks(CompressedSparseMatrix(l0.matrix + (try perturbation(first)).matrix))
        var slowByBlock: [Int: [Int]] = [:]
        for m in 0..<basis.size where isZero[m] { slowByBlock[blocks.blockOf[m], default: []].append(m) }
        return try couplings.map { v in
            let l1 = try perturbation(v)
            let full = (l0 + l1).matrix
            var effAll: [ComplexDouble] = [], fullAll: [ComplexDouble] = []
            var deviation = 0.0, slowScale = 0.0
            for b in slowByBlock.keys.sorted() {
                let modes = slowByBlock[b]!
                let eff = slowMethod.effectiveMatrix(modes: modes, unperturbed: l0, perturbation: l1)
                var effMatrix = SparseMatrix<ComplexDouble>(rows: modes.count, columns: modes.count)
                for i in modes.indices { for j in modes.indices { effMatrix[i, j] = eff[i][j] } }
                let effEigen = try Spectrum.compute(effMatrix).eigenvalues
                let states = blocks.blocks[b]
                var sub = SparseMatrix<ComplexDouble>(rows: states.count, columns: states.count)
                for (p, k) in states.enumerated() {
                    for (col, x) in full.rows[k] where blocks.blockOf[col] == b { sub[p, blocks.positionInBlock[col]] = x }
                }
                var fullEigen = try Spectrum.compute(sub).eigenvalues
                for e in effEigen.sorted(by: { $0.magnitude < $1.magnitude }) {
                    let best = fullEigen.indices.min { (fullEigen[$0] - e).magnitude < (fullEigen[$1] - e).magnitude }!
                    let f = fullEigen.remove(at: best)
                    effAll.append(e); fullAll.append(f)
                    deviation = max(deviation, (f - e).magnitude)
                    slowScale = max(slowScale, f.magnitude)
                }
            }
            return SlowSpectrumComparison(effective: effAll, full: fullAll, maxDeviation: deviation, slowScale: slowScale)
        }
    }
}
