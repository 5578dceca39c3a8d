import Foundation
import Grassmann
import Symbolic
import Verify

/// Issue 3 and 14 benchmarks (release mode). Prints one JSON object per line.
/// - liouvillian: construction of ℒ of NC(3) (impurity + N spinful levels):
///   construct_s — the specialised reference (bit-mask Jordan–Wigner matrices of H and d_σP_↑↓ and the
///   CSR assembly of AX(S14), `AndersonImpurityMatrices`, kept here as the reference; the counterpart of
///   QuTiP's fdestroy products + liouvillian);
///   declared_construct_s — the same ℒ from the model declared in the derivation language
///   (`EffectiveLindbladianReport.bathDeclaration`, `L = L0 + L1`) lowered numerically at a parameter
///   point (`DeclaredDefinitions.liouvillian`: distinct entries evaluated once, `LiouvillianAssembly`),
///   with declare_s (reading and evaluating the declaration, once) and declared_first_s (the first
///   lowering, which builds the plan); declared_vs_reference_max_difference after the basis permutation
///   (reference: mode k = bit k; ModeSpace: the first declared mode is the slowest digit).
///   Full spectrum block by block — zgeev on each irreducible block of ℒ (`IrreducibleBlocks`) — for
///   N = 1, 2, 3 of the reference (spectrum_s) and of the declared matrix (declared_spectrum_s), and by
///   one dense zgeev on the whole matrix for N = 1, 2 (dense_spectrum_s, the route of QuTiP/numpy).
/// - derivation: the symbolic derivation of g, γ, g_imp^c, g_imp^d from the declared model: reading and
///   evaluating derivations/lindblad-perturbation.md (projection method AX(S31) and the exact fits) and
///   derivations/sd-coupling.md (g, γ from the ℒ_0 eigenvalues), once each.
/// - normal-ordering: (Σ_{ij} c_i† c_j)^3 for M = 8 modes, normal ordered; number of terms.
/// `spectra: false` (benchmark `lindblad-construct`) skips the spectra, which take minutes for N = 2.
func runLindbladBenchmark(spectra: Bool = true) {
    for n in 1...3 {
        let energies = (0..<n).map { 0.1 * Double($0 + 1) }
        func reference() -> AndersonImpurityMatrices {
            AndersonImpurityMatrices(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                     v: ComplexDouble(0.1), levelEnergies: energies.map { ComplexDouble($0) })
        }
        var nnz = 0
        let build = Clock.measure(minimum: n == 3 ? 2 : 0.5) { nnz = reference().liouvillian().nonzeroCount }
        // The declared model: read once, then lowered at the parameter point.
        let t0 = Clock.now()
        let declared = try! DeclaredDefinitions(text: EffectiveLindbladianReport.bathDeclaration(levels: n), name: "bath-\(n)")
        let declare = Clock.now() - t0
        var values: [(String, Expr)] = [("ed", Expr(-1)), ("U", Expr(3)), ("kappa", Expr(BigRational(1, 2))), ("v", Expr(BigRational(1, 10)))]
        for k in 0..<n { values.append(("e\(k)", Expr(BigRational(k + 1, 10)))) }
        let t1 = Clock.now()
        var l = try! declared.liouvillian("L", at: values)
        let first = Clock.now() - t1
        let buildDeclared = Clock.measure(minimum: n == 3 ? 2 : 0.5) { l = try! declared.liouvillian("L", at: values) }
        let ref = reference().liouvillian()
        let difference = permutedDifference(declared: l, reference: ref, modes: 2 + 2 * n)
        var line = "{\"name\": \"liouvillian\", \"levels\": \(n), \"dimension\": \(1 << (4 + 4 * n)), \"nonzeros\": \(nnz), \"construct_s\": \(build)"
        line += ", \"declared_nonzeros\": \(l.nonzeroCount), \"declare_s\": \(declare), \"declared_first_s\": \(first), \"declared_construct_s\": \(buildDeclared)"
        line += ", \"declared_over_reference\": \(buildDeclared / build), \"declared_vs_reference_max_difference\": \(difference)"
        if spectra {
            // The engine's route: zgeev on each irreducible block (symmetry sector) of ℒ, for N = 1, 2, 3.
            let t0 = Clock.now()
            let blocks = IrreducibleBlocks(ref)
            let ev = try! Spectrum.eigenvalues(ref)
            let t1 = Clock.now()
            let evDeclared = try! Spectrum.eigenvalues(l)
            let t2 = Clock.now()
            line += ", \"spectrum_s\": \(t1 - t0), \"declared_spectrum_s\": \(t2 - t1), \"spectrum_blocks\": \(blocks.blocks.count), \"largest_block\": \(blocks.largestBlock)"
            line += ", \"max_real_eigenvalue\": \(ev.map(\.re).max()!), \"declared_vs_reference_spectrum_distance\": \(multisetDistance(ev, evDeclared))"
            if n <= 2 {
                // One dense zgeev on the whole matrix (the route QuTiP/numpy take), and the largest
                // distance between the two eigenvalue multisets.
                let m = ref.sparse
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
    // The symbolic derivation of the coefficients from the declared model (each file once).
    for file in ["derivations/lindblad-perturbation.md", "derivations/sd-coupling.md"] {
        let t = Clock.now()
        let d = try! DeclaredDefinitions(path: DeclaredDefinitions.repositoryFile(file))
        let seconds = Clock.now() - t
        let names = d.scalarNames.filter { ["g_ek", "gamma_ek", "gimpc_ek", "gimpd_level", "g_derived", "gamma_derived"].contains($0) }
        print("{\"name\": \"derivation\", \"file\": \"\(file)\", \"coefficients\": \"\(names.joined(separator: ","))\", \"seconds\": \(seconds)}")
        fflush(nil)
    }
    // Normal ordering of (Σ_ij c_i† c_j)^3, M = 8.
    let modes = (0..<8).map { Mode("c", rank: 0, labels: [$0 / 2], spin: $0 % 2 == 0 ? .up : .down) }
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

/// max |L_declared − L_reference| entrywise after mapping the declared basis (ModeSpace: first mode the
/// slowest binary digit) onto the reference's (mode k = bit k), on kets and bras of the vectorisation.
func permutedDifference(declared: CompressedSparseMatrix, reference: CompressedSparseMatrix, modes: Int) -> Double {
    let d = 1 << modes
    func reverse(_ s: Int) -> Int { var r = 0; for k in 0..<modes where s >> (modes - 1 - k) & 1 == 1 { r |= 1 << k }; return r }
    let p = (0..<d).map(reverse)
    func vec(_ x: Int) -> Int { p[x / d] * d + p[x % d] }
    var mapped: [(Int, Int, ComplexDouble)] = []
    for (i, j, x) in declared.entries { mapped.append((vec(i), vec(j), x)) }
    var difference = CompressedSparseMatrix(rows: declared.rowCount, columns: declared.columnCount, triplets: mapped).sparse
    for (i, j, x) in reference.entries { difference.add(i, j, ComplexDouble(0) - x) }
    return difference.entries.map { $0.2.magnitude }.max() ?? 0
}
