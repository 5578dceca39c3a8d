import Symbolic

/// The value of a definite integral with its absolute error estimate.
///
/// `errorEstimate` bounds |value − exact| as judged by the rule that produced it (difference of
/// successive refinements, neglected tails, and rounding); a result that went through
/// `Quadrature.checked` carries the difference to an independent recomputation at twice the digits.
public struct QuadratureResult: Sendable, CustomStringConvertible {
    /// The integral, rounded to the working precision.
    public var value: BigFloat
    /// Estimated absolute error of `value` (never negative).
    public var errorEstimate: BigFloat
    /// Integrand evaluations used.
    public var evaluations: Int
    /// Name of the rule(s), e.g. "tanh-sinh level 7".
    public var rule: String

    public init(value: BigFloat, errorEstimate: BigFloat, evaluations: Int, rule: String) {
        self.value = value
        self.errorEstimate = errorEstimate.magnitude
        self.evaluations = evaluations
        self.rule = rule
    }

    /// Correct significant decimal digits implied by the error estimate, ⌊−log10(err/|value|)⌋
    /// (capped by the working precision; 0 when the error exceeds the value).
    public var digits: Int { Self.digits(value: value, error: errorEstimate) }

    static func digits(value: BigFloat, error: BigFloat) -> Int {
        let cap = Int(Double(value.precision) * 0.30102999566398)
        if error.isZero { return cap }
        if value.isZero || !error.isFinite { return 0 }
        // log10 via binary exponents is enough for a digit count.
        let ratio = (error / value.magnitude).rounded(toPrecision: 64)
        let l = ratio.log10().doubleValue
        guard l.isFinite else { return 0 }
        return Swift.max(0, Swift.min(cap, Int((-l).rounded(.down))))
    }

    public var description: String {
        "\(value.toString(digits: Swift.max(1, digits))) ± \(errorEstimate.toString(digits: 2)) [\(rule), \(evaluations) evaluations]"
    }

    /// Sum of results over adjacent intervals: values and errors add.
    static func sum(_ parts: [QuadratureResult], precision: Int) -> QuadratureResult {
        var v = BigFloat(0, precision: precision), e = BigFloat(0, precision: 64), n = 0
        for p in parts { v = v + p.value; e = e + p.errorEstimate; n += p.evaluations }
        let rules = Array(Set(parts.map { String($0.rule.split(separator: " ").first ?? "") })).sorted()
        return QuadratureResult(value: v, errorEstimate: e, evaluations: n,
                                rule: rules.joined(separator: " + ") + " on \(parts.count) interval(s)")
    }
}
