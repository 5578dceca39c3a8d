/// A symbolic expression in canonical form.
///
/// Expressions are immutable values built only through the canonicalising constructors
/// (`Expr.sum`, `Expr.product`, `Expr.power`, `Expr.function` and the operators), so that equal
/// expressions written differently compare equal with `==`:
/// - sums and products are flat, sorted by `Expr.order`, with like terms (and like powers) combined
///   and exact constants folded; a sum has ≥ 2 terms, a product ≥ 2 factors, its numeric
///   coefficient first; a number times a sum is distributed (2(x+y) → 2x + 2y);
/// - `pow(b, e)` never has e = 0 or 1; integer powers of products and of powers are distributed;
///   e^x is written `exp(x)`, and √x is `x^(1/2)`;
/// - functions fold exact values (exp(0) = 1, conj(3+2i) = 3−2i) and use the symbols' assumptions
///   (re x = x and |x| = x for positive x, conj(x) = x for real x).
public indirect enum Expr: Hashable, Sendable {
    /// An exact constant in Q(i).
    case number(GaussianRational)
    case symbol(Symbol)
    case constant(MathConstant)
    case sum([Expr])
    case product([Expr])
    case power(Expr, Expr)
    case function(MathFunction, Expr)
    /// An uninterpreted function applied to arguments, e.g. `F(2*kF*R)` or `J(x)`: a name whose
    /// value is defined elsewhere (a definition in a derivation file, or an engine computation
    /// registered with the numeric evaluator). Exact methods treat it as an opaque atom.
    case call(String, [Expr])
}

extension Expr {
    public static let zero = Expr.number(.zero)
    public static let one = Expr.number(.one)
    public static let minusOne = Expr.number(GaussianRational(-1))
    public static let i = Expr.number(.i)
    public static let pi = Expr.constant(.pi)
    public static let e = Expr.constant(.e)
    public static let half = Expr.number(GaussianRational(BigRational(1, 2)))

    public init(_ n: Int) { self = .number(GaussianRational(n)) }
    public init(_ q: BigRational) { self = .number(GaussianRational(q)) }
    public init(_ z: GaussianRational) { self = .number(z) }

    /// A symbol with assumptions.
    public static func symbol(_ name: String, _ assumptions: Assumptions = .complex) -> Expr {
        .symbol(Symbol(name, assumptions))
    }

    /// The exact value if this is a number.
    public var numberValue: GaussianRational? {
        if case .number(let z) = self { return z }
        return nil
    }
    /// The rational value if this is a real number.
    public var rationalValue: BigRational? {
        if case .number(let z) = self, z.im.isZero { return z.re }
        return nil
    }
    /// The integer value if this is an integer that fits in `Int`.
    public var integerValue: Int? {
        guard let q = rationalValue, q.isInteger else { return nil }
        return q.numerator.intValue
    }
    public var isZero: Bool { if case .number(let z) = self { return z.isZero }; return false }
    public var isOne: Bool { self == .one }
    public var isNumber: Bool { if case .number = self { return true }; return false }

    /// Immediate sub-expressions.
    public var children: [Expr] {
        switch self {
        case .number, .symbol, .constant: return []
        case .sum(let a), .product(let a): return a
        case .power(let b, let e): return [b, e]
        case .function(_, let x): return [x]
        case .call(_, let args): return args
        }
    }

    /// The terms of a sum; a single term otherwise (x → [x], 0 → [0]).
    public var summands: [Expr] { if case .sum(let xs) = self { return xs }; return [self] }
    /// The factors of a product; a single factor otherwise.
    public var factors: [Expr] { if case .product(let xs) = self { return xs }; return [self] }

    /// Every symbol in the expression, except the variable bound by a binding form
    /// (`integrate(f, x, a, b)`, `nsum(f, n, a, b)`: x and n are not free) and `oo` as its limit.
    public var freeSymbols: Set<Symbol> {
        var out = Set<Symbol>()
        func walk(_ x: Expr) {
            if case .symbol(let s) = x { out.insert(s); return }
            if let (_, body, variable, lower, upper) = BindingForm.parts(x) {
                var inner = body.freeSymbols
                inner.remove(variable)
                out.formUnion(inner)
                for limit in [lower, upper] where limit.infinitySign == nil { walk(limit) }
                return
            }
            x.children.forEach(walk)
        }
        walk(self)
        return out
    }

    /// True when `s` occurs in the expression.
    public func contains(_ s: Symbol) -> Bool {
        if case .symbol(let t) = self { return t == s }
        return children.contains { $0.contains(s) }
    }

    /// Number of nodes: a cheap measure of size.
    public var nodeCount: Int { 1 + children.reduce(0) { $0 + $1.nodeCount } }

    /// Rebuilds this node from new children through the canonical constructors.
    public func rebuilt(_ kids: [Expr]) -> Expr {
        switch self {
        case .number, .symbol, .constant: return self
        case .sum: return .sum(of: kids)
        case .product: return .product(of: kids)
        case .power: return .pow(kids[0], kids[1])
        case .function(let f, _): return .apply(f, kids[0])
        case .call(let name, _): return .call(name, kids)
        }
    }

    /// Applies `transform` bottom-up, rebuilding canonically.
    public func mapBottomUp(_ transform: (Expr) -> Expr) -> Expr {
        let kids = children
        if kids.isEmpty { return transform(self) }
        return transform(rebuilt(kids.map { $0.mapBottomUp(transform) }))
    }
}

extension Expr: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
