import Foundation
import Symbolic
import Grassmann

/// The declared model of one derivation file: the ```modes (the Hilbert space), and the typed
/// definitions of the ```define blocks (operators, superoperators, states, records, indexed
/// definitions). Scalar definitions live in the scalar `ParseContext` as before.
struct ModelEnvironment: @unchecked Sendable {
    var space: ModeSpace?
    var families: [String: ModeFamily] = [:]
    /// Where the ```modes block is (for errors about the space).
    var modesLocation: SourceLocation?
    var values: [String: ModelValue] = [:]
    var indexed: [String: [IndexedDefinition]] = [:]
    let cache = ModelCache()

    /// True when nothing beyond scalars is declared (a file of the scalar language only).
    var isEmpty: Bool { families.isEmpty && values.isEmpty && indexed.isEmpty }

    /// One case of an indexed definition: `n[s] = d[s]'*d[s]` (s a variable) or `S[1] = ket()`
    /// (a literal index value).
    struct IndexedDefinition: Sendable {
        var parameters: [ModelNode]
        var body: ModelNode
        var text: String
        var location: SourceLocation
    }
}

/// Memo of evaluated fields (a field is evaluated when the file is validated and again when the
/// claim runs; an effective generator costs seconds).
final class ModelCache: @unchecked Sendable {
    private var values: [String: ModelValue] = [:]
    /// The certificates recorded while each cached value was made, replayed to every claim using it.
    private var certificates: [String: [OperationCertificate]] = [:]
    private var methods: [String: (ProjectionMethod<Expr>, Int)] = [:]
    private let lock = NSLock()

    /// The projection method (exact eigenbasis of ℒ0 and slow partition) stored under `key`.
    func method(_ key: String) -> (ProjectionMethod<Expr>, Int)? { lock.lock(); defer { lock.unlock() }; return methods[key] }
    func store(method: (ProjectionMethod<Expr>, Int), _ key: String) { lock.lock(); methods[key] = method; lock.unlock() }
    func value(_ key: String, _ make: () throws -> ModelValue) throws -> ModelValue {
        lock.lock()
        if let v = values[key] {
            let made = certificates[key] ?? []
            lock.unlock()
            for c in made { try OperationLedger.submit(c) }
            return v
        }
        lock.unlock()
        let ledger = OperationLedger()
        let v = try OperationLedger.$current.withValue(ledger) { try make() }
        lock.lock()
        values[key] = v
        certificates[key] = ledger.certificates
        lock.unlock()
        for c in ledger.certificates { try OperationLedger.submit(c) }
        return v
    }
}

/// Reads a ```modes block (docs/ARCHITECTURE.md, "The derivation language"): one family a line,
///
///     d[s]: fermion   s in {up, dn}
///     c[k, s]: fermion   k in 0..1, s in {up, dn}
///     b: boson   cutoff 6
///     q: qubit
///
/// Families are ordered as declared; that order is the Jordan–Wigner order of the fermions.
enum ModesBlock {
    static func family(_ line: Located<String>) throws -> ModeFamily {
        var text = line.value
        if let hash = text.range(of: " #") { text = String(text[..<hash.lowerBound]) }
        func at(_ offset: Int) -> SourceLocation {
            SourceLocation(file: line.location.file, line: line.location.line, column: line.location.column + offset)
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw DerivationError(line.location, "expected `name[indices]: kind …` in the ```modes block",
                                  fix: "write e.g. `d[s]: fermion  s in {up, dn}`, `b: boson  cutoff 6` or `q: qubit`")
        }
        let head = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        let tail = String(text[text.index(after: colon)...])
        let tailOffset = text.distance(from: text.startIndex, to: colon) + 1
        // The head: name or name[i, j].
        var name = head, indexNames: [String] = []
        if let open = head.firstIndex(of: "[") {
            guard head.hasSuffix("]") else {
                throw DerivationError(line.location, "unclosed `[` in `\(head)`", fix: "write `\(head)]`")
            }
            name = String(head[..<open]).trimmingCharacters(in: .whitespaces)
            indexNames = head[head.index(after: open)..<head.index(before: head.endIndex)]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if indexNames.contains(where: { $0.isEmpty }) || indexNames.isEmpty {
                throw DerivationError(line.location, "empty index name in `\(head)`", fix: "write `\(name)[s]` or drop the brackets")
            }
        }
        guard isIdentifier(name) else {
            throw DerivationError(line.location, "`\(name)` is not a valid mode name", fix: "use letters, digits and `_`, starting with a letter")
        }
        if ParseContext.isReserved(name) {
            throw DerivationError(line.location, "`\(name)` is a built-in name and cannot name a mode", fix: "choose another name")
        }
        // The tail: kind, then `cutoff N` or `x in set` clauses.
        let words = tail.trimmingCharacters(in: .whitespaces)
        let kindWord = words.prefix { !$0.isWhitespace && $0 != "," }
        var rest = String(words.dropFirst(kindWord.count)).trimmingCharacters(in: .whitespaces)
        var kind: ModeKind
        switch kindWord {
        case "fermion": kind = .fermion
        case "qubit", "spin": kind = .qubit
        case "boson":
            guard rest.hasPrefix("cutoff") else {
                throw DerivationError(at(tailOffset), "a boson needs a cutoff: `\(head): boson  cutoff N` keeps occupations 0…N",
                                      fix: "add `cutoff 6` (or the truncation your claims need)")
            }
            let numberText = rest.dropFirst("cutoff".count).drop { $0.isWhitespace }.prefix { !$0.isWhitespace && $0 != "," }
            guard let n = Int(numberText.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw DerivationError(at(tailOffset), "the cutoff must be a positive integer, got `\(numberText)`", fix: "write e.g. `cutoff 6`")
            }
            kind = .boson(cutoff: n)
            rest = String(rest.dropFirst("cutoff".count).drop { $0.isWhitespace }.dropFirst(numberText.count))
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        default:
            let near = DerivationReader.nearest(String(kindWord), in: ["fermion", "boson", "qubit"]).map { "did you mean `\($0)`? " } ?? ""
            throw DerivationError(at(tailOffset), "unknown mode kind `\(kindWord)`", fix: near + "use fermion, boson (with `cutoff N`) or qubit")
        }
        // Index clauses `s in {up, dn}`, `k in 0..3`, separated by commas outside braces.
        var sets: [String: [IndexValue]] = [:]
        for clause in splitOutsideBraces(rest) where !clause.isEmpty {
            let parts = clause.components(separatedBy: " in ")
            guard parts.count == 2 else {
                throw DerivationError(line.location, "expected `index in {values}` or `index in a..b`, got `\(clause)`",
                                      fix: "write e.g. `s in {up, dn}` or `k in 0..3`")
            }
            let index = parts[0].trimmingCharacters(in: .whitespaces)
            let set = parts[1].trimmingCharacters(in: .whitespaces)
            guard indexNames.contains(index) else {
                throw DerivationError(line.location, "`\(index)` is not an index of `\(head)`", fix: "declare it in the brackets: `\(name)[\((indexNames + [index]).joined(separator: ", "))]`")
            }
            sets[index] = try values(of: set, line: line)
        }
        var indices: [ModeFamily.Index] = []
        for index in indexNames {
            guard let v = sets[index] else {
                throw DerivationError(line.location, "the index `\(index)` of `\(head)` has no set of values",
                                      fix: "add `\(index) in {…}` or `\(index) in 0..n` after the kind")
            }
            indices.append(ModeFamily.Index(name: index, values: v))
        }
        return ModeFamily(name: name, indices: indices, kind: kind)
    }

    static func values(of set: String, line: Located<String>) throws -> [IndexValue] {
        if set.hasPrefix("{"), set.hasSuffix("}") {
            let items = set.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var out: [IndexValue] = []
            for item in items {
                let v: IndexValue = Int(item).map { .integer($0) } ?? .label(item)
                if case .label(let l) = v, !isIdentifier(l) {
                    throw DerivationError(line.location, "`\(item)` is not a valid index value", fix: "use names (`up`) or integers (`0`)")
                }
                if out.contains(v) { throw DerivationError(line.location, "`\(item)` appears twice in `\(set)`", fix: "remove one") }
                out.append(v)
            }
            if out.isEmpty { throw DerivationError(line.location, "the set `\(set)` is empty", fix: "list at least one value") }
            return out
        }
        let bounds = set.components(separatedBy: "..")
        if bounds.count == 2, let lo = Int(bounds[0].trimmingCharacters(in: .whitespaces)), let hi = Int(bounds[1].trimmingCharacters(in: .whitespaces)), lo <= hi {
            return (lo...hi).map { .integer($0) }
        }
        throw DerivationError(line.location, "cannot read the index set `\(set)`", fix: "write `{up, dn}` or `0..3` (with lower ≤ upper)")
    }

    static func splitOutsideBraces(_ s: String) -> [String] {
        var out: [String] = [], current = "", depth = 0
        for ch in s {
            if ch == "{" { depth += 1 } else if ch == "}" { depth -= 1 }
            if ch == ",", depth == 0 { out.append(current.trimmingCharacters(in: .whitespaces)); current = "" } else { current.append(ch) }
        }
        out.append(current.trimmingCharacters(in: .whitespaces))
        return out
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let f = s.first, f.isLetter || f == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
