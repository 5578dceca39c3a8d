import CGMP
#if canImport(Glibc)
import Glibc
#endif

/// Owner of one GMP rational. The only place where an `mpq_t` is created and cleared.
final class MPQStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpq_struct>
    init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }
    init(copying other: MPQStorage) {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
        __gmpq_set(pointer, other.pointer)
    }
    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// An exact rational number p/q on GMP, always in lowest terms with q > 0. Value semantics.
public struct BigRational: Sendable {
    var storage: MPQStorage
    @inline(__always) var raw: UnsafeMutablePointer<__mpq_struct> { storage.pointer }

    init(storage: MPQStorage) { self.storage = storage }

    static func computing(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> BigRational {
        let s = MPQStorage()
        body(s.pointer)
        return BigRational(storage: s)
    }

    public init() { storage = MPQStorage() }

    public init(_ value: Int) {
        storage = MPQStorage()
        __gmpq_set_si(storage.pointer, value, 1)
    }

    public init(_ value: BigInt) {
        storage = MPQStorage()
        __gmpq_set_z(storage.pointer, value.raw)
    }

    /// numerator/denominator, reduced. Precondition: denominator ≠ 0.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "zero denominator")
        storage = MPQStorage()
        __gmpz_set(cgmp_mpq_numref(storage.pointer), numerator.raw)
        __gmpz_set(cgmp_mpq_denref(storage.pointer), denominator.raw)
        __gmpq_canonicalize(storage.pointer)
    }

    public init(_ numerator: Int, _ denominator: Int) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// The exact value of a finite `Double` (every binary float is a rational).
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        storage = MPQStorage()
        __gmpq_set_d(storage.pointer, value)
    }

    /// Parses "p", "p/q", or a decimal "1.25", "-3.5e-4", "2E+3". Returns nil on bad input or zero denominator.
    public init?(_ text: String) {
        let t = String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        if let slash = t.firstIndex(of: "/") {
            guard let p = BigInt(String(t[..<slash])), let q = BigInt(String(t[t.index(after: slash)...])), !q.isZero else { return nil }
            self.init(p, q)
            return
        }
        // Decimal with optional exponent.
        var mantissa = Substring(t)
        var exponent = 0
        if let e = t.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let ex = Int(t[t.index(after: e)...]) , abs(ex) < 1_000_000 else { return nil }
            exponent = ex
            mantissa = t[..<e]
        }
        var negative = false
        if mantissa.first == "-" || mantissa.first == "+" { negative = mantissa.first == "-"; mantissa = mantissa.dropFirst() }
        var digits = ""
        var fractionDigits = 0
        if let dot = mantissa.firstIndex(of: ".") {
            let intPart = mantissa[..<dot], fracPart = mantissa[mantissa.index(after: dot)...]
            guard !(intPart.isEmpty && fracPart.isEmpty) else { return nil }
            digits = String(intPart) + String(fracPart)
            fractionDigits = fracPart.count
        } else {
            digits = String(mantissa)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = BigInt(digits) else { return nil }
        let scale = exponent - fractionDigits
        var value = BigRational(negative ? -n : n)
        if scale > 0 { value = value * BigRational(BigInt(10).power(scale)) }
        if scale < 0 { value = value / BigRational(BigInt(10).power(-scale)) }
        self = value
    }

    public static var zero: BigRational { BigRational(0) }
    public static var one: BigRational { BigRational(1) }

    public var numerator: BigInt { BigInt.computing { __gmpz_set($0, cgmp_mpq_numref(raw)) } }
    public var denominator: BigInt { BigInt.computing { __gmpz_set($0, cgmp_mpq_denref(raw)) } }

    public var signum: Int { Int(cgmp_mpq_sgn(raw)) }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isInteger: Bool { __gmpz_cmp_ui(cgmp_mpq_denref(raw), 1) == 0 }
    public var isOne: Bool { self == .one }

    public var magnitude: BigRational { .computing { __gmpq_abs($0, raw) } }

    /// 1/self. Precondition: self ≠ 0.
    public var reciprocal: BigRational {
        precondition(!isZero, "division by zero")
        return .computing { __gmpq_inv($0, raw) }
    }

    /// Nearest Double (truncated, as GMP does).
    public var doubleValue: Double { __gmpq_get_d(raw) }

    /// self^n for any integer n (n < 0 needs self ≠ 0).
    public func power(_ n: Int) -> BigRational {
        if n == 0 { return .one }
        if n < 0 { return reciprocal.power(-n) }
        return BigRational(numerator.power(n), denominator.power(n))
    }

    /// The exact k-th root when self is a perfect k-th power of a rational, else nil.
    public func exactRoot(_ k: Int) -> BigRational? {
        precondition(k >= 1)
        if k == 1 { return self }
        if isNegative && k % 2 == 0 { return nil }
        func root(_ z: BigInt) -> BigInt? {
            let m = z.magnitude
            let r = BigInt.computing { __gmpz_root($0, m.raw, UInt(k)) }
            return r.power(k) == m ? (z.isNegative ? -r : r) : nil
        }
        guard let p = root(numerator), let q = root(denominator) else { return nil }
        return BigRational(p, q)
    }

    /// ⌊self⌋.
    public var floor: BigInt { numerator.floorDivided(by: denominator) }

    /// "p" or "p/q".
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}

extension BigRational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigRational: CustomStringConvertible {}

extension BigRational: Equatable, Comparable, Hashable {
    public static func == (a: BigRational, b: BigRational) -> Bool { __gmpq_equal(a.raw, b.raw) != 0 }
    public static func < (a: BigRational, b: BigRational) -> Bool { __gmpq_cmp(a.raw, b.raw) < 0 }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension BigRational {
    public static func + (a: BigRational, b: BigRational) -> BigRational { .computing { __gmpq_add($0, a.raw, b.raw) } }
    public static func - (a: BigRational, b: BigRational) -> BigRational { .computing { __gmpq_sub($0, a.raw, b.raw) } }
    public static func * (a: BigRational, b: BigRational) -> BigRational { .computing { __gmpq_mul($0, a.raw, b.raw) } }
    public static func / (a: BigRational, b: BigRational) -> BigRational {
        precondition(!b.isZero, "division by zero")
        return .computing { __gmpq_div($0, a.raw, b.raw) }
    }
    public static prefix func - (a: BigRational) -> BigRational { .computing { __gmpq_neg($0, a.raw) } }
    public static func += (a: inout BigRational, b: BigRational) { a = a + b }
    public static func -= (a: inout BigRational, b: BigRational) { a = a - b }
    public static func *= (a: inout BigRational, b: BigRational) { a = a * b }
    public static func /= (a: inout BigRational, b: BigRational) { a = a / b }
}
