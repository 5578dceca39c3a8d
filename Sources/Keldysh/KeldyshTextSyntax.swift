import Symbolic
import Grassmann

/// Contour fields in the text syntax of derivation files. Expression products are commutative, so
/// an ordered product of Grassmann fields is written `gr(f1, f2, …)`; even field expressions (the
/// spin bilinears m̂) may be multiplied with `*`.
///
/// - `psi(x, s, tau)`, `psibar(x, s, tau)`: ψ_x^s(t + tau·δ) and ψ̄_x^s(t + tau·δ); x a declared symbol
///   naming the degree of freedom, s = 1 (+), −1 (−), or the symbol `c`/`q` (rotated basis), tau ∈ {−1, 0, 1}.
/// - `gr(f1, …, fn)`: the ordered product f1 f2 … fn (each argument may be a sum).
/// - `ddt(f)`: the time derivative ∂_t f (Leibniz rule).
/// - `spin_m(a, j, l1, l2)`: the spin bilinear m̂_{a,j}^{l1,l2} = Σ_{μν} d̄_{μ,a}^{l1} σ_j^{μν} d_{ν,a}^{l2} (AX(S211)), j = 0…3
///   (σ₀ = 1), with d_{↑,a}, d_{↓,a} named `d_up_a`, `d_dn_a` after the site symbol a.
/// - `spin_dot(a, l1, l2, b, l3, l4)` = Σ_{j=0}^{3} m̂_{a,j}^{l1,l2} m̂_{b,j}^{l3,l4};
///   `spin_dot_dt(a, l1, l2, b, l3, l4)` = Σ_j m̂_{a,j}^{l1,l2} ∂_t m̂_{b,j}^{l3,l4}.
public enum KeldyshTextSyntax {
    /// Engine operations (they keep the call as an uninterpreted node; `fieldPolynomial` reads it).
    public static let operations: [String: ExprOperation] = {
        var ops: [String: ExprOperation] = [:]
        let arity: [String: Int] = ["psi": 3, "psibar": 3, "ddt": 1, "spin_m": 4, "spin_dot": 6, "spin_dot_dt": 6]
        for (name, n) in arity {
            ops[name] = { args in
                guard args.count == n else { throw OperationError("\(name) takes \(n) arguments, got \(args.count)", fix: usage[name]) }
                return .call(name, args)
            }
        }
        ops["gr"] = { args in
            guard !args.isEmpty else { throw OperationError("gr needs at least one factor", fix: usage["gr"]) }
            return .call("gr", args)
        }
        return ops
    }()

    static let usage: [String: String] = [
        "psi": "write psi(x, s, tau) with x a symbol, s = 1 or -1 (or c, q), tau = -1, 0 or 1",
        "psibar": "write psibar(x, s, tau) with x a symbol, s = 1 or -1 (or c, q), tau = -1, 0 or 1",
        "ddt": "write ddt(f) for the time derivative of a field expression f",
        "spin_m": "write spin_m(a, j, l1, l2) with a a site symbol, j = 0..3, l1, l2 = 1 or -1 (or c, q)",
        "spin_dot": "write spin_dot(a, l1, l2, b, l3, l4)",
        "spin_dot_dt": "write spin_dot_dt(a, l1, l2, b, l3, l4)",
        "gr": "write gr(f1, f2, ...) for the ordered product of fields",
    ]

    /// Reads an expression built from the calls above into a field polynomial. Throws
    /// `OperationError` for malformed calls or for a commutative product of two odd factors.
    public static func fieldPolynomial(_ e: Expr) throws -> FieldPolynomial {
        switch e {
        case .sum(let xs):
            return try xs.reduce(FieldPolynomial()) { $0 + (try fieldPolynomial($1)) }
        case .product(let xs):
            var scalar = Expr(1)
            var fields: [FieldPolynomial] = []
            for x in xs {
                if containsFields(x) { fields.append(try fieldPolynomial(x)) } else { scalar = scalar * x }
            }
            if fields.filter({ !$0.isEven }).count > 1 {
                throw OperationError("a product `*` of two Grassmann-odd factors has no order", fix: "write the ordered product as gr(f1, f2, ...)")
            }
            return fields.reduce(FieldPolynomial(scalar: scalar)) { $0 * $1 }
        case .power(let base, let exponent):
            guard containsFields(base) else { return FieldPolynomial(scalar: e) }
            guard let n = exponent.integerValue, n >= 1, n <= 8 else {
                throw OperationError("a power of a field expression needs a small positive integer exponent", fix: "write the product out")
            }
            let b = try fieldPolynomial(base)
            return (1..<Int(n)).reduce(b) { acc, _ in acc * b }
        case .call(let name, let args):
            return try call(name, args)
        default:
            return FieldPolynomial(scalar: e)
        }
    }

    static func containsFields(_ e: Expr) -> Bool {
        if case .call(let name, _) = e, usage[name] != nil { return true }
        return e.children.contains { containsFields($0) }
    }

    static func call(_ name: String, _ args: [Expr]) throws -> FieldPolynomial {
        switch name {
        case "psi", "psibar":
            let x = try label(args[0], name)
            return FieldPolynomial(ContourField(x, conjugate: name == "psibar", branch: try branch(args[1], name), shift: try shift(args[2], name)))
        case "gr":
            return try args.reduce(FieldPolynomial(scalar: Expr(1))) { $0 * (try fieldPolynomial($1)) }
        case "ddt":
            return try fieldPolynomial(args[0]).timeDerivative
        case "spin_m":
            let a = try label(args[0], name)
            guard let j = args[1].integerValue, (0...3).contains(j) else { throw OperationError("spin_m: the Pauli index must be 0, 1, 2 or 3", fix: usage["spin_m"]) }
            return spinBilinear(a, Int(j), try branch(args[2], name), try branch(args[3], name))
        case "spin_dot", "spin_dot_dt":
            let a = try label(args[0], name), b = try label(args[3], name)
            let (l1, l2, l3, l4) = (try branch(args[1], name), try branch(args[2], name), try branch(args[4], name), try branch(args[5], name))
            var out = FieldPolynomial()
            for j in 0...3 {
                let right = spinBilinear(b, j, l3, l4)
                out = out + spinBilinear(a, j, l1, l2) * (name == "spin_dot" ? right : right.timeDerivative)
            }
            return out
        default:
            throw OperationError("`\(name)` is not a field function", fix: "use psi, psibar, gr, ddt, spin_m, spin_dot or spin_dot_dt")
        }
    }

    /// m̂_{a,j}^{l1,l2} = Σ_{μν} d̄_{μ,a}^{l1} σ_j^{μν} d_{ν,a}^{l2} (AX(S211)).
    public static func spinBilinear(_ site: String, _ j: Int, _ l1: ContourField.Branch, _ l2: ContourField.Branch) -> FieldPolynomial {
        let names = ["d_up_" + site, "d_dn_" + site]
        var out = FieldPolynomial()
        for mu in 0..<2 {
            for nu in 0..<2 {
                let s = pauli(j, mu, nu)
                if s.isZero { continue }
                out = out + s * (FieldPolynomial(ContourField(names[mu], conjugate: true, branch: l1)) * FieldPolynomial(ContourField(names[nu], conjugate: false, branch: l2)))
            }
        }
        return out
    }

    /// (σ_j)_{μν}, σ₀ = 1.
    public static func pauli(_ j: Int, _ mu: Int, _ nu: Int) -> Expr {
        switch j {
        case 0: return mu == nu ? Expr(1) : Expr(0)
        case 1: return mu != nu ? Expr(1) : Expr(0)
        case 2: return mu == nu ? Expr(0) : (mu == 0 ? -Expr.i : Expr.i)
        default: return mu != nu ? Expr(0) : (mu == 0 ? Expr(1) : Expr(-1))
        }
    }

    static func label(_ e: Expr, _ name: String) throws -> String {
        if case .symbol(let s) = e { return s.name }
        if let n = e.integerValue { return "\(n)" }
        throw OperationError("\(name): the field label must be a symbol, found `\(e.text)`", fix: usage[name])
    }

    static func branch(_ e: Expr, _ name: String) throws -> ContourField.Branch {
        if let n = e.integerValue {
            if n == 1 { return .plus }
            if n == -1 { return .minus }
        }
        if case .symbol(let s) = e {
            if s.name == "c" { return .classical }
            if s.name == "q" { return .quantum }
        }
        throw OperationError("\(name): the branch must be 1, -1, c or q, found `\(e.text)`", fix: usage[name])
    }

    static func shift(_ e: Expr, _ name: String) throws -> Int {
        guard let n = e.integerValue, (-1...1).contains(n) else {
            throw OperationError("\(name): the time shift must be -1, 0 or 1 (t-δ, t, t+δ), found `\(e.text)`", fix: usage[name])
        }
        return Int(n)
    }
}
