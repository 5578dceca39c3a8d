/// The `parameters:` of a claim: `name = value` pairs separated by commas or semicolons.
struct ClaimParameters {
    var values: [String: String] = [:]

    init(_ claim: Claim) throws {
        guard let field = claim.spec["parameters"] else { return }
        for part in TextSyntax.splitTopLevel(field) {
            let pieces = part.value.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                throw DerivationError(part.location, "expected `name = value` in `parameters:`", fix: "write e.g. `parameters: hbar = 1`")
            }
            values[pieces[0]] = pieces[1]
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// True when the claim sets ħ = 1 (or k_B = 1): dimension checks then work in natural units.
    var naturalUnits: Bool { values["hbar"] == "1" || values["kB"] == "1" }
}
