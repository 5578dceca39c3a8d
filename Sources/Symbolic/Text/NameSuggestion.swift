/// Did-you-mean suggestions for unknown names: Levenshtein distance over Unicode scalars, and
/// Greek letters written as symbols (`κ` for `kappa`).
enum NameSuggestion {
    /// Greek letters and the spelled-out names used in the text syntax.
    static let greekNames: [Unicode.Scalar: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "eps", "ϵ": "eps", "ζ": "zeta",
        "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lam", "μ": "mu", "ν": "nu",
        "ξ": "xi", "ο": "omicron", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
        "ϕ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
        "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Φ": "Phi", "Ψ": "Psi", "Ω": "Omega",
    ]

    /// Edit distance between two strings (insertions, deletions, substitutions), capped for speed.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.count > 64 || y.count > 64 { return Swift.max(x.count, y.count) }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in 1...y.count {
                let old = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[y.count]
    }

    /// The spelled-out form of a name with Greek letters (`κ_a` → `kappa_a`), nil if none.
    static func spelledOut(_ name: String) -> String? {
        var out = "", changed = false
        for s in name.unicodeScalars {
            if let g = greekNames[s] { out += g; changed = true } else { out.unicodeScalars.append(s) }
        }
        return changed ? out : nil
    }

    /// The best candidate for a mistyped `name`, or nil when nothing is close.
    static func best(for name: String, among candidates: [String]) -> String? {
        let unique = Set(candidates).subtracting([name])
        if let spelled = spelledOut(name) {
            if unique.contains(spelled) { return spelled }
            if spelled == "eps", unique.contains("epsilon") { return "epsilon" }
        }
        // A spelled-out name for a declared Greek letter (`kappa` for `κ`).
        if let c = unique.sorted().first(where: { spelledOut($0) == name }) { return c }
        // Case-only differences first (`Kappa` for `kappa`).
        if let c = unique.sorted().first(where: { $0.lowercased() == name.lowercased() }) { return c }
        let limit = name.unicodeScalars.count <= 3 ? 1 : 2
        var bestName: String? = nil, bestDistance = Int.max
        for c in unique.sorted() {
            let d = distance(name, c)
            if d <= limit, d < bestDistance, d < c.unicodeScalars.count {
                bestName = c
                bestDistance = d
            }
        }
        return bestName
    }
}
