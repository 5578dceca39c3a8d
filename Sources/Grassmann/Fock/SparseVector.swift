/// A vector with few nonzero components, stored as component index ↦ coefficient (zeros are not
/// stored): a vectorised operator |A⟩⟩ (AX(S5)), a row of a `SparseMatrix`, an eigenvector of ℒ0,
/// the residual of a fit. The one linear-combination type of the operator layer; it reads like the
/// dictionary it wraps (`v[k]`, `for (k, c) in v`, `v.keys`) and adds the vector operations.
public struct SparseVector<C: OperatorCoefficient>: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The nonzero components.
    public private(set) var components: [Int: C]

    public init() { components = [:] }
    public init(_ components: [Int: C]) { self.components = components.filter { !$0.value.isKnownZero } }
    public init(dictionaryLiteral elements: (Int, C)...) {
        self.init(Dictionary(elements, uniquingKeysWith: +))
    }

    /// Component k (nil when it is zero); setting zero or nil removes it.
    public subscript(k: Int) -> C? {
        get { components[k] }
        set { components[k] = newValue.flatMap { $0.isKnownZero ? nil : $0 } }
    }

    public var keys: Dictionary<Int, C>.Keys { components.keys }
    public var values: Dictionary<Int, C>.Values { components.values }
    public var count: Int { components.count }
    public var isEmpty: Bool { components.isEmpty }
    public func makeIterator() -> Dictionary<Int, C>.Iterator { components.makeIterator() }

    /// v_k += c.
    public mutating func add(_ k: Int, _ c: C) { self[k] = (components[k] ?? .zero) + c }

    public func mapValues(_ f: (C) throws -> C) rethrows -> SparseVector { SparseVector(try components.mapValues(f)) }
    public func filter(_ keep: ((key: Int, value: C)) throws -> Bool) rethrows -> SparseVector { SparseVector(try components.filter(keep)) }

    public static func + (a: SparseVector, b: SparseVector) -> SparseVector {
        var out = a
        for (k, c) in b.components { out.add(k, c) }
        return out
    }
    public static prefix func - (a: SparseVector) -> SparseVector { SparseVector(a.components.mapValues { -$0 }) }
    public static func - (a: SparseVector, b: SparseVector) -> SparseVector { a + (-b) }
    public static func * (c: C, a: SparseVector) -> SparseVector { SparseVector(a.components.mapValues { c * $0 }) }
}
