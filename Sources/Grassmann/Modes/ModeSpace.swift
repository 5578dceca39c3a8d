import Symbolic

/// One value of a mode index: a label (`up`, `dn`, `A`) or an integer (`0`, `1`).
public enum IndexValue: Hashable, Sendable, CustomStringConvertible {
    case label(String)
    case integer(Int)
    public var description: String {
        switch self {
        case .label(let s): return s
        case .integer(let n): return String(n)
        }
    }
}

/// What kind of degree of freedom a declared mode is.
///
/// - `fermion`: occupation 0 or 1; ladder operators anticommute with every other fermion (Jordan–Wigner
///   string over the fermions declared before it).
/// - `boson(cutoff: N)`: occupation 0…N (N + 1 levels), a|n⟩ = √n |n−1⟩, truncated: a†|N⟩ = 0.
/// - `qubit`: a two-level system, level 0 = |↓⟩ (σ_z = −1) and level 1 = |↑⟩ (σ_z = +1);
///   σ₊ = |↑⟩⟨↓| raises, σ₋ = |↓⟩⟨↑| lowers, σ_x = σ₊ + σ₋, σ_y = −iσ₊ + iσ₋. Commutes with every other mode.
public enum ModeKind: Hashable, Sendable, CustomStringConvertible {
    case fermion
    case boson(cutoff: Int)
    case qubit

    /// Number of levels of one mode of this kind.
    public var levels: Int {
        switch self {
        case .fermion, .qubit: return 2
        case .boson(let n): return n + 1
        }
    }
    public var description: String {
        switch self {
        case .fermion: return "fermion"
        case .boson(let n): return "boson (cutoff \(n))"
        case .qubit: return "qubit"
        }
    }
}

/// A family of modes declared together: `c[k, s]: fermion  k in 0..1, s in {up, dn}` is the family
/// `c` with the index `k` ranging over 0, 1 and `s` over up, dn, i.e. four fermion modes.
public struct ModeFamily: Hashable, Sendable {
    /// One index of a family and the values it takes, in declaration order.
    public struct Index: Hashable, Sendable {
        public var name: String
        public var values: [IndexValue]
        public init(name: String, values: [IndexValue]) { self.name = name; self.values = values }
    }
    public var name: String
    public var indices: [Index]
    public var kind: ModeKind

    public init(name: String, indices: [Index] = [], kind: ModeKind) {
        self.name = name
        self.indices = indices
        self.kind = kind
    }

    /// Every index tuple of the family, lexicographic in the declared value order (first index slowest).
    public var indexTuples: [[IndexValue]] {
        var tuples: [[IndexValue]] = [[]]
        for index in indices {
            tuples = tuples.flatMap { t in index.values.map { t + [$0] } }
        }
        return tuples
    }
}

/// One declared mode: its family and index values, e.g. `c[0, dn]`.
public struct DeclaredMode: Hashable, Sendable, CustomStringConvertible {
    public var family: String
    public var index: [IndexValue]
    public init(family: String, index: [IndexValue] = []) { self.family = family; self.index = index }
    public var description: String {
        index.isEmpty ? family : family + "[" + index.map(\.description).joined(separator: ", ") + "]"
    }
}

/// The Hilbert space of a set of declared modes: the tensor product of the modes' level spaces, in
/// declaration order (families in the order declared, modes of a family in `indexTuples` order). This
/// order is the Jordan–Wigner order of the fermions.
///
/// Basis states are occupation tuples (n_0, n_1, …); the basis index is Σ_k n_k · stride_k with the
/// last mode fastest. Operators are sparse matrices in this basis with symbolic (`Expr`) entries; a
/// fermionic ladder operator carries the sign (−1)^(number of occupied fermion modes before it), so
/// the matrices satisfy the canonical anticommutation relations exactly (a faithful representation
/// of the fermion algebra on the Fock space).
public struct ModeSpace: Sendable {
    public let families: [ModeFamily]
    /// Every mode, in Jordan–Wigner (declaration) order.
    public let modes: [DeclaredMode]
    public let kinds: [ModeKind]
    public let dimension: Int
    let strides: [Int]
    let position: [DeclaredMode: Int]

    /// The largest Hilbert-space dimension accepted (operators are d × d, superoperators d² × d²).
    public static let maximumDimension = 1 << 12

    public init(_ families: [ModeFamily]) throws {
        self.families = families
        var modes: [DeclaredMode] = [], kinds: [ModeKind] = []
        for f in families {
            for t in f.indexTuples {
                modes.append(DeclaredMode(family: f.name, index: t))
                kinds.append(f.kind)
            }
        }
        var dimension = 1
        for k in kinds {
            dimension *= k.levels
            if dimension > Self.maximumDimension {
                throw ModeSpaceError("the declared modes span a Hilbert space of dimension > \(Self.maximumDimension) (\(modes.count) modes)")
            }
        }
        var strides = [Int](repeating: 1, count: modes.count)
        var s = 1
        for k in stride(from: modes.count - 1, through: 0, by: -1) { strides[k] = s; s *= kinds[k].levels }
        self.modes = modes
        self.kinds = kinds
        self.dimension = dimension
        self.strides = strides
        var position: [DeclaredMode: Int] = [:]
        for (k, m) in modes.enumerated() { position[m] = k }
        self.position = position
    }

    /// The position of a mode in the Jordan–Wigner order, or nil when it is not declared.
    public func index(of mode: DeclaredMode) -> Int? { position[mode] }

    /// Occupation n_k of mode k in basis state `state`.
    public func occupation(_ k: Int, in state: Int) -> Int { (state / strides[k]) % kinds[k].levels }

    /// The basis index of the occupation tuple given mode by mode (unlisted modes empty).
    public func state(_ occupations: [Int: Int]) throws -> Int {
        var n = 0
        for (k, o) in occupations {
            guard o >= 0, o < kinds[k].levels else {
                throw ModeSpaceError("occupation \(o) of \(modes[k]) is outside 0…\(kinds[k].levels - 1) (\(kinds[k]))")
            }
            n += o * strides[k]
        }
        return n
    }

    /// |n_0, n_1, …⟩ written with the occupied modes only: `|d[up]=1, c[0, dn]=1⟩`, `|0⟩` for the vacuum.
    public func label(_ state: Int) -> String {
        var parts: [String] = []
        for k in modes.indices {
            let o = occupation(k, in: state)
            if o != 0 { parts.append("\(modes[k])=\(o)") }
        }
        return parts.isEmpty ? "|0⟩" : "|" + parts.joined(separator: ", ") + "⟩"
    }

    /// The lowering operator of mode k: c_k for a fermion (with its Jordan–Wigner sign), a_k for a
    /// boson (√n), σ₋ for a qubit.
    public func lowering(_ k: Int) -> SparseMatrix<Expr> {
        var m = SparseMatrix<Expr>(rows: dimension, columns: dimension)
        for state in 0..<dimension {
            let n = occupation(k, in: state)
            guard n > 0 else { continue }
            let target = state - strides[k]
            switch kinds[k] {
            case .fermion:
                var parity = 0
                for j in 0..<k where kinds[j] == .fermion { parity += occupation(j, in: state) }
                m[target, state] = parity % 2 == 0 ? .one : Expr(-1)
            case .boson:
                m[target, state] = Expr.pow(Expr(n), Expr.half)
            case .qubit:
                m[target, state] = .one
            }
        }
        return m
    }

    /// Pauli matrices of a qubit mode k (`axis` 1, 2, 3 = x, y, z), with the convention of `ModeKind.qubit`.
    public func pauli(_ axis: Int, _ k: Int) -> SparseMatrix<Expr> {
        let lower = lowering(k), raise = lower.adjoint
        switch axis {
        case 1: return raise + lower
        case 2: return (-Expr.i) * raise + Expr.i * lower
        default:
            var m = SparseMatrix<Expr>(rows: dimension, columns: dimension)
            for state in 0..<dimension { m[state, state] = occupation(k, in: state) == 1 ? .one : Expr(-1) }
            return m
        }
    }

    /// The identity operator.
    public var identity: SparseMatrix<Expr> { .identity(dimension) }
}

/// A malformed mode declaration or a reference outside it.
public struct ModeSpaceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
