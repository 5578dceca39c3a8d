import Symbolic

/// The free-electron Fermi sea in the dimensionless units of `derivations/integrals.md`:
/// momenta u = |k|/k_F, energies ε/ε_F = u², temperature t = k_B T/ε_F, chemical potential μ = ε_F
/// held fixed (the paper's f(ε) is the Fermi function at the Fermi energy ε_F).
///
/// Occupation f(u) = 1/(e^{(u²−1)/t} + 1) for t > 0 and the step θ(1 − u) at t = 0.
/// Its poles u² = 1 + iπt(2n+1) lie at distance ≈ πt/2 from the real axis near u = 1, so
/// quadrature pieces are graded geometrically towards u = 1 (`breakpoints`).
public enum FermiSea {
    /// How an integral over the Fermi sea at t > 0 is split for quadrature: `layerMap` (default) by
    /// the sinh substitution of `FermiLayer`, `gradedPieces` by the pieces of `breakpoints` graded
    /// geometrically towards u = 1. The two routes share no nodes and no substitution, so each
    /// cross-checks the other.
    public enum Route: Sendable, Equatable { case layerMap, gradedPieces }

    /// Occupation at u² (`u2`), t > 0: the Fermi function of (u² − 1)/t.
    @inline(__always) public static func occupation(u2: BigFloat, t: BigFloat) -> BigFloat {
        ((u2 - 1) / t).fermi()
    }

    /// Cut-off U with f(U) < 2^(−bits): U² = 1 + t·(bits + 4)·ln 2. Beyond U, ∫ u^m f du is below
    /// the bound returned by `tailBound`.
    public static func cutoff(t: BigFloat, bits: Int) -> BigFloat {
        (t * BigFloat.ln2(precision: t.precision) * (bits + 4) + 1).sqrt()
    }

    /// Upper bound of ∫_U^∞ u^m e^{−(u²−1)/t} du ≥ ∫_U^∞ u^m f(u) du for U ≥ 1, m ≤ 3:
    /// ≤ (t/2)·U^(m−1)·e^{−(U²−1)/t}·(1 + 2t/U²)^… bounded crudely by t·U^m·e^{−(U²−1)/t}.
    public static func tailBound(U: BigFloat, t: BigFloat, power m: Int) -> BigFloat {
        let e = (-(U * U - 1) / t).exp()
        return (t * U.pow(m) * e).rounded(toPrecision: 64)
    }

    /// The poles of the occupation nearest to the positive real u axis, u² = 1 ± iπt(2n+1),
    /// n = 0…count−1 (as doubles, for choosing quadrature degrees).
    public static func poles(t: BigFloat, count: Int = 3) -> [(re: Double, im: Double)] {
        let td = t.doubleValue
        guard td > 0 else { return [] }
        var out: [(re: Double, im: Double)] = []
        for n in 0..<count {
            let b = Double.pi * td * Double(2 * n + 1)
            // √(1 + ib), principal
            let m = (1 + b * b).squareRoot()
            let re = ((m + 1) / 2).squareRoot(), im = ((m - 1) / 2).squareRoot()
            out.append((re, im)); out.append((re, -im))
        }
        return out
    }

    /// Breakpoints on [0, U]: 0, then 1 ± (πt/2)·2^k for k = 0, 1, … inside (0, U), 1 itself,
    /// U; and, for an oscillating factor sin(x u), extra points so that no piece is longer than
    /// 8π/x. At t = 0 the occupation is a step: [0, 1] only.
    public static func breakpoints(t: BigFloat, U: BigFloat, oscillation x: BigFloat? = nil) -> [BigFloat] {
        let p = t.precision
        let one = BigFloat(1, precision: p), zero = BigFloat(0, precision: p)
        var pts: [BigFloat] = [zero, one]
        if !t.isZero {
            pts.append(U)
            let d0 = BigFloat.pi(precision: p) * t / 2
            var d = d0
            while d < one {
                pts.append(one - d)
                if one + d < U { pts.append(one + d) }
                d = d * 2
            }
            var d2 = d
            while one + d2 < U { pts.append(one + d2); d2 = d2 * 2 }
        }
        pts.sort()
        // Oscillation: no piece longer than 8π/x.
        if let x = x, !x.isZero {
            let maxLen = BigFloat.pi(precision: p) * 8 / x.magnitude
            var refined: [BigFloat] = [pts[0]]
            for b in pts.dropFirst() {
                let a = refined.last!
                let len = b - a
                if len > maxLen {
                    let k = Int((len / maxLen).doubleValue.rounded(.up))
                    for j in 1..<k { refined.append(a + len * j / k) }
                }
                refined.append(b)
            }
            pts = refined
        }
        // Drop duplicates (a point may coincide with 1 or U).
        var out: [BigFloat] = []
        for b in pts where out.last.map({ $0 < b }) ?? true { out.append(b) }
        return out
    }
}
