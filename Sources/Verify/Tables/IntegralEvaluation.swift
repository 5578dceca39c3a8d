import Symbolic

/// One of the paper's integrals evaluated by the engine next to the printed closed form:
/// the value of the file's `integrate(…)` definition (confirmed by a second evaluation at more digits), the printed form at the same point, their ratio, and
/// whether the ratio is a constant (independent of R) as judged by the identity checker at random
/// x. Units and conventions: `IntegralConventions.text`.
public struct IntegralEvaluation: Sendable {
    public enum Quantity: String, Sendable, CaseIterable {
        case J, Omega, alpha
        /// The printed closed form it is compared with.
        public var printed: PrintedForm {
            switch self { case .J: return .J; case .Omega: return .Omega; case .alpha: return .alpha }
        }
        /// The definition of `derivations/integrals.md` that computes it (`J0`/`JT`, `alpha0`/`alphaT`;
        /// Ω_ab in units γ_a|g_b|n²/ε_F is the same sum as J_ab in units g_a g_b n²/ε_F).
        public var definitionName: String {
            switch self { case .J, .Omega: return "J"; case .alpha: return "alpha" }
        }
    }

    public var quantity: Quantity
    /// x = 2k_F R (nil for α).
    public var x: BigRational?
    /// t = k_B T/ε_F.
    public var t: BigRational
    public var requestedDigits: Int
    /// The checked value: `value.digits` confirmed digits, `conclusive` when all were reached.
    public var value: CheckedIntegral
    /// The printed closed form at the same point (T = 0 formula).
    public var closedForm: DigitsEvaluation
    /// value / closedForm.
    public var ratio: BigFloat
    /// The identity checker's relation over random x (e.g. "computed = -1/4 × printed", or the
    /// symbols the ratio depends on), or its verdict detail when it finds no discrepancy.
    public var relation: String

    /// Evaluates `quantity` at x (= 2k_F R; ignored for α) and t to `digits` digits.
    public static func evaluate(_ quantity: Quantity, x: BigRational?, t: BigRational, digits: Int,
                                file: String = DeclaredIntegrals.paperFile) throws -> IntegralEvaluation {
        guard digits >= 1 && digits <= 5000 else {
            throw IntegralError.invalidParameter(name: "digits", value: String(digits), requirement: "must be in 1…5000")
        }
        if t.isNegative {
            throw IntegralError.invalidParameter(name: "temperature t = k_B T/eps_F", value: t.description, requirement: "must be ≥ 0")
        }
        if quantity != .alpha {
            guard let x, x.signum > 0 else {
                throw IntegralError.invalidParameter(name: "kF-R", value: x?.description ?? "missing",
                                                     requirement: "J and Omega need --kF-R x with x = k_F R > 0")
            }
        }
        // x here is 2 k_F R.
        let integrals = try DeclaredIntegrals.file(file)
        let checked = try integrals.value(quantity.definitionName, x: quantity == .alpha ? nil : x, t: t, digits: digits)
        var values: [String: BigRational] = [:]
        if let x { values["x"] = x }
        let closed = try quantity.printed.evaluate(at: values, digits: digits + 5)
        let ratio = checked.value.value / closed.value.re.rounded(toPrecision: checked.value.value.precision)
        // Is the ratio constant in x? Identity checker at random x (same t).
        var relation = "constant (no free variable)"
        let printedExpr = try quantity.printed.expression()
        let xs = Expr.symbol("x", .positive)
        let tExpr = Expr(t)
        _ = tExpr
        let computed = try integrals.expression(quantity.definitionName, x: quantity == .alpha ? nil : xs, t: t)
        let printedX = printedExpr.mapBottomUp { e in
            if case .symbol(let s) = e, s.name == "x" { return xs }
            return e
        }
        let checker = IdentityChecker(digits: Swift.min(digits, 30), functions: Engine.standard.numericFunctions)
        let verdict = checker.check(printed: printedX, computed: computed)
        relation = verdict.relation ?? (verdict.kind == .verified ? "computed = printed" : verdict.detail)
        return IntegralEvaluation(quantity: quantity, x: x, t: t, requestedDigits: digits, value: checked,
                                  closedForm: closed, ratio: ratio, relation: relation)
    }

    /// The value as text: all requested digits when conclusive, else the confirmed ones.
    public var valueText: String { value.value.value.toString(digits: Swift.max(1, value.conclusive ? requestedDigits : value.digits)) }
    public var errorText: String { value.errorEstimate.toString(digits: 2) }
    public var ratioText: String { ratio.toString(digits: Swift.max(1, Swift.min(requestedDigits, value.digits))) }

    /// The units of the dimensionless value.
    public var units: String { quantity.printed.units }

    /// JSON object with the keys of the command line contract: value, error, digits, closed_form, ratio.
    public var json: JSONValue { .object(jsonFields) }

    /// The fields of `json`: value, error, closed form and ratio as decimal strings with their digits.
    public var jsonFields: [(String, JSONValue)] {
        var kv: [(String, JSONValue)] = [
            ("quantity", .string(quantity.rawValue)),
        ]
        if let x { kv.append(("x_2kf_r", .string(x.description))) }
        kv += [
            ("t", .string(t.description)),
            ("value", .string(valueText)),
            ("error", .string(errorText)),
            ("digits", .int(value.digits >= requestedDigits ? requestedDigits : value.digits)),
            ("conclusive", .bool(value.conclusive)),
            ("closed_form", .string(closedForm.value.re.toString(digits: requestedDigits))),
            ("closed_form_text", .string(quantity.printed.text)),
            ("closed_form_source", .string(quantity.printed.equation)),
            ("ratio", .string(ratioText)),
            ("ratio_relation", .string(relation)),
            ("units", .string(units)),
            ("conventions", .string(IntegralConventions.text)),
        ]
        return kv
    }

    /// Plain text report.
    public var text: String {
        var lines: [String] = []
        let point = x.map { "x = 2 k_F R = \($0), " } ?? ""
        lines.append("\(quantity.rawValue) at \(point)t = k_B T/eps_F = \(t)  [units \(units)]")
        lines.append("value:       \(valueText)")
        lines.append("error:       \(errorText)  (\(value.digits >= requestedDigits ? "\(requestedDigits) digits, confirmed by a recomputation at more digits" : "INCONCLUSIVE: only \(value.digits) digits confirmed"))")
        lines.append("closed form: \(closedForm.value.re.toString(digits: requestedDigits))  = \(quantity.printed.text)  [\(quantity.printed.equation)]")
        lines.append("ratio:       \(ratioText)  (computed/printed)")
        lines.append("relation:    \(relation)")
        lines.append(IntegralConventions.text)
        return lines.joined(separator: "\n")
    }
}
