/// Whether a value may replace a symbol in an expression that was simplified under the symbol's
/// assumptions (issue 20, substitution into functions with branch cuts).
///
/// Canonical forms use the assumptions: for x > 0, √(x²) = x, |x| = x, √x·√y = √(xy), log(xy) =
/// log x + log y. Substituting a value outside the assumptions then gives the wrong branch
/// (x → −1 in √(x²) gives −1, not 1). So `subs` refuses a value that provably violates the
/// symbol's declaration, and records as unconfirmed one that is not known to satisfy it.
enum SubstitutionAdmissibility {
    /// The assumption the value provably violates, nil when none is violated provably.
    static func violation(of s: Symbol, by value: Expr) -> String? {
        let re = value.isKnownReal
        let nonReal = !re && !value.complexParts().im.together().isZero && value.complexParts().im.knownSign != nil
        if (s.isReal || s.isPositive || s.isInteger) && nonReal { return "\(s.isPositive ? "positive" : s.isInteger ? "integer" : "real") (the value is not real)" }
        // 0 for a positive symbol is its boundary, handled by `subs` as the one-sided limit (not here).
        if s.isPositive, let sign = value.knownSign, sign < 0 { return "positive (the value is negative)" }
        if s.isPositive, !value.isZero, value.isKnownReal, SignDecision.facts(value) == .negative { return "positive (the value is negative)" }
        if s.isNonzero && !s.isPositive, value.isZero { return "nonzero (the value is 0)" }
        if s.isInteger, let q = value.rationalValue, !q.isInteger { return "integer (the value is \(q))" }
        return nil
    }

    /// True when the value is known to satisfy every assumption of the symbol.
    static func isKnownAdmissible(_ value: Expr, for s: Symbol) -> Bool {
        if s.isPositive && !value.isKnownPositive { return false }
        if s.isReal && !value.isKnownReal { return false }
        if s.isNonzero && !value.isKnownNonzero { return false }
        if s.isInteger && value.integerValue == nil {
            if case .symbol(let t) = value, t.isInteger { return true }
            return false
        }
        return true
    }
}
