import CMPFR
import Synchronization

/// e^{−y} for y ≥ 0 at working precisions up to 512 bits, computed in fixed point on 64-bit limbs.
///
/// The Fermi-layer quadrature evaluates one such exponential per node (the occupation
/// f = E/(1 + E) or 1/(1 + E) with E = e^{−|x|}); at 50 digits MPFR's general `mpfr_exp` (mpz
/// temporaries, thread-local constant caches) costs several times the arithmetic around it. This
/// type does the same job with a few dozen limb products and no allocation.
///
/// Method (a table method in the manner of Tang, with four table levels):
///
///     y = k ln 2 + r,  0 ≤ r < ln 2,                       e^{−y} = 2^{−k} e^{−r},
///     r = j₁ 2^{−8} + j₂ 2^{−16} + j₃ 2^{−24} + j₄ 2^{−32} + ρ,  0 ≤ ρ < 2^{−32},
///     e^{−r} = T₁[j₁] T₂[j₂] T₃[j₃] T₄[j₄] (1 − Q(ρ)),      Q(ρ) = 1 − e^{−ρ} = ρ − ρ²/2! + ρ³/3! − …,
///
/// with Tₗ[j] = e^{−j 2^{−8l}} and Q summed by Horner's rule to the degree n at which the
/// remainder ρ^{n+1}/(n+1)! is below 2^{−64L−2}. Every quantity is a fraction in [0, 1) held in
/// L = ⌈p/64⌉ + 1 limbs: one guard limb below the precision p of the result.
///
/// Error bound, in units u = 2^{−64L} of the fixed-point fraction: y truncated to the grid (≤ 1 u
/// in r, hence ≤ 1 u relative in e^{−r}); k ln 2 with ln 2 truncated (≤ k u ≤ 2²⁶ u — y < 2²⁴);
/// four table entries (≤ 1 u each) and their three truncated products (≤ 1 u each); the Horner
/// steps (≤ 2 u each, n + 1 of them) and the Taylor remainder (≤ 1/4 u). Since e^{−r} > 1/2, the
/// relative error before the final rounding is below 2·(2²⁶ + 2n + 12) u < 2^{−64L+28}
/// = 2^{−p−36} for the p ≤ 64(L − 1) used, so the result is within 0.5 + 2^{−36} ulp of e^{−y}: it is
/// faithful, and differs from MPFR's correctly rounded `mpfr_exp` only when e^{−y} lies within
/// 2^{−36} ulp of a rounding boundary. The tests compare it with `mpfr_exp` at many precisions.
///
/// Outside its range (y < 0, y ≥ 2²⁴, p > 512, NaN or ∞) it calls `mpfr_exp`. `setExpOfMinusMagnitude`
/// gives e^{−|y|} for y of either sign.
///
/// An instance owns its scratch limbs and is meant for one loop on one thread (not `Sendable`);
/// the tables are shared and immutable.
public final class FixedPointExponential {
    /// Precision of the results in bits.
    public let precision: Int
    /// Fraction limbs L (one more than the result's limbs), or 0 when the precision is beyond the
    /// fixed-point range and every call goes to MPFR.
    let limbs: Int
    let tables: Tables?
    /// Scratch: Y (L+1), R (L+1), T (L), A (L), P (2L).
    let scratch: UnsafeMutablePointer<UInt>

    /// The largest precision (bits) computed in fixed point.
    public static let maximumPrecision = 512

    public init(precision: Int) {
        self.precision = precision
        if precision <= Self.maximumPrecision && precision >= 2 {
            limbs = (precision + 63) / 64 + 1
            tables = Tables.shared(limbs: limbs)
        } else {
            limbs = 0
            tables = nil
        }
        scratch = .allocate(capacity: Swift.max(1, 6 * limbs + 2))
        scratch.initialize(repeating: 0, count: Swift.max(1, 6 * limbs + 2))
    }

    deinit { scratch.deallocate() }

    /// result = e^{−y} at `precision` (error ≤ 0.5 + 2^{−36} ulp; see the type's documentation).
    public func setExpOfMinus(_ result: inout BigFloat, _ y: BigFloat) {
        compute(&result, y, magnitude: false)
    }

    /// result = e^{−|y|} at `precision` (the decay factor of the Fermi function; same accuracy).
    public func setExpOfMinusMagnitude(_ result: inout BigFloat, _ y: BigFloat) {
        compute(&result, y, magnitude: true)
    }

    /// e^{−y}, or e^{−|y|} when `magnitude` (the fixed-point path reads only the limbs and the
    /// exponent of y, so the sign is simply ignored).
    private func compute(_ result: inout BigFloat, _ y: BigFloat, magnitude: Bool) {
        let p = precision
        let r = result.writable(precision: p)
        let ry = y.raw
        guard let tables = tables, mpfr_regular_p(ry) != 0, magnitude || cmpfr_sgn(ry) > 0, cmpfr_get_exp(ry) <= 24 else {
            if magnitude { mpfr_abs(r, ry, MPFR_RNDN); mpfr_neg(r, r, MPFR_RNDN) } else { mpfr_neg(r, ry, MPFR_RNDN) }
            mpfr_exp(r, r, MPFR_RNDN)
            return
        }
        let L = limbs
        let Y = scratch, R = scratch + (L + 1), T = R + (L + 1), A = T + L, P = A + L
        // Y = ⌊y 2^{64L}⌋ in L + 1 limbs (the top one is the integer part).
        Self.fixedPoint(ry, into: Y, fractionLimbs: L, count: L + 1)
        // k = ⌊y / ln 2⌋, first from the top limbs as a double, then corrected exactly.
        let ln2 = tables.ln2
        let approx = (Double(Y[L]) + Double(Y[L - 1]) * 0x1p-64) * 1.4426950408889634
        var k = UInt(Swift.max(0, approx.rounded(.down)))
        // R = Y − k·LN2
        var carry: UInt = 0
        var borrow = false
        for i in 0..<L {
            let (hi, lo) = ln2[i].multipliedFullWidth(by: k)
            let (kl, c) = lo.addingReportingOverflow(carry)
            carry = hi &+ (c ? 1 : 0)
            let (d1, b1) = Y[i].subtractingReportingOverflow(kl)
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            R[i] = d2; borrow = b1 || b2
        }
        do {
            let (d1, b1) = Y[L].subtractingReportingOverflow(carry)
            let (d2, b2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            R[L] = d2; borrow = b1 || b2
        }
        while borrow {                         // R < 0: k was one too large
            k -= 1
            var c = false
            for i in 0..<L {
                let (s1, c1) = R[i].addingReportingOverflow(ln2[i])
                let (s2, c2) = s1.addingReportingOverflow(c ? 1 : 0)
                R[i] = s2; c = c1 || c2
            }
            let (s, overflow) = R[L].addingReportingOverflow(c ? 1 : 0)
            R[L] = s
            borrow = !overflow                 // still negative unless the sum wrapped past zero
        }
        while Self.compare(R, ln2, L) >= 0 {   // R ≥ ln 2: k was too small
            k += 1
            var b = false
            for i in 0..<L {
                let (d1, b1) = R[i].subtractingReportingOverflow(ln2[i])
                let (d2, b2) = d1.subtractingReportingOverflow(b ? 1 : 0)
                R[i] = d2; b = b1 || b2
            }
            R[L] &-= (b ? 1 : 0)
        }
        // Table levels: the top 32 bits of r.
        let top = R[L - 1]
        R[L - 1] = top & 0xFFFF_FFFF
        var haveT = false
        for level in 0..<4 {
            let j = Int((top >> UInt(56 - 8 * level)) & 0xFF)
            if j == 0 { continue }
            let entry = tables.entry(level: level, j)
            if haveT { mulHigh(T, entry, T, P, L) } else { T.update(from: entry, count: L); haveT = true }
        }
        // A = Q(ρ) = ρ − ρ²(c₂ − ρ(c₃ − … ρ c_n)), cᵢ = 1/i!.
        var rhoZero = true
        for i in 0..<L where R[i] != 0 { rhoZero = false; break }
        if rhoZero {
            if !haveT {                        // r = 0: e^{−y} = 2^{−k}
                mpfr_set_ui(r, 1, MPFR_RNDN)
                mpfr_mul_2si(r, r, -Int(k), MPFR_RNDN)
                return
            }
        } else {
            let n = tables.degree
            A.update(from: tables.coefficient(n), count: L)
            if n >= 3 {
                for i in stride(from: n - 1, through: 2, by: -1) {
                    mulHigh(R, A, A, P, L)
                    Self.subtract(tables.coefficient(i), A, into: A, L)
                }
            }
            mulHigh(R, A, A, P, L)
            mulHigh(R, A, A, P, L)
            Self.subtract(R, A, into: A, L)      // A = Q
        }
        // E = T(1 − Q) = T − T·Q, or 1 − Q when every j is 0 (then Q > 0).
        if haveT {
            if !rhoZero {
                mulHigh(T, A, A, P, L)
                Self.subtract(T, A, into: T, L)
            }
        } else {
            var b = false
            for i in 0..<L {                   // T = 2^{64L} − Q
                let (d1, b1) = UInt(0).subtractingReportingOverflow(A[i])
                let (d2, b2) = d1.subtractingReportingOverflow(b ? 1 : 0)
                T[i] = d2; b = b1 || b2
            }
        }
        // Normalise T (value 0.T), round to p bits, store with exponent −(leading zeros) − k.
        var lz = 0
        var topLimb = L - 1
        while topLimb >= 0 && T[topLimb] == 0 { topLimb -= 1; lz += 64 }
        precondition(topLimb >= 0, "FixedPointExponential: zero significand")
        let bits = T[topLimb].leadingZeroBitCount
        lz += bits
        // Shift left by lz bits into P[0..<L].
        let limbShift = lz / 64, bitShift = lz % 64
        for i in stride(from: L - 1, through: 0, by: -1) {
            let src = i - limbShift
            var v: UInt = src >= 0 ? T[src] << UInt(bitShift) : 0
            if bitShift != 0 && src - 1 >= 0 { v |= T[src - 1] >> UInt(64 - bitShift) }
            P[i] = v
        }
        // Keep the top n = L − 1 limbs (P[1...]), rounding to nearest at bit p.
        let n = L - 1
        let drop = 64 * n - p                  // low bits of P[1] below the precision
        let roundUp: Bool
        if drop == 0 {
            roundUp = P[0] >> 63 == 1
        } else {
            roundUp = (P[1] >> UInt(drop - 1)) & 1 == 1
            P[1] &= ~((1 << UInt(drop)) - 1)
        }
        var exponent = -lz - Int(k)
        if roundUp {
            // Add one unit at bit `drop` of P[1] and carry upwards (mpn_add_1).
            let carry = __gmpn_add_1(P + 1, P + 1, n, 1 << UInt(drop))
            if carry != 0 {                    // rounded up to a power of two
                for m in 1..<L { P[m] = 0 }
                P[L - 1] = 1 << 63
                exponent += 1
            }
        }
        let d = r.pointee._mpfr_d!
        for i in 0..<n { d[i] = P[i + 1] }
        r.pointee._mpfr_sign = 1
        r.pointee._mpfr_exp = mpfr_exp_t(exponent)
    }

    /// out = ⌊a·b / 2^{64L}⌋ (a, b, out fractions of L limbs; out may be a or b; P has 2L limbs):
    /// GMP's `mpn_mul_n` (the documented low-level interface, assembly on x86-64), top half kept.
    @inline(__always) func mulHigh(_ a: UnsafePointer<UInt>, _ b: UnsafePointer<UInt>, _ out: UnsafeMutablePointer<UInt>,
                                   _ P: UnsafeMutablePointer<UInt>, _ L: Int) {
        __gmpn_mul_n(P, a, b, L)
        out.update(from: P + L, count: L)
    }

    /// out = a − b (L limbs, a ≥ b; out may alias either): `mpn_sub_n`.
    @inline(__always) static func subtract(_ a: UnsafePointer<UInt>, _ b: UnsafePointer<UInt>,
                                           into out: UnsafeMutablePointer<UInt>, _ L: Int) {
        _ = __gmpn_sub_n(out, a, b, L)
    }

    /// Sign of R − a, R of L + 1 limbs, a of L.
    @inline(__always) static func compare(_ R: UnsafePointer<UInt>, _ a: UnsafePointer<UInt>, _ L: Int) -> Int {
        if R[L] != 0 { return 1 }
        for i in stride(from: L - 1, through: 0, by: -1) where R[i] != a[i] { return R[i] > a[i] ? 1 : -1 }
        return 0
    }

    /// out[0..<count] = ⌊x·2^{64·fractionLimbs}⌋ for a regular x ≥ 0 below 2^{64(count − fractionLimbs)}.
    static func fixedPoint(_ x: UnsafePointer<__mpfr_struct>, into out: UnsafeMutablePointer<UInt>,
                           fractionLimbs L: Int, count: Int) {
        for i in 0..<count { out[i] = 0 }
        let n = (Int(mpfr_get_prec(x)) + 63) / 64
        let e = Int(x.pointee._mpfr_exp)
        let d = x.pointee._mpfr_d!
        let pos0 = e + 64 * L - 64 * n         // bit position of the lowest bit of d[0]
        for i in 0..<n {
            let shift = pos0 + 64 * i
            let q = shift >> 6, b = shift & 63
            let limb = UInt(d[i])
            if q >= 0 && q < count { out[q] |= limb << UInt(b) }
            if b != 0 && q + 1 >= 0 && q + 1 < count { out[q + 1] |= limb >> UInt(64 - b) }
        }
    }

    /// The tables for L fraction limbs: Tₗ[j] = e^{−j 2^{−8l}} (l = 1…4, j = 1…255), ln 2, and the
    /// Taylor coefficients 1/i!, each truncated to L limbs from an MPFR value with 64 guard bits.
    final class Tables: @unchecked Sendable {
        let limbs: Int
        /// Horner degree n: ρ^{n+1}/(n+1)! < 2^{−64L−2} for ρ < 2^{−32}.
        let degree: Int
        private let storage: UnsafeMutablePointer<UInt>
        let ln2: UnsafePointer<UInt>

        private static let cache = Mutex<[Int: Tables]>([:])

        static func shared(limbs L: Int) -> Tables {
            if let t = cache.withLock({ $0[L] }) { return t }
            let t = Tables(limbs: L)
            return cache.withLock { c in
                if let existing = c[L] { return existing }
                c[L] = t
                return t
            }
        }

        private init(limbs L: Int) {
            self.limbs = L
            // ⌊log₂ (n+1)!⌋ from the binary exponent (an underestimate: n may come out one larger).
            var n = 1
            var factorial = 2.0                           // (n+1)!
            while (n + 1) * 32 + Int(factorial.exponent) < 64 * L + 2 {
                n += 1
                factorial *= Double(n + 1)
            }
            degree = n
            let count = (4 * 256 + 1 + (n + 1)) * L
            storage = .allocate(capacity: count)
            storage.initialize(repeating: 0, count: count)
            ln2 = UnsafePointer(storage + 4 * 256 * L)
            let q = mpfr_prec_t(64 * L + 64)
            let x = MPFRStorage(precision: Int(q))
            for level in 0..<4 {
                for j in 1..<256 {
                    mpfr_set_si_2exp(x.pointer, -j, -8 * (level + 1), MPFR_RNDN)   // exact
                    mpfr_exp(x.pointer, x.pointer, MPFR_RNDN)
                    FixedPointExponential.fixedPoint(x.pointer, into: storage + (level * 256 + j) * L, fractionLimbs: L, count: L)
                }
            }
            mpfr_const_log2(x.pointer, MPFR_RNDN)
            FixedPointExponential.fixedPoint(x.pointer, into: storage + 4 * 256 * L, fractionLimbs: L, count: L)
            for i in 2...Swift.max(2, n) {                // 1/i!
                mpfr_set_ui(x.pointer, 1, MPFR_RNDN)
                for m in 2...i { mpfr_div_ui(x.pointer, x.pointer, UInt(m), MPFR_RNDN) }
                FixedPointExponential.fixedPoint(x.pointer, into: storage + (4 * 256 + 1 + i) * L, fractionLimbs: L, count: L)
            }
        }

        @inline(__always) func entry(level: Int, _ j: Int) -> UnsafePointer<UInt> {
            UnsafePointer(storage + (level * 256 + j) * limbs)
        }
        @inline(__always) func coefficient(_ i: Int) -> UnsafePointer<UInt> {
            UnsafePointer(storage + (4 * 256 + 1 + i) * limbs)
        }
    }
}
