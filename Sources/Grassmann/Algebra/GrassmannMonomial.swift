/// An ordered product of distinct Grassmann generators η_{i₁} η_{i₂} … η_{i_k} with i₁ < i₂ < … < i_k,
/// stored as a bitset (bit i set ⇔ η_i occurs). Every monomial is kept in this canonical order; the
/// sign of bringing a product into it is computed in one place, `times(_:)`, as (−1)^(inversions).
public struct GrassmannMonomial: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 64 generators per word; trailing zero words are never stored.
    public private(set) var words: [UInt64]

    /// The empty product 1.
    public static let one = GrassmannMonomial(words: [])

    init(words: [UInt64]) {
        var w = words
        while let last = w.last, last == 0 { w.removeLast() }
        self.words = w
    }

    /// The single generator η_i.
    public init(generator i: Int) {
        precondition(i >= 0, "Grassmann generator index must be non-negative")
        var w = [UInt64](repeating: 0, count: i / 64 + 1)
        w[i / 64] = 1 << UInt64(i % 64)
        self.words = w
    }

    /// The canonical monomial of a set of generators (sign not included).
    public init<S: Sequence>(generators: S) where S.Element == Int {
        var m = GrassmannMonomial.one
        for g in generators { m.insert(g) }
        self = m
    }

    mutating func insert(_ i: Int) {
        if words.count <= i / 64 { words += [UInt64](repeating: 0, count: i / 64 + 1 - words.count) }
        words[i / 64] |= 1 << UInt64(i % 64)
    }

    /// Number of generators (the degree); the parity is degree mod 2.
    public var degree: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var isEven: Bool { degree % 2 == 0 }

    /// True when η_i occurs.
    public func contains(_ i: Int) -> Bool {
        i / 64 < words.count && (words[i / 64] >> UInt64(i % 64)) & 1 == 1
    }

    /// The generator indices in increasing order.
    public var generators: [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() {
            var x = word
            while x != 0 {
                let b = x.trailingZeroBitCount
                out.append(w * 64 + b)
                x &= x - 1
            }
        }
        return out
    }

    /// Number of generators of this monomial with index < i.
    public func countBelow(_ i: Int) -> Int {
        var n = 0
        for w in 0..<min(words.count, i / 64) { n += words[w].nonzeroBitCount }
        if i / 64 < words.count {
            let mask: UInt64 = (i % 64 == 0) ? 0 : (UInt64.max >> UInt64(64 - i % 64))
            n += (words[i / 64] & mask).nonzeroBitCount
        }
        return n
    }

    /// The product self · other brought to canonical order: (sign, monomial), or nil when a
    /// generator repeats (η² = 0). The sign is (−1)^{#{(i, j): i ∈ self, j ∈ other, i > j}}: each
    /// generator of `other` moves left past the larger generators of `self`.
    public func times(_ other: GrassmannMonomial) -> (sign: Int, monomial: GrassmannMonomial)? {
        let n = max(words.count, other.words.count)
        var result = [UInt64](repeating: 0, count: n)
        // Count inversions: for each generator j of `other`, the generators of `self` above j.
        var suffixCount = [Int](repeating: 0, count: n + 1)  // generators of self in words ≥ w
        for w in stride(from: n - 1, through: 0, by: -1) {
            suffixCount[w] = suffixCount[w + 1] + (w < words.count ? words[w].nonzeroBitCount : 0)
        }
        var inversions = 0
        for w in 0..<n {
            let a = w < words.count ? words[w] : 0
            let b = w < other.words.count ? other.words[w] : 0
            if a & b != 0 { return nil }
            result[w] = a | b
            var x = b
            while x != 0 {
                let bit = x.trailingZeroBitCount
                let above: UInt64 = bit == 63 ? 0 : (UInt64.max << UInt64(bit + 1))
                inversions += (a & above).nonzeroBitCount + suffixCount[w + 1]
                x &= x - 1
            }
        }
        return (inversions % 2 == 0 ? 1 : -1, GrassmannMonomial(words: result))
    }

    /// Removes η_i: the left derivative ∂/∂η_i of this monomial is (−1)^{#generators before i} times the rest.
    public func removingGenerator(_ i: Int) -> (sign: Int, monomial: GrassmannMonomial)? {
        guard contains(i) else { return nil }
        var w = words
        w[i / 64] &= ~(1 << UInt64(i % 64))
        return (countBelow(i) % 2 == 0 ? 1 : -1, GrassmannMonomial(words: w))
    }

    /// Graded lexicographic order (degree first), used only for printing and determinism.
    public static func < (a: GrassmannMonomial, b: GrassmannMonomial) -> Bool {
        if a.degree != b.degree { return a.degree < b.degree }
        return a.generators.lexicographicallyPrecedes(b.generators)
    }

    public var description: String {
        words.isEmpty ? "1" : generators.map { "η\($0)" }.joined(separator: "·")
    }
}
