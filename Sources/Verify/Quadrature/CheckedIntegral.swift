import Symbolic

/// A quadrature result confirmed by an independent recomputation at twice the digits.
///
/// `value` is the N-digit computation; `reference` the 2N-digit one (fresh working precision,
/// fresh nodes, deeper refinement). The reported error is max(|value − reference|, reference's own
/// estimate), so it is measured rather than predicted. `conclusive` is true only when that error
/// supports all N requested digits; otherwise the caller must answer *inconclusive*.
public struct CheckedIntegral: Sendable, CustomStringConvertible {
    public var value: QuadratureResult
    public var reference: QuadratureResult
    public var requestedDigits: Int
    /// max(|value − reference|, reference.errorEstimate).
    public var errorEstimate: BigFloat
    /// Digits supported by `errorEstimate` relative to |value|.
    public var digits: Int
    /// True when `digits ≥ requestedDigits`.
    public var conclusive: Bool { digits >= requestedDigits }

    public var description: String {
        let shown = conclusive ? requestedDigits : Swift.max(1, digits)
        return "\(value.value.toString(digits: shown)) ± \(errorEstimate.toString(digits: 2)) (\(digits) digits confirmed at \(2 * requestedDigits); \(conclusive ? "conclusive" : "inconclusive"))"
    }
}

extension Quadrature {
    /// Runs `compute(N)` and `compute(2N)` and compares them (the N-versus-2N rule): the N-digit
    /// result is accepted only to the digits on which the two agree.
    /// `compute` receives the digits and must choose its own working precision from them.
    public static func checked(digits: Int, _ compute: (Int) throws -> QuadratureResult) rethrows -> CheckedIntegral {
        let r1 = try compute(digits)
        let r2 = try compute(2 * digits)
        let diff = (r1.value - r2.value).magnitude.rounded(toPrecision: 64)
        var err = BigFloat.maximum(diff, r2.errorEstimate.rounded(toPrecision: 64))
        // The N-digit value is only as good as its own working precision.
        err = BigFloat.maximum(err, r1.value.magnitude.rounded(toPrecision: 64).scaled(byPowerOf2: -r1.value.precision))
        let measured = QuadratureResult.digits(value: r1.value, error: err)
        // A run that did not itself claim convergence is never promoted by the comparison.
        let d = r1.digits >= digits ? measured : Swift.min(measured, r1.digits)
        return CheckedIntegral(value: r1, reference: r2, requestedDigits: digits, errorEstimate: err, digits: d)
    }
}
