/// A vector field written once over any `DynamicsScalar`, so that it runs both in `Double`
/// (production) and in `BigFloat` (reference trajectories) from the same source.
public protocol GenericVectorField: VectorField {
    /// dy ← f(t, y) in the scalar type S; `dy` has length `dimension`.
    func rates<S: DynamicsScalar>(t: S, y: [S], into dy: inout [S])
}

extension GenericVectorField {
    @inlinable
    public func evaluate(t: Double, y: [Double], into dy: inout [Double]) {
        rates(t: t, y: y, into: &dy)
    }
}
