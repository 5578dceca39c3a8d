/// Numerical evaluation of an expression whose symbols are bound to physical quantities, for
/// auditing order-of-magnitude estimates such as the pump power NC(7)/NC(40).
///
/// Exact inputs stay exact (rational × π^k) through products, quotients, rational powers and sums
/// of like powers of π; everything else is rounded at `precision` bits. Dimensions follow the
/// rules of `DimensionChecker`; sums of unlike dimensions and dimensionful function arguments throw,
/// unless `naturalUnits` is set: then a term or argument whose dimension differs from the required
/// one only by [ħ]^a [k_B]^b is multiplied by ħ^a k_B^b (the SI reading of ħ = k_B = 1), and the
/// insertion is recorded in `insertions`.
public struct QuantityEvaluator: Sendable {
    /// Values of the symbols by name. Symbols not bound here fall back to `PhysicalConstants.bySymbol`
    /// (c, h, hbar, e, k_B, m_e, eps0, mu0, …) when `useConstants` is set.
    public var bindings: [String: Quantity]
    /// Fall back to `PhysicalConstants.bySymbol` for unbound symbols.
    public var useConstants: Bool
    /// Reconcile dimensions that differ by powers of ħ and k_B (ħ = k_B = 1) by inserting them.
    public var naturalUnits: Bool
    /// Working precision in bits for values that cannot stay exact.
    public var precision: Int

    /// An evaluator with symbol values, constant fallback, natural-unit mode and working precision (bits).
    public init(bindings: [String: Quantity], useConstants: Bool = true, naturalUnits: Bool = false, precision: Int = 256) {
        self.bindings = bindings
        self.useConstants = useConstants
        self.naturalUnits = naturalUnits
        self.precision = precision
    }

    /// The result and the natural-unit factors inserted on the way.
    public struct Result: Sendable {
        /// The value with its SI dimension and relative uncertainty.
        public var quantity: Quantity
        /// "ħ^-1 k_B^0 inserted in argument of exp: …" — empty in pure SI evaluation.
        public var insertions: [String]
    }

    /// Evaluates `e`; the result's dimension is the SI dimension implied by the bindings.
    public func evaluate(_ e: Expr) throws(DimensionError) -> Result {
        var insertions: [String] = []
        let q = try value(of: e, insertions: &insertions)
        return Result(quantity: q, insertions: insertions)
    }

    /// Evaluates `e` and expresses it in `unit` (see `Quantity.converted(to:naturalUnits:)`: with
    /// `naturalUnits`, the unique powers of ħ and k_B that give the result the unit's dimension are inserted).
    public func evaluate(_ e: Expr, in unit: String) throws(DimensionError) -> (conversion: Conversion, insertions: [String]) {
        let r = try evaluate(e)
        return (try r.quantity.converted(to: unit, naturalUnits: naturalUnits), r.insertions)
    }

    /// Multiplies q by ħ^a k_B^b to give it `target`'s dimension (natural units), or throws.
    func reconciled(_ q: Quantity, to target: PhysicalDimension, context: String, in e: Expr, insertions: inout [String]) throws(DimensionError) -> Quantity {
        if q.dimension == target { return q }
        let m = DimensionMismatch(context: context, left: target, right: q.dimension, subexpression: e)
        guard naturalUnits, let (a, b) = m.hbarBoltzmannPowers else { throw .mismatch(m) }
        insertions.append("ħ^\(a) k_B^\(b) inserted (\(context)) in \(e)")
        return q * PhysicalConstants.hbar.pow(a, precision: precision) * PhysicalConstants.boltzmann.pow(b, precision: precision)
    }

    func value(of e: Expr, insertions: inout [String]) throws(DimensionError) -> Quantity {
        switch e {
        case .number(let z):
            guard z.im.isZero else { throw .notEvaluable("complex number \(z) in a physical estimate") }
            return Quantity(z.re)
        case .constant(.pi):
            return Quantity(.exact(1, piPower: 1))
        case .constant(.e):
            return Quantity(BigFloat.e(precision: precision))
        case .symbol(let s):
            if let q = bindings[s.name] { return q }
            if useConstants, let q = PhysicalConstants.bySymbol[s.name] { return q }
            throw .unknownSymbol(s.name)
        case .sum(let terms):
            var total = try value(of: terms[0], insertions: &insertions)
            for t in terms.dropFirst() {
                var q = try value(of: t, insertions: &insertions)
                q = try reconciled(q, to: total.dimension, context: "sum", in: e, insertions: &insertions)
                total = try total.adding(q, precision: precision)
            }
            return total
        case .product(let factors):
            var total = Quantity(1)
            for f in factors { total = total * (try value(of: f, insertions: &insertions)) }
            return total
        case .power(let base, let exponent):
            let b = try value(of: base, insertions: &insertions)
            if let p = exponent.rationalValue {
                if b.value.isZero && p.signum < 0 { throw .notEvaluable("division by zero in \(e)") }
                return b.pow(p, precision: precision)
            }
            var x = try value(of: exponent, insertions: &insertions)
            x = try reconciled(x, to: .dimensionless, context: "exponent", in: e, insertions: &insertions)
            let bd = try reconciled(b, to: .dimensionless, context: "base with a non-rational exponent", in: e, insertions: &insertions)
            let v = bd.value.bigFloat(precision: precision).pow(x.value.bigFloat(precision: precision))
            guard v.isFinite else { throw .notEvaluable("\(e) is not a finite real number") }
            return Quantity(v)
        case .function(let f, let arg):
            var x = try value(of: arg, insertions: &insertions)
            switch f {
            case .abs: return Quantity(x.value.signum < 0 ? -x.value : x.value, x.dimension, relativeUncertainty: x.relativeUncertainty)
            case .re, .conj: return x
            case .im: return Quantity(0, x.dimension)
            default: break
            }
            x = try reconciled(x, to: .dimensionless, context: "argument of \(f.rawValue)", in: e, insertions: &insertions)
            let fx = try apply(f, x.value.bigFloat(precision: precision), e)
            var u = 0.0
            if x.relativeUncertainty > 0 {
                // First-order propagation by a difference at x(1 + u_r).
                let xv = x.value.bigFloat(precision: precision)
                let shifted = try apply(f, xv + xv * BigFloat(x.relativeUncertainty, precision: precision), e)
                u = ((shifted - fx) / fx).magnitude.doubleValue
            }
            return Quantity(fx, .dimensionless, relativeUncertainty: u)
        case .call(let name, _):
            throw .unknownFunction(name)
        }
    }

    func apply(_ f: MathFunction, _ x: BigFloat, _ e: Expr) throws(DimensionError) -> BigFloat {
        let y: BigFloat
        switch f {
        case .exp: y = x.exp()
        case .log: y = x.log()
        case .sin: y = x.sin()
        case .cos: y = x.cos()
        case .tan: y = x.tan()
        case .atan: y = x.atan()
        case .sinh: y = x.sinh()
        case .cosh: y = x.cosh()
        case .tanh: y = x.tanh()
        case .fermi: y = x.fermi()
        case .abs: y = x.magnitude
        case .re, .conj: y = x
        case .im: y = BigFloat(0, precision: x.precision)
        }
        guard y.isFinite else { throw .notEvaluable("\(e) is not a finite real number") }
        return y
    }
}
