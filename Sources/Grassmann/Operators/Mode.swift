/// Spin projection of a fermionic mode.
public enum Spin: Int, Hashable, Comparable, Sendable, CaseIterable, CustomStringConvertible {
    case up = 0, down = 1
    public static func < (a: Spin, b: Spin) -> Bool { a.rawValue < b.rawValue }
    /// The opposite spin, written −σ (AX(S113)).
    public var flipped: Spin { self == .up ? .down : .up }
    /// Pauli-matrix index: ↑ ↦ 0, ↓ ↦ 1.
    public var index: Int { rawValue }
    public var description: String { self == .up ? "↑" : "↓" }
}

/// A fermionic mode of a declared family: the family's name (`d`, `c`, `psi` — any name), its rank
/// in the declaration, the family's integer labels (site, level, …) and an optional spin. The total
/// order (rank, labels, spin) is the order of normal ordering and of the Jordan–Wigner string, so a
/// family declared earlier stands to the left. Nothing here knows a paper: the families of a model
/// are declared by whoever builds the operators (a ```modes block, a test fixture).
public struct Mode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The family's name as written (`d`, `c`, `ψ`).
    public var family: String
    /// Position of the family in the declaration: families compare by it first.
    public var rank: Int
    /// The labels within the family (site, momentum level, …), compared lexicographically.
    public var labels: [Int]
    /// The spin projection, for spinful families.
    public var spin: Spin?

    public init(_ family: String, rank: Int, labels: [Int] = [], spin: Spin? = nil) {
        self.family = family
        self.rank = rank
        self.labels = labels
        self.spin = spin
    }

    public static func < (a: Mode, b: Mode) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.family != b.family { return a.family < b.family }
        if a.labels != b.labels { return a.labels.lexicographicallyPrecedes(b.labels) }
        return (a.spin?.rawValue ?? -1) < (b.spin?.rawValue ?? -1)
    }

    /// `d↑`, `c1↓`, `f2↑`: the family, its labels and the spin arrow.
    public var description: String {
        family + labels.map(String.init).joined(separator: ",") + (spin?.description ?? "")
    }
}

/// A ladder operator: c_m (annihilation) or c_m† (creation).
public struct Ladder: Hashable, Sendable, CustomStringConvertible {
    public var mode: Mode
    public var isCreation: Bool
    public init(_ mode: Mode, creation: Bool) { self.mode = mode; self.isCreation = creation }
    public static func create(_ m: Mode) -> Ladder { Ladder(m, creation: true) }
    public static func annihilate(_ m: Mode) -> Ladder { Ladder(m, creation: false) }
    /// The Hermitian conjugate: (c_m)† = c_m†, (c_m†)† = c_m.
    public var adjoint: Ladder { Ladder(mode, creation: !isCreation) }
    public var description: String { isCreation ? "\(mode)†" : "\(mode)" }
}
