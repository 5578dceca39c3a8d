import Foundation
import Symbolic

/// The long-time state of a declared system from one initial condition.
public struct LongTimeState: Sendable, Equatable {
    /// fixed, rotating or unsettled.
    public var motion: DeclaredSystem.Motion
    /// The first declared phase whose motion and conditions hold (nil when none does).
    public var phase: String?
    /// Rotation frequency ω (rad per unit time; 0 for a fixed point): for a vector variable u,
    /// ω_u = (u × u̇)/|u|² (2-vectors, signed) or |u × u̇|/|u|² (3-vectors), of the longest vector.
    public var omega: Double
    /// Time at which the state was classified.
    public var time: Double
    /// The largest rate of the invariants at that time.
    public var residual: Double
    /// The final state vector.
    public var y: [Double]

    /// The phase name, or the motion when no declared phase matches.
    public var label: String { phase ?? motion.rawValue }
}

/// Integrates a declared system (DOP853) until its invariants settle, then classifies the state.
///
/// The invariants are those of a relative equilibrium — a fixed point, or a state turning rigidly at a
/// constant frequency, which is a fixed point in the co-rotating frame: the length of every vector
/// variable, the relative angles of every pair of vectors, and every scalar variable. Their rates,
///     R = max( |d|u|/dt|,  |ω_u − ω_v|·min(|u|, |v|)  (2-vectors),  |d(u·v)/dt|/max(|u|, |v|)  (3-vectors),  |ṡ| ),
/// are computed from the FSAL derivative after every step; the state is settled when R < R_settle during
/// `holdTime`, with R_settle = noiseMargin · Λ · (atol + rtol), Λ the ∞-norm of the symbolic Jacobian at the
/// current state (re-evaluated once per hold window): near a fixed point the explicit step is limited by
/// stability on the fastest mode λ_fast ≤ Λ, which the error controller holds at the local-error amplitude,
/// so R cannot fall below ≈ λ_fast (atol + rtol). For a system with a fixed vector (`vec(…)`, no rotation
/// symmetry) the invariants are all components (only fixed points settle).
///
/// A settled state is `fixed` when every |ẏ_i| < R_settle, else `rotating` with its frequency. In a
/// rotation-equivariant system a state whose vectors are collinear (within `angleTolerance`) or has a
/// vanishing vector (|u| ≤ `orderThreshold`) cannot rotate: it counts as settled only when it is at rest
/// (a slow departure from an unstable collinear point is never reported as a fixed point).
public struct DeclaredSimulation: Sendable {
    public var tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)
    public var maxTime: Double = 2e6
    public var noiseMargin: Double = 10
    public var holdTime: Double = 2000
    public var orderThreshold: Double = 1e-4
    public var angleTolerance: Double = 1e-3

    public init() {}

    /// Vector variables as (offset, dimension), scalars as offsets.
    struct Layout {
        var vectors: [(Int, Int)] = []
        var scalars: [Int] = []
        var equivariant: Bool
        init(_ system: DeclaredSystem) {
            equivariant = system.isRotationEquivariant
            for v in system.variables {
                if case .vector(let d) = v.shape { vectors.append((v.offset, d)) } else { scalars.append(v.offset) }
            }
        }
    }

    static func norm(_ y: [Double], _ o: Int, _ d: Int) -> Double {
        var s = 0.0
        for i in 0..<d { s += y[o + i] * y[o + i] }
        return s.squareRoot()
    }

    /// ω of a vector (signed for 2-vectors).
    static func omega<D: RandomAccessCollection>(_ y: [Double], _ dy: D, _ o: Int, _ d: Int) -> Double where D.Element == Double, D.Index == Int {
        let b = dy.startIndex
        var s = 0.0
        for i in 0..<d { s += y[o + i] * y[o + i] }
        guard s > 0 else { return 0 }
        if d == 2 { return (y[o] * dy[b + o + 1] - y[o + 1] * dy[b + o]) / s }
        let cx = y[o + 1] * dy[b + o + 2] - y[o + 2] * dy[b + o + 1]
        let cy = y[o + 2] * dy[b + o] - y[o] * dy[b + o + 2]
        let cz = y[o] * dy[b + o + 1] - y[o + 1] * dy[b + o]
        return (cx * cx + cy * cy + cz * cz).squareRoot() / s
    }

    /// R of the type's documentation (no allocation: it runs after every step).
    static func invariantRates<D: RandomAccessCollection>(_ y: [Double], _ dy: D, _ layout: Layout) -> Double where D.Element == Double, D.Index == Int {
        let b = dy.startIndex
        var r = 0.0
        if !layout.equivariant {
            for i in 0..<y.count { r = max(r, abs(dy[b + i])) }
            return r
        }
        for s in layout.scalars { r = max(r, abs(dy[b + s])) }
        let count = layout.vectors.count
        for p in 0..<count {
            let (o, d) = layout.vectors[p]
            let m = norm(y, o, d)
            var dot = 0.0, dd = 0.0
            for i in 0..<d { dot += y[o + i] * dy[b + o + i]; dd += dy[b + o + i] * dy[b + o + i] }
            r = max(r, abs(m > 0 ? dot / m : dd.squareRoot()))
            guard m > 0 else { continue }
            for q in (p + 1)..<max(p + 1, count) {
                let (oq, _) = layout.vectors[q]
                let mq = norm(y, oq, d)
                guard mq > 0 else { continue }
                if d == 2 {
                    r = max(r, abs(omega(y, dy, o, 2) - omega(y, dy, oq, 2)) * min(m, mq))
                } else {
                    var rate = 0.0
                    for i in 0..<d { rate += dy[b + o + i] * y[oq + i] + y[o + i] * dy[b + oq + i] }
                    r = max(r, abs(rate) / max(m, mq))
                }
            }
        }
        return r
    }

    /// Whether a collinear (or partly vanishing) state of an equivariant system still moves (no allocation).
    func isStillMoving<D: RandomAccessCollection>(_ y: [Double], _ dy: D, _ layout: Layout, threshold: Double) -> Bool where D.Element == Double, D.Index == Int {
        if !dy.contains(where: { !(abs($0) < threshold) }) { return false }
        guard layout.equivariant, !layout.vectors.isEmpty else { return false }
        let count = layout.vectors.count
        for p in 0..<count where Self.norm(y, layout.vectors[p].0, layout.vectors[p].1) <= orderThreshold { return true }
        for p in 0..<count {
            let (op, d) = layout.vectors[p]
            let np = Self.norm(y, op, d)
            for q in (p + 1)..<max(p + 1, count) {
                let (oq, _) = layout.vectors[q]
                var dot = 0.0
                for i in 0..<d { dot += y[op + i] * y[oq + i] }
                let c = max(-1, min(1, dot / (np * Self.norm(y, oq, d))))
                let angle = acos(c)
                if angle >= angleTolerance && Double.pi - angle >= angleTolerance { return false }
            }
        }
        return true
    }

    /// The long-time state of `field` from `initial`.
    public func run(_ field: DeclaredField, from initial: [Double]) throws -> LongTimeState {
        let layout = Layout(field.system)
        let solver = AdaptiveRungeKutta(field: field, pair: .dop853, tolerances: tolerances)
        let floor = tolerances.absolute + tolerances.relative
        var threshold = noiseMargin * max(field.rateScale(at: initial), 1e-300) * floor
        var nextScale = holdTime
        var settledSince: Double? = nil
        var lastResidual = Double.infinity
        let holdTime = self.holdTime
        let result = try solver.integrate(initial, from: 0, to: maxTime) { s in
            if s.t >= nextScale {
                threshold = noiseMargin * max(field.rateScale(at: s.y), 1e-300) * floor
                nextScale = s.t + holdTime
            }
            let r = s.withDerivative { Self.invariantRates(s.y, $0, layout) }
            lastResidual = r
            if r < threshold && s.withDerivative({ !isStillMoving(s.y, $0, layout, threshold: threshold) }) {
                if let since = settledSince {
                    if s.t - since >= holdTime { return .stop }
                } else { settledSince = s.t }
            } else { settledSince = nil }
            return .proceed
        }
        let dy = field.rates(at: result.y)
        var motion: DeclaredSystem.Motion
        if !result.stoppedEarly || isStillMoving(result.y, dy, layout, threshold: threshold) {
            motion = .unsettled
        } else if !dy.contains(where: { !(abs($0) < threshold) }) {
            motion = .fixed
        } else {
            motion = .rotating
        }
        var omega = 0.0
        if let longest = layout.vectors.max(by: { Self.norm(result.y, $0.0, $0.1) < Self.norm(result.y, $1.0, $1.1) }) {
            omega = Self.omega(result.y, dy, longest.0, longest.1)
        }
        if motion == .fixed && abs(omega) < 1e-12 { omega = 0 }
        let phase = try Self.phase(of: field, y: result.y, motion: motion)
        return LongTimeState(motion: motion, phase: phase, omega: motion == .rotating ? omega : (motion == .fixed ? 0 : omega),
                             time: result.t, residual: lastResidual, y: result.y)
    }

    /// The first declared phase whose motion and conditions hold at y (conditions evaluated in Double by
    /// the compiled code; an exact zero counts for `=`, within 10⁻¹² for `~`).
    public static func phase(of field: DeclaredField, y: [Double], motion: DeclaredSystem.Motion) throws -> String? {
        let system = field.system
        guard !system.phases.isEmpty else { return nil }
        let values = system.phaseCode.values(at: y, bound: system.phaseCode.bind(field.values))
        var k = 0
        for p in system.phases {
            defer { k += p.conditions.count }
            guard p.motion == .any || p.motion == motion else { continue }
            var holds = true
            for (j, (_, kind)) in p.conditions.enumerated() {
                let x = values[k + j]
                switch kind {
                case .less: holds = x < 0
                case .lessOrEqual, .lessOrApproximatelyEqual: holds = x <= 0
                case .greater: holds = x > 0
                case .greaterOrEqual, .greaterOrApproximatelyEqual: holds = x >= 0
                case .equal, .approximatelyEqual: holds = abs(x) <= 1e-12
                }
                if !holds { break }
            }
            if holds { return p.name }
        }
        return nil
    }

    /// A seeded random initial condition: each vector uniform in the unit disc (2) or ball (3), each
    /// scalar uniform in (−1, 1); SplitMix64, vectors and scalars in declaration order.
    public static func randomInitialCondition(_ system: DeclaredSystem, seed: UInt64, radius: Double = 1) -> [Double] {
        var g = SplitMix64(seed: seed)
        var y: [Double] = []
        for v in system.variables {
            switch v.shape {
            case .scalar: y.append(radius * (2 * g.nextUnit() - 1))
            case .vector(2):
                let r = radius * g.nextUnit().squareRoot(), angle = 2 * Double.pi * g.nextUnit()
                y += [r * cos(angle), r * sin(angle)]
            case .vector:
                let r = radius * cbrt(g.nextUnit()), z = 2 * g.nextUnit() - 1, phi = 2 * Double.pi * g.nextUnit()
                let s = (1 - z * z).squareRoot()
                y += [r * s * cos(phi), r * s * sin(phi), r * z]
            }
        }
        return y
    }
}
