/// Term-level relations between two sums that differ: a dropped term, a term with the wrong sign,
/// a doubled term. Decided by exact comparison of canonical (and expanded) forms, so a relation
/// reported here is exact.
struct TermRelation {
    let names: (first: String, second: String)
    /// Expressions larger than this are not expanded.
    var expansionLimit = 400

    /// The relation, e.g. "computed = printed without the term 2*x*y", or nil.
    func find(_ first: Expr, _ second: Expr) -> String? {
        // Common factors first: C·(A + B) against C·(A − B) compares A + B with A − B.
        if case .product(let fs) = first, case .product(let gs) = second {
            var rest = gs
            var common: [Expr] = [], own: [Expr] = []
            for x in fs {
                if let i = rest.firstIndex(of: x) { common.append(x); rest.remove(at: i) } else { own.append(x) }
            }
            if !common.isEmpty, let inner = find(.product(of: own), .product(of: rest)) {
                return inner + " (inside the common factor \(evaluationText(.product(of: common))))"
            }
        }
        let (f, s) = names
        let difference = second - first
        let candidates: [(Expr, String)] = terms(of: first).map { ($0, f) } + terms(of: second).map { ($0, s) }
        for (t, owner) in candidates {
            let text = evaluationText(t)
            let fromFirst = owner == f
            // second − first = c·t for the multiples that correspond to one-term mistakes.
            let multiples: [(Int, String)] = fromFirst
                ? [(-1, "\(s) = \(f) without its term \(text)"),
                   (-2, "\(s) = \(f) with the sign of its term \(text) flipped"),
                   (1, "\(s) = \(f) with its term \(text) doubled")]
                : [(1, "\(f) lacks the term \(text) of \(s)"),
                   (2, "\(f) has the term \(text) of \(s) with the opposite sign"),
                   (-1, "\(f) has the term \(text) of \(s) twice")]
            for (c, relation) in multiples where equal(difference, Expr(c) * t) {
                return relation
            }
        }
        return nil
    }

    private func terms(of e: Expr) -> [Expr] {
        if case .sum(let ts) = e { return ts }
        return []
    }

    private func equal(_ a: Expr, _ b: Expr) -> Bool {
        if a == b { return true }
        guard a.nodeCount <= expansionLimit, b.nodeCount <= expansionLimit else { return false }
        return (a - b).expanded().isZero || (a - b).together().isZero
    }
}
