/// Which side of a branch cut an expansion approaches from, for the principal branches of
/// log z and z^α (cut: z ∈ (−∞, 0], the value on the cut being the limit from above, Im z → 0⁺).
///
/// An expansion f(s₀ + p(t)) about a point s₀ is the principal branch's Taylor series only if the
/// path s₀ + p(t), t → 0⁺, stays on the side of the cut where the principal branch is continuous
/// with its value at s₀. For s₀ on the negative real axis that is the upper side (Im → 0⁺) or the
/// cut itself; from below, log jumps by −2πi and z^α by the factor e^(−2πiα).
///
/// The side is read from the first coefficient c_k (k ≥ 1) of p whose imaginary part — reduced
/// under the symbols' assumptions (`complexParts`) — is not zero: Im p ≈ Im(c_k) t^(k/D), with
/// t > 0 for a one-sided approach or at ±∞. A two-sided approach with k/D odd crosses the cut.
/// (Issue 20: log((w+D+iη)/(w−D+iη)) at D → ∞ gave +iπ; it is −iπ for η > 0.)
enum BranchCutSide: Equatable {
    /// The point is off the cut, or the path stays on the side (or on the cut) where the principal
    /// branch is continuous: the plain Taylor series is right.
    case principal
    /// The path comes from below the cut: log gains −2πi, z^α the factor e^(−2πiα).
    case below

    /// Whether `s0` may lie on the cut (−∞, 0]: nil when it certainly does not.
    /// Returns the real part when Im s₀ reduces to 0 and Re s₀ is not known positive.
    static func realPartIfPossiblyOnCut(_ s0: Expr) -> Expr? {
        if s0.isKnownPositive { return nil }
        let (re, im) = s0.complexParts()
        guard im.together().isZero else {
            // A constant whose parts the algebra leaves opaque (log(−i), atan of a constant…):
            // decide from its value. Symbolic ones off the axis are generic (off the cut).
            if let (r, i) = numericParts(s0), Swift.abs(i) < 1e-40 { return r < 0 ? .minusOne : (r == 0 ? .zero : nil) }
            return nil
        }
        if re.isKnownPositive { return nil }
        return re
    }

    /// (Re, Im) of a constant expression at 256 bits, as Doubles (tiny values kept as 0 only when
    /// below 10⁻⁴⁰ in magnitude); nil when it has symbols or cannot be evaluated.
    static func numericParts(_ c: Expr) -> (Double, Double)? {
        guard c.freeSymbols.isEmpty, let v = try? c.evaluate(at: [:], precision: 256) else { return nil }
        func small(_ x: BigFloat) -> Bool { x.isZero || x.magnitude.log10().doubleValue < -40 }
        return (small(v.re) ? 0 : v.re.doubleValue, small(v.im) ? 0 : v.im.doubleValue)
    }

    /// True when `s0` may lie on atan's cuts i·(−∞, −1] ∪ i·[1, ∞) (or is ±i): its real part is 0
    /// or not decided, and it is not known real.
    static func possiblyOnArctangentCut(_ s0: Expr) -> Bool {
        if s0.isKnownReal { return false }
        if let (r, i) = numericParts(s0) { return r == 0 && Swift.abs(i) >= 1 - 1e-30 }
        let re = s0.complexParts().re
        if let sign = re.knownSign, sign != 0 { return false }
        return re.together().isZero
    }

    /// The side from which `point + path` approaches a point `point` of the negative real axis.
    /// `path` holds the coefficients c_k of s^k (s = t^(1/D)), k ≥ 1 (index 0 is ignored).
    /// Throws when the side cannot be decided or differs between the two sides of a two-sided approach.
    static func side(of path: TruncatedSeries, at point: Expr, realPart: Expr, approach: Approach,
                     atInfinity: Bool, ramification: Int, function: String) throws -> BranchCutSide {
        for k in Swift.max(1, path.start)..<path.order {
            let c = path.coefficient(k)
            if c.isZero || c.isKnownReal { continue }
            let im = c.complexParts().im.together()
            if im.isZero { continue }
            guard let sign = im.knownSign, sign != 0 else {
                throw OperationError("series: \(function) at \(point), on its branch cut (the negative reals), approached from a side that cannot be decided: the imaginary part \(im) has no known sign",
                                     fix: "declare the signs of the symbols in it (e.g. positive), or take a one-sided limit in a variable that fixes the side")
            }
            // Im(c_k) s^k with s = t^(1/D) > 0 one-sided or at ±∞; two-sided at a finite point s changes sign.
            if approach == .twoSided && !atInfinity && k % 2 == 1 {
                throw OperationError("series: \(function) at \(point) crosses its branch cut (the negative reals) as the variable passes the point: the two sides have different expansions",
                                     fix: "choose a one-sided approach (side 1 or -1)")
            }
            if sign > 0 { return .principal }
            // From below the cut: only a correction when s₀ really is on the cut.
            if realPart.isKnownNegative { return .below }
            if realPart.together().isZero { return .principal }   // the branch point itself is handled by the caller
            throw OperationError("series: \(function) approaches \(point) from below the real axis, and whether \(point) is on the branch cut (negative) is not known",
                                 fix: "declare the sign of \(realPart)")
        }
        return .principal   // the path stays on the real axis (to this order): the principal values are continuous along it
    }
}
