/// A first-order autonomous or time-dependent system dy/dt = f(t, y) on ℝⁿ, evaluated in `Double`.
///
/// Conformers write f(t, y) into `dy` (already of length `dimension`) without allocating; the
/// integrators call `evaluate` many millions of times in a phase-diagram sweep.
public protocol VectorField: Sendable {
    /// n, the number of real components of y.
    var dimension: Int { get }
    /// dy ← f(t, y).
    func evaluate(t: Double, y: [Double], into dy: inout [Double])
}

/// A vector field given by a closure (tests and small problems).
public struct ClosureVectorField: VectorField {
    public let dimension: Int
    public let body: @Sendable (Double, [Double], inout [Double]) -> Void

    /// dy/dt = body(t, y); `body` writes into its third argument.
    public init(dimension: Int, _ body: @escaping @Sendable (Double, [Double], inout [Double]) -> Void) {
        self.dimension = dimension
        self.body = body
    }

    public func evaluate(t: Double, y: [Double], into dy: inout [Double]) { body(t, y, &dy) }
}
