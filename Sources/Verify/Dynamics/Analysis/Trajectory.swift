import Foundation

/// A solution y(t) of an ODE sampled at evenly spaced times t_k = k·T/(samples − 1), read from the
/// integrator's dense output (so the samples are as accurate as the steps, whatever their size).
public struct Trajectory: Sendable {
    public var times: [Double]
    public var states: [[Double]]

    /// Integrates `field` from `initial` over [0, duration] with DOP853 at the given tolerances and samples it.
    public static func sample<Field: VectorField>(_ field: Field, from initial: [Double], duration: Double, samples: Int = 2000,
                                                  tolerances: Tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)) throws -> Trajectory {
        precondition(samples >= 2 && duration > 0)
        let times = (0..<samples).map { duration * Double($0) / Double(samples - 1) }
        var states: [[Double]] = [initial]
        var next = 1
        let integrator = AdaptiveRungeKutta(field: field, pair: .dop853, tolerances: tolerances)
        _ = try integrator.integrate(initial, from: 0, to: duration) { rk in
            let segment = rk.denseSegment()
            while next < samples && times[next] <= rk.t {
                states.append(segment(times[next]))
                next += 1
            }
            return .proceed
        }
        while states.count < samples { states.append(integrator.y) }
        return Trajectory(times: times, states: states)
    }
}
