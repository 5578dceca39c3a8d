import Symbolic

/// Nodes of the double-exponential (Takahasi–Mori) rules at one level and precision.
///
/// Level 0 uses the step h = 1 and t = 0, ±1, ±2, …; level j > 0 adds the odd multiples of
/// h = 2⁻ʲ, so the rule at level j is the trapezoidal sum over all nodes of levels 0…j with
/// step 2⁻ʲ. Nodes stop at t_max, where the transformed weight is below 2^(−4·precision).
struct DENodes: Sendable {
    /// Offsets from the endpoint (tanh–sinh: δ = 1 − x on [−1, 1]; exp–sinh: x − a = e^u).
    let offset: [BigFloat]
    /// Weights dx/dt at the same nodes.
    let weight: [BigFloat]
    /// t of each node (for diagnostics and ordering).
    let t: [Double]
}

enum DEKind: Hashable, Sendable { case tanhSinh, expSinhPositive, expSinhNegative }

struct DEKey: Hashable, Sendable { let kind: DEKind; let level: Int; let precision: Int }

enum DoubleExponential {
    static let cache = NodeCache<DEKey, DENodes>()

    /// Largest |t| needed: where the tanh–sinh offset 2/(e^{π sinh t} + 1) drops below 2^(−4p).
    static func tMax(precision: Int) -> Double {
        let u = 4.0 * Double(precision) * 0.6931471805599453 / 3.141592653589793
        return Foundation_asinh(u) + 0.05
    }

    /// t values of the nodes new at `level` (positive side for tanh–sinh, one side for exp–sinh).
    static func ts(level: Int, precision: Int, negative: Bool) -> [Double] {
        let tm = tMax(precision: precision)
        var out: [Double] = []
        if level == 0 {
            var k = negative ? -1 : 1
            if !negative { out.append(0) }  // the centre / t = 0 node (exp–sinh: x = a + 1)
            while Double(abs(k)) <= tm { out.append(Double(k)); k += negative ? -1 : 1 }
        } else {
            let h = 1.0 / Double(1 << level)
            var k = 1
            while Double(k) * h <= tm { out.append((negative ? -1.0 : 1.0) * Double(k) * h); k += 2 }
        }
        return out
    }

    static func nodes(_ kind: DEKind, level: Int, precision: Int) -> DENodes {
        cache.value(for: DEKey(kind: kind, level: level, precision: precision)) {
            compute(kind, level: level, precision: precision)
        }
    }

    static func compute(_ kind: DEKind, level: Int, precision: Int) -> DENodes {
        let wp = precision + 16
        let halfPi = BigFloat.pi(precision: wp).scaled(byPowerOf2: -1)
        let tlist: [Double]
        switch kind {
        case .tanhSinh:
            tlist = ts(level: level, precision: precision, negative: false).filter { $0 != 0 }
        case .expSinhPositive:
            tlist = ts(level: level, precision: precision, negative: false)
        case .expSinhNegative:
            tlist = ts(level: level, precision: precision, negative: true)
        }
        var off: [BigFloat] = [], wt: [BigFloat] = []
        off.reserveCapacity(tlist.count); wt.reserveCapacity(tlist.count)
        let denom = BigFloat(1 << Swift.max(level, 0), precision: wp)
        for td in tlist {
            // t = k / 2^level exactly.
            let k = Int((td * Double(1 << level)).rounded())
            let t = BigFloat(k, precision: wp) / denom
            let e = t.exp(), ei = 1 / e
            let sinh = (e - ei).scaled(byPowerOf2: -1), cosh = (e + ei).scaled(byPowerOf2: -1)
            let u = halfPi * sinh
            switch kind {
            case .tanhSinh:
                // x = tanh u, δ = 1 − x = 2/(e^{2u} + 1), dx/dt = (π/2) cosh t · δ (2 − δ)
                let e2u = u.scaled(byPowerOf2: 1).exp()
                let delta = 2 / (e2u + 1)
                let w = halfPi * cosh * delta * (2 - delta)
                off.append(delta.rounded(toPrecision: precision)); wt.append(w.rounded(toPrecision: precision))
            case .expSinhPositive, .expSinhNegative:
                // x − a = e^u, dx/dt = (π/2) cosh t · e^u
                let eu = u.exp()
                off.append(eu.rounded(toPrecision: precision))
                wt.append((halfPi * cosh * eu).rounded(toPrecision: precision))
            }
        }
        return DENodes(offset: off, weight: wt, t: tlist)
    }
}

@inline(__always) func Foundation_asinh(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.asinh(x)
    #else
    return Darwin.asinh(x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif
