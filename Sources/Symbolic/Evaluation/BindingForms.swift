import Synchronization

/// Binding forms: calls whose second argument is a variable bound inside the first.
///
///     integrate(f, x, a, b)   ∫_a^b f dx   (a, b may be -oo, oo)
///     nsum(f, n, a, b)        Σ_{n=a}^{b} f  (integers; b may be oo)
///
/// They are `Expr.call(name, [f, .symbol(x), a, b])` nodes. The variable is not free in the call
/// (`freeSymbols` leaves it out, and `oo` in a limit); every other symbol of f is a parameter whose
/// value the evaluator substitutes (exactly) before the form is evaluated, so that a claim's sample
/// point, a `where:` value or an outer integration variable reaches the integrand. The numeric
/// value comes from the `NumericBinding` registered under the form's name (the Verify layer
/// registers quadrature and series summation; Symbolic itself has no quadrature).
public enum BindingForm: String, CaseIterable, Sendable {
    case integrate
    case nsum

    /// The form named `name`, if it is one.
    public init?(name: String) { self.init(rawValue: name) }

    /// `(body, variable, lower, upper)` of a binding call, nil for anything else.
    public static func parts(_ e: Expr) -> (form: BindingForm, body: Expr, variable: Symbol, lower: Expr, upper: Expr)? {
        guard case .call(let name, let args) = e, let form = BindingForm(name: name), args.count == 4,
              case .symbol(let v) = args[1] else { return nil }
        return (form, args[0], v, args[2], args[3])
    }
}

/// The value of a binding form with an absolute error bound (as estimated and confirmed by the
/// rule that produced it: two independent rules or precisions that agree).
public struct BoundEvaluation: Sendable {
    public var value: BigComplex
    /// Absolute error bound of `value` (never negative).
    public var error: BigFloat
    public init(value: BigComplex, error: BigFloat) {
        self.value = value
        self.error = error.magnitude
    }
}

/// The numeric evaluation of a binding form: `body` has only `variable` free; `lower`, `upper`
/// are the limits (±∞ as MPFR infinities); the value is wanted to about `precision` bits.
/// Throws when the form cannot be evaluated at all; a form that converges too slowly returns its
/// best value with an error bound that says so (the caller then answers *inconclusive*).
public typealias NumericBinding = @Sendable (_ body: Expr, _ variable: Symbol, _ lower: BigFloat, _ upper: BigFloat,
                                             _ precision: Int, _ functions: [String: NumericFunction]) throws -> BoundEvaluation

/// The registry of binding-form evaluators (one per `BindingForm`), filled by the layer that
/// implements them (`Engine.standard` in Verify).
public enum NumericBindings {
    private static let table = Mutex<[String: NumericBinding]>([:])

    public static func register(_ form: BindingForm, _ binding: @escaping NumericBinding) {
        table.withLock { $0[form.rawValue] = binding }
    }

    public static func binding(_ form: BindingForm) -> NumericBinding? {
        table.withLock { $0[form.rawValue] }
    }

    /// Evaluates the binding call `e` with its parameters resolved by `parameter` (the value of a
    /// free symbol of the body other than the bound variable).
    static func evaluate(_ e: Expr, precision: Int, functions: [String: NumericFunction],
                         limit: (Expr) throws -> BigComplex,
                         parameter: (Symbol) throws -> BigComplex) throws -> BoundEvaluation {
        guard let (form, body, variable, lowerExpr, upperExpr) = BindingForm.parts(e) else {
            throw EvaluationError.domain("\(evaluationText(e)): a binding form is written \(formUsage(e))")
        }
        guard let binding = binding(form) else { throw EvaluationError.unknownFunction(form.rawValue) }
        var values: [Symbol: Expr] = [:]
        for s in body.freeSymbols where s != variable {
            values[s] = try exactExpr(parameter(s), name: s.name)
        }
        let closed = body.substituting(values)
        func bound(_ x: Expr) throws -> BigFloat {
            if let sign = x.infinitySign { return BigFloat.infinity(precision: precision, negative: sign < 0) }
            let v = try limit(x)
            guard v.im.isZero, v.re.isFinite else {
                throw EvaluationError.domain("\(form.rawValue): the limit \(evaluationText(x)) = \(v) is not a finite real number")
            }
            return v.re
        }
        let lower = try bound(lowerExpr), upper = try bound(upperExpr)
        do {
            return try binding(closed, variable, lower, upper, precision, functions)
        } catch let error as EvaluationError { throw error }
        catch { throw EvaluationError.domain("\(form.rawValue): \(error)") }
    }

    static func formUsage(_ e: Expr) -> String {
        if case .call(let name, _) = e, name == "nsum" { return "nsum(f, n, a, b) with n a name" }
        return "integrate(f, x, a, b) with x a name"
    }

    /// A binary floating-point value as the exact rational it is.
    static func exactExpr(_ z: BigComplex, name: String) throws -> Expr {
        guard let re = z.re.exactRational, let im = z.im.exactRational else {
            throw EvaluationError.domain("the value of \(name) (\(z)) is not finite")
        }
        return .number(GaussianRational(re, im))
    }
}
