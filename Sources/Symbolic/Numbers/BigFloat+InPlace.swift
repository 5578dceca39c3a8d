import CMPFR

/// In-place arithmetic for inner loops: `y.setProduct(a, b)` stores a·b in y, reusing y's MPFR
/// number when y holds the only reference to it (otherwise y gets a fresh one; other copies of
/// the old value are never changed, so value semantics hold).
///
/// Each result is correctly rounded to nearest at the precision the corresponding operator would
/// give (the larger precision of the operands), so `y.setSum(a, b)` equals `y = a + b` bit for
/// bit; only the allocation is saved. Keep loop temporaries in variables declared outside the loop.
/// To update a value with itself as an operand use the compound forms (`add`, `subtract`,
/// `multiply(by:)`, `divide(by:)`, `scale(byPowerOf2:)`): `y.setSum(y, b)` is an overlapping access.
extension BigFloat {
    /// The MPFR number of self, unique and at precision p, for writing a new value.
    @inline(__always) mutating func writable(precision p: Int) -> UnsafeMutablePointer<__mpfr_struct> {
        if isKnownUniquelyReferenced(&storage) {
            if Int(mpfr_get_prec(storage.pointer)) != p { mpfr_set_prec(storage.pointer, mpfr_prec_t(p)) }
        } else {
            storage = MPFRStorage(precision: p)
        }
        return storage.pointer
    }

    /// self = a + b.
    public mutating func setSum(_ a: BigFloat, _ b: BigFloat) {
        let r = writable(precision: Swift.max(a.precision, b.precision)); mpfr_add(r, a.raw, b.raw, MPFR_RNDN)
    }
    /// self = a − b.
    public mutating func setDifference(_ a: BigFloat, _ b: BigFloat) {
        let r = writable(precision: Swift.max(a.precision, b.precision)); mpfr_sub(r, a.raw, b.raw, MPFR_RNDN)
    }
    /// self = a · b.
    public mutating func setProduct(_ a: BigFloat, _ b: BigFloat) {
        let r = writable(precision: Swift.max(a.precision, b.precision)); mpfr_mul(r, a.raw, b.raw, MPFR_RNDN)
    }
    /// self = a / b.
    public mutating func setQuotient(_ a: BigFloat, _ b: BigFloat) {
        let r = writable(precision: Swift.max(a.precision, b.precision)); mpfr_div(r, a.raw, b.raw, MPFR_RNDN)
    }
    /// self = a·b + c, rounded once (as `BigFloat.fma`).
    public mutating func setFMA(_ a: BigFloat, _ b: BigFloat, _ c: BigFloat) {
        let r = writable(precision: Swift.max(a.precision, b.precision, c.precision))
        mpfr_fma(r, a.raw, b.raw, c.raw, MPFR_RNDN)
    }
    /// self = −a (exact).
    public mutating func setNegation(_ a: BigFloat) {
        let r = writable(precision: a.precision); mpfr_neg(r, a.raw, MPFR_RNDN)
    }
    /// self = sin a.
    public mutating func setSin(_ a: BigFloat) {
        let r = writable(precision: a.precision); mpfr_sin(r, a.raw, MPFR_RNDN)
    }
    /// self = 1/self.
    public mutating func invert() {
        if isKnownUniquelyReferenced(&storage) { mpfr_ui_div(storage.pointer, 1, storage.pointer, MPFR_RNDN) } else { self = 1 / self }
    }
    /// self = a/self (at the larger precision, as `a / self`).
    public mutating func divide(into a: BigFloat) {
        if isKnownUniquelyReferenced(&storage) && a.precision <= precision {
            mpfr_div(storage.pointer, a.raw, storage.pointer, MPFR_RNDN)
        } else {
            self = a / self
        }
    }
    /// self = a + n.
    public mutating func setSum(_ a: BigFloat, _ n: Int) {
        let r = writable(precision: a.precision); mpfr_add_si(r, a.raw, n, MPFR_RNDN)
    }
    /// self = a · 2^k (exact).
    public mutating func setScaled(_ a: BigFloat, byPowerOf2 k: Int) {
        let r = writable(precision: a.precision); mpfr_mul_2si(r, a.raw, k, MPFR_RNDN)
    }
    /// self = e^a.
    public mutating func setExp(_ a: BigFloat) {
        let r = writable(precision: a.precision); mpfr_exp(r, a.raw, MPFR_RNDN)
    }
    /// self = self ∘ b for an MPFR operation ∘, rounded at the larger precision as the operator is.
    @inline(__always) mutating func update(with b: BigFloat,
                                           _ op: (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32) {
        let p = Swift.max(precision, b.precision)
        if isKnownUniquelyReferenced(&storage) && precision == p {
            _ = op(storage.pointer, storage.pointer, b.raw, MPFR_RNDN)
        } else {
            self = BigFloat.binary(self, b, op)
        }
    }
    /// self += b.
    public mutating func add(_ b: BigFloat) { update(with: b, mpfr_add) }
    /// self −= b.
    public mutating func subtract(_ b: BigFloat) { update(with: b, mpfr_sub) }
    /// self *= b.
    public mutating func multiply(by b: BigFloat) { update(with: b, mpfr_mul) }
    /// self /= b.
    public mutating func divide(by b: BigFloat) { update(with: b, mpfr_div) }
    /// self *= n.
    public mutating func multiply(by n: Int) {
        if isKnownUniquelyReferenced(&storage) { mpfr_mul_si(storage.pointer, storage.pointer, n, MPFR_RNDN) } else { self = self * n }
    }
    /// self /= n.
    public mutating func divide(by n: Int) {
        if isKnownUniquelyReferenced(&storage) { mpfr_div_si(storage.pointer, storage.pointer, n, MPFR_RNDN) } else { self = self / n }
    }
    /// self *= 2^k (exact).
    public mutating func scale(byPowerOf2 k: Int) {
        if isKnownUniquelyReferenced(&storage) {
            mpfr_mul_2si(storage.pointer, storage.pointer, k, MPFR_RNDN)
        } else {
            self = scaled(byPowerOf2: k)
        }
    }
}
