import Foundation
import Grassmann
import Symbolic

/// What `referee effective-lindbladian` reports for an impurity coupled to a discrete bath, every
/// number computed from a model declared in the derivation language.
///
/// - Coefficients: the scalar definitions `g_ek`, `gamma_ek`, `gimpc_ek`, `gimpd_level` of the model
///   file (default `derivations/lindblad-perturbation.md`: the projection method AX(S31) on NC(3), with
///   the conduction levels at ε_k), in the symbols `ed`, `U`, `kappa`, `v`, `ek`; for every bath level
///   ε_i (filled when ε_i < ε_F) with the Fermi surface placed there (ek = ε_i), and at ek = ε_F.
/// - The cross-check of AX(S31) on this very bath: the largest deviation between the eigenvalues of ℒ_eff
///   and the slow eigenvalues of the full ℒ (LAPACK), at v and v/2, and the fitted exponent (4 expected).
///   The bath model (`bathDeclaration`) is NC(1)–(3) declared in the model language with one spinful
///   level per bath energy; its ℒ_0 and ℒ_1 are lowered to floating matrices from that declaration.
///   Skipped above `maximumLevelsForSpectrum` levels (dense spectra of size 4^(1+N)).
public struct EffectiveLindbladianReport: Sendable {
    /// g, γ, g_imp^c and g_imp^d (per conduction level) at one Fermi surface, exact.
    public struct Coefficients: Sendable {
        public var g: GaussianRational, gamma: GaussianRational, gImpC: GaussianRational, gImpD: GaussianRational
    }
    public struct Level: Sendable { public var energy: BigRational; public var filled: Bool; public var coefficients: Coefficients }
    public var levels: [Level]
    public var atFermiEnergy: Coefficients
    public var deviation: Double?
    public var deviationAtHalfCoupling: Double?
    public var fittedExponent: Double?
    public static let maximumLevelsForSpectrum = 2
    public static let paperModel = "derivations/lindblad-perturbation.md"
    /// The definitions read from the model file, in this order: g, γ, g_imp^c, g_imp^d.
    public static let coefficientNames = ["g_ek", "gamma_ek", "gimpc_ek", "gimpd_level"]

    public static func compute(model: DeclaredDefinitions, epsD: BigRational, hubbardU: BigRational, kappa: BigRational, v: BigRational,
                               bath: [BigRational], epsF: BigRational) throws -> EffectiveLindbladianReport {
        guard !bath.isEmpty else { throw ModelInputError(parameter: "bath", value: 0, fix: "--bath needs at least one level energy") }
        guard hubbardU.signum > 0 else { throw ModelInputError(parameter: "U", value: hubbardU.doubleValue, fix: "--U must be positive") }
        guard kappa.signum >= 0 else { throw ModelInputError(parameter: "kappa", value: kappa.doubleValue, fix: "--kappa must be non-negative") }
        func coefficients(_ ek: BigRational) throws -> Coefficients {
            guard epsD != ek, epsD + hubbardU != ek else {
                throw ModelInputError(parameter: "bath", value: ek.doubleValue,
                                      fix: "the level coincides with ε_d or ε_d + U: an intermediate state is resonant and second-order theory breaks down")
            }
            let values: [String: Expr] = ["ed": Expr(epsD), "U": Expr(hubbardU), "kappa": Expr(kappa), "v": Expr(GaussianRational(v)), "ek": Expr(ek)]
            let z = try coefficientNames.map { name -> GaussianRational in
                let e = try model.value(name, at: values)
                guard let z = e.numberValue else {
                    throw ModelInputError(parameter: name, value: 0, fix: "`\(name)` of \(model.path) still depends on \(e.freeSymbols.map(\.name).sorted().joined(separator: ", "))")
                }
                return z
            }
            return Coefficients(g: z[0], gamma: z[1], gImpC: z[2], gImpD: z[3])
        }
        let levels = try bath.map { Level(energy: $0, filled: $0 < epsF, coefficients: try coefficients($0)) }
        var report = EffectiveLindbladianReport(levels: levels, atFermiEnergy: try coefficients(epsF))
        if bath.count <= maximumLevelsForSpectrum {
            let declared = try DeclaredDefinitions(text: bathDeclaration(levels: bath.count), name: "<bath model of \(bath.count) level\(bath.count == 1 ? "" : "s")>")
            var values: [(String, BigRational)] = [("ed", epsD), ("U", hubbardU), ("kappa", kappa)]
            for (k, e) in bath.enumerated() { values.append(("e\(k)", e)) }
            let l0 = try declared.superoperator("L0", at: values.map { ($0.0, Expr($0.1)) })
            let l1 = { (coupling: Double) throws -> SuperOperator<Grassmann.ComplexDouble> in
                try declared.superoperator("L1", at: values.map { ($0.0, Expr($0.1)) } + [("v", Expr(BigRational(exactly: coupling)!))])
            }
            let couplings = [v.doubleValue, v.doubleValue / 2]
            let c = try SlowSpectrumComparison.compute(unperturbed: l0, couplings: couplings, perturbation: l1)
            let fit = try PowerLawFit(x: couplings, y: c.map(\.maxDeviation))
            report.deviation = c[0].maxDeviation
            report.deviationAtHalfCoupling = c[1].maxDeviation
            report.fittedExponent = fit.exponent
        }
        return report
    }

    /// NC(1)–(3) with one spinful conduction level of energy `e<k>` per bath level, in the model
    /// language: H_0 = ε_d Σ_σ n_σ + U n_↑n_↓ + Σ_kσ e_k n_kσ, H_cd = Σ_σ [v d_σ†c_Rσ + h.c.] with
    /// c_Rσ = Σ_k c_kσ, jumps √κ d_σ P_↑↓ (NC(3) as written); ℒ_0 = lindblad(H_0, jumps), ℒ_1 = liouvillian(H_cd).
    public static func bathDeclaration(levels n: Int) -> String {
        let energies = (0..<n).map { "e\($0)" }
        let levelEnergy = (0..<n).map { "e\($0)*(c[\($0), up]'*c[\($0), up] + c[\($0), dn]'*c[\($0), dn])" }.joined(separator: " + ")
        return """
        # Impurity and a discrete bath of \(n) spinful level\(n == 1 ? "" : "s")

        ```symbols
        ed, U, kappa, \(energies.joined(separator: ", ")): real
        v: complex
        ```

        ```modes
        d[s]: fermion   s in {up, dn}
        c[k, s]: fermion   k in 0..\(n - 1), s in {up, dn}
        ```

        ```define
        nd[s] = d[s]'*d[s]
        cR[s] = sum(k in 0..\(n - 1): c[k, s])
        Pdouble = nd[up]*nd[dn]
        H0 = ed*(nd[up] + nd[dn]) + U*Pdouble + \(levelEnergy)
        Hcd = sum(s in s: v*d[s]'*cR[s] + conj(v)*cR[s]'*d[s])
        L0 = lindblad(H0, sqrt(kappa)*d[up]*Pdouble, sqrt(kappa)*d[dn]*Pdouble)
        L1 = liouvillian(Hcd)
        L = L0 + L1
        ```

        """
    }
}

extension GaussianRational {
    /// The real part as a decimal string with `digits` significant digits (exact value, rounded once).
    public func decimal(digits: Int) -> String {
        let bits = BigFloat.bits(forDigits: digits) + 16
        let r = BigFloat(re, precision: bits).toString(digits: digits)
        if im.isZero { return r }
        return r + (im.signum < 0 ? "-" : "+") + BigFloat(im.magnitude, precision: bits).toString(digits: digits) + "i"
    }
}
