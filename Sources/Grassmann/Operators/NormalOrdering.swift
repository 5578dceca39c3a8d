/// Normal ordering of fermionic words by the canonical anticommutation relations
/// {c_i, c_j†} = δ_ij, {c_i, c_j} = {c_i†, c_j†} = 0.
///
/// Canonical order of a word: all creation operators first, in increasing mode order, then all
/// annihilation operators, in decreasing mode order (so n_1 n_2 = c_1† c_2† c_2 c_1). A word with a
/// repeated creation (or annihilation) of one mode vanishes. The sign of every transposition is
/// applied here and nowhere else.
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
        var result: [[Ladder]: C] = [:]
        var pending: [([Ladder], C)] = terms.map { ($0.key, $0.value) }
        var cache: [[Ladder]: [([Ladder], Int)]] = [:]
        while let (word, c) = pending.popLast() {
            if let expansion = cache[word] {
                for (w, m) in expansion { accumulate(&result, w, C(integer: m) * c) }
                continue
            }
            let expansion = Self.expandWord(word)
            cache[word] = expansion
            for (w, m) in expansion { accumulate(&result, w, C(integer: m) * c) }
        }
        return FermionOperator(terms: result)
    }

    private func accumulate(_ t: inout [[Ladder]: C], _ w: [Ladder], _ c: C) {
        let s = (t[w] ?? .zero) + c
        if s.isKnownZero { t[w] = nil } else { t[w] = s }
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
