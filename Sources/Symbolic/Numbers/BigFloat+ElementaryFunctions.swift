import CMPFR

/// Elementary functions, each correctly rounded to nearest by MPFR at the precision of `self`
/// (for two-argument functions, the larger precision). Real branch conventions: `log` and `sqrt`
/// of a negative number give NaN; `atan2(y, x)` ∈ (−π, π].
extension BigFloat {
    @inline(__always) func unary(_ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) -> BigFloat {
        .computing(precision: precision) { _ = op($0, raw, MPFR_RNDN) }
    }
    public func sqrt() -> BigFloat { unary(mpfr_sqrt) }
    public func exp() -> BigFloat { unary(mpfr_exp) }
    /// exp(x) − 1, accurate for small x.
    public func expm1() -> BigFloat { unary(mpfr_expm1) }
    public func log() -> BigFloat { unary(mpfr_log) }
    /// log(1 + x), accurate for small x.
    public func log1p() -> BigFloat { unary(mpfr_log1p) }
    public func log10() -> BigFloat { unary(mpfr_log10) }
    public func sin() -> BigFloat { unary(mpfr_sin) }
    public func cos() -> BigFloat { unary(mpfr_cos) }
    public func tan() -> BigFloat { unary(mpfr_tan) }
    public func atan() -> BigFloat { unary(mpfr_atan) }
    public func asin() -> BigFloat { unary(mpfr_asin) }
    public func acos() -> BigFloat { unary(mpfr_acos) }
    public func sinh() -> BigFloat { unary(mpfr_sinh) }
    public func cosh() -> BigFloat { unary(mpfr_cosh) }
    public func tanh() -> BigFloat { unary(mpfr_tanh) }
    /// Euler's Γ function.
    public func gamma() -> BigFloat { unary(mpfr_gamma) }
    /// (sin x, cos x) computed together.
    public func sinCos() -> (sin: BigFloat, cos: BigFloat) {
        let s = MPFRStorage(precision: precision), c = MPFRStorage(precision: precision)
        mpfr_sin_cos(s.pointer, c.pointer, raw, MPFR_RNDN)
        return (BigFloat(storage: s), BigFloat(storage: c))
    }
    /// atan2(y, x) ∈ (−π, π].
    public static func atan2(_ y: BigFloat, _ x: BigFloat) -> BigFloat { binary(y, x, mpfr_atan2) }
    /// x^y (real; NaN for negative x and non-integer y).
    public func pow(_ y: BigFloat) -> BigFloat { BigFloat.binary(self, y, mpfr_pow) }
    /// x^n for an integer n, correctly rounded.
    public func pow(_ n: Int) -> BigFloat { .computing(precision: precision) { mpfr_pow_si($0, raw, n, MPFR_RNDN) } }
    /// √(x² + y²) without overflow.
    public static func hypot(_ x: BigFloat, _ y: BigFloat) -> BigFloat { binary(x, y, mpfr_hypot) }

    /// The Fermi function 1/(e^x + 1), evaluated stably for large |x|: for x < 0 as 1/(e^x + 1)
    /// (e^x ≤ 1 cannot overflow), for x ≥ 0 as e^(−x)/(1 + e^(−x)) (no overflow; tiny values keep
    /// full relative precision). Never NaN for finite x.
    public func fermi() -> BigFloat {
        if isNegative {
            return 1 / (self.exp() + 1)
        }
        let t = (-self).exp()
        return t / (t + 1)
    }
}
