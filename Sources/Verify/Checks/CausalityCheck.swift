import Symbolic
import Keldysh

/// `check: causality` — the action integrand in `printed:` (contour fields in the text syntax of
/// `KeldyshTextSyntax`: psi, psibar, gr, ddt, spin_m, spin_dot, spin_dot_dt) vanishes at ψ₊ = ψ₋,
/// ψ̄₊ = ψ̄₋ (AX(S46), (S82)), identically or up to a total time derivative (`Causality`). Exact.
/// For an expected discrepancy, `correction:` may give a causal form; the check verifies it.
public struct CausalityCheck: ExpressionClaimCheck {
    public init() {}
    public var name: String { "causality" }
    public var summary: String { "the Keldysh action in `printed` vanishes at ψ+ = ψ- (exactly, or up to a total time derivative)" }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let action = try fields(claim.printed, claim, context)
        var verdict = Self.verdict(Causality.check(action))
        if let field = claim.spec["correction"] {
            let corrected = Causality.check(try fields(field, claim, context))
            guard corrected.isCausal else {
                return Verdict(.error, detail: "the recorded correction at \(field.location) is not causal either: S[ψ+ = ψ-] = \(Self.residual(corrected))")
            }
            verdict.detail += " The recorded correction is causal."
        }
        return verdict
    }

    func fields(_ field: Located<String>, _ claim: Claim, _ context: DerivationContext) throws -> FieldPolynomial {
        let e = try context.expression(field, claim: claim)
        do {
            return try KeldyshTextSyntax.fieldPolynomial(e)
        } catch let error as OperationError {
            throw DerivationError(field.location, error.message, fix: error.fix ?? "see KeldyshTextSyntax for the field syntax")
        }
    }

    static func residual(_ o: Causality.Outcome) -> String {
        switch o {
        case .vanishesIdentically: return "0"
        case .totalDerivative(let s), .nonzero(let s): return s
        }
    }

    static func verdict(_ o: Causality.Outcome) -> Verdict {
        switch o {
        case .vanishesIdentically:
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: "S[ψ+ = ψ-, ψ̄+ = ψ̄-] = 0 identically in the Grassmann algebra (δ → 0 after the identification)", computed: "0")
        case .totalDerivative(let s):
            return Verdict(.verified, method: .exact(falseAcceptBound: nil),
                           detail: "S[ψ+ = ψ-] integrand \(s) is a total time derivative (every Euler derivative vanishes), so ∫dt of it vanishes up to boundary terms",
                           computed: s)
        case .nonzero(let s):
            return Verdict(.discrepancy, method: .exact(falseAcceptBound: nil),
                           detail: "S[ψ+ = ψ-, ψ̄+ = ψ̄-] ≠ 0: the action is not causal; residual integrand \(s) (not a total derivative)",
                           computed: s, relation: "S[ψ+ = ψ-] = \(s)")
        }
    }
}
