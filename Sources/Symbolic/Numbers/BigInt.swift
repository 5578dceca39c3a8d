import CGMP
#if canImport(Glibc)
import Glibc
#endif

/// Owner of one GMP integer. The only place where an `mpz_t` is created and cleared.
final class MPZStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>
    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }
    init(copying other: MPZStorage) {
        pointer = .allocate(capacity: 1)
        __gmpz_init_set(pointer, other.pointer)
    }
    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// An arbitrary-precision integer on GMP, with value semantics (copy on write).
///
/// Division follows the mathematicians' convention used throughout Referee: `quotientAndRemainder`
/// truncates toward zero like Swift's `Int`; `floorDivided(by:)` and `modulo` round toward −∞.
public struct BigInt: Sendable {
    var storage: MPZStorage

    /// Read access to the GMP value.
    @inline(__always) var raw: UnsafeMutablePointer<__mpz_struct> { storage.pointer }

    /// Write access: copies first when the storage is shared.
    @inline(__always) mutating func mutableRaw() -> UnsafeMutablePointer<__mpz_struct> {
        if !isKnownUniquelyReferenced(&storage) { storage = MPZStorage(copying: storage) }
        return storage.pointer
    }

    init(storage: MPZStorage) { self.storage = storage }

    /// A fresh result computed by `body(out)`.
    static func computing(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let s = MPZStorage()
        body(s.pointer)
        return BigInt(storage: s)
    }

    public init() { storage = MPZStorage() }

    public init(_ value: Int) {
        storage = MPZStorage()
        __gmpz_set_si(storage.pointer, value)
    }

    public init<T: BinaryInteger>(_ value: T) {
        if let small = Int(exactly: value) {
            self.init(small)
        } else {
            self.init(String(value), radix: 10)!
        }
    }

    /// Parses an optionally signed string of digits in the given radix (2…62). Returns nil on bad input.
    public init?(_ text: String, radix: Int = 10) {
        var t = Substring(text)
        var negative = false
        if t.first == "+" || t.first == "-" { negative = t.first == "-"; t = t.dropFirst() }
        guard !t.isEmpty, radix >= 2, radix <= 62 else { return nil }
        let digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        for ch in t.lowercased() {
            guard let i = digits.firstIndex(of: ch), digits.distance(from: digits.startIndex, to: i) < radix else { return nil }
        }
        let s = MPZStorage()
        let rc = __gmpz_set_str(s.pointer, (negative ? "-" : "") + String(t), Int32(radix))
        guard rc == 0 else { return nil }
        storage = s
    }

    public static var zero: BigInt { BigInt(0) }
    public static var one: BigInt { BigInt(1) }

    /// −1, 0 or +1.
    public var signum: Int { Int(cgmp_mpz_sgn(raw)) }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isOdd: Bool { cgmp_mpz_odd_p(raw) != 0 }

    /// The value as `Int` when it fits.
    public var intValue: Int? {
        __gmpz_fits_slong_p(raw) != 0 ? __gmpz_get_si(raw) : nil
    }

    /// Nearest `Double` (truncation toward zero, as GMP does).
    public var doubleValue: Double { __gmpz_get_d(raw) }

    /// Number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(raw, 2)) }

    public func toString(radix: Int = 10) -> String {
        guard let cstr = __gmpz_get_str(nil, Int32(radix), raw) else { return "?" }
        defer { free(cstr) }
        return String(cString: cstr)
    }

    public var magnitude: BigInt { BigInt.computing { __gmpz_abs($0, raw) } }

    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "negative exponent of an integer")
        return BigInt.computing { __gmpz_pow_ui($0, raw, UInt(exponent)) }
    }

    /// Greatest common divisor, non-negative.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt.computing { __gmpz_gcd($0, a.raw, b.raw) }
    }

    /// Least common multiple, non-negative.
    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt.computing { __gmpz_lcm($0, a.raw, b.raw) }
    }

    /// Truncated division: q = trunc(a/b), r = a − q b (sign of r = sign of a).
    public func quotientAndRemainder(dividingBy b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!b.isZero, "division by zero")
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_tdiv_qr(q.pointer, r.pointer, raw, b.raw)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Floor division: ⌊a/b⌋.
    public func floorDivided(by b: BigInt) -> BigInt {
        precondition(!b.isZero, "division by zero")
        return BigInt.computing { __gmpz_fdiv_q($0, raw, b.raw) }
    }

    /// True when b divides self exactly.
    public func isDivisible(by b: BigInt) -> Bool { __gmpz_divisible_p(raw, b.raw) != 0 }

    /// Exact quotient; precondition: b divides self.
    public func exactlyDivided(by b: BigInt) -> BigInt {
        BigInt.computing { __gmpz_divexact($0, raw, b.raw) }
    }

    /// ⌊√self⌋ for self ≥ 0.
    public var integerSquareRoot: BigInt {
        precondition(!isNegative, "square root of a negative integer")
        return BigInt.computing { __gmpz_sqrt($0, raw) }
    }

    /// True when self is a perfect square.
    public var isPerfectSquare: Bool { __gmpz_perfect_square_p(raw) != 0 }

    /// n! for n ≥ 0.
    public static func factorial(_ n: Int) -> BigInt {
        precondition(n >= 0)
        return BigInt.computing { __gmpz_fac_ui($0, UInt(n)) }
    }

    /// Binomial coefficient C(n, k).
    public static func binomial(_ n: Int, _ k: Int) -> BigInt {
        precondition(n >= 0 && k >= 0)
        return BigInt.computing { __gmpz_bin_uiui($0, UInt(n), UInt(k)) }
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
    public var description: String { toString() }
    public init?(_ description: String) { self.init(description, radix: 10) }
}

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.raw, b.raw) == 0 }
    public static func < (a: BigInt, b: BigInt) -> Bool { __gmpz_cmp(a.raw, b.raw) < 0 }
    public func hash(into hasher: inout Hasher) {
        // Hash the limbs: equal values have equal limb arrays.
        let size = Int(raw.pointee._mp_size)
        hasher.combine(size)
        if let limbs = raw.pointee._mp_d {
            for i in 0..<abs(size) { hasher.combine(limbs[i]) }
        }
    }
}

extension BigInt {
    public static func + (a: BigInt, b: BigInt) -> BigInt { .computing { __gmpz_add($0, a.raw, b.raw) } }
    public static func - (a: BigInt, b: BigInt) -> BigInt { .computing { __gmpz_sub($0, a.raw, b.raw) } }
    public static func * (a: BigInt, b: BigInt) -> BigInt { .computing { __gmpz_mul($0, a.raw, b.raw) } }
    public static prefix func - (a: BigInt) -> BigInt { .computing { __gmpz_neg($0, a.raw) } }
    /// Truncated quotient, like `Int`.
    public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }
    /// Truncated remainder, like `Int`.
    public static func % (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).remainder }

    public static func += (a: inout BigInt, b: BigInt) {
        let out = a.mutableRaw(); __gmpz_add(out, out, b.raw)
    }
    public static func -= (a: inout BigInt, b: BigInt) {
        let out = a.mutableRaw(); __gmpz_sub(out, out, b.raw)
    }
    public static func *= (a: inout BigInt, b: BigInt) {
        let out = a.mutableRaw(); __gmpz_mul(out, out, b.raw)
    }
}
