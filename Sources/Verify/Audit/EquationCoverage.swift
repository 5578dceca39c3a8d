import Foundation
import Symbolic

/// Which of a paper's numbered equations the claims of a derivation folder test (issue 17).
///
/// The inventory is the `labels:` front matter of the folder's files (the union over files, in
/// order); a label is *tested* when some claim lists it under `equations:` — a sub-label counts for
/// its parent when only the parent is in the inventory (a claim on NC(8a) tests NC(8)) — and *used*
/// when a claim only takes it as an input (`uses:`). Verdicts are the claims' expected ones, which
/// `swift test` and the audit hold equal to the computed ones; `referee coverage` needs no run.
public struct EquationCoverage: Sendable {
    /// A claim as coverage sees it.
    public struct Citation: Sendable {
        public var id: String
        public var file: String
        public var line: Int
        public var check: String
        public var expected: VerdictKind
        public var computed: String?
    }

    /// One label of the inventory with the claims that test it and those that use it.
    public struct Entry: Sendable {
        public var label: EquationLabel
        public var tested: [Citation]
        public var used: [Citation]
    }

    public var schemes: [String]
    public var entries: [Entry]
    /// Labels claims cite that the inventory does not list (a typo, or an inventory to extend).
    public var outside: [(label: EquationLabel, by: [Citation])]
    /// Claims read, in all files.
    public var claimCount: Int

    /// Tested and total labels of one scheme.
    public func counts(_ scheme: String) -> (tested: Int, total: Int) {
        let mine = entries.filter { $0.label.scheme == scheme }
        return (mine.filter { !$0.tested.isEmpty }.count, mine.count)
    }

    /// Reads the derivation files under `paths` (their claims only: nothing is evaluated).
    public static func measure(paths: [String], engine: Engine = .standard) throws -> EquationCoverage {
        var inventory: [(String, [String])] = []
        var claims: [Claim] = []
        for path in try AuditRunner.derivationFiles(in: paths) {
            let file = try DerivationReader.read(path: path)
            for scheme in file.numbering.schemes {
                guard let list = file.numbering.labels[scheme] else { continue }
                if let k = inventory.firstIndex(where: { $0.0 == scheme }) {
                    inventory[k].1 += list.filter { !inventory[k].1.contains($0) }
                } else {
                    inventory.append((scheme, list))
                }
            }
            for spec in file.claims {
                claims.append(try Claim(spec, knownChecks: engine.checks, defaultDigits: 30, defaultSeed: 1, numbering: file.numbering))
            }
        }
        var index: [EquationLabel: Int] = [:]
        var entries: [Entry] = []
        for (scheme, list) in inventory {
            for number in list {
                let label = EquationLabel(scheme: scheme, number: number)
                index[label] = entries.count
                entries.append(Entry(label: label, tested: [], used: []))
            }
        }
        var outside: [EquationLabel: [Citation]] = [:]
        var outsideOrder: [EquationLabel] = []
        func slot(_ label: EquationLabel) -> Int? {
            if let k = index[label] { return k }
            // NC(8a) counts for NC(8) when only the parent is listed.
            guard let n = label.number else { return nil }
            let parent = String(n.reversed().drop { $0.isLetter && $0.isLowercase }.reversed())
            return parent == n ? nil : index[EquationLabel(scheme: label.scheme, number: parent)]
        }
        for claim in claims {
            let c = Citation(id: claim.id, file: claim.file, line: claim.line, check: claim.check, expected: claim.expected,
                             computed: claim.computed?.value)
            for label in claim.equations where label.number != nil {
                if let k = slot(label) {
                    if !entries[k].tested.contains(where: { $0.id == c.id }) { entries[k].tested.append(c) }
                } else if !inventory.isEmpty, inventory.contains(where: { $0.0 == label.scheme }) {
                    if outside[label] == nil { outsideOrder.append(label) }
                    outside[label, default: []].append(c)
                }
            }
            for label in claim.uses {
                if let k = slot(label), !entries[k].used.contains(where: { $0.id == c.id }) { entries[k].used.append(c) }
            }
        }
        return EquationCoverage(schemes: inventory.map(\.0), entries: entries,
                                outside: outsideOrder.map { ($0, outside[$0]!) }, claimCount: claims.count)
    }

    /// The claims citing `label` (tested or used), for `referee where`.
    public func citations(of label: EquationLabel) -> Entry? {
        entries.first { $0.label == label }
    }
}

extension EquationLabel {
    public init(scheme: String, number: String?) {
        self.scheme = scheme
        self.number = number
    }
}
