import Foundation
import Symbolic

/// Lints that make circular or misleading derivation files an error (issue 20), each at
/// file:line:column with a fix:
/// - `computed:` textually equal to `printed:` (modulo whitespace): the claim copies the paper
///   instead of computing it, so it can only be "verified";
/// - a definition whose name is a declared symbol: the definition silently replaces the symbol in
///   every later expression, so claims about the symbol are claims about the definition;
/// - an operation whose result contains symbols the file did not declare (or declared with other
///   assumptions): engine operations such as `sd_exchange()` return expressions in fixed names
///   (`v ed ek U kappa`), and a mismatch otherwise shows up as a silent discrepancy;
/// - a file with no claims: nothing would be checked, and its other errors would go unreported —
///   they are reported first (the symbols and definitions are read before this lint runs).
public enum DerivationLints {
    /// Runs every lint on a file whose symbols and definitions have been read into `context`.
    public static func check(_ file: DerivationFile, context: DerivationContext) throws {
        try definitionsDoNotShadowSymbols(file)
        try operationResultsUseDeclaredSymbols(file, context: context)
        for spec in file.claims { try computedIsNotPrinted(spec) }
        if file.claims.isEmpty {
            throw DerivationError(SourceLocation(file: file.path, line: 1, column: 1), "the file has no ```claim block, so nothing in it is checked",
                                  fix: "add at least one ```claim block (see derivations/README.md); check the fence is spelled ```claim")
        }
    }

    /// Text with all whitespace removed.
    static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    static func computedIsNotPrinted(_ spec: ClaimSpec) throws {
        guard let printed = spec["printed"], let computed = spec["computed"] else { return }
        guard !squeezed(computed.value).isEmpty, squeezed(computed.value) == squeezed(printed.value) else { return }
        throw DerivationError(computed.location, "`computed:` is the text of `printed:`: the claim copies the formula it should check (circular)",
                              fix: "compute it from the model or the previous step (a definition, an operation such as subs/limit/series, an engine operation), or use `check: requires` if the engine cannot yet")
    }

    static func definitionsDoNotShadowSymbols(_ file: DerivationFile) throws {
        var declared: [String: SourceLocation] = [:]
        for line in file.symbolLines {
            guard let colon = line.value.firstIndex(of: ":") else { continue }
            for name in line.value[..<colon].split(separator: ",") {
                let n = name.trimmingCharacters(in: .whitespaces)
                if !n.isEmpty && declared[n] == nil { declared[n] = line.location }
            }
        }
        for line in file.definitionLines {
            let name = ClaimProvenance.definedName(line.value)
            guard let symbolAt = declared[name] else { continue }
            let column = line.location.column + (line.value.distance(from: line.value.startIndex, to: line.value.firstIndex(where: { !$0.isWhitespace }) ?? line.value.startIndex))
            throw DerivationError(SourceLocation(file: line.location.file, line: line.location.line, column: column),
                                  "the definition of `\(name)` shadows the symbol `\(name)` declared at \(symbolAt): every later `\(name)` would mean the definition, not the symbol",
                                  fix: "give the definition its own name (e.g. `\(name)_derived = …`), or remove `\(name)` from the ```symbols block")
        }
    }

    /// Symbols of `e` that are not the file's declared symbols (by name and assumptions).
    static func undeclared(_ e: Expr, in context: DerivationContext, parameters: Set<String> = []) -> [(Symbol, Symbol?)] {
        var out: [(Symbol, Symbol?)] = []
        for s in e.freeSymbols.sorted() where !parameters.contains(s.name) && s.name != "oo" {
            guard let declared = context.parse.symbols[s.name] else { out.append((s, nil)); continue }
            if declared != s { out.append((s, declared)) }
        }
        return out
    }

    /// The first engine operation called in `text` (its column offset), for the error's place.
    static func firstOperationCall(in text: String, operations: [String: ExprOperation]) -> (name: String, offset: Int)? {
        var best: (String, Int)? = nil
        for name in operations.keys {
            guard let r = text.range(of: name + "(") else { continue }
            let offset = text.distance(from: text.startIndex, to: r.lowerBound)
            if offset > 0, let before = text[..<r.lowerBound].last, before.isLetter || before.isNumber || before == "_" { continue }
            if best == nil || offset < best!.1 { best = (name, offset) }
        }
        return best
    }

    static func operationResultsUseDeclaredSymbols(_ file: DerivationFile, context: DerivationContext) throws {
        func report(_ problems: [(Symbol, Symbol?)], _ field: Located<String>, what: String) throws {
            guard let (symbol, declared) = problems.first else { return }
            var at = field.location
            var source = what
            if let call = firstOperationCall(in: field.value, operations: context.engine.operations) {
                at = SourceLocation(file: at.file, line: at.line, column: at.column + call.offset)
                source = "the operation `\(call.name)(…)`"
            }
            let assumption = { (s: Symbol) in s.isPositive ? "positive" : s.isInteger ? "integer" : s.isReal ? "real" : s.isNonzero ? "nonzero" : "complex" }
            if let declared {
                throw DerivationError(at, "\(source) gives `\(symbol.name)` as \(assumption(symbol)), but the file declares `\(symbol.name): \(assumption(declared))`: the two are different symbols and never cancel",
                                      fix: "declare `\(symbol.name): \(assumption(symbol))` as the operation uses it, or substitute: subs(…, \(symbol.name), …)")
            }
            let names = problems.map { $0.0.name }.joined(separator: ", ")
            throw DerivationError(at, "\(source) gives an expression in symbols the file did not declare: \(names)",
                                  fix: "declare them in a ```symbols block (the operation's names: \(names)), or rename with subs(…) to the file's symbols")
        }
        for line in file.definitionLines {
            guard let eq = line.value.firstIndex(of: "=") else { continue }
            let name = ClaimProvenance.definedName(line.value)
            var parameters: Set<String> = []
            if let open = line.value.firstIndex(of: "("), open < eq, let close = line.value[open...].firstIndex(of: ")") {
                parameters = Set(line.value[line.value.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            let body: Expr?
            if parameters.isEmpty { body = context.parse.definitions[name] } else { body = context.parse.functions[name]?.body }
            guard let e = body else { continue }
            let offset = line.value.distance(from: line.value.startIndex, to: line.value.index(after: eq))
            let field = Located(String(line.value[line.value.index(after: eq)...]),
                                at: SourceLocation(file: line.location.file, line: line.location.line, column: line.location.column + offset))
            try report(undeclared(e, in: context, parameters: parameters), field, what: "the definition of `\(name)`")
        }
        for spec in file.claims {
            for key in ["computed", "correction"] {
                guard let field = spec[key], let e = try? context.expression(field) else { continue }
                try report(undeclared(e, in: context), field, what: "`\(key):`")
            }
        }
    }
}
