/// What can be decided about an expression from its structure and the symbols' assumptions.
/// Each predicate answers "known to be …": false means "not known", never "known not".
extension Expr {
    /// Known to be a real number.
    public var isKnownReal: Bool {
        switch self {
        case .number(let z): return z.isReal
        case .symbol(let s): return s.isReal
        case .constant: return true
        case .sum(let xs), .product(let xs): return xs.allSatisfy { $0.isKnownReal }
        case .power(let b, let e):
            if b.isKnownReal, e.integerValue != nil { return true }
            if b.isKnownPositive, e.isKnownReal { return true }
            if b.isKnownNonnegative, let q = e.rationalValue, q.signum > 0 { return true }
            return false
        case .function(let f, let x):
            switch f {
            case .abs, .re, .im: return true
            case .log: return x.isKnownPositive
            case .conj: return x.isKnownReal
            case .atan, .exp, .sin, .cos, .tan, .sinh, .cosh, .tanh, .fermi: return x.isKnownReal
            }
        case .call: return false
        }
    }

    /// Known sign of a real expression: +1, −1 or 0; nil when unknown.
    public var knownSign: Int? {
        switch self {
        case .number(let z): return z.isReal ? z.re.signum : nil
        case .symbol(let s): return s.isPositive ? 1 : nil
        case .constant: return 1
        case .sum(let ts):
            let signs = ts.map { $0.knownSignOrNonneg }
            if signs.allSatisfy({ $0 != nil && $0! >= 0 }) && signs.contains(where: { $0 == 1 }) { return 1 }
            if signs.allSatisfy({ $0 != nil && $0! <= 0 && $0! != 2 }) && signs.contains(where: { $0 == -1 }) { return -1 }
            return nil
        case .product(let fs):
            var s = 1
            for f in fs {
                guard let t = f.knownSign else { return nil }
                s *= t
            }
            return s
        case .power(let b, let e):
            if b.isKnownPositive && e.isKnownReal { return 1 }
            if let n = e.integerValue, let sb = b.knownSign, sb != 0 { return n % 2 == 0 ? 1 : sb }
            if let n = e.integerValue, n % 2 == 0, b.isKnownReal, b.isKnownNonzero { return 1 }
            return nil
        case .function(let f, let x):
            switch f {
            case .exp, .fermi, .cosh: return x.isKnownReal ? 1 : nil
            case .abs: return x.isKnownNonzero ? 1 : nil
            case .sinh, .tanh, .atan: return x.isKnownReal ? x.knownSign : nil
            case .log:
                guard x.isKnownPositive, let d = (x - .one).knownSign else { return nil }
                return d
            case .re: return x.isKnownReal ? x.knownSign : nil
            case .conj: return x.knownSign
            default: return nil
            }
        case .call: return nil
        }
    }

    /// Like `knownSign`, but 2 stands for "known ≥ 0, possibly zero".
    var knownSignOrNonneg: Int? {
        if let s = knownSign { return s }
        return isKnownNonnegative ? 2 : nil
    }

    public var isKnownPositive: Bool { knownSign == 1 }
    public var isKnownNegative: Bool { knownSign == -1 }

    /// Known to be real and ≥ 0.
    public var isKnownNonnegative: Bool {
        if let s = knownSign { return s >= 0 }
        switch self {
        case .function(.abs, _): return true
        case .power(let b, let e):
            if let n = e.integerValue, n % 2 == 0, b.isKnownReal { return true }
            if b.isKnownNonnegative, e.isKnownReal { return true }
            return false
        case .sum(let ts): return ts.allSatisfy { $0.isKnownNonnegative }
        case .product(let fs):
            return fs.allSatisfy { $0.isKnownNonnegative }
        default: return false
        }
    }

    /// Known to be different from zero.
    public var isKnownNonzero: Bool {
        if let s = knownSign { return s != 0 }
        switch self {
        case .number(let z): return !z.isZero
        case .symbol(let s): return s.isNonzero
        case .product(let fs): return fs.allSatisfy { $0.isKnownNonzero }
        case .power(let b, _): return b.isKnownNonzero
        case .function(.exp, _): return true
        case .function(.abs, let x), .function(.conj, let x): return x.isKnownNonzero
        default: return false
        }
    }
}
