/// What is assumed of a symbol. `positive` implies `real` and `nonzero`.
public struct Assumptions: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let real = Assumptions(rawValue: 1)
    public static let positive = Assumptions(rawValue: 2 | 1 | 4)
    public static let nonzero = Assumptions(rawValue: 4)
    public static let integer = Assumptions(rawValue: 8 | 1)
    /// No assumption: a complex number.
    public static let complex: Assumptions = []

    /// "real", "positive", "nonzero", "integer", or "complex".
    public var names: [String] {
        var out: [String] = []
        if contains(.positive) { out.append("positive") } else {
            if contains(.real) { out.append("real") }
            if contains(.nonzero) { out.append("nonzero") }
        }
        if contains(.integer) { out.append("integer") }
        return out.isEmpty ? ["complex"] : out
    }

    /// Parses one assumption word; nil if unknown.
    public init?(word: String) {
        switch word.lowercased() {
        case "real": self = .real
        case "positive": self = .positive
        case "nonzero": self = .nonzero
        case "integer": self = .integer
        case "complex": self = .complex
        default: return nil
        }
    }
}

/// A named symbol with assumptions. Two symbols are the same only if name and assumptions agree
/// (as in SymPy); a parser context hands out one `Symbol` per name.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String
    public let assumptions: Assumptions

    public init(_ name: String, _ assumptions: Assumptions = .complex) {
        self.name = name
        self.assumptions = assumptions
    }

    public var isReal: Bool { assumptions.contains(.real) }
    public var isPositive: Bool { assumptions.contains(.positive) }
    public var isNonzero: Bool { assumptions.contains(.nonzero) }
    public var isInteger: Bool { assumptions.contains(.integer) }

    public static func < (a: Symbol, b: Symbol) -> Bool {
        a.name != b.name ? a.name < b.name : a.assumptions.rawValue < b.assumptions.rawValue
    }
    public var description: String { name }
}

/// Exact transcendental constants.
public enum MathConstant: String, Hashable, Comparable, Sendable, CaseIterable {
    /// π
    case pi
    /// Euler's number e (written `E` in the text syntax).
    case e

    public static func < (a: MathConstant, b: MathConstant) -> Bool { a.rawValue < b.rawValue }
}

/// The functions an expression may contain. `fermi(x) = 1/(e^x + 1)` is the Fermi function of the
/// dimensionless argument x = (ε − μ)/(k_B T).
public enum MathFunction: String, Hashable, Comparable, Sendable, CaseIterable {
    case exp, log, sin, cos, tan, atan, sinh, cosh, tanh
    /// |z|
    case abs
    /// Re z, Im z, z̄
    case re, im, conj
    /// 1/(e^x + 1)
    case fermi

    public var arity: Int { 1 }
    public static func < (a: MathFunction, b: MathFunction) -> Bool { a.rawValue < b.rawValue }
}
