/// An error raised by an expression operation or an engine computation: what went wrong and how
/// to fix it. The caller attaches the place (file:line:column) when it knows it.
public struct OperationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String?
    public init(_ message: String, fix: String? = nil) {
        self.message = message
        self.fix = fix
    }
    public var description: String { fix.map { "\(message) (fix: \($0))" } ?? message }
}

/// A symbolic operation usable by name in the text syntax, e.g. `limit(e, x, 0)`:
/// it receives its arguments as canonical expressions and returns one.
public typealias ExprOperation = @Sendable (_ arguments: [Expr]) throws -> Expr

/// A numeric function for `Expr.call(name, args)` nodes: given the arguments evaluated at
/// `precision` bits, it returns the value accurate to about that precision (or throws).
/// Engine computations (integrals, simulations) register themselves this way.
public typealias NumericFunction = @Sendable (_ arguments: [BigComplex], _ precision: Int) throws -> BigComplex
