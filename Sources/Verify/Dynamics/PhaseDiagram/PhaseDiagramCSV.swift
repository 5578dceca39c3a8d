import Foundation

/// CSV form of a (possibly partial) phase diagram: a `# <grid signature>` line, a header, one row per point
/// sorted by index. Numbers are written with 17 significant digits so that merging is lossless.
public enum PhaseDiagramCSV {
    public static let header = "index,gamma_ratio,jAB,phase,delta_phi,mA,mB,omega,time,seed"

    public static func render(_ grid: PhaseDiagramGrid, _ points: [PhaseDiagramPoint]) -> String {
        var lines = ["# " + grid.signature, header]
        for p in points.sorted(by: { $0.index < $1.index }) {
            let s = p.state
            lines.append([String(p.index), g(p.ratio), g(p.coupling), s.phase.rawValue, g(s.deltaPhi), g(s.mA), g(s.mB),
                          g(s.omega), g(s.time), String(grid.seed &+ UInt64(p.index))].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func g(_ x: Double) -> String { String(format: "%.17g", x) }

    /// Errors reading shard files: which file and line, and the fix.
    public struct ReadError: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let message: String
        public let fix: String
        public var description: String { "\(file):\(line): \(message) — \(fix)" }
    }

    /// Parse a CSV written by `render`: its signature and points.
    public static func parse(_ text: String, file: String) throws -> (signature: String, points: [PhaseDiagramPoint]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.count >= 2, lines[0].hasPrefix("# grid "), lines[1] == header else {
            throw ReadError(file: file, line: 1, message: "not a phase-diagram CSV", fix: "pass files written by `referee phase-diagram`")
        }
        var points: [PhaseDiagramPoint] = []
        for (k, line) in lines.dropFirst(2).enumerated() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 10, let index = Int(f[0]), let r = Double(f[1]), let j = Double(f[2]),
                  let phase = BilayerPhase(rawValue: f[3]), let dphi = Double(f[4]), let mA = Double(f[5]),
                  let mB = Double(f[6]), let omega = Double(f[7]), let time = Double(f[8]) else {
                throw ReadError(file: file, line: k + 3, message: "malformed row", fix: "the file was edited or truncated: recompute the shard")
            }
            points.append(PhaseDiagramPoint(index: index, ratio: r, coupling: j,
                                            state: BilayerState(phase: phase, deltaPhi: dphi, mA: mA, mB: mB, omega: omega,
                                                                time: time, residual: 0, y: [])))
        }
        return (String(lines[0].dropFirst(2)), points)
    }

    /// Merge shards: signatures must agree, indices must not repeat; returns the union sorted by index
    /// and the list of missing indices (empty when the grid is complete).
    public static func merge(_ files: [(name: String, text: String)], expectedCount: Int? = nil) throws
        -> (signature: String, points: [PhaseDiagramPoint], missing: [Int]) {
        var signature: String? = nil
        var byIndex: [Int: PhaseDiagramPoint] = [:]
        for (name, text) in files {
            let (sig, points) = try parse(text, file: name)
            if let s = signature, s != sig {
                throw ReadError(file: name, line: 1, message: "grid differs from the other shards (\(sig) vs \(s))",
                                fix: "merge only shards of the same `referee phase-diagram` run")
            }
            signature = sig
            for p in points {
                if byIndex[p.index] != nil {
                    throw ReadError(file: name, line: 0, message: "point \(p.index) appears in two shards", fix: "pass each shard once")
                }
                byIndex[p.index] = p
            }
        }
        let sig = signature ?? ""
        let count = expectedCount ?? gridCount(sig) ?? (byIndex.keys.max().map { $0 + 1 } ?? 0)
        let missing = (0..<count).filter { byIndex[$0] == nil }
        return (sig, byIndex.values.sorted { $0.index < $1.index }, missing)
    }

    /// N·M from a signature `grid NxM …`.
    public static func gridCount(_ signature: String) -> Int? {
        guard let word = signature.split(separator: " ").dropFirst().first else { return nil }
        let parts = word.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * parts[1] : nil
    }
}
