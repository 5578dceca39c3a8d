import Foundation

/// Numerical cross-check of the projection method (AX(S31)) on the model NC(3): the eigenvalues of
/// the second-order effective Lindbladian on the zero-eigenvalue modes of ℒ_0 against the
/// eigenvalues of the full ℒ that tend to 0 as v → 0, computed by LAPACK in each conserved sector
/// (ΔN = N_ket − N_bra and ΔS_z, both conserved by ℒ).
///
/// The slow space here is the cluster λ^{(0)} = 0 (singly occupied and vacant populations and spin
/// coherences times conduction states of equal energy); AX(S31) with 1/λ_m is the exact second-order
/// result only when the slow eigenvalues are degenerate, which is why the comparison uses this cluster
/// (the −2κ population mode of Table I is not slow in this sense).
public struct SlowSpectrumComparison: Sendable {
    /// Eigenvalues of ℒ_eff (second order).
    public let effective: [ComplexDouble]
    /// The matched eigenvalues of the full ℒ.
    public let full: [ComplexDouble]
    /// max |λ_eff − λ_full| over the matched pairs.
    public let maxDeviation: Double
    /// max |λ_full| over the matched slow eigenvalues (the size of the second-order effect).
    public let slowScale: Double

    /// The comparison at one coupling v.
    public static func compute(epsD: Double, hubbardU: Double, kappa: Double, v: Double, levels: [(energy: Double, filled: Bool)]) throws -> SlowSpectrumComparison {
        try compute(epsD: epsD, hubbardU: hubbardU, kappa: kappa, couplings: [v], levels: levels)[0]
    }

    /// The comparison at each coupling; ℒ_0, its exact eigenbasis and the slow partition do not
    /// depend on v and are built once.
    public static func compute(epsD: Double, hubbardU: Double, kappa: Double, couplings: [Double], levels: [(energy: Double, filled: Bool)]) throws -> [SlowSpectrumComparison] {
        func model(_ v: Double) throws -> AndersonImpurityModel<ComplexDouble> {
            try AndersonImpurityModel<ComplexDouble>(
                epsD: ComplexDouble(epsD), hubbardU: ComplexDouble(hubbardU), kappa: ComplexDouble(kappa), v: ComplexDouble(v),
                levels: levels.map { .init(energy: ComplexDouble($0.energy), filled: $0.filled) })
        }
        guard let first = couplings.first else { return [] }
        let reference = try model(first)
        let l0 = try reference.unperturbed()
        let scale = max(abs(epsD), hubbardU, kappa, levels.map { abs($0.energy) }.max() ?? 0, 1)
        let basis = try ExactEigenbasis(l0)
        let isZero = basis.eigenvalues.map { $0.magnitude < 1e-12 * scale }
        let slowMethod = ProjectionMethod(basis: basis, slow: isZero)
        let d = reference.dimension
        func charge(_ n: Int) -> Int { n.nonzeroBitCount }
        func spin(_ n: Int) -> Int {
            var s = 0
            for b in 0..<(2 + 2 * levels.count) where (n >> b) & 1 == 1 { s += b % 2 == 0 ? 1 : -1 }
            return s
        }
        func sector(_ k: Int) -> [Int] { let i = k % d, j = k / d; return [charge(i) - charge(j), spin(i) - spin(j)] }
        let slowModes = (0..<basis.size).filter { isZero[$0] }
        var sectors: [[Int]: [Int]] = [:]
        for m in slowModes { sectors[sector(m), default: []].append(m) }
        var indices: [[Int]: [Int]] = [:]
        for k in 0..<(d * d) { indices[sector(k), default: []].append(k) }
        return try couplings.map { v in
            let m = try model(v)
            let l1 = try m.perturbation()
            let full = try m.full().superoperator.matrix
            var effAll: [ComplexDouble] = [], fullAll: [ComplexDouble] = []
            var deviation = 0.0, slowScale = 0.0
            for key in sectors.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let modes = sectors[key]!
                // Effective matrix on the slow modes of this sector.
                let eff = slowMethod.effectiveMatrix(modes: modes, unperturbed: l0, perturbation: l1)
                var effMatrix = SparseMatrix<ComplexDouble>(rows: modes.count, columns: modes.count)
                for i in modes.indices { for j in modes.indices { effMatrix[i, j] = eff[i][j] } }
                let effEigen = try Spectrum.compute(effMatrix).eigenvalues
                // Full ℒ restricted to the sector.
                let idx = indices[key]!
                var pos: [Int: Int] = [:]
                for (p, k) in idx.enumerated() { pos[k] = p }
                var sub = SparseMatrix<ComplexDouble>(rows: idx.count, columns: idx.count)
                for (p, k) in idx.enumerated() { for (col, x) in full.rows[k] { if let q = pos[col] { sub[p, q] = x } } }
                var fullEigen = try Spectrum.compute(sub).eigenvalues
                // Match each effective eigenvalue with the nearest unused full eigenvalue.
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

    /// The order of the error of ℒ_eff: maxDeviation ∝ v^p fitted by least squares on log–log axes
    /// over the given couplings (`PowerLawFit`; p = 4 when ℒ_eff is right to second order, the
    /// standard error needs at least three couplings).
    public static func fittedExponent(epsD: Double, hubbardU: Double, kappa: Double, couplings: [Double], levels: [(energy: Double, filled: Bool)]) throws -> (fit: PowerLawFit, deviations: [Double], slowScales: [Double]) {
        let c = try compute(epsD: epsD, hubbardU: hubbardU, kappa: kappa, couplings: couplings, levels: levels)
        let devs = c.map(\.maxDeviation)
        return (try PowerLawFit(x: couplings, y: devs), devs, c.map(\.slowScale))
    }
}
