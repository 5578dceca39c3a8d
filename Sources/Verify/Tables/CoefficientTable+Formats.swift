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

    public var csv: String { rows.isEmpty ? pieces(.csv).head : joined(pieces(.csv)) }

    /// A parameter name as a JSON key: `kF-R` → `kf_r`, `eF` → `ef`.
    static func snakeCase(_ name: String) -> String { name.lowercased().replacingOccurrences(of: "-", with: "_") }

    public var json: JSONValue {
        .object(jsonHeader + [("rows", .array(rows.map(jsonRow)))])
    }

    /// The document's fields before `rows` (version, command, name, units, digits, conventions).
    var jsonHeader: [(String, JSONValue)] {
        guard case .object(let fields) = JSONValue.document("table", [
            ("name", .string(name)),
            ("units", .string(units)),
            ("digits", .int(digits)),
            ("conventions", .string(["J", "Omega", "alpha"].contains(name) ? IntegralConventions.text : PrintedForm.all[name]?.equation ?? "")),
        ]) else { return [] }
        return fields
    }

    func jsonRow(_ r: Row) -> JSONValue {
        var kv: [(String, JSONValue)] = r.parameters.map { (Self.snakeCase($0.0), .string(Self.decimal($0.1))) }
        kv += [("value", .string(r.value)), ("error", .string(r.error)), ("digits", .int(r.digits))]
        if let c = r.closedForm { kv.append(("closed_form", .string(c))) }
        if let q = r.ratio { kv.append(("ratio", .string(q))) }
        return .object(kv)
    }

    /// A `tabular` with siunitx `\num{}` cells; the header names the parameters and the units.
    public var latex: String { joined(pieces(.latex)) }

    func joined(_ p: (head: String, rows: [String], separator: String, tail: String)) -> String {
        p.head + p.rows.joined(separator: p.separator) + p.tail
    }

    /// The rendering as head + rows.joined(separator) + tail, one piece per row, so that shards of
    /// a table (`referee table --shard`) merge row by row into exactly the text of one run. The head
    /// and tail depend only on the table's name, parameters, digits and units, not on its rows
    /// (a table of one run has at least one row; a shard may have none).
    public func pieces(_ format: Format) -> (head: String, rows: [String], separator: String, tail: String) {
        switch format {
        case .csv:
            var header = parameterNames + [name, "error", "digits"]
            if hasClosedForm { header += ["closed_form", "ratio"] }
            let lines = rows.map { r in
                var cells = r.parameters.map { Self.decimal($0.1) } + [r.value, r.error, String(r.digits)]
                if hasClosedForm { cells += [r.closedForm ?? "", r.ratio ?? ""] }
                return cells.joined(separator: ",")
            }
            return (header.joined(separator: ",") + "\n", lines, "\n", "\n")
        case .json:
            let head = JSONValue.object(jsonHeader).rendered().dropLast(2) + ",\n  \"rows\": [\n"
            return (String(head), rows.map { "    " + jsonRow($0).rendered(indent: 2) }, ",\n", "\n  ]\n}\n")
        case .latex:
            let symbols: [String: String] = ["kF-R": "$k_\\mathrm{F}R$", "t": "$k_\\mathrm{B}T/\\varepsilon_\\mathrm{F}$",
                                             "v": "$|v|$", "ed": "$\\varepsilon_d$", "U": "$U$", "eF": "$\\varepsilon_\\mathrm{F}$",
                                             "kappa": "$\\kappa$"]
            let quantity: [String: String] = ["J": "$J_{ab}\\,\\varepsilon_\\mathrm{F}/(g_ag_bn^2)$",
                                              "Omega": "$\\Omega_{ab}\\,\\varepsilon_\\mathrm{F}/(\\gamma_a|g_b|n^2)$",
                                              "alpha": "$\\alpha_a\\,\\varepsilon_\\mathrm{F}^2/(g_a^2n^2)$",
                                              "g": "$g_a$", "gamma": "$\\gamma_a$"]
            var cols = parameterNames.map { symbols[$0] ?? "\\verb|\($0)|" } + [quantity[name] ?? name]
            if hasClosedForm { cols += ["printed", "ratio"] }
            var head = "% siunitx required: \\usepackage{siunitx}\n"
            head += "\\begin{tabular}{" + String(repeating: "c", count: cols.count) + "}\n\\hline\n"
            head += cols.joined(separator: " & ") + " \\\\\n\\hline\n"
            let lines = rows.map { r in
                var cells = r.parameters.map { "\\num{\(Self.decimal($0.1))}" } + ["\\num{\(r.value)}"]
                if hasClosedForm { cells += ["\\num{\(r.closedForm ?? "")}", "\\num{\(r.ratio ?? "")}"] }
                return cells.joined(separator: " & ") + " \\\\\n"
            }
            return (head, lines, "", "\\hline\n\\end{tabular}\n")
        }
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
