import Foundation

/// A solution y(t) of an ODE sampled from the integrator's dense output (as accurate as the steps, whatever
/// their size): at spacing at most T/(samples − 1), and at least `perStep` points inside every accepted step,
/// so that fast transients are drawn smoothly.
public struct Trajectory: Sendable {
    public var times: [Double]
    public var states: [[Double]]

    /// Integrates `field` from `initial` over [0, duration] with DOP853 at the given tolerances and samples it.
    public static func sample<Field: VectorField>(_ field: Field, from initial: [Double], duration: Double, samples: Int = 2000,
                                                  perStep: Int = 4,
                                                  tolerances: Tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)) throws -> Trajectory {
        precondition(samples >= 2 && duration > 0 && perStep >= 1)
        let spacing = duration / Double(samples - 1)
        var times: [Double] = [0]
        var states: [[Double]] = [initial]
        let integrator = AdaptiveRungeKutta(field: field, pair: .dop853, tolerances: tolerances)
        _ = try integrator.integrate(initial, from: 0, to: duration) { rk in
            let segment = rk.denseSegment()
            let h = rk.t - rk.tPrevious
            let pieces = max(perStep, Int((h / spacing).rounded(.up)))
            for k in 1...pieces {
                let t = rk.tPrevious + h * Double(k) / Double(pieces)
                times.append(t)
                states.append(k == pieces ? rk.y : segment(t))
            }
            return .proceed
        }
        return Trajectory(times: times, states: states)
    }
}
