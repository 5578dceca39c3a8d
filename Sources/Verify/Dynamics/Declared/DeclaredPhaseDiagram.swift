import Foundation
import Plot

/// The phase diagram of a declared system over any two of its parameters: on a columns × rows grid of cell
/// centres, the long-time state (`DeclaredSimulation`) from the seeded random initial condition
/// `seed + index` (index = row·columns + column), so that every point is reproducible on its own and the
/// result does not depend on the number of threads. CSV and a figure (PNG, PDF, SVG via `Plot`).
public struct DeclaredPhaseDiagram: Sendable {
    public var system: DeclaredSystem
    /// Values of the other parameters (the block's `values:` are the defaults).
    public var values: [String: Double]
    public var x: String
    public var xRange: ClosedRange<Double>
    public var y: String
    public var yRange: ClosedRange<Double>
    public var columns: Int
    public var rows: Int
    public var seed: UInt64
    public var simulation = DeclaredSimulation()

    public init(system: DeclaredSystem, values: [String: Double], x: String, xRange: ClosedRange<Double>, y: String,
                yRange: ClosedRange<Double>, columns: Int, rows: Int, seed: UInt64 = 1) {
        self.system = system; self.values = values
        self.x = x; self.xRange = xRange; self.y = y; self.yRange = yRange
        self.columns = columns; self.rows = rows; self.seed = seed
    }

    public var count: Int { columns * rows }
    public func xValue(column c: Int) -> Double { xRange.lowerBound + (Double(c) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound) }
    public func yValue(row w: Int) -> Double { yRange.lowerBound + (Double(w) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound) }

    /// The field at point `index`.
    public func field(at index: Int) throws -> DeclaredField {
        var v = values
        v[x] = xValue(column: index % columns)
        v[y] = yValue(row: index / columns)
        return try DeclaredField(system, values: v)
    }

    /// The long-time state at point `index`.
    public func state(at index: Int) throws -> LongTimeState {
        try simulation.run(try field(at: index), from: DeclaredSimulation.randomInitialCondition(system, seed: seed &+ UInt64(index)))
    }

    /// The states at `indices` with `threads` workers (0: one per core), dynamically scheduled (each worker
    /// claims the next point), returned in the order of `indices`.
    public func run(indices: [Int], threads: Int = 0, progress: (@Sendable (Int) -> Void)? = nil) throws -> [LongTimeState] {
        try Self.parallel(count: indices.count, threads: threads, progress: progress) { try state(at: indices[$0]) }
    }

    /// `body(k)` for k in 0..<count on `threads` workers with a shared claim counter; results in order.
    public static func parallel<T: Sendable>(count: Int, threads: Int, progress: (@Sendable (Int) -> Void)?,
                                             _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let workers = max(1, min(threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount, max(count, 1)))
        let slots = ParallelSlots<Result<T, any Error>>(count: count)
        let counter = ClaimCounter(count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let k = counter.next() {
                let done = slots.set(k, Result { try body(k) })
                progress?(done)
            }
        }
        return try slots.values.map { try $0.get() }
    }

    /// CSV: a `# system … x=… y=… seed=…` line, a header, one row per point.
    public func csv(_ indices: [Int], _ states: [LongTimeState]) -> String {
        func g(_ v: Double) -> String { String(format: "%.17g", v) }
        let others = system.parameters.filter { $0.name != x && $0.name != y }.compactMap { p in values[p.name].map { "\(p.name)=\(g($0))" } }
        var lines = ["# system \(system.name) grid \(columns)x\(rows) \(x)=\(g(xRange.lowerBound)):\(g(xRange.upperBound)) \(y)=\(g(yRange.lowerBound)):\(g(yRange.upperBound)) \(others.joined(separator: " ")) seed=\(seed)",
                     (["index", x, y, "phase", "motion", "omega", "time", "seed"] + system.state.map(\.name)).joined(separator: ",")]
        for (i, s) in zip(indices, states).sorted(by: { $0.0 < $1.0 }) {
            lines.append(([String(i), g(xValue(column: i % columns)), g(yValue(row: i / columns)), s.label, s.motion.rawValue, g(s.omega), g(s.time),
                           String(seed &+ UInt64(i))] + s.y.map(g)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Colours of the phases, in declaration order (then fixed, rotating; unsettled black).
    public func palette() -> [(String, Colour)] {
        let colours = [Colour(bytes: 70, 110, 220), Colour(bytes: 220, 70, 70), Colour(bytes: 60, 210, 220), Colour(bytes: 120, 190, 90),
                       Colour(bytes: 230, 160, 60), Colour(bytes: 160, 100, 200), Colour(bytes: 150, 150, 150), Colour(bytes: 210, 210, 210)]
        var names = system.phases.map(\.name).filter { $0 != "unsettled" }
        for extra in ["fixed", "rotating"] where !names.contains(extra) { names.append(extra) }
        return names.enumerated().map { ($1, colours[$0 % colours.count]) } + [("unsettled", Colour(bytes: 0, 0, 0))]
    }

    /// The figure: one cell per point coloured by its phase, a legend and a caption saying how the cells were computed.
    public func figure(_ indices: [Int], _ states: [LongTimeState]) -> Figure {
        let palette = Dictionary(palette(), uniquingKeysWith: { a, _ in a })
        var colours = [Colour](repeating: .white, count: count)
        var seen = Set<String>()
        for (i, s) in zip(indices, states) where i < count { colours[i] = palette[s.label] ?? .black; seen.insert(s.label) }
        let legend = self.palette().filter { seen.contains($0.0) }.map { LegendEntry(.swatch($0.1), RichText($0.0)) }
        let panel = Panel(x: Axis(RichText(x), range: xRange), y: Axis(RichText(y), range: yRange),
                          cells: CellMap(columns: columns, rows: rows, colours: colours), series: [], legend: legend)
        let caption = RichText("Phase diagram of the declared system \(system.name) on a \(columns) × \(rows) grid over (\(x), \(y)). Each cell: the long-time state from a seeded random initial condition (seed \(seed) + index), integrated with DOP853 (rtol 10^{-10}) until its invariants settled, classified as fixed point, rotating state or unsettled and by the system's declared phases.\(count - indices.count > 0 ? " \(count - indices.count) cells not computed (white)." : "")")
        let side = max(columns, rows)
        let cell = max(1.0, (500.0 / Double(side)).rounded(.down))
        return Figure(panels: [panel], caption: caption, plotWidth: cell * Double(columns), plotHeight: cell * Double(rows))
    }
}

/// Hands out 0..<count once each to concurrent workers.
final class ClaimCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    init(_ count: Int) { self.count = count }
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}
