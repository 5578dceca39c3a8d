/// The embedded explicit Runge–Kutta pairs available to `AdaptiveRungeKutta`.
public enum RungeKuttaPair: String, Sendable, CaseIterable, Codable {
    /// Dormand–Prince 5(4), "DOPRI5": order 5, 4th-order error estimate, 4th-order dense output.
    case dormandPrince54 = "DOPRI5"
    /// Hairer's DOP853: order 8, error estimate from the 5th- and 3rd-order embedded solutions,
    /// 7th-order dense output (three extra stages, computed only when dense output is requested).
    case dop853 = "DOP853"

    /// Classical order of the propagated solution.
    public var order: Int { self == .dormandPrince54 ? 5 : 8 }
    /// Order q of the error estimate; the step controller uses the exponent −1/(q+1).
    public var errorEstimatorOrder: Int { self == .dormandPrince54 ? 4 : 7 }
    /// Stages per step before the FSAL evaluation at the new point.
    var stages: Int { self == .dormandPrince54 ? DormandPrince54Tableau.stages : DOP853Tableau.stages }

    /// Node cᵢ of stage i.
    func c(_ i: Int) -> Double {
        self == .dormandPrince54 ? DormandPrince54Tableau.c[i] : DOP853Tableau.c[i]
    }
    /// Coefficient aᵢⱼ (j < i), stages 0…(extended − 1).
    func a(_ i: Int, _ j: Int) -> Double {
        switch self {
        case .dormandPrince54:
            return i == stages ? DormandPrince54Tableau.b[j] : DormandPrince54Tableau.a[i][j]
        case .dop853:
            return DOP853Tableau.a[i * DOP853Tableau.extendedStages + j]
        }
    }
    /// Weight bᵢ of the propagated solution.
    func b(_ i: Int) -> Double {
        self == .dormandPrince54 ? DormandPrince54Tableau.b[i] : DOP853Tableau.b[i]
    }
}

/// Relative and absolute tolerances: a step is accepted when the RMS over components of
/// errᵢ / (atol + rtol · max(|yᵢ|, |ŷᵢ|)) is ≤ 1 (Hairer–Nørsett–Wanner II.4; scipy's `solve_ivp` uses
/// the same norm, so equal tolerances mean equal accuracy targets in the benchmark).
public struct Tolerances: Sendable, Equatable {
    public var relative: Double
    public var absolute: Double
    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }
    func validate() throws {
        guard relative.isFinite, relative > 0 else {
            throw IntegrationError.invalidTolerance(parameter: "relative", value: relative)
        }
        guard absolute.isFinite, absolute > 0 else {
            throw IntegrationError.invalidTolerance(parameter: "absolute", value: absolute)
        }
    }
}
