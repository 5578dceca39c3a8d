import Foundation
import Symbolic
import Grassmann

/// `check: slow-spectrum-exponent` — the order of the error of the second-order effective
/// Lindbladian (AX(S31) = NC(15)) on the model NC(3), measured, not assumed.
///
/// For one impurity and a few discrete spinful bath levels (`SlowSpectrumComparison`), the
/// eigenvalues of ℒ_eff on the λ⁽⁰⁾ = 0 cluster are compared with the matching slow eigenvalues of
/// the full ℒ (LAPACK, per conserved sector) at `points` couplings v spaced geometrically in
/// [vmin, vmax]; p in max|λ_eff − λ_full| ∝ v^p is fitted by least squares on log–log axes
/// (`PowerLawFit`) and compared with the number in `printed:` (the paper's O(v⁴): 4) within the
/// absolute `tolerance:`. The verdict detail gives p, its standard error and every deviation.
///
/// `parameters:` (energies in the units of the model, ħ = 1): `ed`, `U`, `kappa`, `eF`, `bath`
/// (level energies separated by blanks; a level below eF is filled), `vmin`, `vmax`, `points`.
public struct SlowSpectrumExponentCheck: ClaimCheck {
    public init() {}
    public var name: String { "slow-spectrum-exponent" }
    public var summary: String {
        "fitted exponent p of max|λ_eff − λ_full| ∝ v^p (AX(S31) against the full ℒ of NC(3), LAPACK, least squares over `points` couplings in [vmin, vmax]) vs the number in `printed:` within the absolute `tolerance:`; `parameters: ed, U, kappa, eF, bath (blank-separated), vmin, vmax, points`"
    }
    public var requiredKeys: [String] { ["parameters", "tolerance"] }

    struct Setup {
        var epsD = -1.0, hubbardU = 3.0, kappa = 0.5, epsF = 0.5
        var bath: [Double] = [0.2]
        var vmin = 0.01, vmax = 0.04
        var points = 5
        var levels: [(energy: Double, filled: Bool)] { bath.map { (energy: $0, filled: $0 < epsF) } }
        var couplings: [Double] { PowerLawFit.geometric(from: vmin, to: vmax, count: points) }
    }

    static let maximumLevels = 2

    func setup(_ claim: Claim) throws -> Setup {
        var s = Setup()
        let field = claim.spec["parameters"]!
        for part in TextSyntax.splitTopLevel(field) {
            let pieces = part.value.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard pieces.count == 2 else {
                throw DerivationError(part.location, "expected `name = value` in `parameters:`", fix: "write e.g. `parameters: ed = -1; U = 3; kappa = 0.5; eF = 0.5; bath = 0.2; vmin = 0.01; vmax = 0.04; points = 5`")
            }
            func number(_ text: String) throws -> Double {
                guard let x = Double(text), x.isFinite else {
                    throw DerivationError(part.location, "`\(pieces[0])` must be a number, found `\(text)`", fix: "write e.g. `\(pieces[0]) = 0.5`")
                }
                return x
            }
            switch pieces[0] {
            case "ed": s.epsD = try number(pieces[1])
            case "U": s.hubbardU = try number(pieces[1])
            case "kappa": s.kappa = try number(pieces[1])
            case "eF": s.epsF = try number(pieces[1])
            case "bath": s.bath = try pieces[1].split(separator: " ").map { try number(String($0)) }
            case "vmin": s.vmin = try number(pieces[1])
            case "vmax": s.vmax = try number(pieces[1])
            case "points":
                guard let n = Int(pieces[1]) else {
                    throw DerivationError(part.location, "`points` must be an integer, found `\(pieces[1])`", fix: "write e.g. `points = 5`")
                }
                s.points = n
            default:
                throw DerivationError(part.location, "unknown parameter `\(pieces[0])` of slow-spectrum-exponent",
                                      fix: "use ed, U, kappa, eF, bath (blank-separated energies), vmin, vmax, points")
            }
        }
        let location = field.location
        guard s.hubbardU > 0, s.kappa > 0 else {
            throw DerivationError(location, "U and kappa must be positive (U = \(s.hubbardU), kappa = \(s.kappa))", fix: "e.g. `U = 3; kappa = 0.5`")
        }
        guard (1...Self.maximumLevels).contains(s.bath.count) else {
            throw DerivationError(location, "`bath` needs 1…\(Self.maximumLevels) level energies, got \(s.bath.count) (dense spectra of size 4^(1+N))",
                                  fix: "write e.g. `bath = 0.2` or `bath = 0.2 0.8`")
        }
        guard s.vmin > 0, s.vmax > s.vmin else {
            throw DerivationError(location, "need 0 < vmin < vmax (vmin = \(s.vmin), vmax = \(s.vmax))", fix: "write e.g. `vmin = 0.01; vmax = 0.04`")
        }
        guard s.points >= 3 else {
            throw DerivationError(location, "`points` must be at least 3 (a standard error needs a residual), got \(s.points)", fix: "write e.g. `points = 5`")
        }
        return s
    }

    func tolerance(_ claim: Claim) throws -> Double {
        let field = claim.spec["tolerance"]!
        guard let t = Double(field.value.trimmed), t > 0, t.isFinite else {
            throw DerivationError(field.location, "`tolerance:` of slow-spectrum-exponent is an absolute deviation of the exponent, found `\(field.value)`",
                                  fix: "write e.g. `tolerance: 0.1`")
        }
        return t
    }

    func printedExponent(_ claim: Claim, _ context: DerivationContext) throws -> Double {
        let e = try context.expression(claim.printed, claim: claim)
        guard let z = e.numberValue, z.im.isZero else {
            throw DerivationError(claim.printed.location, "`printed:` of slow-spectrum-exponent must be a real number (the order of the error), found `\(claim.printed.value)`",
                                  fix: "write e.g. `printed: 4` for an error O(v⁴)")
        }
        return z.re.doubleValue
    }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let s = try setup(claim)
        let tol = try tolerance(claim)
        let printed = try printedExponent(claim, context)
        let couplings = s.couplings
        let result: (fit: PowerLawFit, deviations: [Double], slowScales: [Double])
        do {
            result = try SlowSpectrumComparison.fittedExponent(epsD: s.epsD, hubbardU: s.hubbardU, kappa: s.kappa,
                                                               couplings: couplings, levels: s.levels)
        } catch {
            return Verdict(.error, detail: "slow-spectrum comparison failed: \(error)")
        }
        return Self.verdict(fit: result.fit, couplings: couplings, deviations: result.deviations, slowScales: result.slowScales,
                            printed: printed, tolerance: tol, setup: s)
    }

    static func verdict(fit: PowerLawFit, couplings: [Double], deviations: [Double], slowScales: [Double],
                        printed: Double, tolerance: Double, setup s: Setup) -> Verdict {
        func f(_ x: Double, _ d: Int = 4) -> String { String(format: "%.\(d)g", x) }
        let se = fit.standardError.map { f($0, 2) } ?? "n/a"
        let points = zip(couplings, zip(deviations, slowScales)).map { "v = \(f($0)): |Δλ| = \(f($1.0, 3)) (slow scale \(f($1.1, 3)))" }
        let detail = "fitted exponent p = \(f(fit.exponent, 6)) ± \(se) (least squares of log max|λ_eff − λ_full| on log v over \(couplings.count) couplings; largest log residual \(f(fit.maxLogResidual, 2))); model NC(3) with ε_d = \(f(s.epsD)), U = \(f(s.hubbardU)), κ = \(f(s.kappa)), bath \(s.bath.map { f($0) }.joined(separator: ", ")) (ε_F = \(f(s.epsF))); \(points.joined(separator: "; ")); printed \(f(printed)), tolerance \(f(tolerance))"
        let digits = max(1, Int(log10(max(abs(printed), 1) / tolerance).rounded()))
        let method = CheckMethod.numeric(digits: digits, errorEstimate: se)
        if abs(fit.exponent - printed) <= tolerance {
            return Verdict(.verified, method: method, detail: detail, computed: f(fit.exponent, 6))
        }
        return Verdict(.discrepancy, method: method, detail: detail, computed: f(fit.exponent, 6),
                       relation: "fitted exponent \(f(fit.exponent, 4)) ± \(se) ≠ printed \(f(printed)) (|difference| \(f(abs(fit.exponent - printed), 3)) > tolerance \(f(tolerance)))")
    }
}
