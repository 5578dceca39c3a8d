/// Two dimensions that should agree but do not, where, and whether ħ = k_B = 1 reconciles them.
public struct DimensionMismatch: Sendable, Equatable, CustomStringConvertible {
    /// What was being checked: "sum", "argument of exp", "relation lhs <= rhs", "conversion", …
    public var context: String
    /// The dimension found first (a sum's first term, a relation's left side, the required one).
    public var left: PhysicalDimension
    /// The dimension that disagrees with `left`.
    public var right: PhysicalDimension
    /// The offending subexpression, when the mismatch arose inside an expression.
    public var subexpression: Expr?

    /// A mismatch found while checking `context`.
    public init(context: String, left: PhysicalDimension, right: PhysicalDimension, subexpression: Expr?) {
        self.context = context
        self.left = left
        self.right = right
        self.subexpression = subexpression
    }

    /// (a, b) with left = right · [ħ]^a · [k_B]^b, or nil when no powers of ħ and k_B reconcile them.
    public var hbarBoltzmannPowers: (hbar: BigRational, boltzmann: BigRational)? { (left / right).hbarBoltzmannPowers }
    /// True when the mismatch disappears in natural units ħ = k_B = 1.
    public var isConsistentInNaturalUnits: Bool { hbarBoltzmannPowers != nil }

    /// "consistent with ħ = 1 (missing ħ^1 on the right)", "consistent with ħ = k_B = 1 (missing
    /// ħ^-1 k_B^1 on the right)" or "inconsistent even with ħ = k_B = 1".
    public var naturalUnitsReport: String {
        guard let (a, b) = hbarBoltzmannPowers else { return "inconsistent even with ħ = k_B = 1" }
        var which: [String] = [], factors: [String] = []
        if !a.isZero { which.append("ħ"); factors.append("ħ^\(a.isInteger ? a.description : "(\(a))")") }
        if !b.isZero { which.append("k_B"); factors.append("k_B^\(b.isInteger ? b.description : "(\(b))")") }
        return "consistent with \(which.joined(separator: " = ")) = 1 (missing \(factors.joined(separator: " ")) on the right)"
    }

    /// "context: dimension L vs R in <expr>; <natural-units report>".
    public var description: String {
        var s = "\(context): dimension \(left) vs \(right)"
        if let e = subexpression { s += " in \(e)" }
        return s + "; " + naturalUnitsReport
    }
}

/// Why a dimension or unit computation failed.
public enum DimensionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dimensions that must agree do not.
    case mismatch(DimensionMismatch)
    /// A symbol without a declared dimension.
    case unknownSymbol(String)
    /// An uninterpreted function whose result dimension is not declared.
    case unknownFunction(String)
    /// A dimensionful base raised to a non-rational (symbolic or complex) exponent.
    case nonRationalExponent(base: PhysicalDimension, subexpression: Expr)
    /// A unit text that does not parse: the message, the 1-based column and the fix.
    case badUnit(text: String, column: Int, message: String)
    /// A value that cannot be computed (complex number, non-finite result, division by zero, …).
    case notEvaluable(String)

    /// The message with its fix, for error output.
    public var description: String {
        switch self {
        case .mismatch(let m): return m.description
        case .unknownSymbol(let s):
            return "symbol '\(s)' has no declared dimension (fix: give it a unit or a PhysicalDimension, e.g. \"\(s)\": \"meV\")"
        case .unknownFunction(let f):
            return "function '\(f)' has no declared result dimension (fix: declare it in callDimensions)"
        case .nonRationalExponent(let d, let e):
            return "base of dimension \(d) raised to a non-rational exponent in \(e) (fix: only rational exponents of dimensionful quantities have a dimension)"
        case .badUnit(let text, let column, let message):
            return "unit \"\(text)\", column \(column): \(message) (fix: write units like \"W/cm^2\", \"meV\", \"kg m^2 s^-2\", \"s^-1\")"
        case .notEvaluable(let why): return why
        }
    }
}
