/// The expression-level operations of the text syntax (derivation files, `computed:` lines).
///
/// | name | arguments | result |
/// |---|---|---|
/// | `subs` | `(e, x, value[, x2, value2, …])` | simultaneous substitution (`Expr.substituting`) |
/// | `limit` | `(e, x, point[, side])` | `Expr.limit`: two-sided at finite points (one-sided from above at 0 for a positive x); side `1` = from above, `-1` = from below |
/// | `series` | `(e, x, point, n[, side])` | the terms of `Expr.series` up to and including (x − point)^n (at ±∞: x^(−n)) |
/// | `leading` | `(e, x, point[, side])` | `Expr.leadingTerm` |
/// | `diff` | `(e, x)` or `(e, x, n)` | `Expr.derivative` (Wirtinger for complex x) |
/// | `expand` | `(e)` | `Expr.expanded` |
/// | `together`, `cancel` | `(e)` | `Expr.together` |
/// | `numerator`, `denominator` | `(e)` | `Expr.numeratorDenominator` |
/// | `re_part`, `im_part` | `(e)` | `Expr.complexParts` |
/// | `coeff` | `(e, x, n)` | the coefficient of xⁿ of a polynomial in x (`Expr.polynomialCoefficients`) |
///
/// Sides: `1` = from above (x → x₀⁺), `-1` = from below; default two-sided.
/// Points: `oo` is +∞ and `-oo` is −∞ (the convention of `Expr.infinity`: the symbol named `oo`).
/// Variables are matched by name: `x` denotes the symbol named x in `e`, whatever assumptions the
/// caller's symbol carries. Errors are `OperationError`s that say which argument is wrong and how to
/// fix it.
public enum StandardOperations {
    /// Every operation by its text-syntax name.
    public static let all: [String: ExprOperation] = [
        "subs": named("subs", subs),
        "limit": named("limit", limit),
        "series": named("series", series),
        "leading": named("leading", leading),
        "diff": named("diff", diff),
        "expand": unary("expand") { $0.expanded() },
        "together": unary("together") { $0.together() },
        "cancel": unary("cancel") { $0.cancel() },
        "numerator": unary("numerator") { $0.numeratorDenominator().numerator },
        "denominator": unary("denominator") { $0.numeratorDenominator().denominator },
        "re_part": unary("re_part") { e in
            let r = e.complexParts().re
            try OperationLedger.submit(OperationConfirmation.complexPart(e, part: r, imaginary: false, name: "re_part(\(e)) = \(r)"))
            return r
        },
        "im_part": unary("im_part") { e in
            let r = e.complexParts().im
            try OperationLedger.submit(OperationConfirmation.complexPart(e, part: r, imaginary: true, name: "im_part(\(e)) = \(r)"))
            return r
        },
        "coeff": named("coeff", coeff),
    ]

    static func unary(_ name: String, _ body: @escaping @Sendable (Expr) throws -> Expr) -> ExprOperation {
        named(name) { args in
            guard args.count == 1 else {
                throw OperationError("\(name) expects 1 argument, got \(args.count)", fix: "write \(name)(expression)")
            }
            return try body(args[0])
        }
    }

    /// The operation with the leading "name: " removed from its error messages (the caller names
    /// the operation and the place).
    static func named(_ name: String, _ body: @escaping ExprOperation) -> ExprOperation {
        { args in
            do {
                return try body(args)
            } catch var error as OperationError {
                let prefix = "\(name): "
                if error.message.hasPrefix(prefix) { error.message.removeFirst(prefix.count) }
                throw error
            }
        }
    }

    /// The symbol named like `argument` in `e` (or the argument's own symbol if `e` has none).
    static func variable(_ argument: Expr, in e: Expr, operation: String, position: Int) throws -> Symbol {
        guard case .symbol(let s) = argument else {
            throw OperationError("\(operation): argument \(position) must be a symbol, got \(argument)",
                                 fix: "pass the variable's name, e.g. \(operation)(e, x, …)")
        }
        if s.name == "oo" {
            throw OperationError("\(operation): argument \(position) is oo (infinity), not a variable", fix: "pass the variable's name")
        }
        return e.freeSymbols.first { $0.name == s.name } ?? s
    }

    static let subs: ExprOperation = { args in
        guard args.count >= 3, args.count % 2 == 1 else {
            throw OperationError("subs expects (e, x, value[, x2, value2, …]), got \(args.count) arguments",
                                 fix: "give the expression then pairs of symbol and value")
        }
        let e = args[0]
        var map: [Symbol: Expr] = [:]
        for k in stride(from: 1, to: args.count, by: 2) {
            guard case .symbol(let s) = args[k] else {
                throw OperationError("subs: argument \(k + 1) must be a symbol, got \(args[k])",
                                     fix: "substitute symbols only; use a definition for other replacements")
            }
            // Every symbol of that name in e (whatever its assumptions).
            let matches = e.freeSymbols.filter { $0.name == s.name }
            if matches.isEmpty { map[s] = args[k + 1] }
            for m in matches { map[m] = args[k + 1] }
        }
        // e was simplified under its symbols' assumptions (√(x²) = x for x > 0): a value outside them
        // would pick the wrong branch. Refuse a provable violation; note a value not known to comply.
        var unknown: [String] = []
        for (symbol, value) in map.sorted(by: { $0.key < $1.key }) where symbol.assumptions != [] {
            if let violated = SubstitutionAdmissibility.violation(of: symbol, by: value) {
                throw OperationError("subs: \(symbol.name) is declared \(violated), but is replaced by \(value): the expression was simplified under that assumption (√(\(symbol.name)²) = \(symbol.name), |\(symbol.name)| = \(symbol.name), …), so the result could be on the wrong branch",
                                     fix: "substitute a value inside the declaration, or declare \(symbol.name) with a weaker assumption (real or complex)")
            }
            let boundary = symbol.isPositive && value.isZero && map.count == 1   // checked against the limit below
            if !boundary && !SubstitutionAdmissibility.isKnownAdmissible(value, for: symbol) { unknown.append("\(symbol.name) → \(value)") }
        }
        let result = e.substituting(map)
        // x → 0 for x > 0 is the boundary of the declaration: the value is right only where e is
        // continuous from above. Compare with the one-sided limit (`limit(e, x, 0, 1)` says it directly).
        for (symbol, value) in map.sorted(by: { $0.key < $1.key }) where symbol.isPositive && value.isZero && map.count == 1 {
            let name = "subs(\(e), \(symbol.name), 0) = \(result)"
            if let l = try? e.limit(symbol, to: .zero, approach: .fromAbove), !l.containsInfinity, (l - result).together().isZero {
                try OperationLedger.submit(OperationCertificate(operation: name, status: .confirmed,
                    how: "\(symbol.name) > 0 is declared, so 0 is its boundary: the value equals the one-sided limit \(symbol.name) → 0⁺"))
            } else {
                try OperationLedger.submit(OperationCertificate(operation: name, status: .unconfirmed,
                    how: "\(symbol.name) > 0 is declared, so 0 is its boundary and the value is not shown to equal the limit \(symbol.name) → 0⁺; write limit(…, \(symbol.name), 0) instead"))
            }
        }
        if !unknown.isEmpty {
            try OperationLedger.submit(OperationCertificate(
                operation: "subs(\(e), \(unknown.joined(separator: ", ")))", status: .unconfirmed,
                how: "the value\(unknown.count > 1 ? "s are" : " is") not known to satisfy the symbol's declaration, under which the expression was simplified; the result holds where \(unknown.count > 1 ? "they do" : "it does")"))
        }
        return result
    }

    /// The optional side argument: 1 = from above, −1 = from below.
    static func side(_ e: Expr, operation: String, position: Int) throws -> Approach {
        switch e.integerValue {
        case 1: return .fromAbove
        case -1: return .fromBelow
        default:
            throw OperationError("\(operation): argument \(position) (side) must be 1 (from above) or -1 (from below), got \(e)",
                                 fix: "write 1 for x → point⁺ or -1 for x → point⁻")
        }
    }

    static let limit: ExprOperation = { args in
        guard args.count == 3 || args.count == 4 else {
            throw OperationError("limit expects (e, x, point) or (e, x, point, side), got \(args.count) arguments",
                                 fix: "write limit(e, x, 0), limit(e, x, oo), or limit(e, x, 0, 1) for the limit from above")
        }
        let x = try variable(args[1], in: args[0], operation: "limit", position: 2)
        let approach = args.count == 4 ? try side(args[3], operation: "limit", position: 4) : .twoSided
        let result = try args[0].limit(x, to: args[2], approach: approach)
        if !result.containsInfinity {
            try OperationLedger.submit(OperationConfirmation.approach(
                args[0], to: result, ratio: false, variable: x, point: args[2], approach: approach,
                name: "limit(\(args[0]), \(x.name), \(args[2])\(sideText(approach))) = \(result)"))
        }
        return result
    }

    static func sideText(_ a: Approach) -> String {
        switch a {
        case .twoSided: return ""
        case .fromAbove: return ", 1"
        case .fromBelow: return ", -1"
        }
    }

    static func order(_ e: Expr, operation: String, position: Int) throws -> Int {
        guard let n = e.integerValue else {
            throw OperationError("\(operation): argument \(position) must be an integer, got \(e)",
                                 fix: "give the order as an integer, e.g. 4")
        }
        return n
    }

    static let series: ExprOperation = { args in
        guard args.count == 4 || args.count == 5 else {
            throw OperationError("series expects (e, x, point, order) or (e, x, point, order, side), got \(args.count) arguments",
                                 fix: "write series(e, x, 0, 4): the remainder is O((x − 0)^4)")
        }
        let x = try variable(args[1], in: args[0], operation: "series", position: 2)
        let n = try order(args[3], operation: "series", position: 4)
        let approach = args.count == 5 ? try side(args[4], operation: "series", position: 5) : .twoSided
        // "Up to (x − point)^n": the term of order n is included (derivations/README.md), so the
        // remainder is O(t^(n+1)) and Puiseux terms beyond n are dropped.
        guard n < Expr.maximumSeriesOrder else {
            throw OperationError("series: order \(n) is out of range", fix: "use an order below \(Expr.maximumSeriesOrder)")
        }
        let s = try args[0].series(x, around: args[2], order: n + 1, approach: approach)
        let polynomial = s.polynomialPart(through: n)
        try OperationLedger.submit(OperationConfirmation.series(
            args[0], polynomial: polynomial, variable: x, point: args[2], approach: approach, order: n,
            ramification: s.ramification, valuation: s.valuation,
            name: "series(\(args[0]), \(x.name), \(args[2]), \(n)\(sideText(approach))) = \(polynomial)"))
        return polynomial
    }

    static let leading: ExprOperation = { args in
        guard args.count == 3 || args.count == 4 else {
            throw OperationError("leading expects (e, x, point) or (e, x, point, side), got \(args.count) arguments", fix: "write leading(e, x, oo)")
        }
        let x = try variable(args[1], in: args[0], operation: "leading", position: 2)
        let approach = args.count == 4 ? try side(args[3], operation: "leading", position: 4) : .twoSided
        let term = try args[0].leadingTerm(x, at: args[2], approach: approach)
        try OperationLedger.submit(OperationConfirmation.approach(
            args[0], to: term, ratio: true, variable: x, point: args[2], approach: approach,
            name: "leading(\(args[0]), \(x.name), \(args[2])\(sideText(approach))) = \(term)"))
        return term
    }

    static let coeff: ExprOperation = { args in
        guard args.count == 3 else {
            throw OperationError("coeff expects (e, x, n), got \(args.count) arguments", fix: "write coeff(e, x, 2) for the coefficient of x^2")
        }
        let x = try variable(args[1], in: args[0], operation: "coeff", position: 2)
        let n = try order(args[2], operation: "coeff", position: 3)
        guard n >= 0 else {
            throw OperationError("coeff: argument 3 must be a nonnegative power, got \(n)", fix: "use series(...) for negative powers")
        }
        return try args[0].polynomialCoefficients(in: x)[n] ?? .zero
    }

    static let diff: ExprOperation = { args in
        guard args.count == 2 || args.count == 3 else {
            throw OperationError("diff expects (e, x) or (e, x, n), got \(args.count) arguments", fix: "write diff(e, x) or diff(e, x, 2)")
        }
        let x = try variable(args[1], in: args[0], operation: "diff", position: 2)
        var n = 1
        if args.count == 3 {
            n = try order(args[2], operation: "diff", position: 3)
            guard n >= 0 && n <= 100 else {
                throw OperationError("diff: the order \(n) must be between 0 and 100", fix: "give a nonnegative order")
            }
        }
        return args[0].derivative(x, order: n)
    }
}
