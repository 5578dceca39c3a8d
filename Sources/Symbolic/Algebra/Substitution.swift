extension Expr {
    /// Simultaneous substitution x ↦ map[x] for every symbol x in the map, rebuilding through the
    /// canonical constructors (so x·y with y ↦ 1/x gives 1). The replacements are not themselves
    /// substituted into (simultaneous, not sequential): substituting {x ↦ y, y ↦ x} swaps x and y.
    public func substituting(_ map: [Symbol: Expr]) -> Expr {
        if map.isEmpty { return self }
        func walk(_ e: Expr) -> Expr {
            switch e {
            case .symbol(let s): return map[s] ?? e
            case .number, .constant: return e
            default:
                let kids = e.children
                let newKids = kids.map(walk)
                return newKids == kids ? e : e.rebuilt(newKids)
            }
        }
        return walk(self)
    }

    /// Substitutes a single symbol.
    public func substituting(_ x: Symbol, with value: Expr) -> Expr { substituting([x: value]) }

    /// Replaces every occurrence of the subtree `old` (compared structurally, in canonical form)
    /// by `new`, top-down, rebuilding canonically. A sum or product `old` also matches a sub-sum
    /// (sub-product): replacing a + b in a + b + c gives new + c.
    public func replacing(_ old: Expr, with new: Expr) -> Expr {
        func walk(_ e: Expr) -> Expr {
            if e == old { return new }
            switch (e, old) {
            case (.sum(let ts), .sum(let os)):
                if let rest = Expr.removingAll(os, from: ts) { return .sum(of: rest.map(walk) + [new]) }
            case (.product(let fs), .product(let os)):
                if let rest = Expr.removingAll(os, from: fs) { return .product(of: rest.map(walk) + [new]) }
            default: break
            }
            let kids = e.children
            if kids.isEmpty { return e }
            let newKids = kids.map(walk)
            return newKids == kids ? e : e.rebuilt(newKids)
        }
        return walk(self)
    }

    /// xs with every element of `sub` removed once, or nil if some element is missing.
    static func removingAll(_ sub: [Expr], from xs: [Expr]) -> [Expr]? {
        var rest = xs
        for s in sub {
            guard let k = rest.firstIndex(of: s) else { return nil }
            rest.remove(at: k)
        }
        return rest
    }
}
