/// The canonical total order on expressions, used to sort the terms of sums and the factors of
/// products. Numbers come first, then constants, symbols, powers, products, sums, functions.
extension Expr {
    var rank: Int {
        switch self {
        case .number: return 0
        case .constant: return 1
        case .symbol: return 2
        case .power: return 3
        case .product: return 4
        case .sum: return 5
        case .function: return 6
        case .call: return 7
        }
    }

    /// −1, 0, +1 like a comparator; 0 exactly when the expressions are equal.
    public static func order(_ a: Expr, _ b: Expr) -> Int {
        if a.rank != b.rank { return a.rank < b.rank ? -1 : 1 }
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if x.re != y.re { return x.re < y.re ? -1 : 1 }
            if x.im != y.im { return x.im < y.im ? -1 : 1 }
            return 0
        case (.constant(let x), .constant(let y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.symbol(let x), .symbol(let y)):
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.power(let b1, let e1), .power(let b2, let e2)):
            let c = order(b1, b2)
            return c != 0 ? c : order(e1, e2)
        case (.product(let x), .product(let y)), (.sum(let x), .sum(let y)):
            // Compare from the most significant (last) element, so that x·y sorts near y.
            var i = x.count - 1, j = y.count - 1
            while i >= 0 && j >= 0 {
                let c = order(x[i], y[j])
                if c != 0 { return c }
                i -= 1; j -= 1
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.function(let f, let x), .function(let g, let y)):
            if f != g { return f < g ? -1 : 1 }
            return order(x, y)
        case (.call(let f, let x), .call(let g, let y)):
            if f != g { return f < g ? -1 : 1 }
            for (u, v) in zip(x, y) {
                let c = order(u, v)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        default:
            return 0
        }
    }

    public static func precedes(_ a: Expr, _ b: Expr) -> Bool { order(a, b) < 0 }
}
