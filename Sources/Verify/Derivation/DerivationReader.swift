import Foundation

/// Reads the Markdown of a derivation file into a `DerivationFile` (no expression is parsed
/// here). Every malformation is reported as a `DerivationError` at file:line:column with a fix.
public enum DerivationReader {
    /// Keys a claim may carry. Engine check kinds may use `parameters`.
    public static let claimKeys: [String] = [
        "id", "equations", "uses", "statement", "printed", "computed", "check", "where", "conventions",
        "digits", "expect", "correction", "units", "values", "unit", "tolerance", "note", "parameters", "seed", "requires",
        // Keys of the equation-of-motion check kinds (`ode-*`, Sources/Verify/Dynamics/Declared).
        "system", "samples", "vary", "onset", "initial", "time", "observe",
    ]
    /// Keys every claim must have.
    public static let requiredKeys: [String] = ["id", "statement", "printed", "check", "expect"]
    /// The fenced block kinds with a meaning; other fences (```text, ```swift) are prose.
    public static let blockKinds: Set<String> = ["symbols", "modes", "define", "units", "values", "claim", "ode"]
    /// Longest accepted line.
    public static let maximumLineLength = 20_000

    /// Reads and splits the file at `path`.
    public static func read(path: String) throws -> DerivationFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DerivationError(SourceLocation(file: path, line: 0, column: 0), "cannot read the file",
                                  fix: "check that the path exists and is readable")
        }
        return try read(data: data, path: path)
    }

    /// Reads a derivation from bytes; `path` names it in errors.
    public static func read(data: Data, path: String) throws -> DerivationFile {
        let here = { (line: Int, column: Int) in SourceLocation(file: path, line: line, column: column) }
        if data.isEmpty {
            throw DerivationError(here(1, 1), "the file is empty",
                                  fix: "a derivation file needs a `# Title` and at least one ```claim block (see derivations/README.md)")
        }
        if data.contains(0) {
            throw DerivationError(here(1, 1), "the file contains NUL bytes: it is not text",
                                  fix: "derivation files are UTF-8 Markdown; remove binary content")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DerivationError(here(1, 1), "the file is not valid UTF-8", fix: "save it as UTF-8 text")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\r", with: "") }

        var title: String?
        var symbols: [Located<String>] = [], definitions: [Located<String>] = [], modes: [Located<String>] = []
        var units: [Located<String>] = [], values: [Located<String>] = []
        var claims: [ClaimSpec] = []
        var odeBlocks: [OdeBlockText] = []
        var seenIds: [String: SourceLocation] = [:]

        let (numbering, firstLine) = try frontMatter(lines, path: path)
        var index = firstLine
        while index < lines.count {
            let lineNumber = index + 1
            let line = lines[index]
            if line.count > maximumLineLength {
                throw DerivationError(here(lineNumber, maximumLineLength + 1), "line is longer than \(maximumLineLength) characters",
                                      fix: "break the formula with continuation lines (indented lines continue the previous key)")
            }
            if title == nil, line.hasPrefix("# ") { title = String(line.dropFirst(2)).trimmed }
            let stripped = line.trimmed
            guard stripped.hasPrefix("```") else { index += 1; continue }
            let kind = String(stripped.dropFirst(3)).trimmed
            // Find the closing fence.
            var end = index + 1
            while end < lines.count, lines[end].trimmed != "```" {
                if lines[end].count > maximumLineLength {
                    throw DerivationError(here(end + 1, maximumLineLength + 1), "line is longer than \(maximumLineLength) characters",
                                          fix: "break the formula with continuation lines (indented lines continue the previous key)")
                }
                end += 1
            }
            if end == lines.count {
                throw DerivationError(here(lineNumber, 1), "the ```\(kind) block opened here is never closed",
                                      fix: "add a line with ``` after the block")
            }
            let body = (index + 1..<end).map { Located(lines[$0], at: here($0 + 1, 1)) }
            if blockKinds.contains(kind) {
                let entries = try logicalLines(body, path: path, kind: kind)
                switch kind {
                case "symbols": symbols += entries
                case "modes": modes += entries
                case "define": definitions += entries
                case "units": units += entries
                case "values": values += entries
                case "ode": odeBlocks.append(OdeBlockText(opening: here(lineNumber, 1), lines: entries))
                default:
                    let claim = try readClaim(entries, opening: here(lineNumber, 1))
                    if let previous = seenIds[claim.id.value] {
                        throw DerivationError(claim.id.location, "duplicate claim id `\(claim.id.value)` (first used at \(previous))",
                                              fix: "give every claim a unique id")
                    }
                    seenIds[claim.id.value] = claim.id.location
                    claims.append(claim)
                }
            } else if ["claim", "symbol", "defin", "mode", "unit", "value", "ode"].contains(where: { kind.hasPrefix($0) }) {
                // A fence that looks like a block of the language but is not one would silently hide
                // what follows it (a claim inside it would never run).
                throw DerivationError(here(lineNumber, 4), "unknown block kind `\(kind)`",
                                      fix: "use one of: \(blockKinds.sorted().joined(separator: ", "))")
            }
            index = end + 1
        }
        guard let foundTitle = title else {
            throw DerivationError(here(1, 1), "the file has no `# Title` line", fix: "start the file with `# <the chain this file checks>`")
        }
        // A file without claims is reported by `DerivationLints`, after its symbols and definitions
        // have been read, so that their errors are not hidden behind it.
        return DerivationFile(path: path, title: foundTitle, symbolLines: symbols, definitionLines: definitions,
                              unitLines: units, valueLines: values, claims: claims, modeLines: modes, numbering: numbering, odeBlocks: odeBlocks)
    }

    /// The front matter between `---` lines at the top of the file (`numbering:`, `cites:`, `labels:`), and the
    /// index of the first line after it.
    static func frontMatter(_ lines: [String], path: String) throws -> (Numbering, Int) {
        guard lines.first?.trimmed == "---" else { return (.none, 0) }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            throw DerivationError(SourceLocation(file: path, line: 1, column: 1), "the front matter opened here is never closed",
                                  fix: "close it with a line `---`")
        }
        var numbering = Numbering()
        for k in 1..<end {
            let line = lines[k].trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let at = SourceLocation(file: path, line: k + 1, column: 1)
            guard let colon = line.firstIndex(of: ":") else {
                throw DerivationError(at, "expected `key: value` in the front matter", fix: "write `numbering: NC, AX` or `cites: every`")
            }
            let key = String(line[..<colon]).trimmed, value = String(line[line.index(after: colon)...]).trimmed
            switch key {
            case "numbering":
                var depth = 0, current = ""
                var parts: [String] = []
                for ch in value {
                    if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
                    if ch == ",", depth == 0 { parts.append(current); current = "" } else { current.append(ch) }
                }
                parts.append(current)
                for part in parts.map({ $0.trimmed }) where !part.isEmpty {
                    let name = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                    guard !name.isEmpty, name.first!.isLetter else {
                        throw DerivationError(at, "`\(part)` does not start with a scheme name", fix: "write e.g. `numbering: NC (Nature Communications), AX`")
                    }
                    if numbering.schemes.contains(name) { throw DerivationError(at, "the scheme `\(name)` is declared twice", fix: "remove one") }
                    numbering.schemes.append(name)
                    let rest = String(part.dropFirst(name.count)).trimmed
                    if rest.hasPrefix("("), rest.hasSuffix(")") { numbering.descriptions[name] = String(rest.dropFirst().dropLast()) }
                }
            case "labels":
                do {
                    for (scheme, list) in try Numbering.labelInventory(value) { numbering.labels[scheme, default: []] += list }
                } catch let e as LabelInventoryError {
                    throw DerivationError(at, "in `labels:`, \(e.message)", fix: "write e.g. `labels: NC 1–41, 8a, 8b; AX 1–39, S1–S262`")
                }
            case "cites":
                guard value == "every" || value == "any" else {
                    throw DerivationError(at, "`cites:` is `every` (each claim cites every scheme) or `any`", fix: "write `cites: every`")
                }
                numbering.citesEvery = value == "every"
            default:
                let near = nearest(key, in: ["numbering", "cites", "labels"]).map { "did you mean `\($0)`? " } ?? ""
                throw DerivationError(at, "unknown front-matter key `\(key)`", fix: near + "known keys: numbering, cites, labels")
            }
        }
        if numbering.citesEvery && numbering.schemes.isEmpty {
            throw DerivationError(SourceLocation(file: path, line: 1, column: 1), "`cites: every` without a `numbering:`", fix: "declare the schemes: `numbering: NC, AX`")
        }
        return (numbering, end + 1)
    }

    /// Joins continuation lines (indented) to the line before; drops blank lines and `#` comments.
    /// The location of a logical line is that of its first physical line, column of its first character.
    static func logicalLines(_ body: [Located<String>], path: String, kind: String) throws -> [Located<String>] {
        var out: [Located<String>] = []
        for raw in body {
            let text = raw.value
            let trimmed = text.trimmed
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let indented = text.first == " " || text.first == "\t"
            if indented, !out.isEmpty {
                out[out.count - 1].value += (kind == "claim" ? "\n" : " ") + trimmed
            } else {
                let column = (text.firstIndex(where: { $0 != " " && $0 != "\t" }).map { text.distance(from: text.startIndex, to: $0) } ?? 0) + 1
                out.append(Located(trimmed, at: SourceLocation(file: path, line: raw.location.line, column: column)))
            }
        }
        return out
    }

    static func readClaim(_ entries: [Located<String>], opening: SourceLocation) throws -> ClaimSpec {
        var fields: [String: Located<String>] = [:]
        for entry in entries {
            guard let colon = entry.value.firstIndex(of: ":") else {
                throw DerivationError(entry.location, "expected `key: value` in a claim block, found `\(entry.value.prefix(40))`",
                                      fix: "write `key: value`; continue a long value on indented lines")
            }
            let key = String(entry.value[..<colon]).trimmed
            // Continuation lines of a claim were joined with "\n": a text field keeps them as one paragraph.
            let value = String(entry.value[entry.value.index(after: colon)...])
                .split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmed }.joined(separator: " ").trimmed
            let valueColumn = entry.location.column + entry.value.distance(from: entry.value.startIndex, to: colon) + 2
            let at = SourceLocation(file: entry.location.file, line: entry.location.line, column: valueColumn)
            guard claimKeys.contains(key) else {
                let suggestion = nearest(key, in: claimKeys).map { "did you mean `\($0)`? " } ?? ""
                throw DerivationError(entry.location, "unknown key `\(key)` in a claim",
                                      fix: "\(suggestion)known keys: \(claimKeys.joined(separator: ", "))")
            }
            if let previous = fields[key] {
                throw DerivationError(entry.location, "key `\(key)` appears twice in this claim (first at line \(previous.location.line))",
                                      fix: "keep one `\(key):` line; continue a long value on indented lines")
            }
            if value.isEmpty {
                throw DerivationError(at, "key `\(key)` has an empty value", fix: "write a value after `\(key):` or remove the line")
            }
            fields[key] = Located(value, at: at)
        }
        for key in requiredKeys where fields[key] == nil {
            throw DerivationError(opening, "the claim has no `\(key):`", fix: "every claim needs: \(requiredKeys.joined(separator: ", "))")
        }
        let id = fields["id"]!
        if !id.value.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
            throw DerivationError(id.location, "claim id `\(id.value)` has characters other than letters, digits, `.`, `_`, `-`",
                                  fix: "use a stable dotted id such as `sd.g.kappa-limit`")
        }
        return ClaimSpec(id: id, location: opening, fields: fields)
    }

    /// The closest candidate by edit distance, if reasonably close.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(b.count, 1) where !b.isEmpty {
                    let saved = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = saved
                }
            }
            return row[b.count]
        }
        let w = Array(word.lowercased())
        let best = candidates.map { ($0, distance(w, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
        guard let (name, d) = best, d <= max(2, word.count / 3) else { return nil }
        return name
    }
}
