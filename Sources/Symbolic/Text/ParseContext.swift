/// Everything the parser needs to turn names into expressions: declared symbols, definitions,
/// functions, engine operations and numeric functions.
///
/// Name resolution for a bare name `x`: the constants `I`, `pi` (`π`), `E`, `oo` (`∞`, the
/// infinity marker `Expr.symbol("oo", .positive)`); then `definitions` (replaced by their
/// expression); then `symbols`; then `undeclaredNames` (reject, or create a symbol).
/// For a call `f(a, b)`: the built-in functions (`exp log ln sin cos tan atan sinh cosh tanh abs
/// re im conj fermi sqrt`, with √x = x^(1/2)); then `functions` (inlined by substituting the
/// arguments for the parameters); then `operations` (run on the converted arguments); then
/// `numericFunctions` (kept as `Expr.call(name, args)`).
public struct ParseContext: Sendable {
    /// What to do with a name that is neither a constant, a definition nor a declared symbol.
    public enum UndeclaredNames: Sendable, Equatable {
        /// Throw a `ParseError` ("unknown name", with a did-you-mean or declare-it fix).
        case reject
        /// Create a symbol with these assumptions (`.complex`: no assumption).
        case create(Assumptions)
    }

    /// A function defined in the text syntax, `F(x) = body`: a call substitutes the arguments
    /// for `parameters` in `body`.
    public typealias FunctionDefinition = (parameters: [Symbol], body: Expr)

    /// Declared symbols by name.
    public var symbols: [String: Symbol]
    /// The policy for names not declared.
    public var undeclaredNames: UndeclaredNames
    /// Named expressions: a name is replaced by its expression.
    public var definitions: [String: Expr]
    /// Named functions, inlined at each call.
    public var functions: [String: FunctionDefinition]
    /// Symbolic operations usable by name, e.g. `limit(e, x, 0)`.
    public var operations: [String: ExprOperation]
    /// Names kept as uninterpreted calls `Expr.call(name, args)`, evaluated by registered numeric functions.
    public var numericFunctions: Set<String>
    /// Deepest nesting accepted before "nesting too deep" (protects the stack).
    public var maximumNesting: Int

    public init(symbols: [Symbol] = [], undeclaredNames: UndeclaredNames = .reject,
                definitions: [String: Expr] = [:], functions: [String: FunctionDefinition] = [:],
                operations: [String: ExprOperation] = [:], numericFunctions: Set<String> = [],
                maximumNesting: Int = 200) {
        self.symbols = Dictionary(symbols.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.undeclaredNames = undeclaredNames
        self.definitions = definitions
        self.functions = functions
        self.operations = operations
        self.numericFunctions = numericFunctions
        self.maximumNesting = maximumNesting
    }

    /// A context that accepts any name as a complex symbol (for the command line and tests).
    public static var lenient: ParseContext { ParseContext(undeclaredNames: .create(.complex)) }

    /// Adds symbols (a later declaration of the same name replaces the earlier one).
    public mutating func declare(_ newSymbols: [Symbol]) {
        for s in newSymbols { symbols[s.name] = s }
    }

    /// Adds a definition: a plain one to `definitions`, a function to `functions`.
    public mutating func define(_ definition: Definition) {
        if definition.parameters.isEmpty {
            definitions[definition.name] = definition.body
        } else {
            functions[definition.name] = (definition.parameters, definition.body)
        }
    }

    // MARK: Fixed names

    /// Names of the constants: `I`, `pi`, `π`, `E`, `oo`, `∞`.
    public static let constantNames: Set<String> = ["I", "pi", "π", "E", "oo", "∞"]

    /// True for the names of infinity, `oo` and `∞`.
    public static func isInfinityName(_ name: String) -> Bool { name == "oo" || name == "∞" }

    /// The infinity marker `oo`: a positive symbol that limit and series operations recognise.
    public static var infinity: Expr { Expr.infinity }

    /// SymPy's printed names of built-in functions, accepted as synonyms so that `str(expr)` of a
    /// SymPy expression parses to the same `Expr` as the native spelling: `Abs(x)` is `abs(x)`,
    /// `conjugate(x)` is `conj(x)`. (`re`, `im`, `exp`, `log`, `sqrt`, …, `I`, `E`, `pi`, `oo` and
    /// `**` are already spelled the same in both.)
    public static let sympyFunctionNames: [String: MathFunction] = ["Abs": .abs, "conjugate": .conj]

    /// The built-in function names and what they build.
    public static let builtinFunctionNames: Set<String> = Set(MathFunction.allCases.map(\.rawValue)).union(["ln", "sqrt"]).union(BindingForm.allCases.map(\.rawValue))
        .union(sympyFunctionNames.keys)

    /// True for names that cannot be declared or defined: constants and built-in functions.
    public static func isReserved(_ name: String) -> Bool {
        constantNames.contains(name) || builtinFunctionNames.contains(name)
    }

    static func constant(_ name: String) -> Expr? {
        switch name {
        case "I": return .i
        case "pi", "π": return .pi
        case "E": return .e
        case "oo", "∞": return infinity
        default: return nil
        }
    }

    /// Every name a user could have meant (for did-you-mean suggestions).
    var knownNames: [String] {
        Array(Self.constantNames) + Array(Self.builtinFunctionNames) + Array(symbols.keys) + Array(definitions.keys)
            + Array(functions.keys) + Array(operations.keys) + Array(numericFunctions)
    }

    /// True when `name` is callable as `name(...)`.
    func isFunctionName(_ name: String) -> Bool {
        Self.builtinFunctionNames.contains(name) || functions[name] != nil || operations[name] != nil || numericFunctions.contains(name)
    }
}
