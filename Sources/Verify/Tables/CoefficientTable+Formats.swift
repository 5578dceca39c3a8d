import Symbolic

/// Output formats of `CoefficientTable`: CSV, JSON and LaTeX (siunitx `\num{…}` cells).
extension CoefficientTable {
    public enum Format: String, Sendable, CaseIterable { case csv, json, latex }

    public func rendered(_ format: Format) -> String {
        switch format {
        case .csv: return csv
        case .json: return json.rendered() + "\n"
        case .latex: return latex
        }
    }

    var hasClosedForm: Bool { rows.contains { $0.closedForm != nil } }

    public var csv: String {
        var header = parameterNames + [name, "error", "digits"]
        if hasClosedForm { header += ["closed_form", "ratio"] }
        var lines = [header.joined(separator: ",")]
        for r in rows {
            var cells = r.parameters.map { Self.decimal($0.1) } + [r.value, r.error, String(r.digits)]
            if hasClosedForm { cells += [r.closedForm ?? "", r.ratio ?? ""] }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A parameter name as a JSON key: `kF-R` → `kf_r`, `eF` → `ef`.
    static func snakeCase(_ name: String) -> String { name.lowercased().replacingOccurrences(of: "-", with: "_") }

    public var json: JSONValue {
        .document("table", [
            ("name", .string(name)),
            ("units", .string(units)),
            ("digits", .int(digits)),
            ("conventions", .string(["J", "Omega", "alpha"].contains(name) ? IntegralConventions.text : PrintedForm.all[name]?.equation ?? "")),
            ("rows", .array(rows.map { r in
                var kv: [(String, JSONValue)] = r.parameters.map { (Self.snakeCase($0.0), .string(Self.decimal($0.1))) }
                kv += [("value", .string(r.value)), ("error", .string(r.error)), ("digits", .int(r.digits))]
                if let c = r.closedForm { kv.append(("closed_form", .string(c))) }
                if let q = r.ratio { kv.append(("ratio", .string(q))) }
                return .object(kv)
            })),
        ])
    }

    /// A `tabular` with siunitx `\num{}` cells; the header names the parameters and the units.
    public var latex: String {
        let symbols: [String: String] = ["kF-R": "$k_\\mathrm{F}R$", "t": "$k_\\mathrm{B}T/\\varepsilon_\\mathrm{F}$",
                                         "v": "$|v|$", "ed": "$\\varepsilon_d$", "U": "$U$", "eF": "$\\varepsilon_\\mathrm{F}$",
                                         "kappa": "$\\kappa$"]
        let quantity: [String: String] = ["J": "$J_{ab}\\,\\varepsilon_\\mathrm{F}/(g_ag_bn^2)$",
                                          "Omega": "$\\Omega_{ab}\\,\\varepsilon_\\mathrm{F}/(\\gamma_a|g_b|n^2)$",
                                          "alpha": "$\\alpha_a\\,\\varepsilon_\\mathrm{F}^2/(g_a^2n^2)$",
                                          "g": "$g_a$", "gamma": "$\\gamma_a$"]
        var cols = parameterNames.map { symbols[$0] ?? "\\verb|\($0)|" } + [quantity[name] ?? name]
        if hasClosedForm { cols += ["printed", "ratio"] }
        var out = "% siunitx required: \\usepackage{siunitx}\n"
        out += "\\begin{tabular}{" + String(repeating: "c", count: cols.count) + "}\n\\hline\n"
        out += cols.joined(separator: " & ") + " \\\\\n\\hline\n"
        for r in rows {
            var cells = r.parameters.map { "\\num{\(Self.decimal($0.1))}" } + ["\\num{\(r.value)}"]
            if hasClosedForm { cells += ["\\num{\(r.closedForm ?? "")}", "\\num{\(r.ratio ?? "")}"] }
            out += cells.joined(separator: " & ") + " \\\\\n"
        }
        out += "\\hline\n\\end{tabular}\n"
        return out
    }

    /// A rational as a decimal string: exact when the expansion terminates, else 20 digits.
    static func decimal(_ q: BigRational) -> String {
        if q.isInteger { return q.description }
        var d = q.denominator
        for p in [2, 5] { while (d.floorDivided(by: BigInt(p))) * BigInt(p) == d { d = d.floorDivided(by: BigInt(p)) } }
        let digits = d == BigInt(1) ? 60 : 20
        return BigFloat(q, precision: 256).toString(digits: digits).replacingTrailingZeros
    }
}

extension String {
    /// "0.50000" → "0.5"; leaves exponents and integers alone.
    var replacingTrailingZeros: String {
        guard contains("."), !contains("e") else { return self }
        var s = self
        while s.last == "0" { s.removeLast() }
        if s.last == "." { s.removeLast() }
        return s
    }
}
