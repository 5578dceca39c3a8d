import CLAPACK

/// Errors of the floating spectral routines.
public struct SpectrumError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Eigen-decomposition of a non-Hermitian matrix with right and left eigenvectors (AX(S15)–(S17)):
/// Ľ r_n = λ_n r_n, Ľ† l_n = λ_n* l_n, normalised biorthogonally l_n† r_m = δ_nm.
public struct Spectrum: Sendable {
    /// Eigenvalues λ_n, in LAPACK's order.
    public var eigenvalues: [ComplexDouble]
    /// Right eigenvectors r_n (column n of R).
    public var right: [[ComplexDouble]]
    /// Left eigenvectors l_n, scaled so that l_n† r_m = δ_nm.
    public var left: [[ComplexDouble]]
    /// max_nm |l_n† r_m − δ_nm| after normalisation (an a-posteriori error estimate).
    public var biorthogonalityError: Double

    /// Dense spectrum through LAPACK `zgeev` (left and right eigenvectors), followed by a
    /// biorthogonal normalisation: with S = L† R, the left vectors are replaced by L S^{-†},
    /// which also fixes arbitrary mixing inside degenerate eigenspaces (`zgesv`).
    public static func compute(_ a: SparseMatrix<ComplexDouble>) throws -> Spectrum {
        let n = a.rowCount
        guard n == a.columnCount, n > 0 else { throw SpectrumError(message: "Spectrum.compute: matrix must be square and nonempty, got \(a.rowCount)×\(a.columnCount)") }
        // Column-major interleaved (re, im) storage.
        var m = [Double](repeating: 0, count: 2 * n * n)
        for (i, j, c) in a.entries { m[2 * (j * n + i)] = c.re; m[2 * (j * n + i) + 1] = c.im }
        var w = [Double](repeating: 0, count: 2 * n)
        var vl = [Double](repeating: 0, count: 2 * n * n)
        var vr = [Double](repeating: 0, count: 2 * n * n)
        let info: Int32 = m.withUnsafeMutableBytes { mp in
            w.withUnsafeMutableBytes { wp in
                vl.withUnsafeMutableBytes { lp in
                    vr.withUnsafeMutableBytes { rp in
                        LAPACKE_zgeev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "V")), Int32(n),
                                      OpaquePointer(mp.baseAddress!), Int32(n),
                                      OpaquePointer(wp.baseAddress!),
                                      OpaquePointer(lp.baseAddress!), Int32(n),
                                      OpaquePointer(rp.baseAddress!), Int32(n))
                    }
                }
            }
        }
        guard info == 0 else { throw SpectrumError(message: "Spectrum.compute: zgeev failed with info = \(info)") }
        // S = L† R  (column-major), solve S† X = L† … we want L' = L S^{-†}, i.e. L'† = S^{-1} L†.
        func entry(_ v: [Double], _ i: Int, _ j: Int) -> ComplexDouble { ComplexDouble(v[2 * (j * n + i)], v[2 * (j * n + i) + 1]) }
        var s = [Double](repeating: 0, count: 2 * n * n)
        for p in 0..<n {
            for q in 0..<n {
                var acc = ComplexDouble.zero
                for k in 0..<n { acc = acc + entry(vl, k, p).conjugated * entry(vr, k, q) }
                s[2 * (q * n + p)] = acc.re; s[2 * (q * n + p) + 1] = acc.im
            }
        }
        // B = L† (n × n, column-major): B[p, k] = conj(L[k, p]).
        var b = [Double](repeating: 0, count: 2 * n * n)
        for p in 0..<n { for k in 0..<n { let c = entry(vl, k, p).conjugated; b[2 * (k * n + p)] = c.re; b[2 * (k * n + p) + 1] = c.im } }
        var ipiv = [Int32](repeating: 0, count: n)
        let info2: Int32 = s.withUnsafeMutableBytes { sp in
            b.withUnsafeMutableBytes { bp in
                LAPACKE_zgesv(LAPACK_COL_MAJOR, Int32(n), Int32(n),
                              OpaquePointer(sp.baseAddress!), Int32(n), &ipiv,
                              OpaquePointer(bp.baseAddress!), Int32(n))
            }
        }
        guard info2 == 0 else { throw SpectrumError(message: "Spectrum.compute: eigenvectors are linearly dependent (defective matrix?), zgesv info = \(info2)") }
        var eigenvalues: [ComplexDouble] = []
        var right: [[ComplexDouble]] = []
        var left: [[ComplexDouble]] = []
        for p in 0..<n {
            eigenvalues.append(ComplexDouble(w[2 * p], w[2 * p + 1]))
            right.append((0..<n).map { entry(vr, $0, p) })
            // l_p = conj of row p of B.
            left.append((0..<n).map { k in ComplexDouble(b[2 * (k * n + p)], -b[2 * (k * n + p) + 1]) })
        }
        var err = 0.0
        for p in 0..<n {
            for q in 0..<n {
                var acc = ComplexDouble.zero
                for k in 0..<n { acc = acc + left[p][k].conjugated * right[q][k] }
                if p == q { acc = acc - .one }
                err = max(err, acc.magnitude)
            }
        }
        return Spectrum(eigenvalues: eigenvalues, right: right, left: left, biorthogonalityError: err)
    }
}

extension Spectrum {
    /// The eigenvalues of A with multiplicity, block by block: LAPACK `zgeev` (no vectors) on each
    /// irreducible block of A (`IrreducibleBlocks`; a 1×1 block is its diagonal entry). The spectrum
    /// of A is the union of its blocks' spectra because A is block triangular in their order.
    /// Listed block by block in that order, in LAPACK's order within a block.
    public static func eigenvalues(_ a: CompressedSparseMatrix) throws -> [ComplexDouble] {
        let n = a.rowCount
        guard n == a.columnCount, n > 0 else { throw SpectrumError(message: "Spectrum.eigenvalues: matrix must be square and nonempty, got \(a.rowCount)×\(a.columnCount)") }
        let blocks = IrreducibleBlocks(a)
        var out: [ComplexDouble] = []
        out.reserveCapacity(n)
        for b in blocks.blocks.indices {
            var m = a.denseBlock(b, of: blocks)
            out += try denseEigenvalues(columnMajor: &m, order: blocks.blocks[b].count)
        }
        return out
    }

    /// The eigenvalues of A block by block (`eigenvalues(_: CompressedSparseMatrix)`).
    public static func eigenvalues(_ a: SparseMatrix<ComplexDouble>) throws -> [ComplexDouble] {
        try eigenvalues(CompressedSparseMatrix(a))
    }

    /// The eigenvalues of A from one dense `zgeev` on the whole matrix (the cross-check of the
    /// block-by-block route; O(n³) in the full dimension).
    public static func denseEigenvalues(_ a: SparseMatrix<ComplexDouble>) throws -> [ComplexDouble] {
        let n = a.rowCount
        guard n == a.columnCount, n > 0 else { throw SpectrumError(message: "Spectrum.denseEigenvalues: matrix must be square and nonempty") }
        var m = [Double](repeating: 0, count: 2 * n * n)
        for (i, j, c) in a.entries { m[2 * (j * n + i)] = c.re; m[2 * (j * n + i) + 1] = c.im }
        return try denseEigenvalues(columnMajor: &m, order: n)
    }

    /// `zgeev` with jobvl = jobvr = 'N' on an n × n column-major interleaved (re, im) matrix
    /// (overwritten).
    static func denseEigenvalues(columnMajor m: inout [Double], order n: Int) throws -> [ComplexDouble] {
        if n == 1 { return [ComplexDouble(m[0], m[1])] }
        var w = [Double](repeating: 0, count: 2 * n)
        var dummy = [Double](repeating: 0, count: 2)
        let info: Int32 = m.withUnsafeMutableBytes { mp in
            w.withUnsafeMutableBytes { wp in
                dummy.withUnsafeMutableBytes { dp in
                    LAPACKE_zgeev(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")), Int8(UInt8(ascii: "N")), Int32(n),
                                  OpaquePointer(mp.baseAddress!), Int32(n), OpaquePointer(wp.baseAddress!),
                                  OpaquePointer(dp.baseAddress!), 1, OpaquePointer(dp.baseAddress!), 1)
                }
            }
        }
        guard info == 0 else { throw SpectrumError(message: "Spectrum.eigenvalues: zgeev failed with info = \(info)") }
        return (0..<n).map { ComplexDouble(w[2 * $0], w[2 * $0 + 1]) }
    }
}

extension Lindbladian where C == ComplexDouble {
    /// The full spectrum of Ľ with biorthonormal left and right eigenvectors (AX(S15)–(S17)).
    public func spectrum() throws -> Spectrum { try Spectrum.compute(superoperator.matrix) }
}
