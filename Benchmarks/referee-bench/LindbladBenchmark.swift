import Foundation
import Grassmann
import Symbolic

/// Issue 3 benchmarks (release mode). Prints one JSON object per line.
/// - liouvillian: construction of ℒ of NC(3) (impurity + N spinful levels) from the model parameters:
///   Jordan–Wigner matrices of H and d_σP_↑↓ from bit masks and the CSR assembly of AX(S14)
///   (construct_s, the counterpart of QuTiP's fdestroy products + liouvillian); the same through the
///   model's fermion polynomials (operators_construct_s) and the generic dictionary-row path
///   (dictionary_construct_s); full spectrum (all eigenvalues) block by block — zgeev on each
///   irreducible block of ℒ (`IrreducibleBlocks`) — for N = 1, 2, 3 (spectrum_s), and by one dense
///   zgeev on the whole matrix for N = 1, 2 (dense_spectrum_s, the route of QuTiP/numpy), with the
///   largest distance between the two eigenvalue multisets.
/// - normal-ordering: (Σ_{ij} c_i† c_j)^3 for M = 8 modes, normal ordered; number of terms.
/// `spectra: false` (benchmark `lindblad-construct`) skips the spectra, which take minutes for N = 2.
func runLindbladBenchmark(spectra: Bool = true) {
    for n in 1...3 {
        let levels = (0..<n).map { AndersonImpurityModel<ComplexDouble>.Level(energy: ComplexDouble(0.1 * Double($0 + 1)), filled: $0 == 0) }
        var nnz = 0, nnzOperators = 0, nnzDictionary = 0
        // Bit-mask path from the parameters: Jordan–Wigner matrices of H and d_σP_↑↓, CSR assembly of
        // AX(S14) (AndersonImpurityMatrices, LiouvillianAssembly) — the same work as QuTiP's side.
        let build = Clock.measure(minimum: n == 3 ? 2 : 0.5) {
            let matrices = AndersonImpurityMatrices(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                    v: ComplexDouble(0.1), levelEnergies: levels.map(\.energy))
            nnz = matrices.liouvillian().nonzeroCount
        }
        // Fermion-polynomial path: the model's H and jumps as FermionOperators, their Fock matrices, CSR assembly.
        let buildOperators = Clock.measure(minimum: n == 3 ? 2 : 0.5) {
            let model = try! AndersonImpurityModel<ComplexDouble>(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                                  v: ComplexDouble(0.1), levels: levels)
            nnzOperators = try! model.compressedLiouvillian().nonzeroCount
        }
        // Generic dictionary-row path (whole-matrix Kronecker sums), kept for the exact coefficients.
        let buildDictionary = Clock.measure(minimum: n == 3 ? 2 : 0.5) {
            let model = try! AndersonImpurityModel<ComplexDouble>(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                                  v: ComplexDouble(0.1), levels: levels)
            nnzDictionary = try! model.full().superoperator.matrix.nonzeroCount
        }
        var line = "{\"name\": \"liouvillian\", \"levels\": \(n), \"dimension\": \(1 << (4 + 4 * n)), \"nonzeros\": \(nnz), \"construct_s\": \(build)"
        line += ", \"operators_nonzeros\": \(nnzOperators), \"operators_construct_s\": \(buildOperators)"
        line += ", \"dictionary_nonzeros\": \(nnzDictionary), \"dictionary_construct_s\": \(buildDictionary)"
        if spectra {
            // The engine's route: zgeev on each irreducible block (symmetry sector) of ℒ, for N = 1, 2, 3.
            let matrices = AndersonImpurityMatrices(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                    v: ComplexDouble(0.1), levelEnergies: levels.map(\.energy))
            let l = matrices.liouvillian()
            let t0 = Clock.now()
            let blocks = IrreducibleBlocks(l)
            let ev = try! Spectrum.eigenvalues(l)
            let t1 = Clock.now()
            line += ", \"spectrum_s\": \(t1 - t0), \"spectrum_blocks\": \(blocks.blocks.count), \"largest_block\": \(blocks.largestBlock)"
            line += ", \"max_real_eigenvalue\": \(ev.map(\.re).max()!)"
            if n <= 2 {
                // One dense zgeev on the whole matrix (the route QuTiP/numpy take), and the largest
                // distance between the two eigenvalue multisets.
                let m = try! AndersonImpurityModel<ComplexDouble>(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                                  v: ComplexDouble(0.1), levels: levels).full().superoperator.matrix
                let t2 = Clock.now()
                let dense = try! Spectrum.denseEigenvalues(m)
                line += ", \"dense_spectrum_s\": \(Clock.now() - t2), \"block_vs_dense_max_distance\": \(multisetDistance(ev, dense))"
                if n == 1 {
                    let t3 = Clock.now()
                    let s = try! Spectrum.compute(m)
                    line += ", \"spectrum_with_left_right_vectors_s\": \(Clock.now() - t3), \"biorthogonality_error\": \(s.biorthogonalityError)"
                }
            }
        }
        print(line + "}")
        fflush(nil)
    }
    // Normal ordering of (Σ_ij c_i† c_j)^3, M = 8.
    let modes = (0..<8).map { Mode.c($0 / 2, $0 % 2 == 0 ? .up : .down) }
    var hop = FermionOperator<GaussianRational>.zero
    for i in modes { for j in modes { hop += FermionOperator([.create(i), .annihilate(j)]) } }
    var terms = 0, termsFull = 0
    let t = Clock.measure(minimum: 1) { terms = hop.normalOrderedPower(3).terms.count }
    let t0 = Clock.now()
    termsFull = hop.power(3).normalOrdered().terms.count
    let tFull = Clock.now() - t0
    print("{\"name\": \"normal-ordering\", \"modes\": 8, \"power\": 3, \"terms\": \(terms), \"seconds\": \(t), \"unreduced_product_then_order_terms\": \(termsFull), \"unreduced_product_then_order_s\": \(tFull)}")
}

/// Largest distance from an eigenvalue of a to the nearest unmatched one of b (greedy matching).
func multisetDistance(_ a: [ComplexDouble], _ b: [ComplexDouble]) -> Double {
    guard a.count == b.count else { return .infinity }
    var unused = b, worst = 0.0
    for x in a {
        var best = 0, bestDistance = Double.infinity
        for (k, y) in unused.enumerated() where (x - y).magnitude < bestDistance { best = k; bestDistance = (x - y).magnitude }
        worst = max(worst, bestDistance)
        unused.swapAt(best, unused.count - 1); unused.removeLast()
    }
    return worst
}
