/// The canonicalising constructors. Every expression is built through these, so that the
/// invariants documented on `Expr` hold.
extension Expr {
    /// Splits c·rest with c the numeric coefficient (1 if none).
    public var coefficientAndRest: (GaussianRational, Expr) {
        switch self {
        case .number(let z): return (z, .one)
        case .product(let fs):
            if case .number(let z) = fs[0] {
                return (z, fs.count == 2 ? fs[1] : .product(Array(fs.dropFirst())))
            }
            return (.one, self)
        default: return (.one, self)
        }
    }

    /// Splits base^exponent (exponent 1 if not a power).
    public var baseAndExponent: (Expr, Expr) {
        if case .power(let b, let e) = self { return (b, e) }
        return (self, .one)
    }

    /// c·x without re-canonicalising x (x must already be canonical and not a number).
    static func scaled(_ c: GaussianRational, _ x: Expr) -> Expr {
        if c.isZero { return .zero }
        if c == .one { return x }
        if case .number(let z) = x { return .number(c * z) }
        if case .product(let fs) = x {
            if case .number(let z) = fs[0] {
                let w = c * z
                if w == .one { return fs.count == 2 ? fs[1] : .product(Array(fs.dropFirst())) }
                return .product([.number(w)] + fs.dropFirst())
            }
            return .product([.number(c)] + fs)
        }
        if case .sum(let ts) = x { return .sum(of: ts.map { scaled(c, $0) }) }
        return .product([.number(c), x])
    }

    // MARK: Sum

    /// The canonical sum of `terms`: flattened, like terms combined, sorted.
    public static func sum(of terms: [Expr]) -> Expr {
        var constant = GaussianRational.zero
        var coefficients: [Expr: GaussianRational] = [:]
        var keys: [Expr] = []
        func add(_ t: Expr) {
            switch t {
            case .number(let z): constant += z
            case .sum(let ts): ts.forEach(add)
            default:
                let (c, rest) = t.coefficientAndRest
                if let old = coefficients[rest] { coefficients[rest] = old + c } else {
                    coefficients[rest] = c
                    keys.append(rest)
                }
            }
        }
        terms.forEach(add)
        var out: [Expr] = []
        for k in keys {
            let c = coefficients[k]!
            if !c.isZero { out.append(scaled(c, k)) }
        }
        out.sort(by: precedes)
        if !constant.isZero { out.insert(.number(constant), at: 0) }
        switch out.count {
        case 0: return .zero
        case 1: return out[0]
        default: return .sum(out)
        }
    }

    // MARK: Product

    /// The canonical product of `factors`: flattened, numbers folded, equal bases combined by
    /// adding exponents (x^a·x^b = x^(a+b) holds on the principal branch for every x),
    /// exp(a)·exp(b) = exp(a+b), sorted; a number times a single sum is distributed.
    public static func product(of factors: [Expr]) -> Expr {
        var coefficient = GaussianRational.one
        var exponents: [Expr: [Expr]] = [:]
        var keys: [Expr] = []
        var expArguments: [Expr] = []
        var pending = factors
        var guardCount = 0
        while let f = pending.popLast() {
            guardCount += 1
            switch f {
            case .number(let z):
                if z.isZero { return .zero }
                coefficient *= z
            case .product(let fs): pending.append(contentsOf: fs)
            case .function(.exp, let x): expArguments.append(x)
            // e = exp(1), so that e·exp(a) = exp(a + 1) combines like every other exponential.
            case .constant(.e): expArguments.append(.one)
            default:
                let (b, e) = f.baseAndExponent
                if exponents[b] == nil { keys.append(b); exponents[b] = [e] } else { exponents[b]!.append(e) }
            }
        }
        var out: [Expr] = []
        var again: [Expr] = []
        for b in keys {
            let es = exponents[b]!
            if es.count == 1 {
                // Already canonical: keep as it came.
                out.append(es[0].isOne ? b : .power(b, es[0]))
                continue
            }
            let p = pow(b, .sum(of: es))
            switch p {
            case .number(let z): coefficient *= z
            case .product: again.append(p)
            default: out.append(p)
            }
        }
        if !expArguments.isEmpty {
            let p = apply(.exp, .sum(of: expArguments))
            switch p {
            case .number(let z): coefficient *= z
            case .product: again.append(p)
            default: out.append(p)
            }
        }
        if coefficient.isZero { return .zero }
        if !again.isEmpty {
            return product(of: out + again + [.number(coefficient)])
        }
        out.sort(by: precedes)
        if out.isEmpty { return .number(coefficient) }
        if coefficient == .one { return out.count == 1 ? out[0] : .product(out) }
        if out.count == 1, case .sum(let ts) = out[0] {
            return sum(of: ts.map { scaled(coefficient, $0) })
        }
        return .product([.number(coefficient)] + out)
    }

    // MARK: Power

    /// Largest integer exponent folded exactly (beyond it the power stays symbolic).
    static let maximumExactExponent = 100_000
    /// Largest exact power folded, in bits (beyond it the power stays symbolic).
    static let maximumExactBits = 1 << 22
    /// Largest root index for which exact roots and perfect powers are extracted.
    static let maximumRootIndex = 64

    /// The canonical power base^exponent.
    public static func pow(_ base: Expr, _ exponent: Expr) -> Expr {
        if exponent.isZero { return .one }
        if exponent.isOne { return base }
        if base.isOne { return .one }
        if case .constant(.e) = base { return apply(.exp, exponent) }
        // 0^q = 0 for every positive rational q, however large (a huge exponent must not leave an
        // unfolded 0^q that later products combine with 0^(−p) into a different form).
        if base.isZero, let q = exponent.rationalValue, q.signum > 0 { return .zero }
        if case .number(let z) = base, case .number(let w) = exponent, w.isReal {
            if let folded = numericPower(z, w.re) { return folded }
            return .power(base, exponent)
        }
        if base.isZero {
            if let q = exponent.rationalValue, q.signum > 0 { return .zero }
            return .power(base, exponent)
        }
        if let n = exponent.integerValue {
            switch base {
            case .power(let c, let f): return pow(c, product(of: [f, exponent]))
            case .product(let fs): return product(of: fs.map { pow($0, exponent) })
            case .function(.exp, let x): return apply(.exp, product(of: [exponent, x]))
            case .function(.abs, let x) where n % 2 == 0 && x.isKnownReal: return pow(x, exponent)
            default: return .power(base, exponent)
            }
        }
        if exponent.isKnownReal {
            // (c^f)^e = c^(f·e) for c > 0 and real f, e.
            if case .power(let c, let f) = base, c.isKnownPositive, f.isKnownReal {
                return pow(c, product(of: [f, exponent]))
            }
            // (a·w)^e = a^e·w^e for a > 0 and real e.
            if case .product(let fs) = base {
                let positive = fs.filter { $0.isKnownPositive }
                if !positive.isEmpty {
                    let rest = fs.filter { !$0.isKnownPositive }
                    let restPower: Expr = rest.isEmpty ? .one : (rest.count == 1 ? pow(rest[0], exponent) : .power(.product(rest), exponent))
                    return product(of: positive.map { pow($0, exponent) } + [restPower])
                }
            }
            if case .function(.exp, let x) = base, x.isKnownReal {
                return apply(.exp, product(of: [exponent, x]))
            }
        }
        return .power(base, exponent)
    }

    /// z^q folded exactly where possible: integer q, or an exact root of a positive rational,
    /// with the integer part of the exponent pulled out (2^(3/2) = 2·2^(1/2)); nil otherwise.
    static func numericPower(_ z: GaussianRational, _ q: BigRational) -> Expr? {
        // Bits of the largest integer in z; an exact result larger than `maximumExactBits` stays symbolic.
        let size = [z.re.numerator, z.re.denominator, z.im.numerator, z.im.denominator].map(\.bitWidth).max() ?? 0
        if q.isInteger {
            guard let n = q.numerator.intValue, Swift.abs(n) <= maximumExactExponent,
                  size * Swift.abs(n) <= maximumExactBits else { return nil }
            if z.isZero && n < 0 { return nil }
            return .number(z.power(n))
        }
        guard z.isReal else { return nil }
        let r = z.re
        let p = q.numerator, d = q.denominator
        guard let pInt = p.intValue, let dInt = d.intValue, Swift.abs(pInt) <= maximumExactExponent,
              dInt <= maximumRootIndex, size * Swift.abs(pInt) <= maximumExactBits else { return nil }
        if r.isNegative {
            // (−a)^(p/2) = a^(p/2)·i^p on the principal branch; other roots of −1 stay symbolic.
            guard dInt == 2 else { return nil }
            let magnitude = pow(.number(GaussianRational(-r)), .number(GaussianRational(q)))
            return product(of: [magnitude, .number(GaussianRational.i.power(pInt))])
        }
        if r.isZero { return q.signum > 0 ? .zero : nil }
        if let root = r.power(pInt).exactRoot(dInt) { return .number(GaussianRational(root)) }
        // Pull out the integer part of the exponent: r^(n + f) = r^n·r^f with 0 < f < 1.
        let n = q.floor
        if !n.isZero, let nInt = n.intValue {
            let f = q - BigRational(n)
            // r^f through `pow`, so that it gets the same normal form (perfect powers pulled out, the
            // denominator rationalised) as when it is written directly: (1/5)^(11/5) = (1/25)·625^(1/5)/5.
            return product(of: [.number(GaussianRational(r.power(nInt))), pow(.number(GaussianRational(r)), .number(GaussianRational(f)))])
        }
        // Pull perfect powers out of numerator and denominator: 8^(1/2) = 2·2^(1/2) (small factors only).
        if pInt == 1, let extracted = extractPerfectPowers(r, dInt) { return extracted }
        return nil
    }

    /// r^(1/k) = a·b^(1/k) with a rational, b "k-th-power-free" over small primes; nil if nothing to extract.
    static func extractPerfectPowers(_ r: BigRational, _ k: Int) -> Expr? {
        func split(_ n: BigInt) -> (BigInt, BigInt) {
            var outside = BigInt(1), inside = n
            for p in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
                let pk = BigInt(p).power(k)
                while inside.isDivisible(by: pk) {
                    inside = inside.exactlyDivided(by: pk)
                    outside *= BigInt(p)
                }
            }
            return (outside, inside)
        }
        let (a1, b1) = split(r.numerator)
        // Rationalise the denominator: (p/q)^(1/k) = (p q^(k−1))^(1/k) / q.
        let q = r.denominator
        let (a2, b2) = split(b1 * q.power(k - 1))
        let outside = BigRational(a1 * a2, q)
        if outside == .one && b2 == r.numerator { return nil }
        let inner = Expr.pow(.number(GaussianRational(BigRational(b2))), .number(GaussianRational(BigRational(1, k))))
        return product(of: [.number(GaussianRational(outside)), inner])
    }

    // MARK: Operators

    public static func + (a: Expr, b: Expr) -> Expr { sum(of: [a, b]) }
    public static func - (a: Expr, b: Expr) -> Expr { sum(of: [a, scaled(GaussianRational(-1), b)]) }
    public static prefix func - (a: Expr) -> Expr { scaled(GaussianRational(-1), a) }
    public static func * (a: Expr, b: Expr) -> Expr { product(of: [a, b]) }
    public static func / (a: Expr, b: Expr) -> Expr { product(of: [a, pow(b, .minusOne)]) }
    public static func += (a: inout Expr, b: Expr) { a = a + b }
    public static func -= (a: inout Expr, b: Expr) { a = a - b }
    public static func *= (a: inout Expr, b: Expr) { a = a * b }

    /// √x = x^(1/2).
    public static func sqrt(_ x: Expr) -> Expr { pow(x, .half) }
    public static func exp(_ x: Expr) -> Expr { apply(.exp, x) }
    public static func log(_ x: Expr) -> Expr { apply(.log, x) }
    public static func sin(_ x: Expr) -> Expr { apply(.sin, x) }
    public static func cos(_ x: Expr) -> Expr { apply(.cos, x) }
    public static func abs(_ x: Expr) -> Expr { apply(.abs, x) }
    public static func re(_ x: Expr) -> Expr { apply(.re, x) }
    public static func im(_ x: Expr) -> Expr { apply(.im, x) }
    public static func conj(_ x: Expr) -> Expr { apply(.conj, x) }
    public static func fermi(_ x: Expr) -> Expr { apply(.fermi, x) }
}
