/// A normal-ordered fermionic monomial over at most 64 modes, numbered 0..<64 in the mode order of
/// `Mode`: the creation set and the annihilation set as bit masks. It stands for the canonical word
/// of `NormalOrdering.swift`, c†_{i1} c†_{i2} … c_{j2} c_{j1} with i1 < i2 < … and j1 < j2 < …
/// (creations increasing, then annihilations decreasing). Anticommutation signs are parities of
/// popcounts; no word is ever rearranged step by step.
struct OrderedMonomial: Hashable, Sendable {
    var creation: UInt64
    var annihilation: UInt64

    static let identity = OrderedMonomial(creation: 0, annihilation: 0)

    /// Bits strictly below bit k.
    @inline(__always)
    static func below(_ k: Int) -> UInt64 { (UInt64(1) << UInt64(k)) &- 1 }

    /// Parity of #{(p, q) : p ∈ P, q ∈ Q, p > q}, the inversions of the concatenation of two
    /// increasing lists P, Q (also of two decreasing lists Q, P).
    @inline(__always)
    static func inversionParity(_ p: UInt64, over q: UInt64) -> Int {
        var n = 0
        var rest = q
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest &- 1
            n += ((p >> UInt64(k)) >> 1).nonzeroBitCount
        }
        return n & 1
    }

    /// The normal-ordered product X·Y = Σ ± (monomial) by Wick's theorem, reporting each term with
    /// its sign ±1 to `body`. X·Y = Ĉx Âx Ĉy Ây; the middle Âx Ĉy is expanded over the subsets S of
    /// Ax ∩ Cy contracted with ⟨c_k c_k†⟩ = 1, and the surviving blocks are merged into canonical
    /// order; a repeated creation or annihilation gives 0. Parity of the middle for a given S:
    /// moving each creation of Cy∖S to the front passes all |Ax| annihilations and the contracted
    /// creations below it, and pairing the contracted annihilations passes those of Ax∖S below them.
    @inline(__always)
    static func multiply(_ x: OrderedMonomial, _ y: OrderedMonomial, _ body: (OrderedMonomial, Int) -> Void) {
        let common = x.annihilation & y.creation
        let m = x.annihilation.nonzeroBitCount
        var s = common
        while true {
            let cy = y.creation & ~s, ax = x.annihilation & ~s
            if cy & x.creation == 0 && ax & y.annihilation == 0 {
                // middle: each c ∈ Cy∖S passes all |Ax| annihilations and the contracted creations below it;
                // pairing passes, for each s ∈ S, the uncontracted annihilations below s
                var parity = (cy.nonzeroBitCount * m + countBelow(s, each: cy) + countBelow(ax, each: s)) & 1
                // merge Ĉx with Ĉy∖S (increasing): inversions p ∈ Cx above q ∈ Cy∖S
                parity ^= inversionParity(x.creation, over: cy)
                // merge Âx∖S with Ây (decreasing): inversions p ∈ Ax∖S below q ∈ Ay
                parity ^= inversionParity(y.annihilation, over: ax)
                body(OrderedMonomial(creation: x.creation | cy, annihilation: ax | y.annihilation), parity == 0 ? 1 : -1)
            }
            if s == 0 { break }
            s = (s &- 1) & common
        }
    }

    /// Σ_{k ∈ each} #{bits of p below k}.
    @inline(__always)
    static func countBelow(_ p: UInt64, each: UInt64) -> Int {
        var n = 0
        var rest = each
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest &- 1
            n += (p & below(k)).nonzeroBitCount
        }
        return n
    }
}

extension OrderedMonomial {
    /// The numbering of at most 64 modes by increasing `Mode` order, and the translation between
    /// `OrderedMonomial`s and canonical words.
    struct Table {
        let modes: [Mode]
        let index: [Mode: Int]

        /// nil when there are more than 64 modes.
        init?(_ modes: Set<Mode>) {
            guard modes.count <= 64 else { return nil }
            self.modes = modes.sorted()
            var index: [Mode: Int] = [:]
            for (k, m) in self.modes.enumerated() { index[m] = k }
            self.index = index
        }

        /// The single ladder ℓ as a monomial.
        @inline(__always)
        func monomial(_ l: Ladder) -> OrderedMonomial {
            let bit = UInt64(1) << UInt64(index[l.mode]!)
            return l.isCreation ? OrderedMonomial(creation: bit, annihilation: 0) : OrderedMonomial(creation: 0, annihilation: bit)
        }

        /// The canonical word: creations increasing, then annihilations decreasing.
        func word(_ m: OrderedMonomial) -> [Ladder] {
            var w: [Ladder] = []
            w.reserveCapacity(m.creation.nonzeroBitCount + m.annihilation.nonzeroBitCount)
            var c = m.creation
            while c != 0 { w.append(.create(modes[c.trailingZeroBitCount])); c &= c &- 1 }
            var a = m.annihilation
            while a != 0 {
                let k = 63 - a.leadingZeroBitCount
                w.append(.annihilate(modes[k]))
                a &= ~(UInt64(1) << UInt64(k))
            }
            return w
        }

        /// The normal-ordered expansion of a word ℓ_1 … ℓ_n: the product of its ladders, one Wick
        /// product at a time, as monomials with integer multiplicities (zeros dropped).
        func expand(_ word: [Ladder]) -> [OrderedMonomial: Int] {
            var state: [OrderedMonomial: Int] = [.identity: 1]
            for l in word {
                let y = monomial(l)
                var next: [OrderedMonomial: Int] = [:]
                for (x, k) in state {
                    OrderedMonomial.multiply(x, y) { m, sign in next[m, default: 0] += sign * k }
                }
                state = next.filter { $0.value != 0 }
            }
            return state
        }
    }
}
