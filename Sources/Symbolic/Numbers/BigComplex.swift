/// An arbitrary-precision complex number re + i·im as a pair of MPFR reals of one precision.
///
/// Arithmetic is exact-then-rounded per component (not correctly rounded as a complex number);
/// the evaluator adds guard bits and checks agreement between two precisions, so that the digits
/// it reports are real. Branch cuts follow the principal branch: `log` and `sqrt` are cut along
/// the negative real axis, arg ∈ (−π, π].
public struct BigComplex: Sendable {
    public var re: BigFloat
    public var im: BigFloat

    public init(_ re: BigFloat, _ im: BigFloat) {
        self.re = re
        self.im = im
    }
    public init(_ re: BigFloat) { self.init(re, BigFloat(0, precision: re.precision)) }
    public init(_ value: GaussianRational, precision: Int) {
        self.init(BigFloat(value.re, precision: precision), BigFloat(value.im, precision: precision))
    }
    public init(_ value: Int, precision: Int) { self.init(BigFloat(value, precision: precision)) }

    public var precision: Int { Swift.max(re.precision, im.precision) }
    public static func i(precision: Int) -> BigComplex { BigComplex(BigFloat(0, precision: precision), BigFloat(1, precision: precision)) }

    public var isZero: Bool { re.isZero && im.isZero }
    public var isFinite: Bool { re.isFinite && im.isFinite }
    public var isReal: Bool { im.isZero }
    public var conjugate: BigComplex { BigComplex(re, -im) }
    /// |z|, without overflow.
    public var magnitude: BigFloat { BigFloat.hypot(re, im) }
    /// arg z ∈ (−π, π]. A zero imaginary part counts as +0 whatever its sign, so that every
    /// negative real (also −x produced by negation or conjugation) has arg = +π, consistent with `sqrt`.
    public var argument: BigFloat {
        im.isZero ? BigFloat.atan2(BigFloat(0, precision: im.precision), re) : BigFloat.atan2(im, re)
    }

    public static func + (a: Self, b: Self) -> Self { Self(a.re + b.re, a.im + b.im) }
    public static func - (a: Self, b: Self) -> Self { Self(a.re - b.re, a.im - b.im) }
    public static prefix func - (a: Self) -> Self { Self(-a.re, -a.im) }
    public static func * (a: Self, b: Self) -> Self {
        if a.im.isZero && b.im.isZero { return Self(a.re * b.re, BigFloat(0, precision: Swift.max(a.precision, b.precision))) }
        return Self(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    public static func / (a: Self, b: Self) -> Self {
        if b.im.isZero { return Self(a.re / b.re, a.im / b.re) }
        // Smith's algorithm avoids overflow of |b|².
        if b.re.magnitude >= b.im.magnitude {
            let r = b.im / b.re, d = b.re + b.im * r
            return Self((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        } else {
            let r = b.re / b.im, d = b.re * r + b.im
            return Self((a.re * r + a.im) / d, (a.im * r - a.re) / d)
        }
    }
    public static func * (a: Self, b: BigFloat) -> Self { Self(a.re * b, a.im * b) }
    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }
    public static func *= (a: inout Self, b: Self) { a = a * b }

    public func exp() -> Self {
        let m = re.exp()
        if im.isZero { return Self(m, im) }
        let (s, c) = im.sinCos()
        return Self(m * c, m * s)
    }
    /// Principal logarithm.
    public func log() -> Self {
        if im.isZero && !re.isNegative { return Self(re.log(), im) }
        return Self(magnitude.log(), argument)
    }
    /// Principal square root (Re ≥ 0).
    public func sqrt() -> Self {
        if im.isZero {
            if !re.isNegative { return Self(re.sqrt(), im) }
            return Self(BigFloat(0, precision: precision), (-re).sqrt())
        }
        let m = magnitude
        let a = ((m + re.magnitude) / 2).sqrt()
        if !re.isNegative {
            return Self(a, im / (a * 2))
        } else {
            let b = im.isNegative ? -a : a
            return Self(im.magnitude / (a * 2), b)
        }
    }
    public func sin() -> Self {
        if im.isZero { return Self(re.sin(), im) }
        let (s, c) = re.sinCos()
        return Self(s * im.cosh(), c * im.sinh())
    }
    public func cos() -> Self {
        if im.isZero { return Self(re.cos(), im) }
        let (s, c) = re.sinCos()
        return Self(c * im.cosh(), -(s * im.sinh()))
    }
    public func tan() -> Self { sin() / cos() }
    /// zⁿ for an integer n, by repeated squaring.
    public func pow(_ n: Int) -> Self {
        if im.isZero && !(re.isZero && n < 0) { return Self(re.pow(n), im) }
        if n < 0 { return (Self(1, precision: precision) / self).pow(-n) }
        var result = Self(1, precision: precision), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }
    /// Principal power exp(w·log z); 0^w = 0 for Re w > 0.
    public func pow(_ w: Self) -> Self {
        if isZero { return w.re.signum > 0 ? self : Self(BigFloat.nan(precision: precision)) }
        if im.isZero && w.im.isZero && !re.isNegative { return Self(re.pow(w.re), im) }
        return (w * log()).exp()
    }
    /// The Fermi function 1/(e^z + 1), without overflow for large |Re z|: 1/(e^z + 1) for
    /// Re z < 0, e^(−z)/(1 + e^(−z)) otherwise.
    public func fermi() -> Self {
        if im.isZero { return Self(re.fermi(), im) }
        let one = Self(1, precision: precision)
        if re.isNegative { return one / (exp() + one) }
        let t = (-self).exp()
        return t / (t + one)
    }
}

extension BigComplex: CustomStringConvertible {
    public func toString(digits: Int) -> String {
        if im.isZero { return re.toString(digits: digits) }
        if re.isZero { return im.toString(digits: digits) + "*I" }
        let imText = im.magnitude.toString(digits: digits)
        return re.toString(digits: digits) + (im.isNegative ? " - " : " + ") + imText + "*I"
    }
    public var description: String { toString(digits: Swift.max(1, Int(Double(precision) * 0.30103))) }
}
