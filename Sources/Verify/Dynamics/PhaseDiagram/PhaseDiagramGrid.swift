import Foundation

/// A rectangular grid over (r = γ_B/(α_B|g_B|), j_AB) for the phase diagram of NC(8) (NC Fig. 1c).
/// Columns run over r, rows over j_AB; the point (column c, row w) has index w·columns + c.
public struct PhaseDiagramGrid: Sendable, Codable, Equatable {
    public var columns: Int
    public var rows: Int
    public var ratioRange: ClosedRange<Double>
    public var couplingRange: ClosedRange<Double>
    /// The other inputs (j_AB and γ_B are overwritten per point).
    public var parameters: BilayerParameters
    /// Base seed; the point with index i starts from `randomInitialCondition(seed: seed &+ i)`, so every
    /// point is reproducible on its own and a sharded run equals a serial one.
    public var seed: UInt64

    public init(columns: Int, rows: Int, ratioRange: ClosedRange<Double> = 0...2.5, couplingRange: ClosedRange<Double> = 0...10,
                parameters: BilayerParameters = .figureCaption, seed: UInt64 = 1) {
        self.columns = columns; self.rows = rows
        self.ratioRange = ratioRange; self.couplingRange = couplingRange
        self.parameters = parameters; self.seed = seed
    }

    public var count: Int { columns * rows }

    /// r at column c (cell centres).
    public func ratio(column c: Int) -> Double {
        ratioRange.lowerBound + (Double(c) + 0.5) / Double(columns) * (ratioRange.upperBound - ratioRange.lowerBound)
    }
    /// j_AB at row w (cell centres).
    public func coupling(row w: Int) -> Double {
        couplingRange.lowerBound + (Double(w) + 0.5) / Double(rows) * (couplingRange.upperBound - couplingRange.lowerBound)
    }

    /// Parameters at a point.
    public func parameters(at index: Int) -> BilayerParameters {
        var p = parameters
        p.jAB = coupling(row: index / columns)
        return p.with(gammaRatio: ratio(column: index % columns))
    }

    /// The indices of shard k of n (1-based k), interleaved so that shards have equal work.
    public func indices(shard k: Int, of n: Int) -> [Int] {
        Array(stride(from: k - 1, to: count, by: n))
    }

    /// A one-line description written at the top of every CSV; shards merge only when it matches.
    public var signature: String {
        "grid \(columns)x\(rows) ratio=\(ratioRange.lowerBound):\(ratioRange.upperBound) jAB=\(couplingRange.lowerBound):\(couplingRange.upperBound) jAA=\(parameters.jAA) jBB=\(parameters.jBB) alphaA=\(parameters.alphaA) alphaB=\(parameters.alphaB) gB=\(parameters.gB) n=\(parameters.filling) T=\(parameters.temperature) seed=\(seed)"
    }
}

/// One computed point of the phase diagram.
public struct PhaseDiagramPoint: Sendable, Codable, Equatable {
    public var index: Int
    public var ratio: Double
    public var coupling: Double
    public var state: BilayerState
}

/// Sweep NC(8) over a grid, in parallel on all cores; the result does not depend on the number of
/// threads (each point is independent and seeded by its index).
public struct PhaseDiagramSweep: Sendable {
    public var grid: PhaseDiagramGrid
    public var simulation = BilayerSimulation()
    /// NC(8) as declared in a derivation file (derivations/dynamics.md, system `bilayer`): when set, every
    /// point is computed from the declared system (`DeclaredSimulation`); nil runs the compiled
    /// `BilayerMeanField` (the benchmark reference and independent cross-check).
    public var declared: DeclaredSystem? = nil
    public var declaredSimulation = DeclaredSimulation()

    public init(grid: PhaseDiagramGrid) { self.grid = grid }

    /// Compute the points with the given indices using `threads` workers (0 = one per core).
    /// `progress` is called (from any thread, serialised) with the number of points done.
    ///
    /// Load balance: the cost of a point varies by an order of magnitude (slow relaxation near the phase
    /// boundaries), so points are not dealt out in fixed chunks; each worker claims the next unclaimed point
    /// from a shared counter when it is free (dynamic scheduling, chunk size 1: the claim is one locked
    /// increment, negligible next to an ODE solve). The result does not depend on the order of claims.
    public func run(indices: [Int], threads: Int = 0,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> [PhaseDiagramPoint] {
        let workers = max(1, min(threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount, indices.count))
        let results = SweepResults(count: indices.count)
        let sweep = self
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = results.claim() {
                let i = indices[k]
                let p = sweep.grid.parameters(at: i)
                let outcome: Result<PhaseDiagramPoint, any Error> = Result {
                    let state: BilayerState
                    if let system = sweep.declared {
                        let field = try DeclaredField(system, values: p.declaredValues)
                        state = BilayerState(try sweep.declaredSimulation.run(field, from: DeclaredSimulation.randomInitialCondition(system, seed: sweep.grid.seed &+ UInt64(i))))
                    } else {
                        state = try sweep.simulation.run(BilayerMeanField(p),
                                                         from: BilayerSimulation.randomInitialCondition(seed: sweep.grid.seed &+ UInt64(i)))
                    }
                    return PhaseDiagramPoint(index: i, ratio: sweep.grid.ratio(column: i % sweep.grid.columns),
                                             coupling: sweep.grid.coupling(row: i / sweep.grid.columns), state: state)
                }
                let done = results.set(k, outcome)
                progress?(done)
            }
        }
        return try results.values().map { try $0.get() }
    }
}

/// Thread-safe work queue and result storage of a sweep (one lock; contention is negligible next to an ODE solve):
/// `claim()` hands out the slots 0..<count once each, `set` stores a result and returns the number done.
final class SweepResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<PhaseDiagramPoint, any Error>?]
    private var nextSlot = 0
    private var done = 0
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    /// The next unclaimed slot, or nil when all are taken.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextSlot < storage.count else { return nil }
        nextSlot += 1
        return nextSlot - 1
    }
    /// Store the result of slot k; returns how many slots are done.
    func set(_ k: Int, _ value: Result<PhaseDiagramPoint, any Error>) -> Int {
        lock.lock(); defer { lock.unlock() }
        storage[k] = value
        done += 1
        return done
    }
    func values() -> [Result<PhaseDiagramPoint, any Error>] {
        lock.lock(); defer { lock.unlock() }
        return storage.map { $0! }
    }
}

extension PhaseDiagramGrid {
    /// Rebuild a grid from its `signature` (as written at the top of every CSV); nil if malformed.
    public init?(signature: String) {
        var fields: [String: String] = [:]
        var size: (Int, Int)? = nil
        for token in signature.split(separator: " ") {
            if token.contains("=") {
                let kv = token.split(separator: "=", maxSplits: 1).map(String.init)
                fields[kv[0]] = kv[1]
            } else if token.contains("x") {
                let parts = token.split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { size = (parts[0], parts[1]) }
            }
        }
        func range(_ key: String) -> ClosedRange<Double>? {
            guard let v = fields[key] else { return nil }
            let parts = v.split(separator: ":").compactMap { Double($0) }
            return parts.count == 2 && parts[0] <= parts[1] ? parts[0]...parts[1] : nil
        }
        func number(_ key: String) -> Double? { fields[key].flatMap(Double.init) }
        guard let size, let r = range("ratio"), let j = range("jAB"), let jAA = number("jAA"), let jBB = number("jBB"),
              let aA = number("alphaA"), let aB = number("alphaB"), let gB = number("gB"), let n = number("n"),
              let t = number("T"), let seed = fields["seed"].flatMap(UInt64.init) else { return nil }
        let p = BilayerParameters(jAA: jAA, jBB: jBB, jAB: 0, alphaA: aA, alphaB: aB, gB: gB, filling: n, temperature: t, gammaB: 0)
        self.init(columns: size.0, rows: size.1, ratioRange: r, couplingRange: j, parameters: p, seed: seed)
    }
}

extension BilayerParameters {
    /// The parameter values of the declared NC(8) (derivations/dynamics.md, system `bilayer`): j_AA, j_BB, j_AB,
    /// alpha_A, alpha_B, g_B, n, T and r = γ_B/(α_B|g_B|).
    public var declaredValues: [String: Double] {
        ["j_AA": jAA, "j_BB": jBB, "j_AB": jAB, "alpha_A": alphaA, "alpha_B": alphaB, "g_B": gB, "n": filling, "T": temperature, "r": gammaRatio]
    }
}

extension BilayerState {
    /// The long-time state of a declared system with two 2-vector variables (m_A, m_B first) in the form of NC(8)'s:
    /// the phase by the declared phase name (unsettled when it names no `BilayerPhase`), Δφ, |m_A|, |m_B|, ω.
    public init(_ s: LongTimeState) {
        let y = s.y
        let mA = (y[0] * y[0] + y[1] * y[1]).squareRoot(), mB = (y[2] * y[2] + y[3] * y[3]).squareRoot()
        var deltaPhi = atan2(y[1], y[0]) - atan2(y[3], y[2])
        if deltaPhi > Double.pi { deltaPhi -= 2 * Double.pi }
        if deltaPhi <= -Double.pi { deltaPhi += 2 * Double.pi }
        self.init(phase: s.phase.flatMap(BilayerPhase.init(rawValue:)) ?? .unsettled, deltaPhi: deltaPhi, mA: mA, mB: mB,
                  omega: s.omega, time: s.time, residual: s.residual, y: y)
    }
}
