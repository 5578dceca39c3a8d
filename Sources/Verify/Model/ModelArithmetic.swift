import Symbolic
import Grassmann

/// `+ - * / ^` between typed values. A scalar where an operator is expected is that multiple of
/// the identity (`(1 + sz(q))/2`); products compose operators and superoperators, apply operators
/// to kets, and pair bras with kets (`bra*X*ket` is a matrix element); `ket*bra` is |ψ⟩⟨φ|.
enum ModelArithmetic {
    static func binary(_ op: Character, _ a: ModelValue, _ b: ModelValue, _ ev: ModelEvaluator, _ node: ModelNode) throws -> ModelValue {
        switch op {
        case "+": return try add(a, b, ev, node)
        case "-": return try add(a, try scale(.scalar(Expr(-1)), b, ev, node), ev, node)
        case "*": return try multiply(a, b, ev, node)
        case "/":
            guard case .scalar(let d) = scalarized(b) else {
                throw ev.error(node, "division by \(b.kindName)", fix: "only division by a scalar is defined")
            }
            if d.isZero { throw ev.error(node, "division by zero") }
            return try scale(.scalar(Expr.pow(d, Expr(-1))), a, ev, node)
        case "^":
            if case .scalar(let x) = scalarized(a), case .scalar(let y) = scalarized(b) { return .scalar(Expr.pow(x, y)) }
            guard case .scalar(let y) = scalarized(b), let n = y.integerValue, n >= 0 else {
                throw ev.error(node, "an operator power needs a non-negative integer exponent", fix: "write `X^2`, or `X*X`")
            }
            var out = try identityLike(a, ev, node)
            for _ in 0..<n { out = try multiply(out, a, ev, node) }
            return out
        default:
            throw ev.error(node, "unknown operator `\(op)`")
        }
    }

    /// A bound integer index used as a number.
    static func scalarized(_ v: ModelValue) -> ModelValue {
        if case .index(.integer(let n)) = v { return .scalar(Expr(n)) }
        return v
    }

    static func identityLike(_ v: ModelValue, _ ev: ModelEvaluator, _ node: ModelNode) throws -> ModelValue {
        switch v {
        case .operator(let m): return .operator(.identity(m.rowCount))
        case .superoperator(let s): return .superoperator(Superoperator(SuperOperator(dimension: s.dimension, matrix: .identity(s.dimension * s.dimension)), origin: "identity"))
        default: throw ev.error(node, "\(v.kindName) has no powers")
        }
    }

    static func operatorOf(_ v: ModelValue, dimension: Int) -> SparseMatrix<Expr>? {
        switch scalarized(v) {
        case .operator(let m): return m
        case .scalar(let c): return c * SparseMatrix<Expr>.identity(dimension)
        default: return nil
        }
    }

    static func add(_ a: ModelValue, _ b: ModelValue, _ ev: ModelEvaluator, _ node: ModelNode) throws -> ModelValue {
        switch (scalarized(a), scalarized(b)) {
        case (.scalar(let x), .scalar(let y)): return .scalar(x + y)
        case (.operator(let m), _), (_, .operator(let m)):
            guard let x = operatorOf(a, dimension: m.rowCount), let y = operatorOf(b, dimension: m.rowCount) else { break }
            return .operator(x + y)
        case (.superoperator(let s), .superoperator(let t)):
            if let f = s.form, let g = t.form { return .superoperator(Superoperator(form: f + g, origin: "\(s.origin) + \(t.origin)")) }
            if let p = s.matrix, let q = t.matrix { return .superoperator(Superoperator(p + q, origin: "\(s.origin) + \(t.origin)")) }
            return .superoperator(Superoperator(dimension: s.dimension, origin: "\(s.origin) + \(t.origin)") { x in
                var out = s.apply(x)
                for (k, v) in t.apply(x) { out[k] = (out[k] ?? .zero) + v }
                return out.filter { !$0.value.isZero }
            })
        case (.state(let x, let bx), .state(let y, let by)) where bx == by:
            return .state(sum(x, y), isBra: bx)
        case (.vector(let x), .vector(let y)):
            return .vector(ComponentVector(components: sum(x.components, y.components), label: x.label))
        default: break
        }
        throw ev.error(node, "cannot add \(a.kindName) and \(b.kindName)")
    }

    static func sum(_ x: SparseVector<Expr>, _ y: SparseVector<Expr>) -> SparseVector<Expr> {
        var out = x
        for (k, v) in y { out[k] = (out[k] ?? .zero) + v }
        return out.filter { !$0.value.isZero }
    }

    static func scale(_ c: ModelValue, _ v: ModelValue, _ ev: ModelEvaluator, _ node: ModelNode) throws -> ModelValue {
        guard case .scalar(let k) = scalarized(c) else { return try multiply(c, v, ev, node) }
        switch scalarized(v) {
        case .scalar(let x): return .scalar(k * x)
        case .operator(let m): return .operator(k * m)
        case .superoperator(let s):
            if let f = s.form { return .superoperator(Superoperator(form: f.scaled(k), origin: s.origin)) }
            if let m = s.matrix { return .superoperator(Superoperator(k * m, origin: s.origin)) }
            return .superoperator(Superoperator(dimension: s.dimension, origin: s.origin) { x in s.apply(x).mapValues { k * $0 } })
        case .state(let x, let bra): return .state(x.mapValues { k * $0 }.filter { !$0.value.isZero }, isBra: bra)
        case .vector(let x): return .vector(ComponentVector(components: x.components.mapValues { k * $0 }, label: x.label))
        default: throw ev.error(node, "cannot multiply \(v.kindName) by a number")
        }
    }

    static func multiply(_ a: ModelValue, _ b: ModelValue, _ ev: ModelEvaluator, _ node: ModelNode) throws -> ModelValue {
        switch (scalarized(a), scalarized(b)) {
        case (.scalar, _): return try scale(a, b, ev, node)
        case (_, .scalar): return try scale(b, a, ev, node)
        case (.operator(let x), .operator(let y)): return .operator(x * y)
        case (.superoperator(let s), .superoperator(let t)):
            if let p = s.matrix, let q = t.matrix { return .superoperator(Superoperator(p * q, origin: "\(s.origin)·\(t.origin)")) }
            return .superoperator(Superoperator(dimension: s.dimension, origin: "\(s.origin)·\(t.origin)") { s.apply(t.apply($0)) })
        case (.operator(let x), .state(let v, false)): return .state(x.apply(v), isBra: false)
        case (.superoperator(let s), .vector(let v)):
            return .vector(ComponentVector(components: s.apply(v.components).filter { !$0.value.isZero }, label: v.label))
        case (.state(let v, true), .operator(let x)):
            // ⟨v|X as a row: (X†|v*⟩)* componentwise; v holds the row's entries.
            var out: SparseVector<Expr> = [:]
            for (i, vi) in v { for (j, xij) in x.rows[i] { out[j] = (out[j] ?? .zero) + vi * xij } }
            return .state(out.filter { !$0.value.isZero }, isBra: true)
        case (.state(let v, true), .state(let w, false)):
            var s = Expr.zero
            for (i, vi) in v { if let wi = w[i] { s = s + vi * wi } }
            return .scalar(s)
        case (.state(let v, false), .state(let w, true)):
            guard let d = ev.environment.space?.dimension else { break }
            var m = SparseMatrix<Expr>(rows: d, columns: d)
            for (i, vi) in v { for (j, wj) in w { m[i, j] = vi * wj } }
            return .operator(m)
        default: break
        }
        throw ev.error(node, "cannot multiply \(a.kindName) by \(b.kindName)",
                       fix: "use `apply(S, X)` for a superoperator on an operator, and `bra*X*ket` for a matrix element")
    }
}
