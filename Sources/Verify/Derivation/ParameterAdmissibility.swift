import Symbolic

/// Admissible parameters. A value that a derivation file gives to a declared symbol — a line of a
/// ```values block, a claim's `values:` or `where:` — must be one the symbol's declared assumption
/// allows: `positive` means > 0, `nonzero` ≠ 0, `real` a vanishing imaginary part, `integer` a
/// whole number. A value that contradicts the declaration (κ = −1 for `kappa: positive`) is bad
/// input: the claim would be checked in a world the derivation excludes, so the file is rejected
/// at load time, at the value, with the declaration it contradicts.
///
/// A value is judged only when its sign is certain: exactly (a rational, a quantity with exact
/// units), or from an evaluation whose error estimate excludes the other side. A value with free
/// symbols (`where: U = a + b`) is left to the symbols' own assumptions.
enum ParameterAdmissibility {
    /// What is known for certain about a value.
    struct Facts {
        var isZero = false
        var isNegative = false
        var isPositive = false
        var isNonReal = false
        var isNonInteger = false
    }

    /// The facts about a closed expression (no free symbols), or nil when nothing is certain.
    static func facts(_ value: Expr, functions: [String: NumericFunction]) -> Facts? {
        guard value.freeSymbols.isEmpty else { return nil }
        if case .number(let z) = value {
            var f = Facts()
            f.isNonReal = !z.im.isZero
            f.isZero = z.isZero
            f.isNegative = z.im.isZero && z.re.isNegative
            f.isPositive = z.im.isZero && z.re.signum > 0
            f.isNonInteger = !z.im.isZero || !z.re.isInteger
            return f
        }
        guard let v = try? value.evaluate(digits: 15, functions: functions, maxPrecision: 4096), v.isConverged else { return nil }
        let err = v.errorEstimate
        var f = Facts()
        f.isNonReal = v.value.im.magnitude > err
        f.isNegative = !f.isNonReal && v.value.re + err < BigFloat(0, precision: v.precision) && v.value.im.isZero
        f.isPositive = !f.isNonReal && v.value.re - err > BigFloat(0, precision: v.precision) && v.value.im.isZero
        return f
    }

    /// The facts about a physical quantity (always real).
    static func facts(_ q: Quantity) -> Facts {
        var f = Facts()
        f.isZero = q.value.isZero
        f.isNegative = q.value.signum < 0
        f.isPositive = q.value.signum > 0
        if q.dimension == .dimensionless, let r = q.value.rationalValue { f.isNonInteger = !r.isInteger }
        return f
    }

    /// The declaration of `symbol` that the facts contradict, what it requires ("> 0"), and the
    /// kind of value that would satisfy it ("a positive value"); nil when nothing is contradicted.
    static func violation(of symbol: Symbol, by f: Facts) -> (declared: String, requirement: String, wanted: String)? {
        if symbol.isPositive, f.isZero || f.isNegative || f.isNonReal { return ("positive", "> 0", "a positive value (check the sign and the units)") }
        if symbol.isInteger, f.isNonReal || f.isNonInteger { return ("integer", "a whole number", "a whole number") }
        if symbol.isNonzero, f.isZero { return ("nonzero", "≠ 0", "a nonzero value") }
        if symbol.isReal, f.isNonReal { return ("real", "real", "a real value") }
        return nil
    }

    /// Throws when a value given to `symbol` at `location` (by `source`: "the ```values block",
    /// "`where:`", "`values:`") contradicts the symbol's declaration in `file`.
    static func check(_ symbol: Symbol, facts: Facts?, valueText: String, at location: SourceLocation,
                      source: String, file: DerivationFile) throws {
        guard let facts, let (declared, requirement, wanted) = violation(of: symbol, by: facts) else { return }
        let place = declaration(of: symbol.name, in: file).map { " (line \($0.line))" } ?? ""
        throw DerivationError(location,
                              "unphysical value: \(source) gives `\(symbol.name) = \(valueText)`, but `\(symbol.name): \(declared)` is declared\(place), so \(symbol.name) must be \(requirement)",
                              fix: "give \(symbol.name) \(wanted), or change its declaration if such values are meant")
    }

    /// The ```symbols line that declares `name`.
    static func declaration(of name: String, in file: DerivationFile) -> SourceLocation? {
        for line in file.symbolLines {
            guard let colon = line.value.firstIndex(of: ":") else { continue }
            let names = line.value[..<colon].split(separator: ",").map { String($0).trimmed }
            if names.contains(name) { return line.location }
        }
        return nil
    }

    /// The location of the first non-blank character of `text` placed at `location`.
    static func firstNonBlank(_ text: String, at location: SourceLocation) -> SourceLocation {
        let blanks = text.prefix { $0 == " " || $0 == "\t" }.count
        return SourceLocation(file: location.file, line: location.line, column: location.column + blanks)
    }
}
