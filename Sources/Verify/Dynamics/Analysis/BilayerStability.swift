import Foundation

/// A collinear fixed point of NC(8): m_A = a ê, m_B = b ê (a > 0; b > 0 aligned, b < 0 antialigned),
/// with its linear stability.
///
/// Because NC(8) is invariant under rotations and under the reflection m^y → −m^y, the Jacobian at
/// y = (a, 0, b, 0) splits into a longitudinal block J_∥ (components x) and a transverse block J_⊥
/// (components y). J_⊥ always has the Goldstone eigenvector (a, b) with eigenvalue 0 (a common rotation);
/// its other eigenvalue is tr J_⊥. The collinear state loses stability to a rotating (chiral) state when
/// tr J_⊥ crosses 0 — there the two transverse eigenvalues and eigenvectors coalesce (exceptional point).
public struct CollinearFixedPoint: Sendable, Equatable {
    public let a: Double
    public let b: Double
    /// Eigenvalues of J_∥ (real parts and imaginary part magnitude).
    public let longitudinal: (re1: Double, re2: Double, im: Double)
    /// tr J_⊥: the non-Goldstone transverse eigenvalue.
    public let transverseTrace: Double
    /// det J_⊥ (zero up to rounding: the Goldstone mode).
    public let transverseDeterminant: Double

    public var isLongitudinallyStable: Bool { longitudinal.re1 < 0 && longitudinal.re2 < 0 }
    public var isStable: Bool { isLongitudinallyStable && transverseTrace < 0 }

    public static func == (l: CollinearFixedPoint, r: CollinearFixedPoint) -> Bool {
        l.a == r.a && l.b == r.b
    }
}

/// Jacobian-based predictions for NC(8). The Jacobian is the hand-derived `BilayerMeanField.jacobian`
/// (documented there; verified against MPFR central differences in the tests).
public enum BilayerStability {
    /// Newton's method for a collinear fixed point from (a, b); nil if it does not converge.
    public static func collinearFixedPoint(_ model: BilayerMeanField, near start: (a: Double, b: Double)) -> CollinearFixedPoint? {
        var a = start.a, b = start.b
        var dy = [Double](repeating: 0, count: 4)
        for _ in 0..<100 {
            let y = [a, 0, b, 0]
            model.evaluate(t: 0, y: y, into: &dy)
            let jac = model.jacobian(y)
            let (j00, j01, j10, j11) = (jac[0], jac[2], jac[8], jac[10])
            let det = j00 * j11 - j01 * j10
            if det == 0 || !det.isFinite { return nil }
            let da = (dy[0] * j11 - dy[2] * j01) / det
            let db = (j00 * dy[2] - j10 * dy[0]) / det
            a -= da; b -= db
            if abs(da) + abs(db) < 1e-15 * (1 + abs(a) + abs(b)) { break }
        }
        model.evaluate(t: 0, y: [a, 0, b, 0], into: &dy)
        guard a.isFinite, b.isFinite, abs(dy[0]) + abs(dy[2]) < 1e-13 else { return nil }
        return analyse(model, a: a, b: b)
    }

    /// Stability data of the collinear point (a, b) (assumed to be a fixed point).
    public static func analyse(_ model: BilayerMeanField, a: Double, b: Double) -> CollinearFixedPoint {
        let jac = model.jacobian([a, 0, b, 0])
        let (l00, l01, l10, l11) = (jac[0], jac[2], jac[8], jac[10])
        let (t00, t01, t10, t11) = (jac[5], jac[7], jac[13], jac[15])
        let trace = l00 + l11, det = l00 * l11 - l01 * l10
        let disc = trace * trace / 4 - det
        let longitudinal: (Double, Double, Double)
        if disc >= 0 {
            let s = disc.squareRoot()
            longitudinal = (trace / 2 + s, trace / 2 - s, 0)
        } else {
            longitudinal = (trace / 2, trace / 2, (-disc).squareRoot())
        }
        return CollinearFixedPoint(a: a, b: b, longitudinal: longitudinal,
                                   transverseTrace: t00 + t11, transverseDeterminant: t00 * t11 - t01 * t10)
    }

    /// The aligned fixed point at γ_B = 0 continued in r = γ_B/(α_B|g_B|) up to `r`, in steps of at most
    /// `step`; nil if the branch ends (Newton fails) before r.
    public static func branch(_ parameters: BilayerParameters, to r: Double, step: Double = 0.02) -> CollinearFixedPoint? {
        guard let start = equilibrium(parameters) else { return nil }
        return continue_(parameters, from: start, at: 0, to: r, step: step)
    }

    /// The γ_B = 0 (Weiss) collinear state the continuation starts from: the ordered, linearly stable
    /// collinear fixed point, with the global sign fixed by a > 0 (NC(8) is odd under m → −m, so
    /// (a, b) and (−a, −b) are the same state).
    ///
    /// Newton is started from several seeds — the A-layer Ginzburg–Landau value a₀ = √(3T²(j_AA − T)/j_AA³)
    /// on both layers, and a ladder of magnitudes with both relative signs — because a single seed can
    /// land on the mirror image (−a, −b) (read as "already antialigned": the flip was predicted at r = 0
    /// for j_AB = 9.5, T = 5, where the stable state is (0.183, 0.666)) or on the disordered origin.
    /// Among the ordered fixed points found, a stable one is preferred, then the largest |m|².
    static func equilibrium(_ parameters: BilayerParameters) -> CollinearFixedPoint? {
        let t = parameters.temperature, j = parameters.jAA
        let model = BilayerMeanField(parameters.with(gammaRatio: 0))
        let ginzburgLandau = j > t ? (3 * t * t * (j - t) / (j * j * j)).squareRoot() : 0.5
        var seeds: [(Double, Double)] = [(ginzburgLandau, ginzburgLandau)]
        for m in [0.25, 0.5, 1.0, 1.5, 2.0] {
            seeds += [(m, m), (m, m / 2), (m / 2, m), (m, -m), (m, -m / 2)]
        }
        var best: CollinearFixedPoint? = nil
        func better(_ p: CollinearFixedPoint, than q: CollinearFixedPoint?) -> Bool {
            guard let q else { return true }
            if p.isStable != q.isStable { return p.isStable }
            return p.a * p.a + p.b * p.b > q.a * q.a + q.b * q.b + 1e-12
        }
        for seed in seeds {
            guard let found = collinearFixedPoint(model, near: seed) else { continue }
            guard abs(found.a) + abs(found.b) > 1e-8 else { continue }   // the disordered origin
            let point = found.a < 0 ? analyse(model, a: -found.a, b: -found.b) : found
            if better(point, than: best) { best = point }
        }
        return best
    }

    /// Continue a fixed point known at ratio r₀ to r₁ ≥ r₀ by Newton steps of at most `step`.
    static func continue_(_ parameters: BilayerParameters, from point: CollinearFixedPoint, at r0: Double,
                          to r1: Double, step: Double = 0.02) -> CollinearFixedPoint? {
        var point = point
        var current = r0
        while current < r1 {
            let next = min(r1, current + step)
            guard let p = collinearFixedPoint(BilayerMeanField(parameters.with(gammaRatio: next)), near: (point.a, point.b)) else {
                return nil
            }
            point = p
            current = next
        }
        return point
    }

    /// Predicted aligned → antialigned threshold: the r at which b changes sign along the continued branch
    /// (bisection to `tolerance`), with the bracket. nil if b does not change sign below `upTo`.
    public static func predictedFlip(_ parameters: BilayerParameters, upTo: Double = 5,
                                     tolerance: Double = 1e-10) -> (value: Double, bracket: (Double, Double))? {
        bisect(parameters, upTo: upTo, tolerance: tolerance) { $0.b < 0 }
    }

    /// Predicted onset of the chiral phase: the smallest r at which the continued collinear branch loses
    /// stability (tr J_⊥ > 0, the Goldstone coalescence, or a longitudinal instability), by bisection.
    public static func predictedChiralOnset(_ parameters: BilayerParameters, upTo: Double = 10,
                                            tolerance: Double = 1e-10) -> (value: Double, bracket: (Double, Double), transverse: Bool)? {
        guard let result = bisect(parameters, upTo: upTo, tolerance: tolerance, condition: { !$0.isStable }) else { return nil }
        let at = branch(parameters, to: result.bracket.1)
        return (result.value, result.bracket, at.map { $0.transverseTrace >= 0 } ?? false)
    }

    /// Bisection in r on a property of the continued branch (false at small r, true beyond the threshold).
    /// A branch that ends counts as `true` (lost). The scan continues the branch incrementally, and the
    /// bisection continues from the last point where the property was false.
    static func bisect(_ parameters: BilayerParameters, upTo: Double, tolerance: Double,
                       condition: (CollinearFixedPoint) -> Bool) -> (value: Double, bracket: (Double, Double))? {
        let coarse = 0.02
        guard var lowPoint = equilibrium(parameters) else { return nil }
        if condition(lowPoint) { return (0, (0, 0)) }
        var low = 0.0
        var high: Double? = nil
        while low < upTo {
            let r = min(upTo, low + coarse)
            if let p = continue_(parameters, from: lowPoint, at: low, to: r), !condition(p) {
                low = r; lowPoint = p
            } else { high = r; break }
        }
        guard var hi = high else { return nil }
        while hi - low > tolerance {
            let mid = 0.5 * (low + hi)
            if let p = continue_(parameters, from: lowPoint, at: low, to: mid, step: coarse / 4), !condition(p) {
                low = mid; lowPoint = p
            } else { hi = mid }
        }
        return (0.5 * (low + hi), (low, hi))
    }

    /// Closed form of the flip threshold derived in derivations/dynamics.md: with b = 0, (8a) gives
    /// a₀² = 3T²(j_AA − T)/j_AA³ and (8b) gives r = 1 − j_AB² a₀²/(3T²) = 1 − j_AB²(j_AA − T)/j_AA³
    /// (for j_AA > T; independent of α_A, α_B, j_BB, n and of g_B except through r).
    public static func flipClosedForm(_ p: BilayerParameters) -> Double {
        1 - p.jAB * p.jAB * (p.jAA - p.temperature) / (p.jAA * p.jAA * p.jAA)
    }
}
