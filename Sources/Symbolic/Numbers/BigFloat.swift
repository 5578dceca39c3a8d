import CMPFR
#if canImport(Glibc)
import Glibc
#endif

/// Owner of one MPFR number. The only place where an `mpfr_t` is created and cleared.
final class MPFRStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpfr_struct>
    init(precision: Int) {
        MPFRThreadCache.registerCurrentThread()
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(precision))
    }
    init(copying other: MPFRStorage) {
        MPFRThreadCache.registerCurrentThread()
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_get_prec(other.pointer))
        mpfr_set(pointer, other.pointer, MPFR_RNDN)
    }
    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }
}

/// An arbitrary-precision binary floating-point number on MPFR.
///
/// Every value carries its own precision in bits (there is no global default: MPFR's default is
/// per-thread state and Swift tasks hop threads). Every operation is correctly rounded to nearest
/// at the precision of the result, which is the larger of the operands' precisions unless stated.
public struct BigFloat: Sendable {
    var storage: MPFRStorage
    @inline(__always) var raw: UnsafeMutablePointer<__mpfr_struct> { storage.pointer }

    init(storage: MPFRStorage) { self.storage = storage }

    /// Smallest and largest precision MPFR accepts, in bits.
    public static let minimumPrecision = Int(cmpfr_prec_min())
    public static let maximumPrecision = Int(cmpfr_prec_max())

    static func computing(precision: Int, _ body: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> BigFloat {
        let s = MPFRStorage(precision: precision)
        body(s.pointer)
        return BigFloat(storage: s)
    }

    /// Bits of precision needed for `digits` significant decimal digits (without guard bits).
    public static func bits(forDigits digits: Int) -> Int {
        Swift.max(minimumPrecision, Int((Double(digits) * 3.321928094887362).rounded(.up)) + 1)
    }

    /// Precision of this value, in bits.
    public var precision: Int { Int(mpfr_get_prec(raw)) }

    public init(_ value: Int, precision: Int) {
        storage = MPFRStorage(precision: precision)
        mpfr_set_si(storage.pointer, value, MPFR_RNDN)
    }
    public init(_ value: Double, precision: Int) {
        storage = MPFRStorage(precision: precision)
        mpfr_set_d(storage.pointer, value, MPFR_RNDN)
    }
    public init(_ value: BigInt, precision: Int) {
        storage = MPFRStorage(precision: precision)
        mpfr_set_z(storage.pointer, value.raw, MPFR_RNDN)
    }
    /// The rational rounded to nearest at `precision` bits.
    public init(_ value: BigRational, precision: Int) {
        storage = MPFRStorage(precision: precision)
        mpfr_set_q(storage.pointer, value.raw, MPFR_RNDN)
    }
    /// `value` rounded to `precision` bits.
    public init(_ value: BigFloat, precision: Int) {
        storage = MPFRStorage(precision: precision)
        mpfr_set(storage.pointer, value.raw, MPFR_RNDN)
    }
    /// Parses a decimal string ("1.5", "-2e-30", "inf", "nan"), rounded to nearest. Nil on bad input.
    public init?(_ text: String, precision: Int) {
        let s = MPFRStorage(precision: precision)
        var end: UnsafeMutablePointer<CChar>? = nil
        let ok: Bool = text.withCString { cstr in
            _ = mpfr_strtofr(s.pointer, cstr, &end, 10, MPFR_RNDN)
            return end != nil && end!.pointee == 0 && end! != UnsafeMutablePointer(mutating: cstr)
        }
        guard ok else { return nil }
        storage = s
    }

    public static func pi(precision: Int) -> BigFloat { .computing(precision: precision) { mpfr_const_pi($0, MPFR_RNDN) } }
    /// Euler's number e.
    public static func e(precision: Int) -> BigFloat { BigFloat(1, precision: precision).exp() }
    public static func ln2(precision: Int) -> BigFloat { .computing(precision: precision) { mpfr_const_log2($0, MPFR_RNDN) } }
    public static func nan(precision: Int) -> BigFloat { .computing(precision: precision) { mpfr_set_nan($0) } }
    public static func infinity(precision: Int, negative: Bool = false) -> BigFloat {
        .computing(precision: precision) { mpfr_set_inf($0, negative ? -1 : 1) }
    }

    public var isZero: Bool { mpfr_zero_p(raw) != 0 }
    public var isNaN: Bool { mpfr_nan_p(raw) != 0 }
    public var isFinite: Bool { mpfr_number_p(raw) != 0 }
    public var isInfinite: Bool { mpfr_inf_p(raw) != 0 }
    /// −1, 0, +1 (0 for NaN).
    public var signum: Int { isNaN ? 0 : Int(cmpfr_sgn(raw)) }
    public var isNegative: Bool { signum < 0 }

    /// Binary exponent e with 0.5 ≤ |x|/2^e < 1 (meaningless for 0, NaN, ∞).
    public var exponent: Int { Int(cmpfr_get_exp(raw)) }

    public var doubleValue: Double { mpfr_get_d(raw, MPFR_RNDN) }

    /// The exact rational value of this (finite) binary float.
    public var exactRational: BigRational? {
        guard isFinite else { return nil }
        return BigRational.computing { mpfr_get_q($0, raw) }
    }

    /// The same value rounded to another precision.
    public func rounded(toPrecision p: Int) -> BigFloat { BigFloat(self, precision: p) }

    /// One unit in the last place of this value at its precision: 2^(exponent − precision).
    public var ulp: BigFloat {
        guard isFinite, !isZero else { return .computing(precision: 64) { mpfr_set_zero($0, 1) } }
        return .computing(precision: 64) { mpfr_set_si_2exp($0, 1, exponent - precision, MPFR_RNDN) }
    }

    /// 2^k as a BigFloat (exact).
    public static func power2(_ k: Int, precision: Int = 64) -> BigFloat {
        .computing(precision: precision) { mpfr_set_si_2exp($0, 1, k, MPFR_RNDN) }
    }

    /// Decimal string with `digits` significant digits, correctly rounded: "3.14159", "-1.5e-30".
    /// Uses plain notation for moderate exponents and scientific notation otherwise.
    public func toString(digits: Int) -> String {
        if isNaN { return "nan" }
        if isInfinite { return isNegative ? "-inf" : "inf" }
        if isZero { if digits <= 1 { return "0" }
            return "0." + String(repeating: "0", count: digits - 1) }
        let n = Swift.max(1, digits)
        var exp10: mpfr_exp_t = 0
        guard let cstr = mpfr_get_str(nil, &exp10, 10, n, raw, MPFR_RNDN) else { return "?" }
        defer { mpfr_free_str(cstr) }
        var mant = String(cString: cstr)
        let negative = mant.hasPrefix("-")
        if negative { mant.removeFirst() }
        let sign = negative ? "-" : ""
        let e = Int(exp10) // value = 0.mant × 10^e
        if e > 0 && e <= n {
            let intPart = String(mant.prefix(e)), frac = String(mant.dropFirst(e))
            return frac.isEmpty ? sign + intPart : sign + intPart + "." + frac
        }
        if e <= 0 && e > -5 {
            let zeros = String(repeating: "0", count: -e)
            return sign + "0." + zeros + mant
        }
        let head = String(mant.prefix(1)), tail = String(mant.dropFirst())
        let body = tail.isEmpty ? head : head + "." + tail
        return sign + body + "e" + String(e - 1)
    }

    /// Decimal string with as many digits as the precision supports (⌊prec·log10 2⌋).
    public var description: String { toString(digits: Swift.max(1, Int(Double(precision) * 0.30102999566398))) }
}

extension BigFloat: CustomStringConvertible {}

extension BigFloat: Equatable, Comparable {
    /// Numerical equality (NaN ≠ NaN), regardless of precision.
    public static func == (a: BigFloat, b: BigFloat) -> Bool { mpfr_equal_p(a.raw, b.raw) != 0 }
    public static func < (a: BigFloat, b: BigFloat) -> Bool { mpfr_less_p(a.raw, b.raw) != 0 }
}

// MARK: Arithmetic, correctly rounded at the larger precision of the operands.
extension BigFloat {
    @inline(__always) static func binary(_ a: BigFloat, _ b: BigFloat,
                                         _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: Swift.max(a.precision, b.precision)) { _ = op($0, a.raw, b.raw, MPFR_RNDN) }
    }
    public static func + (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_add) }
    public static func - (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_sub) }
    public static func * (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_mul) }
    public static func / (a: BigFloat, b: BigFloat) -> BigFloat { binary(a, b, mpfr_div) }
    public static prefix func - (a: BigFloat) -> BigFloat { .computing(precision: a.precision) { mpfr_neg($0, a.raw, MPFR_RNDN) } }
    public static func += (a: inout BigFloat, b: BigFloat) { a = a + b }
    public static func -= (a: inout BigFloat, b: BigFloat) { a = a - b }
    public static func *= (a: inout BigFloat, b: BigFloat) { a = a * b }
    public static func /= (a: inout BigFloat, b: BigFloat) { a = a / b }

    public static func + (a: BigFloat, b: Int) -> BigFloat { .computing(precision: a.precision) { mpfr_add_si($0, a.raw, b, MPFR_RNDN) } }
    public static func - (a: BigFloat, b: Int) -> BigFloat { .computing(precision: a.precision) { mpfr_sub_si($0, a.raw, b, MPFR_RNDN) } }
    public static func * (a: BigFloat, b: Int) -> BigFloat { .computing(precision: a.precision) { mpfr_mul_si($0, a.raw, b, MPFR_RNDN) } }
    public static func / (a: BigFloat, b: Int) -> BigFloat { .computing(precision: a.precision) { mpfr_div_si($0, a.raw, b, MPFR_RNDN) } }
    public static func - (a: Int, b: BigFloat) -> BigFloat { .computing(precision: b.precision) { mpfr_si_sub($0, a, b.raw, MPFR_RNDN) } }
    public static func / (a: Int, b: BigFloat) -> BigFloat { .computing(precision: b.precision) { mpfr_si_div($0, a, b.raw, MPFR_RNDN) } }

    /// a·2^k, exact.
    public func scaled(byPowerOf2 k: Int) -> BigFloat { .computing(precision: precision) { mpfr_mul_2si($0, raw, k, MPFR_RNDN) } }

    public var magnitude: BigFloat { .computing(precision: precision) { mpfr_abs($0, raw, MPFR_RNDN) } }

    /// Fused a·b + c, correctly rounded once.
    public static func fma(_ a: BigFloat, _ b: BigFloat, _ c: BigFloat) -> BigFloat {
        .computing(precision: Swift.max(a.precision, b.precision, c.precision)) { mpfr_fma($0, a.raw, b.raw, c.raw, MPFR_RNDN) }
    }

    public static func maximum(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a < b ? b : a }
    public static func minimum(_ a: BigFloat, _ b: BigFloat) -> BigFloat { a < b ? a : b }
}
