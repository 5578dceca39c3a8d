/// Branch of the Keldysh contour: forward (+) or backward (−), the ± of AX(S40). Operators know no
/// contour; only fields (`ContourField`) and the discrete chain live on one.
public enum ContourBranch: Int, Hashable, Comparable, Sendable {
    case plus = 1, minus = 2
    public static func < (a: ContourBranch, b: ContourBranch) -> Bool { a.rawValue < b.rawValue }
}
