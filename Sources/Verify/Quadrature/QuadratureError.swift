/// Why a quadrature could not deliver the requested digits. Each case names the fix.
public enum QuadratureError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The integrand returned NaN or ±∞ at an interior node `at` (as a decimal string).
    case integrandNotFinite(at: String)
    /// The rule did not converge to the requested digits; `reached` digits were obtained.
    case notConverged(reached: Int, requested: Int, rule: String)
    /// Bad input: breakpoints not increasing, infinite interior point, digits out of range.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .integrandNotFinite(let x):
            return "integrand is not finite at x = \(x) (fix: split the interval at the singular point so that it becomes an endpoint)"
        case .notConverged(let r, let n, let rule):
            return "\(rule) reached \(r) of \(n) requested digits (fix: split at the integrand's kinks/near-singular points, or request fewer digits)"
        case .invalidInput(let m):
            return "invalid quadrature input: \(m)"
        }
    }
}
