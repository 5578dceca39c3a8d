import Symbolic

/// The real scalars the dynamical models are written over: `Double` for production runs and
/// `BigFloat` (MPFR, precision per value) for reference trajectories.
///
/// A model written once as a generic function of `DynamicsScalar` evaluates the same formula in both,
/// so the arbitrary-precision reference checks the Double integrator, not a second transcription.
public protocol DynamicsScalar: Sendable {
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// The exact value of the binary64 number `x`, at the precision of `self` (exact for MPFR
    /// precisions ≥ 53 bits).
    func lift(_ x: Double) -> Self
    /// Nearest binary64 value.
    var doubleValue: Double { get }
}

extension Double: DynamicsScalar {
    @inlinable public func lift(_ x: Double) -> Double { x }
    @inlinable public var doubleValue: Double { self }
}

extension BigFloat: DynamicsScalar {
    public func lift(_ x: Double) -> BigFloat { BigFloat(x, precision: precision) }
}
