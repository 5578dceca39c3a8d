import Grassmann

/// A Grassmann field on the Keldysh contour: ψ or ψ̄ of a named degree of freedom, on a branch
/// (± of AX(S40), or classical/quantum of AX(S53)), at t + shift·0⁺ (the t ± δ of AX(S82)), and
/// differentiated `derivative` times in t.
public struct ContourField: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Branch of the contour, or component after the Keldysh rotation ψ_{c,q} = (ψ₊ ± ψ₋)/√2.
    public enum Branch: Int, Hashable, Comparable, Sendable {
        case plus = 0, minus = 1, classical = 2, quantum = 3
        public static func < (a: Branch, b: Branch) -> Bool { a.rawValue < b.rawValue }
        var symbol: String { ["+", "-", "c", "q"][rawValue] }
    }

    /// Name of the degree of freedom, e.g. "d↑a" or "c_k".
    public var name: String
    /// True for ψ̄.
    public var isConjugate: Bool
    public var branch: Branch
    /// −1, 0, +1 for t − δ, t, t + δ (AX(S82)).
    public var shift: Int
    /// Order of the time derivative, ∂_t^derivative ψ.
    public var derivative: Int

    public init(_ name: String, conjugate: Bool, branch: Branch, shift: Int = 0, derivative: Int = 0) {
        self.name = name
        self.isConjugate = conjugate
        self.branch = branch
        self.shift = shift
        self.derivative = derivative
    }

    /// The same field differentiated once more.
    public var differentiated: ContourField {
        var f = self
        f.derivative += 1
        return f
    }

    public static func < (a: ContourField, b: ContourField) -> Bool {
        (a.name, a.isConjugate ? 0 : 1, a.branch.rawValue, a.shift, a.derivative)
            < (b.name, b.isConjugate ? 0 : 1, b.branch.rawValue, b.shift, b.derivative)
    }

    public var description: String {
        var s = (isConjugate ? "bar " : "") + name + "^" + branch.symbol
        if shift != 0 { s += shift > 0 ? "(t+δ)" : "(t-δ)" }
        if derivative > 0 { s = "∂t^\(derivative) " + s }
        return s
    }
}
