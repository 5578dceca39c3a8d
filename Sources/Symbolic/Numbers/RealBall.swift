import CMPFR

/// A real ball: the set of reals x with |x − mid| ≤ rad, the midpoint at working precision and
/// the radius a 64-bit MPFR number rounded upward (the midpoint–radius arithmetic of Arb,
/// F. Johansson, "Arb: efficient arbitrary-precision midpoint-radius interval arithmetic",
/// IEEE Trans. Comput. 66 (2017) 1281).
///
/// The contract of every operation: if each input ball contains the exact value of its operand,
/// the result ball contains the exact value of the result. The midpoint is computed by MPFR
/// rounded to nearest at the working precision; when MPFR reports the result inexact (its
/// ternary value) one unit in the last place is added to the radius; the propagated error of the
/// inputs (a bound of |f′| over the whole input ball times the input radius) is added with
/// upward rounding. Radii therefore only grow, and a ball that excludes 0 proves the value ≠ 0.
///
/// This is what makes digits trustworthy where evaluating at two precisions is not: an exact
/// input wider than the working precision (2^200 + 1 at 100 bits) enters as a ball whose radius
/// is its rounding error, so sin(2^200 + 1) at too low a precision is a ball of radius ~1, never
/// a wrong value with a small error estimate.
public struct RealBall: Sendable {
    /// The midpoint, at the working precision.
    public var mid: BigFloat
    /// An upper bound of |exact − mid| (64 bits, rounded up, ≥ 0).
    public var rad: BigFloat

    /// Precision of radii, in bits.
    static let radiusPrecision = 64

    public init(mid: BigFloat, rad: BigFloat) {
        self.mid = mid
        self.rad = rad
    }
    /// The exact ball {x}: radius 0 (x must be exactly representable — it is, as a BigFloat).
    public init(exactly x: BigFloat) { self.init(mid: x, rad: Self.zeroRadius) }
    /// The integer n at `precision` bits, with its rounding error as the radius.
    public init(_ n: Int, precision: Int) {
        var t: Int32 = 0
        let m = BigFloat.computing(precision: precision) { t = mpfr_set_si($0, n, MPFR_RNDN) }
        self.init(mid: m, rad: t == 0 ? Self.zeroRadius : m.unitInLastPlace)
    }
    /// The rational q at `precision` bits, with its rounding error as the radius (0 when exact).
    public init(_ q: BigRational, precision: Int) {
        var t: Int32 = 0
        let m = BigFloat.computing(precision: precision) { t = mpfr_set_q($0, q.raw, MPFR_RNDN) }
        self.init(mid: m, rad: t == 0 ? Self.zeroRadius : m.unitInLastPlace)
    }

    static var zeroRadius: BigFloat { BigFloat(0, precision: radiusPrecision) }

    /// Working precision of the midpoint.
    public var precision: Int { mid.precision }
    /// True when the ball is a single exact number.
    public var isExact: Bool { rad.isZero }
    /// True when the ball is exactly {0}.
    public var isExactZero: Bool { mid.isZero && rad.isZero }
    /// True when 0 lies in the ball.
    public var containsZero: Bool { mid.magnitude.rounded(down: Self.radiusPrecision) <= rad }
    /// True when every point of the ball is > 0.
    public var isPositive: Bool { !mid.isNegative && !containsZero }
    /// True when every point of the ball is < 0.
    public var isNegative: Bool { mid.isNegative && !containsZero }
    /// An upper bound of |x| over the ball.
    public var magnitudeUpper: BigFloat { Radius.add(mid.magnitude.rounded(up: Self.radiusPrecision), rad) }
    /// A lower bound of |x| over the ball (0 when the ball contains 0).
    public var magnitudeLower: BigFloat {
        let l = Radius.subtractDown(mid.magnitude.rounded(down: Self.radiusPrecision), rad)
        return l.isNegative ? Self.zeroRadius : l
    }

    /// A midpoint computed by `body` (rounded to nearest at `precision`), with one ulp of
    /// rounding error in the radius when MPFR reports the result inexact.
    static func rounded(precision: Int, plus propagated: BigFloat,
                        _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Int32) -> RealBall {
        var t: Int32 = 0
        let m = BigFloat.computing(precision: precision) { t = body($0) }
        let rounding = t == 0 ? zeroRadius : m.unitInLastPlace
        return RealBall(mid: m, rad: Radius.add(propagated, rounding))
    }

    // MARK: Arithmetic

    public static prefix func - (a: RealBall) -> RealBall { RealBall(mid: -a.mid, rad: a.rad) }

    public static func + (a: RealBall, b: RealBall) -> RealBall {
        rounded(precision: Swift.max(a.precision, b.precision), plus: Radius.add(a.rad, b.rad)) {
            mpfr_add($0, a.mid.raw, b.mid.raw, MPFR_RNDN)
        }
    }
    public static func - (a: RealBall, b: RealBall) -> RealBall {
        rounded(precision: Swift.max(a.precision, b.precision), plus: Radius.add(a.rad, b.rad)) {
            mpfr_sub($0, a.mid.raw, b.mid.raw, MPFR_RNDN)
        }
    }
    /// |ab − a₀b₀| ≤ |a₀| r_b + |b₀| r_a + r_a r_b.
    public static func * (a: RealBall, b: RealBall) -> RealBall {
        let p = Swift.max(a.precision, b.precision)
        if a.isExactZero || b.isExactZero { return RealBall(exactly: BigFloat(0, precision: p)) }
        let am = a.mid.magnitude.rounded(up: radiusPrecision), bm = b.mid.magnitude.rounded(up: radiusPrecision)
        let spread = Radius.add(Radius.add(Radius.multiply(am, b.rad), Radius.multiply(bm, a.rad)), Radius.multiply(a.rad, b.rad))
        return rounded(precision: p, plus: spread) { mpfr_mul($0, a.mid.raw, b.mid.raw, MPFR_RNDN) }
    }
    /// |a/b − a₀/b₀| ≤ (r_a + |a₀/b₀| r_b)/(|b₀| − r_b). Throws when b may be 0.
    public static func / (a: RealBall, b: RealBall) throws -> RealBall {
        let p = Swift.max(a.precision, b.precision)
        guard !b.containsZero else { throw BallError.containsZero("divisor") }
        if a.isExactZero { return RealBall(exactly: BigFloat(0, precision: p)) }
        var q = rounded(precision: p, plus: zeroRadius) { mpfr_div($0, a.mid.raw, b.mid.raw, MPFR_RNDN) }
        if !(a.rad.isZero && b.rad.isZero) {
            let num = Radius.add(a.rad, Radius.multiply(q.mid.magnitude.rounded(up: radiusPrecision), b.rad))
            q.rad = Radius.add(q.rad, Radius.divide(num, b.magnitudeLower))
        }
        return q
    }

    // MARK: Elementary functions (real argument)

    /// e^x: |e^x − e^m| ≤ e^(m + r)·r.
    public func exp() -> RealBall {
        let top = Radius.add(mid.rounded(up: Self.radiusPrecision), rad)
        let slope = Radius.unary(top, mpfr_exp)
        return Self.rounded(precision: precision, plus: Radius.multiply(slope, rad)) { mpfr_exp($0, mid.raw, MPFR_RNDN) }
    }
    /// log x for a ball inside (0, ∞): |log x − log m| ≤ r/(m − r).
    public func log() throws -> RealBall {
        guard isPositive else { throw BallError.containsZero("logarithm argument") }
        return Self.rounded(precision: precision, plus: rad.isZero ? rad : Radius.divide(rad, magnitudeLower)) {
            mpfr_log($0, mid.raw, MPFR_RNDN)
        }
    }
    /// √x for a ball inside [0, ∞): |√x − √m| = |x − m|/(√x + √m) ≤ r/√m.
    public func sqrt() throws -> RealBall {
        if isExactZero { return self }
        guard isPositive else { throw BallError.containsZero("square-root argument") }
        let root = Radius.unaryDown(mid.rounded(down: Self.radiusPrecision), mpfr_sqrt)
        return Self.rounded(precision: precision, plus: rad.isZero ? rad : Radius.divide(rad, root)) {
            mpfr_sqrt($0, mid.raw, MPFR_RNDN)
        }
    }
    /// sin x: |Δ| ≤ min(r, 2). MPFR reduces the midpoint exactly, whatever its size.
    public func sin() -> RealBall {
        Self.rounded(precision: precision, plus: Radius.minimum(rad, 2)) { mpfr_sin($0, mid.raw, MPFR_RNDN) }
    }
    /// cos x: |Δ| ≤ min(r, 2).
    public func cos() -> RealBall {
        Self.rounded(precision: precision, plus: Radius.minimum(rad, 2)) { mpfr_cos($0, mid.raw, MPFR_RNDN) }
    }
    /// atan x: |Δ| ≤ r (|atan′| ≤ 1).
    public func atan() -> RealBall {
        Self.rounded(precision: precision, plus: rad) { mpfr_atan($0, mid.raw, MPFR_RNDN) }
    }
    /// tanh x: |Δ| ≤ min(r, 2) (|tanh′| ≤ 1).
    public func tanh() -> RealBall {
        Self.rounded(precision: precision, plus: Radius.minimum(rad, 2)) { mpfr_tanh($0, mid.raw, MPFR_RNDN) }
    }
    /// sinh x: |Δ| ≤ cosh(|m| + r)·r.
    public func sinh() -> RealBall {
        Self.rounded(precision: precision, plus: Radius.multiply(coshBound, rad)) { mpfr_sinh($0, mid.raw, MPFR_RNDN) }
    }
    /// cosh x: |Δ| ≤ sinh(|m| + r)·r ≤ cosh(|m| + r)·r.
    public func cosh() -> RealBall {
        Self.rounded(precision: precision, plus: Radius.multiply(coshBound, rad)) { mpfr_cosh($0, mid.raw, MPFR_RNDN) }
    }
    private var coshBound: BigFloat { Radius.unary(magnitudeUpper, mpfr_cosh) }
    /// |x|.
    public var magnitude: RealBall { RealBall(mid: mid.magnitude, rad: rad) }
    /// xⁿ, n ≠ 0: |Δ| ≤ |n|·B^(n−1)·r with B = max |x| (n > 0) or min |x| (n < 0) over the ball.
    public func pow(_ n: Int) throws -> RealBall {
        if n == 0 { return RealBall(1, precision: precision) }
        if n < 0 && containsZero { throw BallError.containsZero("base of a negative power") }
        var spread = Self.zeroRadius
        if !rad.isZero {
            let bound = n > 0 ? magnitudeUpper : magnitudeLower
            let power = Radius.pow(bound, n - 1)
            spread = Radius.multiply(Radius.multiply(power, BigFloat(BigInt(n).magnitude, precision: 128).rounded(up: Self.radiusPrecision)), rad)
        }
        return Self.rounded(precision: precision, plus: spread) { mpfr_pow_si($0, mid.raw, n, MPFR_RNDN) }
    }
    /// π at `precision` bits.
    public static func pi(precision: Int) -> RealBall {
        rounded(precision: precision, plus: zeroRadius) { mpfr_const_pi($0, MPFR_RNDN) }
    }
    /// atan2(y, x) ∈ (−π, π] for a box that excludes the origin and does not meet the negative
    /// real axis (the caller checks the cut): |∇ atan2| = 1/|z| ≤ 1/(|z₀| − R), R ≤ r_x + r_y.
    static func atan2(_ y: RealBall, _ x: RealBall) throws -> RealBall {
        let r = Radius.add(x.rad, y.rad)
        let lower = Radius.subtractDown(Radius.binaryDown(x.mid.magnitude, y.mid.magnitude, mpfr_hypot), r)
        guard !lower.isNegative, !lower.isZero else { throw BallError.containsZero("argument of a complex number") }
        return rounded(precision: Swift.max(x.precision, y.precision), plus: r.isZero ? r : Radius.divide(r, lower)) {
            mpfr_atan2($0, y.mid.raw, x.mid.raw, MPFR_RNDN)
        }
    }
    /// √(x² + y²): |Δ| ≤ r_x + r_y.
    static func hypot(_ x: RealBall, _ y: RealBall) -> RealBall {
        rounded(precision: Swift.max(x.precision, y.precision), plus: Radius.add(x.rad, y.rad)) {
            mpfr_hypot($0, x.mid.raw, y.mid.raw, MPFR_RNDN)
        }
    }
}

/// Why a ball operation has no finite enclosure at this precision (a divisor, a logarithm's
/// argument or a branch point inside the ball). Raising the precision shrinks the ball and may
/// remove the failure; a true zero keeps it at every precision.
public enum BallError: Error, Sendable, Equatable {
    case containsZero(String)
    case branchCut(String)
    case overflow(String)
}

/// Arithmetic on radii: non-negative 64-bit MPFR numbers rounded upward (lower bounds downward).
enum Radius {
    static let p = RealBall.radiusPrecision
    static func add(_ a: BigFloat, _ b: BigFloat) -> BigFloat { binary(a, b, mpfr_add) }
    static func multiply(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        if a.isZero || b.isZero { return RealBall.zeroRadius }
        return binary(a, b, mpfr_mul)
    }
    /// a/b rounded up (b a lower bound of the divisor).
    static func divide(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        if a.isZero { return RealBall.zeroRadius }
        return binary(a, b, mpfr_div)
    }
    static func minimum(_ a: BigFloat, _ n: Int) -> BigFloat {
        let b = BigFloat(n, precision: p)
        return a < b ? a : b
    }
    static func binary(_ a: BigFloat, _ b: BigFloat,
                       _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: p) { _ = op($0, a.raw, b.raw, MPFR_RNDU) }
    }
    static func binaryDown(_ a: BigFloat, _ b: BigFloat,
                           _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: p) { _ = op($0, a.raw, b.raw, MPFR_RNDD) }
    }
    static func subtractDown(_ a: BigFloat, _ b: BigFloat) -> BigFloat { binaryDown(a, b, mpfr_sub) }
    static func unary(_ a: BigFloat, _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: p) { _ = op($0, a.raw, MPFR_RNDU) }
    }
    static func unaryDown(_ a: BigFloat, _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: p) { _ = op($0, a.raw, MPFR_RNDD) }
    }
    /// bⁿ rounded up (b ≥ 0).
    static func pow(_ b: BigFloat, _ n: Int, roundingUp: Bool = true) -> BigFloat {
        .computing(precision: p) { _ = mpfr_pow_si($0, b.raw, n, roundingUp ? MPFR_RNDU : MPFR_RNDD) }
    }
}

extension BigFloat {
    /// This value rounded upward / downward to `p` bits.
    func rounded(up p: Int) -> BigFloat { .computing(precision: p) { mpfr_set($0, raw, MPFR_RNDU) } }
    func rounded(down p: Int) -> BigFloat { .computing(precision: p) { mpfr_set($0, raw, MPFR_RNDD) } }
    /// Decimal string with `digits` significant digits rounded toward +∞ (for error bounds:
    /// the printed number is never below the value).
    func upperString(digits: Int) -> String {
        guard isFinite, !isZero else { return toString(digits: digits) }
        var exp10: mpfr_exp_t = 0
        guard let cstr = mpfr_get_str(nil, &exp10, 10, Swift.max(1, digits), raw, MPFR_RNDU) else { return "?" }
        defer { mpfr_free_str(cstr) }
        var mant = String(cString: cstr)
        let negative = mant.hasPrefix("-")
        if negative { mant.removeFirst() }
        let head = String(mant.prefix(1)), tail = String(mant.dropFirst())
        return (negative ? "-" : "") + (tail.isEmpty ? head : head + "." + tail) + "e" + String(Int(exp10) - 1)
    }
    /// One unit in the last place at this value's precision, 2^(exponent − precision), as a
    /// 64-bit radius (0 for 0). Bounds the error of a result rounded to nearest.
    var unitInLastPlace: BigFloat {
        guard isFinite, !isZero else { return RealBall.zeroRadius }
        return .computing(precision: RealBall.radiusPrecision) { mpfr_set_si_2exp($0, 1, exponent - precision, MPFR_RNDU) }
    }
}
