import Symbolic

/// `check: dimension` — the printed formula (an expression or a relation) is dimensionally
/// consistent with the file's ```units. With `parameters: hbar = 1` (or `kB = 1`) dimensions are
/// compared in natural units and the detail says which powers of ħ, k_B SI would need.
public struct DimensionCheck: ClaimCheck {
    public init() {}
    public var name: String { "dimension" }
    public var summary: String { "the printed formula is dimensionally consistent with the ```units (natural units with `parameters: hbar = 1`)" }

    public func run(_ claim: Claim, in context: DerivationContext) throws -> Verdict {
        let parameters = try ClaimParameters(claim)
        var units: [String: String] = [:]
        for (name, text) in context.units { units[name] = text.value }
        let checker: DimensionChecker
        do {
            checker = try DimensionChecker(units: units, naturalUnits: parameters.naturalUnits)
        } catch {
            // Name the line of the unit that fails (each parsed on its own), not an arbitrary one.
            let culprit = context.units.sorted { $0.value.location.line < $1.value.location.line }
                .first { (try? DimensionChecker(units: [$0.key: $0.value.value], naturalUnits: parameters.naturalUnits)) == nil }
            let location = culprit?.value.location ?? claim.spec.location
            throw DerivationError(location, "a unit in the ```units block does not parse: \(error)",
                                  fix: "write SI units such as J, W/m^2, s^-1, F/m, or 1 for dimensionless")
        }
        var verdict: Verdict
        if claim.printed.value.containsRelation {
            let (lhs, kind, rhs) = try context.relation(claim.printed, claim: claim)
            verdict = checker.check(lhs, kind.rawValue, rhs)
        } else {
            verdict = checker.check(try context.expression(claim.printed, claim: claim))
        }
        if parameters.naturalUnits { verdict.detail = "natural units (ħ = k_B = 1): " + verdict.detail }
        return verdict
    }
}
