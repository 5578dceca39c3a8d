/// The numerical value of a physical quantity: exact as q·π^k (q rational, k an integer) when
/// every input was exact — so that ħ = h/(2π) and unit conversions stay exact — and otherwise an
/// MPFR float carrying its own precision.
///
/// Arithmetic stays exact whenever the exact result has the form q·π^k; otherwise it rounds to
/// nearest at the larger precision of the float operands (or `precision` where a method takes it).
public enum QuantityValue: Sendable, Equatable {
    /// q · π^piPower, exact.
    case exact(BigRational, piPower: Int)
    /// A rounded value.
    case approximate(BigFloat)

    /// The exact rational q.
    public init(_ q: BigRational) { self = .exact(q, piPower: 0) }
    /// The exact integer n.
    public init(_ n: Int) { self = .exact(BigRational(n), piPower: 0) }

    /// True for `.exact`.
    public var isExact: Bool { if case .exact = self { return true }; return false }
    /// The rational value when exact and free of π.
    public var rationalValue: BigRational? {
        if case .exact(let q, let k) = self, k == 0 { return q }
        return nil
    }
    /// True when the value is 0.
    public var isZero: Bool {
        switch self {
        case .exact(let q, _): return q.isZero
        case .approximate(let x): return x.isZero
        }
    }
    /// −1, 0 or +1 (π^k > 0).
    public var signum: Int {
        switch self {
        case .exact(let q, _): return q.signum
        case .approximate(let x): return x.signum
        }
    }
    /// Precision of a rounded value; nil when exact.
    public var floatPrecision: Int? {
        if case .approximate(let x) = self { return x.precision }
        return nil
    }

    /// The value rounded to `precision` bits (an exact value is rounded once: q·π^k with π^k
    /// evaluated with 32 guard bits).
    public func bigFloat(precision: Int) -> BigFloat {
        switch self {
        case .approximate(let x): return BigFloat(x, precision: precision)
        case .exact(let q, let k):
            if k == 0 { return BigFloat(q, precision: precision) }
            let work = precision + 32
            let v = BigFloat(q, precision: work) * BigFloat.pi(precision: work).pow(k)
            return BigFloat(v, precision: precision)
        }
    }
    /// Nearest Double (for uncertainty bookkeeping and quick looks, never for results).
    public var doubleValue: Double { bigFloat(precision: 64).doubleValue }

    /// Common float precision of two operands: the larger of their float precisions, else `fallback`.
    static func precision(_ a: QuantityValue, _ b: QuantityValue, fallback: Int) -> Int {
        switch (a.floatPrecision, b.floatPrecision) {
        case (let p?, let q?): return Swift.max(p, q)
        case (let p?, nil), (nil, let p?): return p
        default: return fallback
        }
    }

    /// Product; exact when both are exact (π powers add).
    public static func * (a: QuantityValue, b: QuantityValue) -> QuantityValue {
        if case .exact(let p, let k) = a, case .exact(let q, let l) = b { return .exact(p * q, piPower: k + l) }
        let prec = precision(a, b, fallback: 64)
        return .approximate(a.bigFloat(precision: prec) * b.bigFloat(precision: prec))
    }
    /// Quotient; exact when both are exact and the divisor is nonzero (π powers subtract).
    public static func / (a: QuantityValue, b: QuantityValue) -> QuantityValue {
        if case .exact(let p, let k) = a, case .exact(let q, let l) = b, !q.isZero { return .exact(p / q, piPower: k - l) }
        let prec = precision(a, b, fallback: 64)
        return .approximate(a.bigFloat(precision: prec) / b.bigFloat(precision: prec))
    }
    /// Negation.
    public static prefix func - (a: QuantityValue) -> QuantityValue {
        switch a {
        case .exact(let q, let k): return .exact(-q, piPower: k)
        case .approximate(let x): return .approximate(-x)
        }
    }
    /// a + b; exact when both are exact with the same power of π (or one of them is zero).
    public func adding(_ b: QuantityValue, precision fallback: Int) -> QuantityValue {
        if case .exact(let p, let k) = self, case .exact(let q, let l) = b {
            if k == l { return .exact(p + q, piPower: k) }
            if p.isZero { return b }
            if q.isZero { return self }
        }
        let prec = QuantityValue.precision(self, b, fallback: fallback)
        return .approximate(bigFloat(precision: prec) + b.bigFloat(precision: prec))
    }
    /// self^p for a rational p: exact when the rational part is an exact root and k·p is an integer;
    /// otherwise rounded at the operand's precision (or `precision` when exact).
    public func pow(_ p: BigRational, precision fallback: Int) -> QuantityValue {
        if case .exact(let q, let k) = self {
            let kp = BigRational(k) * p
            if kp.isInteger, let piPower = kp.numerator.intValue,
               let num = p.numerator.intValue, let den = p.denominator.intValue, abs(num) <= 4096,
               !(q.isZero && num < 0), let root = q.exactRoot(den) {
                return .exact(root.power(num), piPower: piPower)
            }
        }
        let prec = floatPrecision ?? fallback
        let base = bigFloat(precision: prec)
        if p.isInteger, let n = p.numerator.intValue { return .approximate(base.pow(n)) }
        return .approximate(base.pow(BigFloat(p, precision: prec)))
    }

    /// Decimal text with `digits` significant digits ("1.602e-19"); exact rationals without π are
    /// printed exactly when they are integers or short decimals.
    public func toString(digits: Int) -> String {
        bigFloat(precision: BigFloat.bits(forDigits: digits) + 16).toString(digits: digits)
    }
}

extension QuantityValue: CustomStringConvertible {
    /// "q", "q*pi^k", or the float's decimal digits.
    public var description: String {
        switch self {
        case .exact(let q, let k):
            if k == 0 { return q.description }
            return k == 1 ? "\(q)*pi" : "\(q)*pi^\(k)"
        case .approximate(let x): return x.description
        }
    }
}
