import Symbolic
import Keldysh

/// `check: keldysh-rotation` — `printed:` is an action in the classical/quantum basis, `computed:` the
/// same action in the ± basis (contour-field syntax of `KeldyshTextSyntax`); the engine applies
/// ψ± = (ψ_c ± ψ_q)/√2 (AX(S53), (S229)) to `computed`, drops the shifts t ± δ, and compares in the
/// Grassmann algebra: identical, equal up to a total time derivative (integration by parts, decided by
/// the Euler operator), or different (the difference is shown). Exact.
public struct KeldyshRotationCheck: ExpressionClaimCheck {
    public init() {}
    public var name: String { "keldysh-rotation" }
    public var summary: String { "the c/q form in `printed` equals the ± form in `computed` after ψ± = (ψc ± ψq)/√2 (exactly, or up to a total time derivative)" }
    public var requiredKeys: [String] { ["computed"] }

    func fields(_ field: Located<String>, _ claim: Claim, _ context: DerivationContext) throws -> FieldPolynomial {
        let e = try context.expression(field, claim: claim)
        do { return try KeldyshTextSyntax.fieldPolynomial(e) } catch let error as OperationError {
            throw DerivationError(field.location, error.message, fix: error.fix ?? "see KeldyshTextSyntax for the field syntax")
        }
    }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let printed = try fields(claim.printed, claim, context)
        let rotated = KeldyshRotation.rotate(try fields(claim.computed!, claim, context))
        var verdict: Verdict
        switch KeldyshRotation.compare(rotated, printed) {
        case .identical:
            verdict = Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "the rotated ± form equals the printed c/q form identically in the Grassmann algebra", computed: "identical")
        case .equalUpToTotalDerivative(let d):
            verdict = Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "the rotated ± form equals the printed c/q form up to a total time derivative (integration by parts): difference \(d)", computed: d)
        case .different(let d):
            verdict = Verdict(.discrepancy, method: .exact(falseAcceptBound: nil), detail: "rotated − printed = \(d) (not a total time derivative)", computed: d, relation: "rotated − printed = \(d)")
        }
        if let field = claim.spec["correction"], verdict.kind == .discrepancy {
            let c = KeldyshRotation.compare(rotated, try fields(field, claim, context))
            if case .different(let d) = c {
                return Verdict(.error, detail: "the recorded correction at \(field.location) does not equal the rotated form either: difference \(d)")
            }
            verdict.detail += " The recorded correction equals the rotated form."
        }
        return verdict
    }
}

/// `check: field-identity` — `printed` and `computed` (contour-field syntax) are equal as elements of
/// the Grassmann algebra (shifts t ± δ dropped), or up to a total time derivative. Exact.
public struct FieldIdentityCheck: ExpressionClaimCheck {
    public init() {}
    public var name: String { "field-identity" }
    public var summary: String { "two Grassmann field expressions are equal (exactly, or up to a total time derivative)" }
    public var requiredKeys: [String] { ["computed"] }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let helper = KeldyshRotationCheck()
        let printed = try helper.fields(claim.printed, claim, context)
        let computed = try helper.fields(claim.computed!, claim, context)
        switch KeldyshRotation.compare(computed, printed) {
        case .identical:
            return Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "equal in the Grassmann algebra", computed: "identical")
        case .equalUpToTotalDerivative(let d):
            return Verdict(.verified, method: .exact(falseAcceptBound: nil), detail: "equal up to a total time derivative: difference \(d)", computed: d)
        case .different(let d):
            var v = Verdict(.discrepancy, method: .exact(falseAcceptBound: nil), detail: "computed − printed = \(d)", computed: d, relation: "computed − printed = \(d)")
            if let field = claim.spec["correction"] {
                if case .different(let e) = KeldyshRotation.compare(computed, try helper.fields(field, claim, context)) {
                    return Verdict(.error, detail: "the recorded correction at \(field.location) does not equal the computed form either: difference \(e)")
                }
                v.detail += " The recorded correction equals the computed form."
            }
            return v
        }
    }
}
