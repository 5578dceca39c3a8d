import Symbolic

/// `check: sign` — a relation `A < B` (`>`, `<=`, `>=`) decided from the structure of A − B and the
/// assumptions (`SignChecker`); sampling can refute a sign but never verify one.
public struct SignCheck: ClaimCheck {
    public init() {}
    public var name: String { "sign" }
    public var summary: String { "a relation A < B (or >, <=, >=) decided exactly from the assumptions; sampling can only refute" }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let (lhs, kind, rhs) = try context.relation(claim.printed, claim: claim)
        let sign: SignClaim
        switch kind {
        case .less: sign = .negative
        case .lessOrEqual: sign = .nonpositive
        case .greater: sign = .positive
        case .greaterOrEqual: sign = .nonnegative
        default:
            throw DerivationError(claim.printed.location, "a sign claim needs <, <=, > or >=, found `\(kind.rawValue)`",
                                  fix: "write e.g. `printed: g < 0`")
        }
        var verdict = SignChecker(digits: min(claim.digits, 30), seed: claim.seed, samples: 64, functions: context.engine.numericFunctions)
            .check(lhs - rhs, is: sign)
        verdict.computed = (lhs - rhs).text + " " + sign.rawValue
        return verdict
    }
}
