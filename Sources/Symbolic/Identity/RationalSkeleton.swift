/// An expression seen as a rational function of its atoms.
///
/// The skeleton is made of numbers, sums, products and integer powers; every other node (a
/// symbol, π, e, a function, an uninterpreted call, a non-integer power) is an atom, treated as an
/// independent variable. If lhs − rhs vanishes as a rational function of independent atoms, it
/// vanishes for every value the atoms actually take — so an exact test on the skeleton is sound
/// for verification; a non-zero skeleton value proves a discrepancy only when the atoms are plain
/// symbols (sampled inside their assumptions).
struct RationalSkeleton {
    /// The atoms that are not plain symbols (functions, constants, roots, calls), in canonical order.
    let compoundAtoms: [Expr]
    /// The symbols that occur as atoms of the skeleton.
    let symbolAtoms: [Symbol]
    /// Bound on the total degree (in the atoms) of the numerator of the expression written as one
    /// fraction N/D, with D the product of every denominator in the tree.
    let numeratorDegree: Int
    /// Bound on the total degree of D.
    let denominatorDegree: Int

    /// True when the only atoms are symbols: the expression is a rational function of its symbols.
    var isRationalInSymbols: Bool { compoundAtoms.isEmpty }

    init(_ e: Expr) {
        var compound = Set<Expr>(), symbols = Set<Symbol>()
        func degrees(_ e: Expr) -> (Int, Int) {
            switch e {
            case .number: return (0, 0)
            case .sum(let ts):
                let ds = ts.map(degrees)
                let den = ds.reduce(0) { saturatingAdd($0, $1.1) }
                let num = ds.map { saturatingAdd($0.0, den - $0.1) }.max() ?? 0
                return (num, den)
            case .product(let fs):
                return fs.map(degrees).reduce((0, 0)) { (saturatingAdd($0.0, $1.0), saturatingAdd($0.1, $1.1)) }
            case .power(let b, let x) where x.integerValue != nil:
                let n = x.integerValue!
                let (nb, db) = degrees(b)
                return n >= 0 ? (saturatingMultiply(n, nb), saturatingMultiply(n, db))
                              : (saturatingMultiply(-n, db), saturatingMultiply(-n, nb))
            case .symbol(let s):
                symbols.insert(s)
                return (1, 0)
            default:
                compound.insert(e)
                return (1, 0)
            }
        }
        (numeratorDegree, denominatorDegree) = degrees(e)
        compoundAtoms = compound.sorted(by: Expr.precedes)
        symbolAtoms = symbols.sorted()
    }

    /// True for the nodes the skeleton looks through.
    static func isStructural(_ e: Expr) -> Bool {
        switch e {
        case .number, .sum, .product: return true
        case .power(_, let x): return x.integerValue != nil
        default: return false
        }
    }
}

private let degreeCap = Int.max / 4
func saturatingAdd(_ a: Int, _ b: Int) -> Int { Swift.min(degreeCap, a + b) }
func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
    if a == 0 || b == 0 { return 0 }
    return a > degreeCap / b ? degreeCap : Swift.min(degreeCap, a * b)
}
