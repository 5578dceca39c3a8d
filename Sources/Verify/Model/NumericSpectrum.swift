import Foundation
import Symbolic
import Grassmann

/// `spectrum(S, x: value, …)` — every eigenvalue of a superoperator at a numeric point of parameter
/// space, by LAPACK (zgeev) block by block: S is lowered to its floating matrix (`Superoperator.numeric`,
/// straight from the GKSL form when it has one), split into its irreducible blocks (`IrreducibleBlocks`:
/// the strongly connected components of its sparsity, e.g. the particle-number and spin sectors of ket
/// and bra) and each block diagonalised (`Spectrum.eigenvalues`). Every free symbol of S needs a value
/// (`kappa: 1/2`, `w: 2*pi`: numbers without symbols, rounded once to double).
///
/// The result is a record:
/// - `eigenvalues`: the multiset of eigenvalues, compared with a printed list `[λ1, λ2, …]` as multisets;
/// - `gap`: the slowest nonzero decay rate min{−Re λ : Re λ < −τ} (0 when there is none), compared
///   with a printed number;
/// - `zero_modes`: the number of eigenvalues with |λ| ≤ τ (an integer);
/// - `dimension`: the number of eigenvalues (d² for d × d operators).
/// Floating values compare numerically: agreement within τ = 10⁻⁹ · max(1, max |S_ij|), a bound well
/// above the backward error of zgeev (≈ 10⁻¹⁵ · ‖S‖) for the well-conditioned spectra of Lindbladians of
/// small systems; the verdict is `numeric` and states τ. A printed side with symbols needs them fixed by
/// the claim's `where:` (the same point as the spectrum's).
enum NumericSpectrum {
    static let relativeTolerance = 1e-9

    static let function: ModelFunction = { args, ev, node in
        guard let first = args.first, first.label == nil else {
            throw ev.error(node, "`spectrum` needs the superoperator first", fix: "write `spectrum(L, kappa: 1/2, …)`")
        }
        let s = try ModelFunctions.superoperatorArgument(first.value, ev, symbolic: false)
        var values: [Symbol: Grassmann.ComplexDouble] = [:]
        for a in args.dropFirst() {
            guard case .word(let name)? = a.label else {
                throw ev.error(a.value, "`spectrum` takes the superoperator and then `symbol: value` pairs", fix: "write e.g. `spectrum(L, kappa: 1/2)`")
            }
            guard let symbol = ev.scalars.symbols[name] else {
                throw ev.error(a.value, "`\(name)` is not a declared symbol", fix: "declare it in a ```symbols block, or remove it")
            }
            let e = try ev.scalarValue(a.value)
            guard e.freeSymbols.isEmpty, let z = try? DoubleEvaluation.evaluate(e, at: [:]), z.re.isFinite, z.im.isFinite else {
                throw ev.error(a.value, "the value of `\(name)` must be a number", fix: "write a number without symbols, e.g. `\(name): 1/2` or `\(name): 2*pi`")
            }
            values[symbol] = z
        }
        let missing = (s.plan?.symbols ?? s.materialized.matrix.entries.reduce(into: Set<Symbol>()) { $0.formUnion($1.2.freeSymbols) })
            .filter { values[$0] == nil }.map(\.name).sorted()
        guard missing.isEmpty else {
            throw ev.error(node, "`spectrum` needs a value for every symbol of `\(s.origin)`; missing: \(missing.joined(separator: ", "))",
                           fix: "add them: `spectrum(\(ev.source(first.value)), \(missing.map { "\($0): …" }.joined(separator: ", ")))`")
        }
        let matrix = try s.numeric(at: values)
        let eigenvalues: [Grassmann.ComplexDouble]
        do { eigenvalues = try Spectrum.eigenvalues(matrix) } catch {
            throw ev.error(node, "LAPACK failed on `\(s.origin)`: \(error)")
        }
        let scale = max(1, matrix.values.map(\.magnitude).max() ?? 1)
        let tolerance = relativeTolerance * scale
        let sorted = eigenvalues.sorted { ($0.re, $0.im) > ($1.re, $1.im) }
        let rates = sorted.filter { $0.re < -tolerance }.map { -$0.re }
        let what = "spectrum(\(s.origin))"
        return .record([
            "eigenvalues": .floating(sorted, tolerance: tolerance, what: "eigenvalues of \(what)"),
            "gap": .floating([Grassmann.ComplexDouble(rates.min() ?? 0)], tolerance: tolerance, what: "slowest nonzero rate of \(what)"),
            "zero_modes": .scalar(Expr(sorted.filter { $0.magnitude <= tolerance }.count)),
            "dimension": .scalar(Expr(sorted.count)),
        ], order: ["eigenvalues", "gap", "zero_modes", "dimension"], guardMessage: nil)
    }

    /// A printed number or list of numbers against floating values, as multisets within the tolerance.
    static func compare(printed: ModelValue, computed values: [Grassmann.ComplexDouble], tolerance: Double, what: String,
                        _ ev: ModelEvaluator) throws -> Verdict? {
        let items: [ModelValue]
        switch printed {
        case .scalar: items = [printed]
        case .list(let xs): items = xs
        default: return nil
        }
        var numbers: [Grassmann.ComplexDouble] = []
        for item in items {
            guard case .scalar(let e) = item else { return nil }
            let free = e.freeSymbols.map(\.name).sorted()
            guard free.isEmpty else {
                throw DerivationError(ev.location, "the printed value compared with \(what) still depends on \(free.joined(separator: ", "))",
                                      fix: "fix them in the claim's `where:` at the point of the spectrum, e.g. `where: \(free[0]) = 1/2`")
            }
            numbers.append(try DoubleEvaluation.evaluate(e, at: [:]))
        }
        let shown = values.prefix(12).map { format($0) }.joined(separator: ", ") + (values.count > 12 ? ", … (\(values.count))" : "")
        let method = CheckMethod.numeric(digits: max(1, Int(-log10(relativeTolerance))), errorEstimate: String(format: "%.1e", tolerance))
        guard numbers.count == values.count else {
            return Verdict(.discrepancy, method: method, detail: "\(what): printed \(numbers.count) value\(numbers.count == 1 ? "" : "s"), computed \(values.count): \(shown)",
                           computed: shown, relation: "different number of eigenvalues")
        }
        // Multiset matching, nearest first.
        var unused = values, worst = 0.0, worstPair: (Grassmann.ComplexDouble, Grassmann.ComplexDouble)? = nil
        for p in numbers {
            let k = unused.indices.min { (unused[$0] - p).magnitude < (unused[$1] - p).magnitude }!
            let distance = (unused[k] - p).magnitude
            if distance > worst { worst = distance; worstPair = (p, unused[k]) }
            unused.remove(at: k)
        }
        if worst <= tolerance {
            return Verdict(.verified, method: method,
                           detail: "\(what): every printed value within \(String(format: "%.1e", tolerance)) of a computed one (largest distance \(String(format: "%.1e", worst)); LAPACK, block by block)",
                           computed: shown)
        }
        let (p, c) = worstPair!
        return Verdict(.discrepancy, method: method,
                       detail: "\(what): printed \(format(p)) is \(String(format: "%.3e", worst)) from the nearest computed value \(format(c)) (tolerance \(String(format: "%.1e", tolerance))); computed \(shown)",
                       computed: shown, relation: "printed \(format(p)) vs computed \(format(c))")
    }

    static func format(_ z: Grassmann.ComplexDouble) -> String {
        let re = String(format: "%.10g", z.re)
        if abs(z.im) < 1e-300 { return re }
        return re + (z.im < 0 ? " - " : " + ") + String(format: "%.10g", abs(z.im)) + "i"
    }
}
