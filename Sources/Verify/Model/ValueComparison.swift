import Symbolic
import Grassmann

/// `check: identity` between typed values: operators compare as matrices on the declared modes'
/// Hilbert space (a faithful representation of the fermion algebra, so equal matrices are equal
/// operators), superoperators by their action on every basis operator |i⟩⟨j|, states and residual
/// vectors component by component. Each component that is not structurally equal is decided by
/// `IdentityChecker`; the verdict is `verified` only if every component is, with the false-accept
/// bounds added (union bound), and otherwise names the first component that differs.
enum ValueComparison {
    struct Component {
        var name: String
        var printed: Expr
        var computed: Expr
    }

    static func components(printed: ModelValue, computed: ModelValue, _ ev: ModelEvaluator) throws -> [Component]? {
        let d = ev.environment.space?.dimension ?? 0
        func label(_ k: Int) -> String { ev.environment.space?.label(k) ?? "\(k)" }
        switch (printed, computed) {
        case (.operator, _), (_, .operator):
            guard let p = ModelArithmetic.operatorOf(printed, dimension: d), let c = ModelArithmetic.operatorOf(computed, dimension: d) else { return nil }
            var out: [Component] = []
            for (i, j) in Set(p.entries.map { [$0.0, $0.1] } + c.entries.map { [$0.0, $0.1] }).map({ ($0[0], $0[1]) }).sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                out.append(Component(name: "⟨\(label(i).dropFirst().dropLast())|X|\(label(j).dropFirst().dropLast())⟩", printed: p[i, j], computed: c[i, j]))
            }
            return out
        case (.superoperator(let p), .superoperator(let c)):
            for s in [p, c] {
                if let e = s.form?.symbolicEntryEstimate, e > ModelFunctions.maximumSymbolicEntries {
                    throw ModelSizeError(message: "`\(s.origin)` would be a symbolic superoperator with about \(e) entries (more than \(ModelFunctions.maximumSymbolicEntries)); compare it on fewer modes, or numerically with `spectrum`")
                }
            }
            let pm = p.materialized.matrix, cm = c.materialized.matrix
            var out: [Component] = []
            var keys = Set<[Int]>()
            for (i, j, _) in pm.entries { keys.insert([i, j]) }
            for (i, j, _) in cm.entries { keys.insert([i, j]) }
            for key in keys.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
                out.append(Component(name: "\(SuperoperatorFunctions.componentName(key[0], ev)) of S(\(SuperoperatorFunctions.componentName(key[1], ev)))",
                                     printed: pm[key[0], key[1]], computed: cm[key[0], key[1]]))
            }
            return out
        case (.state(let p, let pb), .state(let c, let cb)) where pb == cb:
            return Set(p.keys).union(c.keys).sorted().map { Component(name: "\(pb ? "bra" : "ket") component \(label($0))", printed: p[$0] ?? .zero, computed: c[$0] ?? .zero) }
        case (.vector(let v), .scalar(let s)), (.scalar(let s), .vector(let v)):
            guard s.isZero else { return nil }
            let isPrintedVector: Bool = { if case .vector = printed { return true }; return false }()
            return v.components.keys.sorted().map {
                isPrintedVector ? Component(name: v.label($0), printed: v.components[$0]!, computed: .zero)
                    : Component(name: v.label($0), printed: .zero, computed: v.components[$0]!)
            }
        case (.vector(let p), .vector(let c)):
            return Set(p.components.keys).union(c.components.keys).sorted().map {
                Component(name: c.label($0), printed: p.components[$0] ?? .zero, computed: c.components[$0] ?? .zero)
            }
        default:
            return nil
        }
    }

    static func compare(printed: ModelValue, computed: ModelValue, checker: IdentityChecker, _ ev: ModelEvaluator) throws -> Verdict? {
        if case .floating(let values, let tolerance, let what) = computed {
            return try NumericSpectrum.compare(printed: printed, computed: values, tolerance: tolerance, what: what, ev)
        }
        if case .floating(let values, let tolerance, let what) = printed {
            return try NumericSpectrum.compare(printed: computed, computed: values, tolerance: tolerance, what: what, ev)
        }
        guard let list = try components(printed: printed, computed: computed, ev) else { return nil }
        var bound = 0.0, exactWithoutBound = 0, decided = 0
        var minimumDigits: Int? = nil, numericError: String? = nil
        for component in list {
            if (component.computed - component.printed).isZero { exactWithoutBound += 1; continue }
            let v = checker.check(printed: component.printed, computed: component.computed)
            decided += 1
            switch v.kind {
            case .verified:
                switch v.method {
                case .exact(let b): bound += b ?? 0
                case .numeric(let digits, let error):
                    minimumDigits = min(minimumDigits ?? digits, digits); numericError = error
                case .none: break
                }
            default:
                var out = v
                out.detail = "\(component.name): printed \(component.printed.text), computed \(component.computed.text); " + v.detail
                out.relation = v.relation.map { "\(component.name): \($0)" }
                out.computed = computed.reportText(ev)
                return out
            }
        }
        if list.isEmpty {
            return Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "computed and printed are the same \(computed.kindName.replacingOccurrences(of: "a ", with: "").replacingOccurrences(of: "an ", with: "")) (every component equal as written)",
                           computed: computed.reportText(ev), seed: checker.seed)
        }
        let what = "\(list.count) component\(list.count == 1 ? "" : "s") (\(exactWithoutBound) equal as written, \(decided) decided by the identity checker)"
        if let minimumDigits {
            return Verdict(.verified, method: .numeric(digits: minimumDigits, errorEstimate: numericError ?? "?"),
                           detail: "every one of \(what) agrees", computed: computed.reportText(ev), seed: checker.seed)
        }
        return Verdict(.verified, method: .exact(falseAcceptBound: bound > 0 ? bound : nil),
                       detail: "every one of \(what) vanishes in computed − printed" + (bound > 0 ? "; union bound P(false accept) ≤ \(bound)" : ""),
                       computed: computed.reportText(ev), seed: checker.seed)
    }
}

extension ModelValue {
    /// The report's `computed` column: an operator on fermion or qubit modes in normal order
    /// (`NormalOrder`) when it has at most 24 terms, every other value as `shortDescription`.
    func reportText(_ ev: ModelEvaluator) -> String {
        guard case .operator(let m) = self, let space = ev.environment.space, m.nonzeroCount <= 512,
              let terms = try? space.normalOrdered(m), terms.count <= 24 else { return shortDescription }
        return space.normalOrderedText(terms)
    }

    /// A one-line description for the report's `computed` column.
    var shortDescription: String {
        switch self {
        case .scalar(let e): return e.text
        case .operator(let m): return "operator (\(m.nonzeroCount) nonzero matrix elements)"
        case .superoperator(let s): return "superoperator \(s.origin)"
        case .state(let x, let bra): return "\(bra ? "bra" : "ket") (\(x.count) components)"
        case .vector(let v): return v.components.isEmpty ? "0 (every component vanishes)" : "vector (\(v.components.count) components)"
        case .floating(let v, _, _): return v.prefix(6).map { NumericSpectrum.format($0) }.joined(separator: ", ") + (v.count > 6 ? ", … (\(v.count))" : "")
        default: return kindName
        }
    }
}

/// A value too large for the exact algebra (`ModelFunctions.maximumSymbolicEntries`).
struct ModelSizeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
