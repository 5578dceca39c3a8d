import Foundation
import Symbolic
import Grassmann

/// `check: slow-spectrum-exponent` — the order of the error of the second-order effective
/// generator of the projection method (AX(S31) convention), measured on a declared model, not
/// assumed.
///
/// The file declares ℒ0 and ℒ1 (superoperators of its model language); `parameters:` names them,
/// the coupling symbol that ℒ1 is proportional to, and numbers for every other symbol. At `points`
/// couplings spaced geometrically in [vmin, vmax] the eigenvalues of ℒ_eff on the λ⁽⁰⁾ = 0 cluster
/// are compared with the matching slow eigenvalues of ℒ0 + ℒ1 (LAPACK, block by block,
/// `SlowSpectrumComparison`); p in max|λ_eff − λ_full| ∝ v^p is fitted by least squares on log–log
/// axes (`PowerLawFit`) and compared with the number in `printed:` within the absolute `tolerance:`.
/// The verdict detail gives p, its standard error and every deviation.
///
/// `parameters: unperturbed = L0; perturbation = L1; coupling = v; vmin = 0.01; vmax = 0.04;
/// points = 5; ed = -1; U = 3; …` (the remaining names are symbols of the file and their values).
public struct SlowSpectrumExponentCheck: ClaimCheck {
    public init() {}
    public var name: String { "slow-spectrum-exponent" }
    public var summary: String {
        "fitted exponent p of max|λ_eff − λ_full| ∝ v^p (second-order projection method against the full spectrum of a declared ℒ0 + ℒ1, LAPACK, least squares over `points` couplings in [vmin, vmax]) vs the number in `printed:` within the absolute `tolerance:`; `parameters: unperturbed = L0; perturbation = L1; coupling = v; vmin; vmax; points;` and a value for every other symbol"
    }
    public var requiredKeys: [String] { ["parameters", "tolerance"] }

    struct Setup {
        var unperturbed = "", perturbation = "", coupling = ""
        var vmin = 0.01, vmax = 0.04
        var points = 5
        var values: [(String, BigRational)] = []
        var couplings: [Double] { PowerLawFit.geometric(from: vmin, to: vmax, count: points) }
    }

    func setup(_ claim: Claim) throws -> Setup {
        var s = Setup()
        let field = claim.spec["parameters"]!
        let example = "write e.g. `parameters: unperturbed = L0; perturbation = L1; coupling = v; vmin = 0.01; vmax = 0.04; points = 5; ed = -1; U = 3`"
        for part in TextSyntax.splitTopLevel(field) {
            let pieces = part.value.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard pieces.count == 2 else {
                throw DerivationError(part.location, "expected `name = value` in `parameters:`", fix: example)
            }
            func number(_ text: String) throws -> Double {
                guard let x = Double(text), x.isFinite else {
                    throw DerivationError(part.location, "`\(pieces[0])` must be a number, found `\(text)`", fix: "write e.g. `\(pieces[0]) = 0.5`")
                }
                return x
            }
            switch pieces[0] {
            case "unperturbed": s.unperturbed = pieces[1]
            case "perturbation": s.perturbation = pieces[1]
            case "coupling": s.coupling = pieces[1]
            case "vmin": s.vmin = try number(pieces[1])
            case "vmax": s.vmax = try number(pieces[1])
            case "points":
                guard let n = Int(pieces[1]) else {
                    throw DerivationError(part.location, "`points` must be an integer, found `\(pieces[1])`", fix: "write e.g. `points = 5`")
                }
                s.points = n
            default:
                guard let q = BigRational(pieces[1]) else {
                    throw DerivationError(part.location, "the value of `\(pieces[0])` must be a number, found `\(pieces[1])`", fix: "write e.g. `\(pieces[0]) = 0.5`")
                }
                s.values.append((pieces[0], q))
            }
        }
        let location = field.location
        for (key, value) in [("unperturbed", s.unperturbed), ("perturbation", s.perturbation), ("coupling", s.coupling)] where value.isEmpty {
            throw DerivationError(location, "`parameters:` needs `\(key) = …`", fix: example)
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
        let field = claim.spec["parameters"]!
        let l0 = try context.numericSuperoperator(s.unperturbed, values: s.values, free: nil, at: field)
        let l1Symbolic = try context.numericSuperoperatorFamily(s.perturbation, values: s.values, free: s.coupling, at: field)
        let couplings = s.couplings
        let comparisons: [SlowSpectrumComparison]
        do {
            comparisons = try SlowSpectrumComparison.compute(unperturbed: l0, couplings: couplings) { v in try l1Symbolic(v) }
        } catch {
            return Verdict(.error, detail: "slow-spectrum comparison failed: \(error)")
        }
        let deviations = comparisons.map(\.maxDeviation)
        let fit = try PowerLawFit(x: couplings, y: deviations)
        return Self.verdict(fit: fit, couplings: couplings, deviations: deviations, slowScales: comparisons.map(\.slowScale),
                            printed: printed, tolerance: tol, setup: s)
    }

    static func verdict(fit: PowerLawFit, couplings: [Double], deviations: [Double], slowScales: [Double],
                        printed: Double, tolerance: Double, setup s: Setup) -> Verdict {
        func f(_ x: Double, _ d: Int = 4) -> String { String(format: "%.\(d)g", x) }
        let se = fit.standardError.map { f($0, 2) } ?? "n/a"
        let points = zip(couplings, zip(deviations, slowScales)).map { "v = \(f($0)): |Δλ| = \(f($1.0, 3)) (slow scale \(f($1.1, 3)))" }
        let detail = "fitted exponent p = \(f(fit.exponent, 6)) ± \(se) (least squares of log max|λ_eff − λ_full| on log v over \(couplings.count) couplings; largest log residual \(f(fit.maxLogResidual, 2))); ℒ0 = \(s.unperturbed), ℒ1 = \(s.perturbation) at \(s.values.map { "\($0.0) = \($0.1)" }.joined(separator: ", ")), coupling \(s.coupling); \(points.joined(separator: "; ")); printed \(f(printed)), tolerance \(f(tolerance))"
        let digits = max(1, Int(log10(max(abs(printed), 1) / tolerance).rounded()))
        let method = CheckMethod.numeric(digits: digits, errorEstimate: se)
        if abs(fit.exponent - printed) <= tolerance {
            return Verdict(.verified, method: method, detail: detail, computed: f(fit.exponent, 6))
        }
        return Verdict(.discrepancy, method: method, detail: detail, computed: f(fit.exponent, 6),
                       relation: "fitted exponent \(f(fit.exponent, 4)) ± \(se) ≠ printed \(f(printed)) (|difference| \(f(abs(fit.exponent - printed), 3)) > tolerance \(f(tolerance)))")
    }
}
