import Foundation
import Symbolic

/// What `referee effective-lindbladian` reports for an impurity coupled to a discrete bath.
///
/// - For every bath level ε_i (filled when ε_i < ε_F, empty otherwise): g(ε_i), γ(ε_i) — the
///   projection-method coefficients with the Fermi surface placed at ε_i (`SdCoefficients`).
/// - The coefficients at ε_F.
/// - The cross-check of AX(S31) on this very bath: the largest deviation between the eigenvalues of
///   ℒ_eff and the slow eigenvalues of the full ℒ (LAPACK), at v and v/2, and the fitted exponent
///   (4 expected). Skipped above `maximumLevelsForSpectrum` levels (dense spectra of size 4^(1+N)).
public struct EffectiveLindbladianReport: Sendable {
    public struct Level: Sendable { public var energy: BigRational; public var filled: Bool; public var coefficients: SdCoefficients }
    public var levels: [Level]
    public var atFermiEnergy: SdCoefficients
    public var deviation: Double?
    public var deviationAtHalfCoupling: Double?
    public var fittedExponent: Double?
    public static let maximumLevelsForSpectrum = 2

    public static func compute(epsD: BigRational, hubbardU: BigRational, kappa: BigRational, v: BigRational,
                               bath: [BigRational], epsF: BigRational) throws -> EffectiveLindbladianReport {
        guard !bath.isEmpty else { throw FockSpaceError("--bath needs at least one level energy") }
        var levels: [Level] = []
        for e in bath {
            levels.append(Level(energy: e, filled: e < epsF,
                                coefficients: try SdCoefficients.compute(epsD: epsD, hubbardU: hubbardU, epsF: e, kappa: kappa, v: GaussianRational(v))))
        }
        let atF = try SdCoefficients.compute(epsD: epsD, hubbardU: hubbardU, epsF: epsF, kappa: kappa, v: GaussianRational(v))
        var report = EffectiveLindbladianReport(levels: levels, atFermiEnergy: atF)
        if bath.count <= maximumLevelsForSpectrum {
            func model(_ coupling: Double) throws -> AndersonImpurityModel<ComplexDouble> {
                try AndersonImpurityModel<ComplexDouble>(
                    epsD: ComplexDouble(epsD.doubleValue), hubbardU: ComplexDouble(hubbardU.doubleValue), kappa: ComplexDouble(kappa.doubleValue),
                    v: ComplexDouble(coupling), levels: bath.map { .init(energy: ComplexDouble($0.doubleValue), filled: $0 < epsF) })
            }
            let couplings = [v.doubleValue, v.doubleValue / 2]
            let c = try SlowSpectrumComparison.compute(unperturbed: try model(couplings[0]).unperturbed(), couplings: couplings) {
                try model($0).perturbation()
            }
            let fit = try PowerLawFit(x: couplings, y: c.map(\.maxDeviation))
            report.deviation = c[0].maxDeviation
            report.deviationAtHalfCoupling = c[1].maxDeviation
            report.fittedExponent = fit.exponent
        }
        return report
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
