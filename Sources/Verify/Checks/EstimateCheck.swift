import Foundation
import Symbolic

/// `check: estimate` — the `computed` expression evaluated with the ```values (SI, CODATA 2018
/// constants), converted to `unit`, against the number `printed`, within `tolerance`:
/// `order-of-magnitude` (within a factor 10), a percentage `10%`, or an absolute number `1e-30`.
/// Whatever the tolerance, a computed value whose sign is opposite to the quoted number's (one
/// strictly positive, the other strictly negative) is a discrepancy: an order of magnitude is a
/// statement about |x|, never a licence to drop a sign.
/// The method is exact when every input is exact, otherwise numeric with the digits the
/// constants' uncertainties allow.
public struct EstimateCheck: ClaimCheck {
    public init() {}
    public var name: String { "estimate" }
    public var summary: String { "`computed` with the ```values, in `unit`, against the number `printed` within `tolerance`" }
    public var requiredKeys: [String] { ["computed", "unit", "tolerance"] }

    enum Tolerance {
        case orderOfMagnitude
        case relative(BigRational)
        case absolute(BigRational)
    }

    func tolerance(_ field: Located<String>) throws -> Tolerance {
        let t = field.value
        if t == "order-of-magnitude" { return .orderOfMagnitude }
        if t.hasSuffix("%"), let p = BigRational(String(t.dropLast())), !p.isNegative { return .relative(p / BigRational(100)) }
        if let a = BigRational(t), !a.isNegative { return .absolute(a) }
        throw DerivationError(field.location, "unknown tolerance `\(t)`", fix: "write `order-of-magnitude`, a percentage like `10%`, or an absolute number like `1e-30`")
    }

    /// Values of the symbols: the file's ```values, then the claim's `values:` (which win).
    func bindings(_ claim: Claim, _ context: DerivationContext) throws -> [String: Quantity] {
        let lines: [(String, Located<String>)] = context.values.map { ($0.key, $0.value) } + (try Self.claimValues(claim))
        var out: [String: Quantity] = [:]
        for (name, text) in lines {
            out[name] = try Self.quantity(text)
        }
        return out
    }

    /// The claim's `values: a = 1*eV; b = 2`, as (symbol name, located value text).
    static func claimValues(_ claim: Claim) throws -> [(String, Located<String>)] {
        var lines: [(String, Located<String>)] = []
        if let field = claim.spec["values"] {
            for part in TextSyntax.splitTopLevel(field) {
                guard let eq = part.value.firstIndex(of: "=") else {
                    throw DerivationError(part.location, "expected `symbol = value` in `values:`", fix: "write e.g. `values: U = 1*eV; alpha = 1e-2`")
                }
                let name = String(part.value[..<eq]).trimmed
                let offset = part.value.distance(from: part.value.startIndex, to: eq) + 1
                lines.append((name, Located(String(part.value[part.value.index(after: eq)...]),
                                            at: SourceLocation(file: part.location.file, line: part.location.line, column: part.location.column + offset))))
            }
        }
        return lines
    }

    /// A value such as `10 meV / hbar`, `1e-2`, `m_e`: a number times units and CODATA constants.
    static func quantity(_ text: Located<String>) throws -> Quantity {
        let e = try TextSyntax.quantityExpression(text)
        var units: [String: Quantity] = [:]
        for s in e.freeSymbols where PhysicalConstants.bySymbol[s.name] == nil {
            guard let u = Units.unit(named: s.name) else {
                throw DerivationError(text.location, "`\(s.name)` is neither a unit nor a known constant",
                                      fix: "use SI units with prefixes (eV, meV, W, cm, …) or constants (\(PhysicalConstants.bySymbol.keys.sorted().joined(separator: ", ")))")
            }
            units[s.name] = u
        }
        do {
            return try QuantityEvaluator(bindings: units).evaluate(e).quantity
        } catch {
            throw DerivationError(text.location, "cannot evaluate the value: \(error)", fix: "write a number times units, e.g. `10*meV/hbar`")
        }
    }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let parameters = try ClaimParameters(claim)
        let tolerance = try tolerance(claim.spec["tolerance"]!)
        guard let printed = BigRational(claim.printed.value) else {
            throw DerivationError(claim.printed.location, "an estimate's `printed` is the quoted number, e.g. `1e8`",
                                  fix: "write the number alone and its unit in `unit:`")
        }
        let computedExpr = try context.expression(claim.computed!, claim: claim)
        let unit = claim.spec["unit"]!
        let evaluator = QuantityEvaluator(bindings: try bindings(claim, context), naturalUnits: parameters.naturalUnits,
                                          precision: BigFloat.bits(forDigits: claim.digits + 10))
        let conversion: Conversion, insertions: [String]
        do {
            (conversion, insertions) = try evaluator.evaluate(computedExpr, in: unit.value)
        } catch {
            return Verdict(.error, detail: "cannot evaluate `\(claim.computed!.value)` in \(unit.value): \(error)")
        }
        let precision = BigFloat.bits(forDigits: claim.digits + 10)
        let value = conversion.value.bigFloat(precision: precision)
        let relativeUncertainty = conversion.relativeUncertainty
        let exact = relativeUncertainty == 0 && conversion.value.isExact
        let digits = exact ? claim.digits : max(1, min(claim.digits, Int(-log10(max(relativeUncertainty, 1e-300)))))
        let shown = value.toString(digits: min(digits, 12))
        let printedValue = BigFloat(printed, precision: precision)
        let ratio = value / printedValue
        let withinTolerance: Bool
        let criterion: String
        switch tolerance {
        case .orderOfMagnitude:
            let r = ratio.magnitude
            withinTolerance = !printed.isZero && r >= BigFloat(BigRational(1, 10), precision: precision) && r <= BigFloat(10, precision: precision)
            criterion = "within a factor 10 of the quoted order of magnitude (ratio computed/printed = \(ratio.toString(digits: 3)))"
        case .relative(let p):
            withinTolerance = (value - printedValue).magnitude <= printedValue.magnitude * BigFloat(p, precision: precision)
            criterion = "within \(p.doubleValue * 100)% (ratio computed/printed = \(ratio.toString(digits: 6)))"
        case .absolute(let a):
            withinTolerance = (value - printedValue).magnitude <= BigFloat(a, precision: precision)
            criterion = "within ±\(a.doubleValue) \(unit.value)"
        }
        let signMismatch = value.signum * printedValue.signum < 0
        let holds = withinTolerance && !signMismatch
        let method: CheckMethod = exact ? .exact(falseAcceptBound: nil)
            : .numeric(digits: digits, errorEstimate: String(format: "%.1e relative (CODATA 2018 uncertainties)", relativeUncertainty))
        var detail = "computed \(shown) \(unit.value), printed \(claim.printed.value) \(unit.value): "
        if signMismatch {
            detail += "the signs differ (computed \(value.isNegative ? "negative" : "positive"), printed \(printed.isNegative ? "negative" : "positive")); "
                + (withinTolerance ? "the magnitudes agree, " : "and not ") + criterion
        } else {
            detail += (holds ? "" : "not ") + criterion
        }
        if !insertions.isEmpty { detail += "; natural units: " + insertions.joined(separator: "; ") }
        return Verdict(holds ? .verified : .discrepancy, method: holds ? method : .none, detail: detail,
                       computed: "\(shown) \(unit.value)", relation: holds ? nil : signMismatch ? "opposite signs; computed/printed = \(ratio.toString(digits: 6))" : "computed/printed = \(ratio.toString(digits: 6))")
    }
}
