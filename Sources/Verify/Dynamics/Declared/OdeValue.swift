import Symbolic

/// A quantity of the equations of motion after vector expansion: a scalar expression, or a vector
/// of 2 or 3 component expressions. The text syntax of an ```ode block writes vectors by name
/// (`m_A`), with `dot(u, v)`, `cross(u, v)` (3-vectors), `norm(u)` = √(u·u) and `vec(x, y[, z])`;
/// `OdeValue.expand` turns such an expression into components and rejects shape errors
/// (a vector added to a scalar, a product of two vectors, a vector under `exp`, …).
public enum OdeValue: Sendable, Equatable {
    case scalar(Expr)
    case vector([Expr])

    /// "a scalar" or "a 3-vector".
    public var shapeName: String {
        switch self {
        case .scalar: "a scalar"
        case .vector(let c): "a \(c.count)-vector"
        }
    }

    /// The components (one for a scalar).
    public var components: [Expr] {
        switch self {
        case .scalar(let e): [e]
        case .vector(let c): c
        }
    }

    /// The names `expand` keeps as calls (vector operations), registered with the parser of an ode block.
    public static let vectorFunctions: Set<String> = ["dot", "cross", "norm", "vec"]

    /// A shape error: the message and the fix.
    public struct ShapeError: Error, Sendable {
        public let message: String
        public let fix: String
    }

    /// Expands `e`, where `names` gives the value of each vector-valued (or let-defined) symbol; any
    /// other symbol is a scalar.
    public static func expand(_ e: Expr, names: [Symbol: OdeValue]) throws(ShapeError) -> OdeValue {
        switch e {
        case .number, .constant:
            return .scalar(e)
        case .symbol(let s):
            return names[s] ?? .scalar(e)
        case .sum(let terms):
            var acc: OdeValue? = nil
            for t in terms {
                let v = try expand(t, names: names)
                guard let a = acc else { acc = v; continue }
                switch (a, v) {
                case (.scalar(let x), .scalar(let y)): acc = .scalar(x + y)
                case (.vector(let x), .vector(let y)) where x.count == y.count: acc = .vector(zip(x, y).map { $0 + $1 })
                default:
                    throw ShapeError(message: "vector/scalar mismatch: `\(t.text)` is \(v.shapeName) but is added to \(a.shapeName)",
                                     fix: "every term of a sum must have the same shape; take dot(…) or norm(…) to make a scalar, or multiply a vector by the scalar")
                }
            }
            return acc ?? .scalar(.zero)
        case .product(let factors):
            var scalar = Expr.one
            var vector: [Expr]? = nil
            var vectorText = ""
            for f in factors {
                switch try expand(f, names: names) {
                case .scalar(let x): scalar = scalar * x
                case .vector(let c):
                    if vector != nil {
                        throw ShapeError(message: "the product of two vectors `\(vectorText)` and `\(f.text)` is undefined",
                                         fix: "write dot(u, v) for the scalar product or cross(u, v) for the vector product")
                    }
                    vector = c; vectorText = f.text
                }
            }
            return vector.map { .vector($0.map { scalar * $0 }) } ?? .scalar(scalar)
        case .power(let b, let x):
            let base = try expand(b, names: names), exponent = try expand(x, names: names)
            guard case .scalar(let bb) = base, case .scalar(let xx) = exponent else {
                throw ShapeError(message: "`\(e.text)`: a vector cannot be raised to a power or divided by",
                                 fix: "write dot(v, v) for |v|², norm(v) for |v|")
            }
            return .scalar(.power(bb, xx))
        case .function(let f, let x):
            guard case .scalar(let a) = try expand(x, names: names) else {
                throw ShapeError(message: "`\(e.text)`: `\(f.rawValue)` of a vector is undefined",
                                 fix: f == .abs ? "write norm(v) for the length of a vector" : "apply \(f.rawValue) to a scalar, e.g. dot(u, v)")
            }
            return .scalar(Expr.function(f, a))
        case .call(let name, let args):
            let values = try args.map { a throws(ShapeError) in try expand(a, names: names) }
            func vectors(_ count: Int) throws(ShapeError) -> [[Expr]] {
                guard values.count == count else {
                    throw ShapeError(message: "`\(name)` takes \(count) argument\(count == 1 ? "" : "s"), found \(values.count) in `\(e.text)`",
                                     fix: "write \(name == "norm" ? "norm(v)" : "\(name)(u, v)")")
                }
                var out: [[Expr]] = []
                for (v, a) in zip(values, args) {
                    guard case .vector(let c) = v else {
                        throw ShapeError(message: "vector/scalar mismatch: `\(name)` needs vectors, but `\(a.text)` is a scalar",
                                         fix: "pass vectors to \(name); for scalars write the product a*b")
                    }
                    out.append(c)
                }
                return out
            }
            switch name {
            case "dot":
                let v = try vectors(2)
                guard v[0].count == v[1].count else {
                    throw ShapeError(message: "`\(e.text)`: dot of a \(v[0].count)-vector and a \(v[1].count)-vector", fix: "both vectors must have the same dimension")
                }
                return .scalar(zip(v[0], v[1]).map { $0 * $1 }.reduce(Expr.zero, +))
            case "cross":
                let v = try vectors(2)
                guard v[0].count == 3, v[1].count == 3 else {
                    throw ShapeError(message: "`\(e.text)`: cross needs two 3-vectors", fix: "declare the state as `vector` (3 components)")
                }
                let (u, w) = (v[0], v[1])
                return .vector([u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]])
            case "norm":
                let v = try vectors(1)
                return .scalar(.power(v[0].map { $0 * $0 }.reduce(Expr.zero, +), Expr.half))
            case "vec":
                var c: [Expr] = []
                for (v, a) in zip(values, args) {
                    guard case .scalar(let x) = v else {
                        throw ShapeError(message: "`vec` takes scalar components, but `\(a.text)` is a vector", fix: "write vec(x, y, z) with scalars")
                    }
                    c.append(x)
                }
                guard c.count == 2 || c.count == 3 else {
                    throw ShapeError(message: "`\(e.text)`: vec takes 2 or 3 components", fix: "write vec(x, y) or vec(x, y, z)")
                }
                return .vector(c)
            default:
                for (v, a) in zip(values, args) {
                    if case .vector = v {
                        throw ShapeError(message: "`\(name)` is called with the vector `\(a.text)`", fix: "numeric functions take scalars")
                    }
                }
                return .scalar(e)
            }
        }
    }
}
