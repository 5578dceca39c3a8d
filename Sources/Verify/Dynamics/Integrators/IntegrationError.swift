/// Why an integration stopped without reaching its end point.
public enum IntegrationError: Error, Equatable, CustomStringConvertible {
    /// A tolerance was not positive or finite; `parameter` names it.
    case invalidTolerance(parameter: String, value: Double)
    /// The initial state has the wrong length.
    case dimensionMismatch(expected: Int, got: Int)
    /// The step size fell below the spacing of floating-point numbers at `t`.
    case stepSizeUnderflow(t: Double)
    /// More than `limit` steps were taken.
    case tooManySteps(t: Double, limit: Int)
    /// The solution became NaN or infinite at `t`.
    case nonFinite(t: Double)

    public var description: String {
        switch self {
        case .invalidTolerance(let p, let v):
            return "tolerance \(p) = \(v) is invalid: use a positive finite number (e.g. 1e-10)"
        case .dimensionMismatch(let e, let g):
            return "initial state has \(g) components, the vector field \(e): pass a state of length \(e)"
        case .stepSizeUnderflow(let t):
            return "step size underflow at t = \(t): the problem is stiff or singular there; loosen the tolerances"
        case .tooManySteps(let t, let n):
            return "more than \(n) steps before t = \(t): raise maxSteps or shorten the interval"
        case .nonFinite(let t):
            return "the solution is not finite at t = \(t): the model blows up; check the parameters"
        }
    }
}
