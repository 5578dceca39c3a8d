/// Canonical application of the elementary functions, folding exact values and using assumptions.
extension Expr {
    /// If self = c·i·π with c rational, returns c.
    var rationalMultipleOfIPi: BigRational? {
        guard case .product(let fs) = self, fs.count == 2, fs[1] == .pi, case .number(let z) = fs[0], z.re.isZero else { return nil }
        return z.im
    }
    /// If self = c·π with c rational (or self = π, or 0), returns c.
    var rationalMultipleOfPi: BigRational? {
        if isZero { return .zero }
        if self == .pi { return .one }
        guard case .product(let fs) = self, fs.count == 2, fs[1] == .pi, let c = fs[0].rationalValue else { return nil }
        return c
    }

    /// f(x) in canonical form.
    public static func apply(_ f: MathFunction, _ x: Expr) -> Expr {
        switch f {
        case .exp:
            if x.isZero { return .one }
            // exp(1) is the constant e: one form for one number (E·x/E = x, exp(−1)·E² = E).
            if x.isOne { return .e }
            if case .function(.log, let y) = x { return y }
            if let c = x.rationalMultipleOfIPi, (c * BigRational(2)).isInteger, let k = (c * BigRational(2)).numerator.intValue {
                // exp(i·π·k/2) = i^k
                return .number(GaussianRational.i.power(((k % 4) + 4) % 4))
            }
        case .log:
            if x.isOne { return .zero }
            if x == .e { return .one }
            if case .function(.exp, let y) = x, y.isKnownReal { return y }
        case .sin:
            if let c = x.rationalMultipleOfPi {
                if c.isInteger { return .zero }
                if (c * BigRational(2)).isInteger { return ((c - BigRational(1, 2)).floor.isOdd) ? .minusOne : .one }
            }
            if x.isKnownNegativeMultiple { return -apply(.sin, -x) }
        case .cos:
            if let c = x.rationalMultipleOfPi {
                if c.isInteger { return c.numerator.isOdd ? .minusOne : .one }
                if (c * BigRational(2)).isInteger { return .zero }
            }
            if x.isKnownNegativeMultiple { return apply(.cos, -x) }
        case .tan, .sinh, .tanh, .atan:
            if x.isZero { return .zero }
            if x.isKnownNegativeMultiple { return -apply(f, -x) }
        case .cosh:
            if x.isZero { return .one }
            if x.isKnownNegativeMultiple { return apply(.cosh, -x) }
        case .fermi:
            if x.isZero { return .half }
        case .abs:
            return absolute(x)
        case .re:
            return realPart(x)
        case .im:
            return imaginaryPart(x)
        case .conj:
            return conjugate(x)
        }
        return .function(f, x)
    }

    /// True when the leading numeric coefficient is a negative rational (−x, −2y): used to make
    /// odd and even functions canonical.
    var isKnownNegativeMultiple: Bool {
        if let q = rationalValue { return q.isNegative }
        if case .product(let fs) = self, let q = fs[0].rationalValue { return q.isNegative }
        return false
    }

    static func absolute(_ x: Expr) -> Expr {
        switch x {
        case .number(let z):
            if z.isReal { return .number(GaussianRational(z.re.magnitude)) }
            return pow(.number(GaussianRational(z.normSquared)), .half)
        case .constant: return x
        case .product(let fs): return product(of: fs.map(absolute))
        case .power(let b, let e) where e.isKnownReal: return pow(absolute(b), e)
        case .function(.exp, let y): return apply(.exp, realPart(y))
        case .function(.abs, _): return x
        case .function(.conj, let y): return absolute(y)
        default:
            if x.isKnownNonnegative { return x }
            if x.isKnownReal && x.isKnownNegative { return -x }
            return .function(.abs, x)
        }
    }

    static func realPart(_ x: Expr) -> Expr {
        if x.isKnownReal { return x }
        switch x {
        case .number(let z): return .number(GaussianRational(z.re))
        case .sum(let ts): return sum(of: ts.map(realPart))
        case .product(let fs):
            if case .number(let c) = fs[0] {
                let rest: Expr = fs.count == 2 ? fs[1] : .product(Array(fs.dropFirst()))
                // Re[(a + ib) w] = a Re w − b Im w
                return sum(of: [scaled(GaussianRational(c.re), realPart(rest)), scaled(GaussianRational(-c.im), imaginaryPart(rest))])
            }
            let real = fs.filter { $0.isKnownReal }
            if !real.isEmpty && real.count < fs.count {
                let rest = fs.filter { !$0.isKnownReal }
                return product(of: real + [realPart(product(of: rest))])
            }
        case .function(.conj, let y): return realPart(y)
        default: break
        }
        return .function(.re, x)
    }

    static func imaginaryPart(_ x: Expr) -> Expr {
        if x.isKnownReal { return .zero }
        switch x {
        case .number(let z): return .number(GaussianRational(z.im))
        case .sum(let ts): return sum(of: ts.map(imaginaryPart))
        case .product(let fs):
            if case .number(let c) = fs[0] {
                let rest: Expr = fs.count == 2 ? fs[1] : .product(Array(fs.dropFirst()))
                // Im[(a + ib) w] = a Im w + b Re w
                return sum(of: [scaled(GaussianRational(c.re), imaginaryPart(rest)), scaled(GaussianRational(c.im), realPart(rest))])
            }
            let real = fs.filter { $0.isKnownReal }
            if !real.isEmpty && real.count < fs.count {
                let rest = fs.filter { !$0.isKnownReal }
                return product(of: real + [imaginaryPart(product(of: rest))])
            }
        case .function(.conj, let y): return -imaginaryPart(y)
        default: break
        }
        return .function(.im, x)
    }

    static func conjugate(_ x: Expr) -> Expr {
        if x.isKnownReal { return x }
        switch x {
        case .number(let z): return .number(z.conjugate)
        case .sum(let ts): return sum(of: ts.map(conjugate))
        case .product(let fs): return product(of: fs.map(conjugate))
        case .power(let b, let e) where e.integerValue != nil || (b.isKnownPositive && e.isKnownReal) || b.isKnownPositive:
            return pow(conjugate(b), conjugate(e))
        case .function(.conj, let y): return y
        case .function(let f, let y) where [.exp, .sin, .cos, .tan, .sinh, .cosh, .tanh, .fermi].contains(f):
            return apply(f, conjugate(y))
        default: return .function(.conj, x)
        }
    }
}
