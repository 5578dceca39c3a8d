import Foundation

/// What an observer wants after an accepted step.
public enum StepDecision: Sendable { case proceed, stop }

/// A scalar event function g(t, y); an event is a sign change of g across a step, located on the
/// dense output to `eventTolerance` in t.
public struct Event: Sendable {
    public let g: @Sendable (Double, [Double]) -> Double
    /// Stop the integration at the first occurrence.
    public let terminal: Bool
    public init(terminal: Bool = false, _ g: @escaping @Sendable (Double, [Double]) -> Double) {
        self.g = g
        self.terminal = terminal
    }
}

/// One located event: index into the `events` array, time and state.
public struct EventHit: Sendable {
    public let index: Int
    public let t: Double
    public let y: [Double]
}

/// Counters of one integration.
public struct IntegrationStatistics: Sendable, Equatable {
    public var acceptedSteps = 0
    public var rejectedSteps = 0
    public var evaluations = 0
}

/// The end of an integration: the state reached, whether an observer or terminal event stopped it.
public struct IntegrationResult: Sendable {
    public let t: Double
    public let y: [Double]
    public let stoppedEarly: Bool
    public let events: [EventHit]
    public let statistics: IntegrationStatistics
}

/// Adaptive explicit Runge–Kutta integrator (DOPRI5 or DOP853) in Double with dense output,
/// step-size control by the standard controller h ← h · min(10, max(0.2, 0.9 · err^(−1/(q+1)))),
/// Hairer's initial-step heuristic, event location and an observer called after every accepted step
/// (for convergence tests: stop when the state has settled).
///
/// The object owns its work arrays; create one per thread (it is not `Sendable`).
/// Integration runs forward in time (t₁ > t₀).
public final class AdaptiveRungeKutta<Field: VectorField> {
    public let field: Field
    public let pair: RungeKuttaPair
    public let tolerances: Tolerances
    public var maxStep: Double
    public var maxSteps: Int
    public var initialStep: Double?

    // State of the current step, valid inside an observer callback.
    /// Start of the last accepted step.
    public private(set) var tPrevious: Double = 0
    /// End of the last accepted step.
    public private(set) var t: Double = 0
    /// State at `t`.
    public private(set) var y: [Double] = []
    private var yPrevious: [Double] = []
    /// f(t, y) at the end of the last accepted step (FSAL stage; free to read inside an observer).
    public var derivative: [Double] { Array(k[0..<n]) }
    /// Calls `body` with f(t, y) at the end of the last accepted step as a slice indexed 0..<n of the stage
    /// storage, read in place (no array is allocated per step, unlike `derivative`).
    public func withDerivative<R>(_ body: (ArraySlice<Double>) -> R) -> R { body(k[0..<n]) }
    private var hPrevious: Double = 0

    private let n: Int
    /// Stage derivatives, flat row-major: row r (stage r; extended: 16 rows for DOP853, 7 for DOPRI5) is
    /// k[r·n ..< (r+1)·n]. One flat array (not an array of rows) keeps the inner loops free of retains.
    private var k: [Double]
    /// Scratch row that f(t, y) is written into before it is copied into `k` (array-form evaluations).
    private var fScratch: [Double]
    /// Work arrays of the field's raw-storage evaluation (used only by fields without their own).
    private var scratch: VectorFieldScratch
    private var yStage: [Double]
    /// The pair's coefficients, copied once and read in the inner loops without re-dispatching on the pair:
    /// the nonzero a_ij of each stage i in order of j (DOP853's tableau is about half zeros) — stage i's entries
    /// are `aNonzero[aStart[i] ..< aStart[i + 1]]`, their columns j in `aColumn` —, b_i, c_i and the error
    /// weights (DOPRI5: e; DOP853: e5, e3).
    private let aNonzero: [Double]
    private let aColumn: [Int]
    private let aStart: [Int]
    private let bTable: [Double]
    private let cTable: [Double]
    private let errorTables: [[Double]]
    private var yNew: [Double]
    private var statistics = IntegrationStatistics()
    private var extraStagesValid = false

    public init(field: Field, pair: RungeKuttaPair = .dop853,
                tolerances: Tolerances = Tolerances(relative: 1e-10, absolute: 1e-12),
                maxStep: Double = .infinity, maxSteps: Int = 50_000_000, initialStep: Double? = nil) {
        self.field = field
        self.pair = pair
        self.tolerances = tolerances
        self.maxStep = maxStep
        self.maxSteps = maxSteps
        self.initialStep = initialStep
        n = field.dimension
        let rows = pair == .dop853 ? DOP853Tableau.extendedStages : DormandPrince54Tableau.stages + 1
        k = Array(repeating: 0, count: rows * field.dimension)
        fScratch = Array(repeating: 0, count: field.dimension)
        scratch = VectorFieldScratch(dimension: field.dimension)
        yStage = Array(repeating: 0, count: field.dimension)
        yNew = yStage
        let stages = pair.stages
        bTable = (0..<stages).map { pair.b($0) }
        var nonzero: [Double] = [], column: [Int] = [], start: [Int] = [0]
        for i in 0..<stages {
            for j in 0..<i where pair.a(i, j) != 0 { nonzero.append(pair.a(i, j)); column.append(j) }
            start.append(nonzero.count)
        }
        aNonzero = nonzero; aColumn = column; aStart = start
        cTable = (0..<stages).map { pair.c($0) }
        switch pair {
        case .dormandPrince54: errorTables = [DormandPrince54Tableau.e]
        case .dop853: errorTables = [DOP853Tableau.e5, DOP853Tableau.e3]
        }
    }

    /// Integrate from (t₀, y₀) to t₁. The observer (if any) runs after each accepted step and may stop
    /// the integration; `denseSegment()` is available inside it. Throws `IntegrationError`.
    public func integrate(_ y0: [Double], from t0: Double, to t1: Double, events: [Event] = [],
                          observer: ((AdaptiveRungeKutta<Field>) -> StepDecision)? = nil) throws -> IntegrationResult {
        try tolerances.validate()
        guard y0.count == n else { throw IntegrationError.dimensionMismatch(expected: n, got: y0.count) }
        statistics = IntegrationStatistics()
        t = t0; tPrevious = t0; y = y0; yPrevious = y0
        if t1 <= t0 {
            return IntegrationResult(t: t0, y: y0, stoppedEarly: false, events: [], statistics: statistics)
        }
        evaluate(t0, y, into: 0)
        var h = min(initialStep ?? selectInitialStep(t0: t0, t1: t1), maxStep)
        var hits: [EventHit] = []
        var gPrevious = events.map { $0.g(t0, y0) }
        let exponent = -1.0 / Double(pair.errorEstimatorOrder + 1)
        var rejectedLast = false
        while t < t1 {
            if statistics.acceptedSteps + statistics.rejectedSteps >= maxSteps {
                throw IntegrationError.tooManySteps(t: t, limit: maxSteps)
            }
            let spacing = 10 * (t.nextUp - t)
            if h < spacing { throw IntegrationError.stepSizeUnderflow(t: t) }
            var last = false
            if t + h >= t1 { h = t1 - t; last = true }
            let errorNorm = attemptStep(h: h)
            if !errorNorm.isFinite { 
                // A non-finite error means the trial step overflowed: shrink unless already tiny.
                h *= 0.2; statistics.rejectedSteps += 1; rejectedLast = true
                if h < spacing { throw IntegrationError.nonFinite(t: t) }
                continue
            }
            if errorNorm > 1 {
                h *= max(0.2, 0.9 * pow(errorNorm, exponent))
                statistics.rejectedSteps += 1
                rejectedLast = true
                continue
            }
            // accept
            statistics.acceptedSteps += 1
            tPrevious = t; hPrevious = h
            swap(&yPrevious, &y)
            swap(&y, &yNew)
            t = last ? t1 : t + h
            swapRows(0, pair.stages)            // FSAL
            // keep a copy of f(t_old) for dense output: k[stages] now holds f at the old point.
            extraStagesValid = false
            var stop = false
            if !events.isEmpty {
                for (index, event) in events.enumerated() {
                    let gNew = event.g(t, y)
                    if gPrevious[index] == 0 ? false : (gNew == 0 || (gNew < 0) != (gPrevious[index] < 0)) {
                        let hit = locate(event, index: index, gStart: gPrevious[index])
                        hits.append(hit)
                        if event.terminal { stop = true }
                    }
                    gPrevious[index] = gNew
                }
            }
            if let observer, observer(self) == .stop { stop = true }
            if stop {
                return IntegrationResult(t: t, y: y, stoppedEarly: true, events: hits, statistics: statistics)
            }
            var factor = errorNorm == 0 ? 10 : min(10, 0.9 * pow(errorNorm, exponent))
            if rejectedLast { factor = min(1, factor) }
            rejectedLast = false
            h = min(h * factor, maxStep)
        }
        return IntegrationResult(t: t, y: y, stoppedEarly: false, events: hits, statistics: statistics)
    }

    /// Integrate with `steps` equal steps and no error control (for order-of-convergence tests).
    public func integrateFixedStep(_ y0: [Double], from t0: Double, to t1: Double, steps: Int) -> [Double] {
        y = y0; t = t0
        let h = (t1 - t0) / Double(steps)
        evaluate(t0, y, into: 0)
        for s in 0..<steps {
            _ = attemptStep(h: h)
            swap(&y, &yNew)
            t = t0 + Double(s + 1) * h
            swapRows(0, pair.stages)
        }
        return y
    }

    /// Dense output of the last accepted step (valid inside an observer or after `integrate`).
    /// For DOP853 this costs three extra evaluations of f, made only on request.
    public func denseSegment() -> DenseSegment {
        let h = hPrevious
        // After acceptance k[0] = f(t, y) (new point) and k[stages] = f(tPrevious, yPrevious).
        switch pair {
        case .dormandPrince54:
            let p = DormandPrince54Tableau.p
            var coefficients = [Double](repeating: 0, count: 4 * n)
            for j in 0..<4 {
                for i in 0..<7 {
                    let weight = p[i * 4 + j]
                    if weight == 0 { continue }
                    let row = stageRow(i)
                    for m in 0..<n { coefficients[j * n + m] += h * weight * k[row * n + m] }
                }
            }
            return DenseSegment(pair: pair, tStart: tPrevious, tEnd: t, yStart: yPrevious,
                                coefficients: coefficients, rows: 4)
        case .dop853:
            let s = DOP853Tableau.stages  // 12; rows 0…12 are the step's stages with 12 = f(t_new)
            if !extraStagesValid {
                for stage in (s + 1)..<DOP853Tableau.extendedStages {
                    for m in 0..<n {
                        var sum = 0.0
                        for j in 0..<stage {
                            let a = pair.a(stage, j)
                            if a != 0 { sum += a * k[stageRow(j) * n + m] }
                        }
                        yStage[m] = yPrevious[m] + h * sum
                    }
                    evaluate(tPrevious + DOP853Tableau.c[stage] * h, yStage, into: stage)
                }
                extraStagesValid = true
            }
            var f = [Double](repeating: 0, count: 7 * n)
            let fOld = Array(k[(stageRow(0) * n)..<((stageRow(0) + 1) * n)]), fNew = Array(k[(stageRow(s) * n)..<((stageRow(s) + 1) * n)])
            for m in 0..<n {
                let dy = y[m] - yPrevious[m]
                f[m] = dy
                f[n + m] = h * fOld[m] - dy
                f[2 * n + m] = 2 * dy - h * (fNew[m] + fOld[m])
            }
            for r in 0..<4 {
                for m in 0..<n {
                    var sum = 0.0
                    for j in 0..<DOP853Tableau.extendedStages {
                        let d = DOP853Tableau.d[r * DOP853Tableau.extendedStages + j]
                        if d != 0 { sum += d * k[stageRow(j) * n + m] }
                    }
                    f[(3 + r) * n + m] = h * sum
                }
            }
            return DenseSegment(pair: pair, tStart: tPrevious, tEnd: t, yStart: yPrevious, coefficients: f, rows: 7)
        }
    }

    /// The row of `k` holding stage i of the last accepted step (rows 0 and `stages` were swapped at
    /// acceptance for FSAL).
    private func stageRow(_ i: Int) -> Int {
        if i == 0 { return pair.stages }
        if i == pair.stages { return 0 }
        return i
    }

    private func evaluate(_ time: Double, _ state: [Double], into row: Int) {
        field.evaluate(t: time, y: state, into: &fScratch)
        for m in 0..<n { k[row * n + m] = fScratch[m] }
        statistics.evaluations += 1
    }

    /// One trial step of size h from (t, y) with k[0] = f(t, y). Leaves the new state in `yNew`,
    /// f(t+h, yNew) in k[stages]; returns the scaled error norm.
    ///
    /// The work arrays are moved into locals for the step (and back at the end), and the stage loop runs on
    /// their raw storage: the field writes each stage derivative straight into its row of `k`, and the inner
    /// loops touch no stored property of the class and no array header (no exclusivity check, retain or
    /// uniqueness check per evaluation). Same operations in the same order as the indexed form.
    private func attemptStep(h: Double) -> Double {
        let s = pair.stages, n = self.n, t = self.t
        var k: [Double] = []; swap(&k, &self.k)
        var yStage: [Double] = []; swap(&yStage, &self.yStage)
        var yNew: [Double] = []; swap(&yNew, &self.yNew)
        var scratch = VectorFieldScratch(dimension: 0); swap(&scratch, &self.scratch)
        let y = self.y, b = bTable, c = cTable, tolerances = self.tolerances, field = self.field
        let a = aNonzero, column = aColumn, start = aStart
        defer { swap(&k, &self.k); swap(&yStage, &self.yStage); swap(&yNew, &self.yNew); swap(&scratch, &self.scratch) }
        precondition(k.count >= (s + 1) * n && start.count == s + 1 && a.count == start[s] && column.count == a.count
                     && b.count >= s && c.count >= s
                     && y.count == n && yStage.count == n && yNew.count == n)
        k.withUnsafeMutableBufferPointer { kBuffer in
        yStage.withUnsafeMutableBufferPointer { yStageBuffer in
        yNew.withUnsafeMutableBufferPointer { yNewBuffer in
        y.withUnsafeBufferPointer { yBuffer in
        a.withUnsafeBufferPointer { a in
        column.withUnsafeBufferPointer { column in
        b.withUnsafeBufferPointer { b in
            let k = kBuffer.baseAddress!, yStage = yStageBuffer.baseAddress!, yNew = yNewBuffer.baseAddress!
            let y = yBuffer.baseAddress!
            for stage in 1..<s {
                // Component by component, the sum Σ_j a_ij k_j in a register (not accumulated in memory,
                // which would chain every multiply-add through a store and a load); same order of additions.
                for m in 0..<n {
                    var sum = 0.0
                    for entry in start[stage]..<start[stage + 1] { sum += a[entry] * k[column[entry] * n + m] }
                    yStage[m] = y[m] + h * sum
                }
                field.evaluate(t: t + c[stage] * h, y: yStage, into: k + stage * n, scratch: &scratch)
            }
            for m in 0..<n {
                var sum = 0.0
                for j in 0..<s { sum += b[j] * k[j * n + m] }
                yNew[m] = y[m] + h * sum
            }
            field.evaluate(t: t + h, y: yNew, into: k + s * n, scratch: &scratch)
        }}}}}}}
        statistics.evaluations += s
        // error norm
        switch pair {
        case .dormandPrince54:
            let e = errorTables[0]
            var total = 0.0
            for m in 0..<n {
                var err = 0.0
                for j in 0...s { err += e[j] * k[j * n + m] }
                let scale = tolerances.absolute + tolerances.relative * max(abs(y[m]), abs(yNew[m]))
                let r = h * err / scale
                total += r * r
            }
            return (total / Double(n)).squareRoot()
        case .dop853:
            let e5Table = errorTables[0], e3Table = errorTables[1]
            var e5Squared = 0.0, e3Squared = 0.0
            for m in 0..<n {
                var e5 = 0.0, e3 = 0.0
                for j in 0...s {
                    e5 += e5Table[j] * k[j * n + m]
                    e3 += e3Table[j] * k[j * n + m]
                }
                let scale = tolerances.absolute + tolerances.relative * max(abs(y[m]), abs(yNew[m]))
                e5Squared += (e5 / scale) * (e5 / scale)
                e3Squared += (e3 / scale) * (e3 / scale)
            }
            if e5Squared == 0 && e3Squared == 0 { return 0 }
            return abs(h) * e5Squared / ((e5Squared + 0.01 * e3Squared) * Double(n)).squareRoot()
        }
    }

    /// Exchanges rows r and q of the flat stage array (FSAL: the new point's f becomes stage 0).
    private func swapRows(_ r: Int, _ q: Int) {
        for m in 0..<n { k.swapAt(r * n + m, q * n + m) }
    }

    /// Hairer's starting-step heuristic (Solving ODEs I, II.4).
    private func selectInitialStep(t0: Double, t1: Double) -> Double {
        func rms(_ v: [Double], _ scale: [Double]) -> Double {
            var s = 0.0
            for i in 0..<v.count { s += (v[i] / scale[i]) * (v[i] / scale[i]) }
            return (s / Double(v.count)).squareRoot()
        }
        let scale = y.map { tolerances.absolute + abs($0) * tolerances.relative }
        let f0 = Array(k[0..<n])
        let d0 = rms(y, scale), d1 = rms(f0, scale)
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, t1 - t0)
        for m in 0..<n { yStage[m] = y[m] + h0 * f0[m] }
        var f1 = [Double](repeating: 0, count: n)
        field.evaluate(t: t0 + h0, y: yStage, into: &f1)
        statistics.evaluations += 1
        let d2 = rms(zip(f1, f0).map { $0 - $1 }, scale) / h0
        let order = Double(pair.errorEstimatorOrder + 1)
        let h1 = (d1 <= 1e-15 && d2 <= 1e-15) ? max(1e-6, h0 * 1e-3) : pow(0.01 / max(d1, d2), 1 / order)
        return min(100 * h0, h1, t1 - t0)
    }

    /// Locate a sign change of `event.g` inside the last step by the Illinois variant of regula falsi
    /// on the dense output, to a relative tolerance of 4 ulp in t.
    private func locate(_ event: Event, index: Int, gStart: Double) -> EventHit {
        let segment = denseSegment()
        var a = tPrevious, b = t
        var ga = gStart, gb = event.g(t, y)
        var side = 0
        for _ in 0..<200 {
            if abs(b - a) <= 4 * (b.ulp + a.ulp) { break }
            var c = (a * gb - b * ga) / (gb - ga)
            if !(c > a && c < b) { c = 0.5 * (a + b) }
            let gc = event.g(c, segment(c))
            if gc == 0 { a = c; b = c; break }
            if (gc < 0) == (gb < 0) {
                b = c; gb = gc
                if side == -1 { ga *= 0.5 }
                side = -1
            } else {
                a = c; ga = gc
                if side == 1 { gb *= 0.5 }
                side = 1
            }
        }
        let tHit = abs(ga) < abs(gb) ? a : b
        return EventHit(index: index, t: tHit, y: segment(tHit))
    }
}
