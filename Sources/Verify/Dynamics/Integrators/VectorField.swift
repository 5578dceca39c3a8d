/// A first-order autonomous or time-dependent system dy/dt = f(t, y) on ℝⁿ, evaluated in `Double`.
///
/// Conformers write f(t, y) into `dy` (already of length `dimension`) without allocating; the
/// integrators call `evaluate` many millions of times in a phase-diagram sweep.
public protocol VectorField: Sendable {
    /// n, the number of real components of y.
    var dimension: Int { get }
    /// dy ← f(t, y).
    func evaluate(t: Double, y: [Double], into dy: inout [Double])
    /// The same f(t, y) on raw storage: reads y[0..<n] and writes dy[0..<n], which are the integrator's own
    /// stage rows, so that no array is copied, retained or checked for uniqueness per evaluation. The default
    /// goes through `evaluate(t:y:into:)` with the arrays of `scratch`; a field on the hot path of a sweep
    /// (`BilayerMeanField`) implements it directly.
    func evaluate(t: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, scratch: inout VectorFieldScratch)
}

/// Work arrays of the default raw-storage evaluation (owned by the integrator, one per thread).
public struct VectorFieldScratch {
    var y: [Double]
    var dy: [Double]
    /// Work registers of a compiled right-hand side (`CompiledRates`), sized by the field on first use.
    var registers: [Double] = []
    public init(dimension: Int) {
        y = Array(repeating: 0, count: dimension)
        dy = y
    }
}

extension VectorField {
    /// Copies y into `scratch.y`, evaluates through the array form and copies the result out.
    public func evaluate(t: Double, y: UnsafePointer<Double>, into dy: UnsafeMutablePointer<Double>, scratch: inout VectorFieldScratch) {
        let n = scratch.y.count
        for m in 0..<n { scratch.y[m] = y[m] }
        evaluate(t: t, y: scratch.y, into: &scratch.dy)
        for m in 0..<n { dy[m] = scratch.dy[m] }
    }
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
