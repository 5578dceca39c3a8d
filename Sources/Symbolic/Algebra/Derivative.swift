extension MathFunction {
    /// The derivative f′(u) of a holomorphic (or, for real arguments, differentiable) function,
    /// nil for re, im, conj, abs (which are not holomorphic; see `Expr.derivative`).
    /// fermi′(u) = −fermi(u)(1 − fermi(u)), tan′ = 1 + tan², tanh′ = 1 − tanh², atan′ = 1/(1 + u²).
    public func derivative(at u: Expr) -> Expr? {
        switch self {
        case .exp: return .exp(u)
        case .log: return .pow(u, .minusOne)
        case .sin: return .cos(u)
        case .cos: return -.sin(u)
        case .tan: return .one + .pow(.apply(.tan, u), 2)
        case .atan: return .pow(.one + .pow(u, 2), .minusOne)
        case .sinh: return .apply(.cosh, u)
        case .cosh: return .apply(.sinh, u)
        case .tanh: return .one - .pow(.apply(.tanh, u), 2)
        case .fermi:
            let f = Expr.fermi(u)
            return -(f * (.one - f))
        case .abs, .re, .im, .conj: return nil
        }
    }
}

extension Expr {
    /// The name of the derivative of the uninterpreted function `name` with respect to its k-th
    /// argument (k = 1, 2, …): `D[k]name`. So d/dx F(x²) = `D[1]F(x^2)`·2x.
    public static func derivativeName(_ name: String, argument k: Int) -> String { "D[\(k)]\(name)" }

    /// ∂/∂x of the expression, by the sum, product, power and chain rules.
    ///
    /// - For a real symbol x: d|u|/dx = Re(ū u′)/|u| (so d|x|/dx = x/|x|), d Re u/dx = Re u′,
    ///   d conj(u)/dx = conj(u′).
    /// - For a complex symbol z the derivative is the Wirtinger derivative ∂/∂z = ½(∂/∂Re z − i ∂/∂Im z):
    ///   z and conj(z) are independent variables, ∂conj(z)/∂z = 0, ∂Re z/∂z = ½, ∂Im z/∂z = −i/2,
    ///   ∂|z|/∂z = conj(z)/(2|z|), and ∂conj(u)/∂z = conj(∂u/∂z̄).
    /// - Uninterpreted calls are differentiated formally: d/dx F(u₁, u₂) = Σ_k `D[k]F`(u₁, u₂)·∂u_k/∂x
    ///   (see `derivativeName`); the `D[k]F` calls are opaque to exact methods.
    /// - Non-integer powers use d(b^e) = b^e (e′ log b + e b′/b), valid on the principal branch.
    public func derivative(_ x: Symbol) -> Expr {
        Differentiator(variable: x).d(self, conjugate: false)
    }

    /// The n-th derivative ∂ⁿ/∂xⁿ (n ≥ 0), each step put in canonical form.
    public func derivative(_ x: Symbol, order n: Int) -> Expr {
        precondition(n >= 0, "negative derivative order")
        var e = self
        for _ in 0..<n { e = e.derivative(x) }
        return e
    }
}

/// ∂/∂x and, for complex x, ∂/∂x̄ (the Wirtinger pair).
struct Differentiator {
    let variable: Symbol
    var isComplex: Bool { !variable.isReal }

    /// ∂e/∂x (conjugate = false) or ∂e/∂x̄ (conjugate = true, complex x only).
    func d(_ e: Expr, conjugate bar: Bool) -> Expr {
        if !e.contains(variable) { return .zero }
        switch e {
        case .number, .constant: return .zero
        case .symbol(let s):
            return s == variable && !bar ? .one : .zero
        case .sum(let ts):
            return .sum(of: ts.map { d($0, conjugate: bar) })
        case .product(let fs):
            var terms: [Expr] = []
            for i in fs.indices {
                let di = d(fs[i], conjugate: bar)
                if di.isZero { continue }
                var others = fs
                others[i] = di
                terms.append(.product(of: others))
            }
            return .sum(of: terms)
        case .power(let b, let p):
            if !p.contains(variable) {
                return .product(of: [p, .pow(b, p - .one), d(b, conjugate: bar)])
            }
            return e * (d(p, conjugate: bar) * .log(b) + p * d(b, conjugate: bar) / b)
        case .function(let f, let u):
            switch f {
            case .conj: return conjugateDerivative(u, conjugate: bar)
            case .re: return (d(u, conjugate: bar) + conjugateDerivative(u, conjugate: bar)) * .half
            case .im: return (d(u, conjugate: bar) - conjugateDerivative(u, conjugate: bar)) / (2 * Expr.i)
            case .abs:
                return (d(u, conjugate: bar) * .conj(u) + u * conjugateDerivative(u, conjugate: bar)) / (2 * e)
            default:
                return f.derivative(at: u)! * d(u, conjugate: bar)
            }
        case .call(let name, let args):
            var terms: [Expr] = []
            for (k, a) in args.enumerated() {
                let da = d(a, conjugate: bar)
                if da.isZero { continue }
                terms.append(.call(Expr.derivativeName(name, argument: k + 1), args) * da)
            }
            return .sum(of: terms)
        }
    }

    /// ∂conj(u)/∂x = conj(∂u/∂x̄) for complex x, conj(∂u/∂x) for real x.
    func conjugateDerivative(_ u: Expr, conjugate bar: Bool) -> Expr {
        .conj(d(u, conjugate: isComplex ? !bar : false))
    }
}
