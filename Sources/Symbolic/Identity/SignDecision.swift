/// What the structure of a real expression proves about its sign, beyond `Expr.knownSign`:
/// |v|² in every spelling the engine produces — v·conj(v) (canonical arithmetic turns abs(v)² into
/// it), conj(v)·v, abs(v)², re(v)² + im(v)², (v·conj(v))ᵏ —, sums of squares and of nonnegative
/// terms, and products and quotients of positive factors (issue 20).
///
/// Rules (each sound on its own; "≥ 0" means known real and nonnegative):
/// - a product's factors f^n and conj(f)^n (n a positive integer) pair into |f|^(2n) ≥ 0, > 0 when f
///   is known nonzero; the remaining factors combine by the sign rule; a zero factor is not assumed away;
/// - a sum of terms ≥ 0 is ≥ 0, and > 0 when one term is > 0 (likewise ≤ 0, < 0);
/// - a real base to an even integer power is ≥ 0 (> 0 if the base is known nonzero); a base > 0
///   to a real power is > 0; a base ≥ 0 to a positive rational power is ≥ 0; an odd power keeps the sign;
///   a negative integer power keeps the sign of a nonzero base;
/// - abs(u) ≥ 0 (> 0 if u ≠ 0); exp, cosh, fermi of a real argument are > 0; a symbol declared positive is > 0.
public enum SignDecision {
    /// What is proved: the possible signs as a subset of {−1, 0, +1}.
    public struct Facts: Equatable, Sendable {
        public var canBeNegative: Bool
        public var canBeZero: Bool
        public var canBePositive: Bool

        public static let unknown = Facts(canBeNegative: true, canBeZero: true, canBePositive: true)
        public static let positive = Facts(canBeNegative: false, canBeZero: false, canBePositive: true)
        public static let negative = Facts(canBeNegative: true, canBeZero: false, canBePositive: false)
        public static let zero = Facts(canBeNegative: false, canBeZero: true, canBePositive: false)
        public static let nonnegative = Facts(canBeNegative: false, canBeZero: true, canBePositive: true)
        public static let nonpositive = Facts(canBeNegative: true, canBeZero: true, canBePositive: false)

        public var isKnown: Bool { self != .unknown }

        static func of(sign s: Int) -> Facts { s > 0 ? .positive : (s < 0 ? .negative : .zero) }

        var negated: Facts { Facts(canBeNegative: canBePositive, canBeZero: canBeZero, canBePositive: canBeNegative) }

        static func * (a: Facts, b: Facts) -> Facts {
            var out = Facts(canBeNegative: false, canBeZero: a.canBeZero || b.canBeZero, canBePositive: false)
            out.canBePositive = (a.canBePositive && b.canBePositive) || (a.canBeNegative && b.canBeNegative)
            out.canBeNegative = (a.canBePositive && b.canBeNegative) || (a.canBeNegative && b.canBePositive)
            return out
        }

        static func + (a: Facts, b: Facts) -> Facts {
            // Sum of two reals with these possible signs.
            if a == .zero { return b }
            if b == .zero { return a }
            let nonnegative = !a.canBeNegative && !b.canBeNegative
            let nonpositive = !a.canBePositive && !b.canBePositive
            if nonnegative {
                let strictly = !a.canBeZero || !b.canBeZero
                return strictly ? .positive : .nonnegative
            }
            if nonpositive {
                let strictly = !a.canBeZero || !b.canBeZero
                return strictly ? .negative : .nonpositive
            }
            return .unknown
        }
    }

    /// The signs `e` can take under the symbols' assumptions, as far as structure proves.
    public static func facts(_ e: Expr) -> Facts {
        if let s = e.knownSign { return .of(sign: s) }
        switch e {
        case .sum(let ts):
            var out = Facts.zero
            for t in ts {
                let f = facts(t)
                guard f.isKnown, t.isKnownReal || f != .unknown else { return .unknown }
                out = out + f
                if !out.isKnown { return .unknown }
            }
            return out
        case .product(let fs):
            return product(fs)
        case .power(let b, let x):
            if let n = x.integerValue {
                if n == 0 { return .positive }
                if n % 2 == 0 {
                    if b.isKnownReal || facts(b).isKnown {
                        return nonzero(b) ? .positive : .nonnegative
                    }
                    // (f·conj f)^k and the like: the base's own facts.
                    let fb = facts(b)
                    if !fb.canBeNegative { return fb.canBeZero ? .nonnegative : .positive }
                    return .unknown
                }
                let fb = facts(b)
                if n < 0 && fb.canBeZero { return fb == .nonnegative ? .positive : (fb == .nonpositive ? .negative : .unknown) }
                return fb
            }
            let fb = facts(b)
            if fb == .positive && x.isKnownReal { return .positive }
            if !fb.canBeNegative, let q = x.rationalValue, q.signum > 0 { return fb.canBeZero ? .nonnegative : .positive }
            return .unknown
        case .function(let f, let u):
            switch f {
            case .abs: return nonzero(u) ? .positive : .nonnegative
            case .exp, .cosh, .fermi: return u.isKnownReal ? .positive : .unknown
            case .re, .im: return .unknown
            case .sinh, .tanh, .atan: return u.isKnownReal ? facts(u) : .unknown
            default: return .unknown
            }
        default:
            return .unknown
        }
    }

    static func nonzero(_ e: Expr) -> Bool {
        if e.isKnownNonzero { return true }
        let f = facts(e)
        return f.isKnown && !f.canBeZero
    }

    /// A product with conjugate pairs f^n·conj(f)^n taken together as |f|^(2n).
    static func product(_ factors: [Expr]) -> Facts {
        var remaining = factors.map { split($0) }
        var out = Facts.positive
        var i = 0
        while i < remaining.count {
            let (base, n) = remaining[i]
            let partner = Expr.conj(base)
            if !base.isKnownReal, let j = remaining.indices.first(where: { $0 != i && remaining[$0].base == partner && remaining[$0].exponent == n }), n > 0 {
                out = out * (nonzero(base) ? .positive : .nonnegative)
                remaining.remove(at: Swift.max(i, j))
                remaining.remove(at: Swift.min(i, j))
                continue
            }
            i += 1
        }
        for (base, n) in remaining {
            let f = facts(n == 1 ? base : Expr.pow(base, Expr(n)))
            guard f.isKnown else { return .unknown }
            out = out * f
        }
        return out
    }

    /// (base, n) for base^n with a positive integer n; (e, 1) otherwise.
    static func split(_ e: Expr) -> (base: Expr, exponent: Int) {
        if case .power(let b, let x) = e, let n = x.integerValue, n > 0 { return (b, n) }
        return (e, 1)
    }

    /// The sign, when the facts pin it to one of the claims' forms: +1 (> 0), −1 (< 0), 0 (= 0),
    /// 2 (≥ 0), −2 (≤ 0); nil when unknown.
    public static func decided(_ e: Expr) -> Int? {
        let f = facts(e)
        switch f {
        case .positive: return 1
        case .negative: return -1
        case .zero: return 0
        case .nonnegative: return 2
        case .nonpositive: return -2
        default: return nil
        }
    }
}
