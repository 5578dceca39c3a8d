import Symbolic

/// An integrand given as an expression of one real variable, compiled once into a tree of closures
/// on MPFR reals at a fixed precision (no expression walk, no complex arithmetic per evaluation).
///
/// Every operation is the MPFR one, correctly rounded (principal branches as in
/// `Expr.evaluate(at:precision:functions:)`; fermi(z) = 1/(e^z + 1) without overflow). A value that
/// leaves the reals (√ of a negative number, log of a negative number, a complex constant) raises
/// `CompiledIntegrand.NotReal`; the caller then integrates the real and imaginary parts with the
/// complex evaluator. A nested binding form (an inner `integrate`) is evaluated at each node with
/// the outer variable substituted exactly.
struct CompiledIntegrand {
    struct NotReal: Error {}
    typealias Node = (BigFloat) throws -> BigFloat

    let precision: Int
    let evaluate: Node

    init(_ body: Expr, variable: Symbol, precision: Int, functions: [String: NumericFunction]) throws {
        self.precision = precision
        self.evaluate = try Self.compile(body, variable, precision, functions)
    }

    static func compile(_ e: Expr, _ v: Symbol, _ p: Int, _ functions: [String: NumericFunction]) throws -> Node {
        switch e {
        case .number(let z):
            guard z.im.isZero else { throw NotReal() }
            let c = BigFloat(z.re, precision: p)
            return { _ in c }
        case .symbol(let s):
            guard s == v else { throw EvaluationError.unboundSymbol(s.name) }
            return { x in x }
        case .constant(let c):
            let value = c == .pi ? BigFloat.pi(precision: p) : BigFloat.e(precision: p)
            return { _ in value }
        case .sum(let ts):
            let parts = try ts.map { try compile($0, v, p, functions) }
            return { x in
                var total = try parts[0](x)
                for f in parts.dropFirst() { total = total + (try f(x)) }
                return total
            }
        case .product(let fs):
            let parts = try fs.map { try compile($0, v, p, functions) }
            return { x in
                var total = try parts[0](x)
                for f in parts.dropFirst() { total = total * (try f(x)) }
                return total
            }
        case .power(let b, let y):
            let base = try compile(b, v, p, functions)
            if let n = y.integerValue {
                if n == -1 { return { x in 1 / (try base(x)) } }
                return { x in try base(x).pow(n) }
            }
            if y == .half {
                return { x in
                    let r = try base(x)
                    if r.isNegative { throw NotReal() }
                    return r.sqrt()
                }
            }
            let exponent = try compile(y, v, p, functions)
            return { x in
                let r = try base(x)
                let w = try exponent(x)
                if r.isNegative {
                    // (−2)^n for an integer n (a summation index) is real.
                    guard let q = w.exactRational, q.isInteger, Swift.abs(w.doubleValue) < 1e15 else { throw NotReal() }
                    return r.pow(Int(w.doubleValue))
                }
                return r.pow(w)
            }
        case .function(let f, let a):
            let arg = try compile(a, v, p, functions)
            switch f {
            case .exp: return { x in try arg(x).exp() }
            case .log: return { x in
                let r = try arg(x)
                if r.isNegative { throw NotReal() }
                return r.log()
            }
            case .sin: return { x in try arg(x).sin() }
            case .cos: return { x in try arg(x).cos() }
            case .tan: return { x in try arg(x).tan() }
            case .atan: return { x in try arg(x).atan() }
            case .sinh: return { x in try arg(x).sinh() }
            case .cosh: return { x in try arg(x).cosh() }
            case .tanh: return { x in try arg(x).tanh() }
            case .fermi: return { x in try arg(x).fermi() }
            case .abs: return { x in try arg(x).magnitude }
            case .re, .conj: return arg
            case .im: let zero = BigFloat(0, precision: p); return { _ in zero }
            }
        case .call(let name, let args):
            if let (form, body, inner, lower, upper) = BindingForm.parts(e) {
                // An inner integral or sum: the outer variable substituted exactly, one evaluation
                // (the outer form's second run confirms the whole, inner ones included).
                func limit(_ l: Expr) throws -> Node {
                    if let sign = l.infinitySign { let inf = BigFloat.infinity(precision: p, negative: sign < 0); return { _ in inf } }
                    return try compile(l, v, p, functions)
                }
                let lo = try limit(lower), hi = try limit(upper)
                let digits = DeclaredIntegral.digits(forPrecision: p)
                return { x in
                    guard let q = x.exactRational else { throw EvaluationError.domain("\(name): the outer variable is not finite") }
                    let closed = body.substituting([v: Expr(q)])
                    let r = try DeclaredIntegral.single(form, closed, inner, try lo(x), try hi(x), digits: digits, functions: functions)
                    guard r.value.im.isZero else { throw NotReal() }
                    return r.value.re
                }
            }
            guard let fn = functions[name] else { throw EvaluationError.unknownFunction(name) }
            let parts = try args.map { try compile($0, v, p, functions) }
            return { x in
                let z = try fn(try parts.map { BigComplex(try $0(x)) }, p)
                guard z.im.isZero else { throw NotReal() }
                return z.re
            }
        }
    }
}
