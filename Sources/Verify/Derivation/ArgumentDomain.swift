import Symbolic

/// The physical domain of one argument of a numeric function (e.g. x = 2k_F R > 0 for an RKKY integral,
/// t = k_B T/ε_F ≥ 0). A claim that calls the function with a closed-form argument outside its
/// domain — a zero temperature where the function needs T > 0, a negative distance — is bad
/// input, rejected when the file is read (`DerivationContext.validate`), not an `error` verdict.
public struct ArgumentDomain: Sendable {
    public enum Requirement: String, Sendable {
        case positive = "> 0"
        case nonnegative = "≥ 0"
        case real = "real"
    }
    /// The argument as the function's documentation names it, e.g. "t = k_B T/ε_F".
    public var name: String
    public var requirement: Requirement
    /// Why, in physics terms, e.g. "the on-site sum R = 0 diverges".
    public var reason: String
    /// How to fix a call outside the domain.
    public var fix: String

    public init(_ name: String, _ requirement: Requirement, _ reason: String, fix: String) {
        self.name = name
        self.requirement = requirement
        self.reason = reason
        self.fix = fix
    }

    /// True when the facts about an argument certainly contradict the requirement.
    func isViolated(by f: ParameterAdmissibility.Facts) -> Bool {
        switch requirement {
        case .positive: return f.isZero || f.isNegative || f.isNonReal
        case .nonnegative: return f.isNegative || f.isNonReal
        case .real: return f.isNonReal
        }
    }
}
