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

/// Branch of the Keldysh contour a field lives on (none for plain operators).
public enum ContourBranch: Int, Hashable, Comparable, Sendable {
    case none = 0, plus = 1, minus = 2
    public static func < (a: ContourBranch, b: ContourBranch) -> Bool { a.rawValue < b.rawValue }
}

/// A labelled fermionic mode: species (`d` localized, `c` conduction, …), site, momentum index,
/// spin and contour branch. The total order (species, site, momentum, spin, contour) is the
/// ordering used by normal ordering and by the Jordan–Wigner string.
public struct Mode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var species: String
    public var site: Int
    public var momentum: Int
    public var spin: Spin
    public var contour: ContourBranch

    public init(_ species: String, site: Int = 0, momentum: Int = 0, spin: Spin, contour: ContourBranch = .none) {
        self.species = species
        self.site = site
        self.momentum = momentum
        self.spin = spin
        self.contour = contour
    }

    /// Localized orbital d_{σ,a} at site a (NC(1)).
    public static func d(_ spin: Spin, site: Int = 0) -> Mode { Mode("d", site: site, spin: spin) }
    /// Conduction mode c_{k,σ} with momentum (level) index k (NC(1)).
    public static func c(_ k: Int, _ spin: Spin) -> Mode { Mode("c", momentum: k, spin: spin) }

    public static func < (a: Mode, b: Mode) -> Bool {
        if a.species != b.species { return a.species > b.species }  // "d" before "c"
        if a.site != b.site { return a.site < b.site }
        if a.momentum != b.momentum { return a.momentum < b.momentum }
        if a.spin != b.spin { return a.spin < b.spin }
        return a.contour < b.contour
    }

    public var description: String {
        var s = species
        if species == "c" { s += "\(momentum)" } else if site != 0 { s += "\(site)" }
        s += spin.description
        switch contour { case .none: break; case .plus: s += "+"; case .minus: s += "-" }
        return s
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
