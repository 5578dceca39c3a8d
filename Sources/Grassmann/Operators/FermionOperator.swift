/// A polynomial in fermionic ladder operators with coefficients in `C`:
/// Σ_w c_w · (ℓ_1 ℓ_2 … ℓ_n)_w, each word an ordered product of `Ladder`s (the empty word is
/// the identity). Products concatenate words; nothing is reordered until `normalOrdered()`,
/// the single place where anticommutation signs are applied.
public struct FermionOperator<C: OperatorCoefficient>: Hashable, Sendable, CustomStringConvertible {
    /// Coefficient of each word; words with zero coefficient are dropped.
    public private(set) var terms: [[Ladder]: C]

    public init() { terms = [:] }
    public init(terms: [[Ladder]: C]) {
        self.terms = terms.filter { !$0.value.isKnownZero }
    }
    /// The word `ladders` with coefficient `coefficient`.
    public init(_ ladders: [Ladder], _ coefficient: C = .one) {
        terms = coefficient.isKnownZero ? [:] : [ladders: coefficient]
    }
    /// c · 1.
    public static func scalar(_ c: C) -> FermionOperator { FermionOperator([], c) }
    public static var zero: FermionOperator { FermionOperator() }
    public static var identity: FermionOperator { .scalar(.one) }
    /// c_m.
    public static func annihilation(_ m: Mode) -> FermionOperator { FermionOperator([.annihilate(m)]) }
    /// c_m†.
    public static func creation(_ m: Mode) -> FermionOperator { FermionOperator([.create(m)]) }
    /// n_m = c_m† c_m.
    public static func number(_ m: Mode) -> FermionOperator { FermionOperator([.create(m), .annihilate(m)]) }

    public var isZero: Bool { terms.isEmpty }

    public static func + (a: FermionOperator, b: FermionOperator) -> FermionOperator {
        var t = a.terms
        for (w, c) in b.terms {
            let s = (t[w] ?? .zero) + c
            if s.isKnownZero { t[w] = nil } else { t[w] = s }
        }
        return FermionOperator(terms: t)
    }
    public static prefix func - (a: FermionOperator) -> FermionOperator {
        FermionOperator(terms: a.terms.mapValues { -$0 })
    }
    public static func - (a: FermionOperator, b: FermionOperator) -> FermionOperator { a + (-b) }
    /// Word concatenation, bilinear in the coefficients.
    public static func * (a: FermionOperator, b: FermionOperator) -> FermionOperator {
        var t: [[Ladder]: C] = [:]
        for (wa, ca) in a.terms {
            for (wb, cb) in b.terms {
                let w = wa + wb
                let s = (t[w] ?? .zero) + ca * cb
                if s.isKnownZero { t[w] = nil } else { t[w] = s }
            }
        }
        return FermionOperator(terms: t)
    }
    public static func * (c: C, a: FermionOperator) -> FermionOperator {
        FermionOperator(terms: a.terms.mapValues { c * $0 })
    }
    public static func += (a: inout FermionOperator, b: FermionOperator) { a = a + b }

    /// Hermitian adjoint: (c ℓ_1 … ℓ_n)† = c* ℓ_n† … ℓ_1†.
    public var adjoint: FermionOperator {
        var t: [[Ladder]: C] = [:]
        for (w, c) in terms { t[w.reversed().map(\.adjoint)] = c.conjugated }
        return FermionOperator(terms: t)
    }

    /// [A, B] = AB − BA.
    public static func commutator(_ a: FermionOperator, _ b: FermionOperator) -> FermionOperator { a * b - b * a }
    /// {A, B} = AB + BA.
    public static func anticommutator(_ a: FermionOperator, _ b: FermionOperator) -> FermionOperator { a * b + b * a }

    /// Aⁿ (n ≥ 0).
    public func power(_ n: Int) -> FermionOperator {
        var r = FermionOperator.identity
        for _ in 0..<n { r = r * self }
        return r
    }

    /// Modes that occur in some word.
    public var modes: Set<Mode> { Set(terms.keys.flatMap { $0.map(\.mode) }) }

    public var description: String {
        if terms.isEmpty { return "0" }
        return terms.sorted { $0.key.description < $1.key.description }
            .map { w, c in "(\(c))" + (w.isEmpty ? "" : "·" + w.map(\.description).joined(separator: " ")) }
            .joined(separator: " + ")
    }
}
