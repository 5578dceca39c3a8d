import Foundation

/// A power law y = A·x^p fitted by ordinary least squares to log y = log A + p log x.
///
/// Used for the order of the error of the projection method (AX(S31)): the deviation between the
/// eigenvalues of ℒ_eff and the slow eigenvalues of ℒ scales as v^p with p = 4 when ℒ_eff is right
/// to second order. With n points, the slope p = S_xy/S_xx, the residual variance
/// s² = Σ(log y − log A − p log x)²/(n − 2) and the standard error of the slope SE(p) = √(s²/S_xx)
/// (undefined for n = 2, where the line passes through both points).
public struct PowerLawFit: Sendable, Equatable {
    /// The fitted exponent p.
    public let exponent: Double
    /// The standard error of p; nil with two points.
    public let standardError: Double?
    /// The fitted prefactor A.
    public let prefactor: Double
    /// The largest |log y − (log A + p log x)| over the points (how straight the log–log line is).
    public let maxLogResidual: Double

    /// Fits y = A x^p to the points; needs at least two points with distinct x > 0 and every y > 0.
    public init(x: [Double], y: [Double]) throws {
        guard x.count == y.count, x.count >= 2 else {
            throw FitError(message: "PowerLawFit needs at least two (x, y) points, got \(min(x.count, y.count))")
        }
        guard x.allSatisfy({ $0 > 0 && $0.isFinite }), y.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw FitError(message: "PowerLawFit needs positive finite x and y (a zero deviation has no logarithm): x = \(x), y = \(y)")
        }
        let lx = x.map { log($0) }, ly = y.map { log($0) }
        let n = Double(lx.count)
        let mx = lx.reduce(0, +) / n, my = ly.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for (a, b) in zip(lx, ly) { sxx += (a - mx) * (a - mx); sxy += (a - mx) * (b - my) }
        guard sxx > 0 else { throw FitError(message: "PowerLawFit needs at least two distinct x values") }
        let p = sxy / sxx, intercept = my - p * mx
        let residuals = zip(lx, ly).map { $1 - intercept - p * $0 }
        exponent = p
        prefactor = exp(intercept)
        maxLogResidual = residuals.map(abs).max() ?? 0
        standardError = lx.count > 2 ? (residuals.map { $0 * $0 }.reduce(0, +) / (n - 2) / sxx).squareRoot() : nil
    }

    /// n values geometrically spaced from `lower` to `upper` (both included).
    public static func geometric(from lower: Double, to upper: Double, count n: Int) -> [Double] {
        guard n > 1 else { return [lower] }
        return (0..<n).map { lower * pow(upper / lower, Double($0) / Double(n - 1)) }
    }
}
