/// Why an expression could not be evaluated. Each case names the offending sub-expression (as
/// text) and `fix` says what to change.
public enum EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Exact evaluation met a part whose value is not in Q(i) (π, e, exp, log, a non-integer power
    /// without an exact root, an uninterpreted call).
    case notRational(String)
    /// A denominator evaluated to zero (exactly, or to zero at every working precision tried).
    case divisionByZero(String)
    /// A symbol has no value in the table passed to the evaluator.
    case unboundSymbol(String)
    /// A `.call(name, …)` node has no numeric definition in the `functions` table.
    case unknownFunction(String)
    /// A function was evaluated outside its domain or the result is not finite (log 0, overflow).
    case domain(String)
    /// A value given for a symbol is not a closed exact expression.
    case invalidValue(String)

    /// The message with its fix, for the command line and reports.
    public var description: String {
        switch self {
        case .notRational(let e):
            return "not rational: \(e) has no exact value in Q(i) (fix: use numeric evaluation, or substitute exact values for it)"
        case .divisionByZero(let e):
            return "division by zero in \(e) (fix: choose values where the denominator does not vanish)"
        case .unboundSymbol(let s):
            return "no value for symbol \(s) (fix: give a value for \(s))"
        case .unknownFunction(let f):
            return "no numeric definition for function \(f) (fix: register \(f) in the `functions` table)"
        case .domain(let e):
            return "value not finite or outside the function's domain: \(e)"
        case .invalidValue(let e):
            return "invalid value: \(e) (fix: give a closed exact expression, e.g. 3/2, sqrt(2), pi)"
        }
    }

    /// True when raising the working precision may remove the error (a computed, not an exact, zero).
    var mayVanishAtHigherPrecision: Bool {
        switch self {
        case .divisionByZero, .domain: return true
        default: return false
        }
    }
}

/// Text of an expression for messages (the printer's form once one is installed).
func evaluationText(_ e: Expr) -> String { String(describing: e) }
