/// Normal ordering of fermionic words by the canonical anticommutation relations
/// {c_i, c_j†} = δ_ij, {c_i, c_j} = {c_i†, c_j†} = 0.
///
/// Canonical order of a word: all creation operators first, in increasing mode order, then all
/// annihilation operators, in decreasing mode order (so n_1 n_2 = c_1† c_2† c_2 c_1). A word with a
/// repeated creation (or annihilation) of one mode vanishes. The signs are applied here and nowhere
/// else: for at most 64 modes through `OrderedMonomial` (bit masks, Wick products, popcount
/// parities), otherwise by adjacent transpositions (`normalOrderedByTranspositions`).
extension FermionOperator {
    /// True when the adjacent pair (a, b) is in canonical order.
    @inline(__always)
    static func inOrder(_ a: Ladder, _ b: Ladder) -> Bool {
        switch (a.isCreation, b.isCreation) {
        case (true, false): return true
        case (false, true): return false
        case (true, true): return a.mode < b.mode
        case (false, false): return b.mode < a.mode
        }
    }

    /// The normal-ordered form: a sum of canonical words equal to `self` as an operator.
    public func normalOrdered() -> FermionOperator {
        guard let table = OrderedMonomial.Table(modes) else { return normalOrderedByTranspositions() }
        return table.operator(orderedTerms(table))
    }

    /// Aᵏ in normal order, equal to `power(k).normalOrdered()` (normal ordering is compatible with
    /// products), without ever forming the unreduced product: each factor is multiplied onto the
    /// normal-ordered partial product monomial by monomial (Wick products of bit masks).
    public func normalOrderedPower(_ k: Int) -> FermionOperator {
        guard let table = OrderedMonomial.Table(modes) else {
            var r = FermionOperator.identity
            for _ in 0..<k { r = (r * self).normalOrderedByTranspositions() }
            return r
        }
        let factor = Array(orderedTerms(table))
        var r: [OrderedMonomial: C] = [.identity: .one]
        for _ in 0..<k {
            var next: [OrderedMonomial: C] = [:]
            for (x, cx) in r {
                for (y, cy) in factor {
                    var product: C? = nil
                    OrderedMonomial.multiply(x, y) { m, sign in
                        if product == nil { product = cx * cy }
                        Self.accumulate(&next, m, product!, negated: sign < 0)
                    }
                }
            }
            r = next
        }
        return table.operator(r)
    }

    /// The terms of `self` normal ordered, keyed by monomial.
    func orderedTerms(_ table: OrderedMonomial.Table) -> [OrderedMonomial: C] {
        var result: [OrderedMonomial: C] = [:]
        for (word, c) in terms {
            for (m, k) in table.expand(word) {
                Self.accumulate(&result, m, k == 1 || k == -1 ? c : C(integer: Swift.abs(k)) * c, negated: k < 0)
            }
        }
        return result
    }

    /// t[m] ±= c, dropping entries that become zero.
    @inline(__always)
    static func accumulate<K: Hashable>(_ t: inout [K: C], _ m: K, _ c: C, negated: Bool) {
        if let old = t[m] {
            let s = negated ? old - c : old + c
            t[m] = s.isKnownZero ? nil : s
        } else {
            t[m] = negated ? -c : c
        }
    }

    /// Normal ordering by adjacent transpositions (any number of modes; the reference algorithm).
    public func normalOrderedByTranspositions() -> FermionOperator {
        var result: [[Ladder]: C] = [:]
        for (word, c) in terms {
            for (w, m) in Self.expandWord(word) { Self.accumulate(&result, w, C(integer: m) * c, negated: false) }
        }
        return FermionOperator(terms: result)
    }

    /// Normal-ordered expansion of one word as (canonical word, integer multiplicity) pairs. Bubble sort: an out-of-order adjacent pair (a, b) is
    /// replaced by −(b a) plus, when a = c_i and b = c_i†, the word with the pair removed.
    static func expandWord(_ word: [Ladder]) -> [([Ladder], Int)] {
        var out: [[Ladder]: Int] = [:]
        var stack: [([Ladder], Int)] = [(word, 1)]
        while let (w, s) = stack.popLast() {
            var w = w
            var sign = s
            var i = 0
            var finished = true
            while i + 1 < w.count {
                let a = w[i], b = w[i + 1]
                if a.mode == b.mode && a.isCreation == b.isCreation { finished = false; sign = 0; break }
                if inOrder(a, b) { i += 1; continue }
                if !a.isCreation && b.isCreation && a.mode == b.mode {
                    // c_i c_i† = 1 − c_i† c_i
                    var contracted = w
                    contracted.removeSubrange(i...(i + 1))
                    stack.append((contracted, sign))
                }
                w.swapAt(i, i + 1)
                sign = -sign
                i = max(i - 1, 0)
            }
            if !finished && sign == 0 { continue }
            out[w, default: 0] += sign
        }
        return out.filter { $0.value != 0 }.map { ($0.key, $0.value) }
    }
}

extension OrderedMonomial.Table {
    /// The operator Σ c_m · (canonical word of m).
    func `operator`<C>(_ terms: [OrderedMonomial: C]) -> FermionOperator<C> {
        var t: [[Ladder]: C] = [:]
        t.reserveCapacity(terms.count)
        for (m, c) in terms { t[word(m)] = c }
        return FermionOperator(terms: t)
    }
}
