import Foundation
import Symbolic
import Synchronization

/// The integrals a derivation file declares with `integrate(…)`, for `referee integral` and
/// `referee table`: the paper's are the ```define functions of `derivations/integrals.md`
/// (`J0(x)`/`JT(x, t)`, `alpha0`/`alphaT(t)`, `m_dis0(x)`/`m_disT(x, t)`, `h_dis0(x)`/`h_disT(x, t)`;
/// the T = 0 form at t = 0, derived in that file). The engine holds no integrand of its own.
public struct DeclaredIntegrals: Sendable {
    /// The paper's integrals file, relative to the repository root.
    public static let paperFile = "derivations/integrals.md"

    public let path: String
    let context: DerivationContext

    static let loaded = Mutex<[String: DeclaredIntegrals]>([:])

    /// The file at `path` (read once per process).
    public static func file(_ path: String = paperFile) throws -> DeclaredIntegrals {
        if let d = loaded.withLock({ $0[path] }) { return d }
        guard FileManager.default.fileExists(atPath: path) else {
            throw IntegralError.invalidParameter(name: "integrals file", value: path,
                                                 requirement: "must exist (run from the repository root, where \(paperFile) declares the paper's integrals)")
        }
        let d = DeclaredIntegrals(path: path, context: try DerivationContext(file: try DerivationReader.read(path: path), engine: .standard))
        loaded.withLock { $0[path] = d }
        return d
    }

    /// The definition `base0` (t = 0) or `baseT` (t > 0) applied to (x, t) — x omitted when nil.
    public func expression(_ base: String, x: Expr?, t: BigRational) throws -> Expr {
        let zero = t.isZero
        let name = base + (zero ? "0" : "T")
        var arguments: [Expr] = x.map { [$0] } ?? []
        if !zero { arguments.append(Expr(t)) }
        if arguments.isEmpty, let e = context.parse.definitions[name] { return e }
        guard let (parameters, body) = context.parse.functions[name] else {
            throw IntegralError.invalidParameter(name: "definition", value: name,
                                                 requirement: "must be a ```define function of \(path) (\(base)0 for T = 0, \(base)T for T > 0)")
        }
        guard parameters.count == arguments.count else {
            throw IntegralError.invalidParameter(name: "definition", value: name,
                                                 requirement: "must take \(arguments.count) argument(s) in \(path)")
        }
        return body.substituting(Dictionary(uniqueKeysWithValues: zip(parameters, arguments)))
    }

    /// The value of `base` at (x, t) to `digits` digits, confirmed by `integrate`'s second
    /// evaluation; `conclusive` false when not every digit was confirmed.
    public func value(_ base: String, x: BigRational?, t: BigRational, digits: Int) throws -> CheckedIntegral {
        let e = try expression(base, x: x.map { Expr($0) }, t: t)
        let d: DigitsEvaluation
        do { d = try e.evaluate(digits: digits, functions: context.engine.numericFunctions) } catch {
            throw IntegralError.invalidParameter(name: base, value: "x = \(x?.description ?? "–"), t = \(t)", requirement: "could not be evaluated: \(error)")
        }
        let r = QuadratureResult(value: d.value.re, errorEstimate: d.errorEstimate, evaluations: 0,
                                 rule: "integrate() of \(path)")
        return CheckedIntegral(value: r, reference: r, requestedDigits: digits, errorEstimate: d.errorEstimate,
                               digits: d.isConverged ? digits : d.digits)
    }
}
