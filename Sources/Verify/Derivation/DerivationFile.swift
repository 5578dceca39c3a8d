import Symbolic

/// A derivation file as read from disk, before any expression is parsed (format v1,
/// `derivations/README.md`). Markdown prose with fenced blocks:
/// ` ```symbols ` (assumptions), ` ```define ` (definitions), ` ```units ` (units of symbols),
/// ` ```values ` (numeric values with units, for estimates) and ` ```claim ` (one claim each).
public struct DerivationFile: Sendable {
    public var path: String
    /// The first `# ` heading.
    public var title: String
    /// `names: assumption` lines, in order.
    public var symbolLines: [Located<String>]
    /// `name = expr` and `f(x) = expr` lines (continuations joined), in order.
    public var definitionLines: [Located<String>]
    /// `symbol: unit` lines.
    public var unitLines: [Located<String>]
    /// `symbol = value unit` lines.
    public var valueLines: [Located<String>]
    public var claims: [ClaimSpec]
    /// ```modes lines (one family of modes each), in order: the Jordan–Wigner order.
    public var modeLines: [Located<String>] = []
    /// The numbering schemes of the front matter (none when the file has no front matter).
    public var numbering: Numbering = .none
    /// The ```ode blocks (one declared system of equations of motion each), in order.
    public var odeBlocks: [OdeBlockText] = []
}

/// The logical lines of one ```ode block and the place where it opens.
public struct OdeBlockText: Sendable {
    public var opening: SourceLocation
    public var lines: [Located<String>]
}

/// One claim as written: every field keeps its location for error messages.
public struct ClaimSpec: Sendable {
    public var id: Located<String>
    /// Where the ` ```claim ` block opens.
    public var location: SourceLocation
    public var fields: [String: Located<String>]

    public subscript(_ key: String) -> Located<String>? { fields[key] }

    /// The text of a field, or nil.
    public func text(_ key: String) -> String? { fields[key]?.value }
}
