import Symbolic

/// A claim ready to be checked: the fields of its ` ```claim ` block, validated.
public struct Claim: Sendable {
    public var spec: ClaimSpec
    public var id: String { spec.id.value }
    public var file: String { spec.location.file }
    public var line: Int { spec.location.line }
    public var equations: [EquationLabel]
    /// Equations the claim takes as inputs without testing their content (`uses:`): listed by
    /// `referee coverage` and `referee where`, not counted as tested.
    public var uses: [EquationLabel] = []
    public var statement: String
    /// The paper's formula as transcribed (text syntax).
    public var printed: Located<String>
    /// What the engine computes (text syntax), if the check kind uses it.
    public var computed: Located<String>?
    public var check: String
    public var expected: VerdictKind
    /// Requested correct significant digits for numeric methods.
    public var digits: Int
    /// Seed for random points, reported in the verdict.
    public var seed: UInt64

    /// The equation labels of one numbering scheme, e.g. ["17"] for NC.
    public func labels(_ scheme: String) -> [String] {
        equations.filter { $0.scheme == scheme }.map { $0.number ?? "—" }
    }

    /// Largest `digits:` accepted.
    public static let maximumDigits = 10_000

    /// Validates the common fields of a claim.
    public init(_ spec: ClaimSpec, knownChecks: [String: any ClaimCheck], defaultDigits: Int, defaultSeed: UInt64,
                numbering: Numbering = .none) throws {
        self.spec = spec
        var labels: [EquationLabel] = []
        if let eq = spec["equations"] {
            let example = numbering.schemes.first.map { "\($0)(17), \($0)(—)" } ?? "EQ(17)"
            for part in eq.value.split(separator: ",") {
                guard let label = EquationLabel(String(part)) else {
                    throw DerivationError(eq.location, "malformed equation label `\(part.trimmingBlanks)`",
                                          fix: "write labels like \(example) (— when absent from that text); separate them with commas")
                }
                // A file without front matter may cite any scheme; one that declares its schemes cites only those.
                guard numbering.schemes.isEmpty || numbering.schemes.contains(label.scheme) else {
                    throw DerivationError(eq.location, "`\(label)` cites the numbering scheme `\(label.scheme)`, which the file does not declare (it declares \(numbering.schemes.joined(separator: ", ")))",
                                          fix: "declare it in the front matter: `---` / `numbering: \((numbering.schemes + [label.scheme]).joined(separator: ", "))` / `---` at the top of the file")
                }
                labels.append(label)
            }
            if numbering.citesEvery, let missing = numbering.schemes.first(where: { s in !labels.contains { $0.scheme == s } }) {
                throw DerivationError(eq.location, "every claim of this file cites every numbering scheme (`cites: every`), and `\(missing)` is missing",
                                      fix: "add \(missing)(…), or \(missing)(—) when the equation is absent from that text")
            }
        } else if numbering.citesEvery {
            throw DerivationError(spec.location, "the claim has no `equations:`",
                                  fix: "this file's front matter asks every claim to cite \(numbering.schemes.joined(separator: ", "))")
        }
        equations = labels
        if let field = spec["uses"] {
            for part in field.value.split(separator: ",") {
                guard let label = EquationLabel(String(part)), label.number != nil else {
                    throw DerivationError(field.location, "malformed equation label `\(part.trimmingBlanks)` in `uses:`",
                                          fix: "write the labels of the equations the claim takes as inputs, e.g. `uses: NC(15), AX(S31)`")
                }
                guard numbering.schemes.isEmpty || numbering.schemes.contains(label.scheme) else {
                    throw DerivationError(field.location, "`\(label)` cites the numbering scheme `\(label.scheme)`, which the file does not declare",
                                          fix: "use one of \(numbering.schemes.joined(separator: ", "))")
                }
                uses.append(label)
            }
        }
        statement = spec.text("statement")!
        printed = spec["printed"]!
        computed = spec["computed"]
        let checkField = spec["check"]!
        guard let kind = knownChecks[checkField.value] else {
            let near = DerivationReader.nearest(checkField.value, in: Array(knownChecks.keys)).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(checkField.location, "unknown check kind `\(checkField.value)`",
                                  fix: "\(near)known kinds: \(knownChecks.keys.sorted().joined(separator: ", "))")
        }
        check = checkField.value
        for key in kind.requiredKeys where spec[key] == nil {
            throw DerivationError(spec.location, "a `\(check)` claim needs `\(key):`", fix: "add `\(key): …` to the claim")
        }
        let expect = spec["expect"]!
        guard let v = VerdictKind(rawValue: expect.value) else {
            throw DerivationError(expect.location, "unknown verdict `\(expect.value)`",
                                  fix: "expect one of: \(VerdictKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        expected = v
        if v == .discrepancy, spec["correction"] == nil, check == "identity" {
            throw DerivationError(expect.location, "an expected discrepancy records the computed correction",
                                  fix: "add `correction: <the formula the engine computes>`; the engine checks it")
        }
        if let d = spec["digits"] {
            guard let n = Int(d.value), n >= 1, n <= Claim.maximumDigits else {
                throw DerivationError(d.location, "`digits` must be a whole number from 1 to \(Claim.maximumDigits), found `\(d.value)`",
                                      fix: "write e.g. `digits: 30`")
            }
            digits = n
        } else {
            digits = defaultDigits
        }
        if let s = spec["seed"] {
            guard let n = UInt64(s.value) else {
                throw DerivationError(s.location, "`seed` must be a non-negative whole number", fix: "write e.g. `seed: 12345`")
            }
            seed = n
        } else {
            seed = defaultSeed
        }
    }
}

extension Substring {
    var trimmingBlanks: String { String(self).trimmed }
}
