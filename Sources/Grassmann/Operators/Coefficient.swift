import Symbolic

/// A coefficient ring for operators: exact (`GaussianRational`), symbolic (`Expr`) or floating
/// (`ComplexDouble`). Every algebraic routine of the Grassmann module is generic over it, so the
/// same code runs exactly, symbolically and in floating point.
public protocol OperatorCoefficient: Sendable, Hashable {
    static var zero: Self { get }
    static var one: Self { get }
    /// The imaginary unit.
    static var imaginaryUnit: Self { get }
    init(integer: Int)
    init(rational: BigRational)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// a / b; the caller guarantees b ≠ 0.
    static func / (a: Self, b: Self) -> Self
    /// Complex conjugate z*.
    var conjugated: Self { get }
    /// True when the value is known to vanish (exactly for numbers; structurally for expressions).
    var isKnownZero: Bool { get }
}

extension GaussianRational: OperatorCoefficient {
    public static var imaginaryUnit: GaussianRational { .i }
    public init(integer: Int) { self.init(integer) }
    public init(rational: BigRational) { self.init(rational) }
    public var conjugated: GaussianRational { conjugate }
    public var isKnownZero: Bool { isZero }
}

extension Expr: OperatorCoefficient {
    public static var imaginaryUnit: Expr { .i }
    public init(integer: Int) { self.init(integer) }
    public init(rational: BigRational) { self.init(rational) }
    public var conjugated: Expr { Expr.conj(self) }
    public var isKnownZero: Bool { isZero }
}

/// A double-precision complex number, the floating coefficient ring (LAPACK's `complex*16`).
public struct ComplexDouble: OperatorCoefficient, CustomStringConvertible {
    public var re: Double
    public var im: Double
    public init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }
    public init(integer: Int) { self.init(Double(integer)) }
    public init(rational: BigRational) { self.init(rational.doubleValue) }
    public init(_ z: GaussianRational) { self.init(z.re.doubleValue, z.im.doubleValue) }
    // Double literals: a bare `ComplexDouble(0)` would resolve to `init(_: GaussianRational)` and
    // build the constant through GMP on every use.
    public static var zero: ComplexDouble { ComplexDouble(0.0, 0.0) }
    public static var one: ComplexDouble { ComplexDouble(1.0, 0.0) }
    public static var imaginaryUnit: ComplexDouble { ComplexDouble(0, 1) }
    public static func + (a: Self, b: Self) -> Self { Self(a.re + b.re, a.im + b.im) }
    public static func - (a: Self, b: Self) -> Self { Self(a.re - b.re, a.im - b.im) }
    public static func * (a: Self, b: Self) -> Self { Self(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    public static prefix func - (a: Self) -> Self { Self(-a.re, -a.im) }
    public static func / (a: Self, b: Self) -> Self {
        let d = b.re * b.re + b.im * b.im
        return Self((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }
    public var conjugated: ComplexDouble { Self(re, -im) }
    public var isKnownZero: Bool { re == 0 && im == 0 }
    /// |z|.
    public var magnitude: Double { (re * re + im * im).squareRoot() }
    public var description: String { im == 0 ? "\(re)" : "\(re)\(im < 0 ? "-" : "+")\(Swift.abs(im))i" }
}
