import Foundation
import Symbolic
import Grassmann

/// A fixed point of a declared system with its linear stability from the symbolic Jacobian.
public struct DeclaredFixedPoint: Sendable {
    public var y: [Double]
    /// The eigenvalues of the Jacobian with the symmetry (Goldstone) directions removed: for a
    /// rotation-equivariant system a common rotation of all vectors maps a fixed point to a fixed point,
    /// so J has a zero mode along each generator G·y*; with Q an orthonormal basis of the complement of
    /// the generators, J is block triangular in (generators, Q) and the other eigenvalues are those of QᵀJQ.
    public var eigenvalues: [Grassmann.ComplexDouble]
    /// The largest |J_ij| (the scale of the rates).
    public var scale: Double
    /// The largest real part of `eigenvalues` (−∞ when none).
    public var growthRate: Double { eigenvalues.map(\.re).max() ?? -.infinity }
    /// Stable unless an eigenvalue grows faster than 10⁻⁹ × `scale`: a neutral direction (a conserved
    /// quantity such as |m| of an LLG equation) is a zero eigenvalue up to rounding, not an instability.
    public var isStable: Bool { growthRate <= 1e-9 * scale }
}

/// Newton continuation of fixed points of a declared system in one parameter, and the threshold where
/// the continued branch changes its declared phase or loses stability (bisection).
public enum FixedPointContinuation {
    /// Newton's method on f(y) = 0 with the compiled symbolic Jacobian. Steps are least-squares (minimum
    /// norm) solutions of J δ = −f, (JᵀJ + μ𝟙) δ = −Jᵀf with μ = 10⁻¹⁴‖J‖², so that the singular symmetry
    /// directions of an equivariant system do not stop it. Nil when it does not converge to ‖f‖∞ < 10⁻¹³·scale.
    public static func newton(_ field: DeclaredField, from start: [Double]) -> [Double]? {
        let n = field.dimension
        var y = start
        for _ in 0..<60 {
            let f = field.rates(at: y)
            let j = field.jacobian(at: y)
            var normSq = 0.0
            for v in j { normSq += v * v }
            var a = [Double](repeating: 0, count: n * n), b = [Double](repeating: 0, count: n)
            for p in 0..<n {
                for q in 0..<n {
                    var s = 0.0
                    for k in 0..<n { s += j[k * n + p] * j[k * n + q] }
                    a[p * n + q] = s
                }
                a[p * n + p] += 1e-14 * max(normSq, 1e-300)
                var s = 0.0
                for k in 0..<n { s -= j[k * n + p] * f[k] }
                b[p] = s
            }
            a.withUnsafeMutableBufferPointer { ap in b.withUnsafeMutableBufferPointer { DeclaredField.gauss(ap.baseAddress!, $0.baseAddress!, n) } }
            var step = 0.0
            for i in 0..<n { y[i] += b[i]; step = max(step, abs(b[i])) }
            guard y.allSatisfy(\.isFinite) else { return nil }
            if step < 1e-15 * (1 + (y.map { abs($0) }.max() ?? 0)) { break }
        }
        let f = field.rates(at: y)
        let scale = max(field.rateScale(at: y), 1e-300)
        guard (f.map { abs($0) }.max() ?? 0) < 1e-11 * scale else { return nil }
        return y
    }

    /// The symmetry generators at y (rotation of all vector variables together: one for 2-vectors, three for
    /// 3-vectors), for an equivariant system; empty otherwise.
    static func generators(_ system: DeclaredSystem, at y: [Double]) -> [[Double]] {
        guard system.isRotationEquivariant else { return [] }
        let vectors = system.variables.compactMap { v -> (Int, Int)? in if case .vector(let d) = v.shape { return (v.offset, d) }; return nil }
        guard let d = vectors.first?.1, vectors.allSatisfy({ $0.1 == d }) else { return [] }
        let n = y.count
        if d == 2 {
            var g = [Double](repeating: 0, count: n)
            for (o, _) in vectors { g[o] = -y[o + 1]; g[o + 1] = y[o] }
            return [g]
        }
        return (0..<3).map { axis in
            var g = [Double](repeating: 0, count: n)
            for (o, _) in vectors {
                let v = [y[o], y[o + 1], y[o + 2]]
                var e = [0.0, 0, 0]; e[axis] = 1
                g[o] = e[1] * v[2] - e[2] * v[1]; g[o + 1] = e[2] * v[0] - e[0] * v[2]; g[o + 2] = e[0] * v[1] - e[1] * v[0]
            }
            return g
        }
    }

    /// Stability of the fixed point y (`DeclaredFixedPoint.eigenvalues`).
    public static func analyse(_ field: DeclaredField, at y: [Double]) throws -> DeclaredFixedPoint {
        let n = field.dimension
        let j = field.jacobian(at: y)
        // Orthonormal basis: the generators first (Gram–Schmidt, dropping those that vanish), then the
        // coordinate vectors; keep the complement of the generators.
        var basis: [[Double]] = []
        func orthogonalise(_ v: [Double]) -> [Double]? {
            var w = v
            for b in basis { let c = zip(w, b).map { $0 * $1 }.reduce(0, +); for i in 0..<n { w[i] -= c * b[i] } }
            let norm = w.map { $0 * $0 }.reduce(0, +).squareRoot()
            let scale = v.map { $0 * $0 }.reduce(0, +).squareRoot()
            guard norm > 1e-8 * max(scale, 1e-300), norm > 1e-12 else { return nil }
            return w.map { $0 / norm }
        }
        for g in generators(field.system, at: y) { if let b = orthogonalise(g) { basis.append(b) } }
        let symmetry = basis.count
        for i in 0..<n where basis.count < n {
            var e = [Double](repeating: 0, count: n); e[i] = 1
            if let b = orthogonalise(e) { basis.append(b) }
        }
        let q = Array(basis[symmetry...])
        let m = q.count
        var reduced = SparseMatrix<Grassmann.ComplexDouble>(rows: max(m, 1), columns: max(m, 1))
        for a in 0..<m {
            for b in 0..<m {
                var s = 0.0
                for i in 0..<n {
                    var jq = 0.0
                    for k in 0..<n { jq += j[i * n + k] * q[b][k] }
                    s += q[a][i] * jq
                }
                if s != 0 { reduced.add(a, b, Grassmann.ComplexDouble(s)) }
            }
        }
        let eigenvalues = m == 0 ? [] : try Spectrum.denseEigenvalues(reduced)
        return DeclaredFixedPoint(y: y, eigenvalues: eigenvalues, scale: j.map { abs($0) }.max() ?? 0)
    }

    /// Continue the fixed point `point` known at parameter value `from` to `to` in steps of at most `step`.
    public static func continueBranch(_ field: (Double) throws -> DeclaredField, from: Double, to: Double, point: [Double],
                                      step: Double) throws -> [Double]? {
        var y = point, current = from
        while current < to {
            let next = min(to, current + step)
            guard let p = newton(try field(next), from: y) else { return nil }
            y = p; current = next
        }
        return y
    }

    /// The threshold along a branch: the smallest value in (from, upTo] at which `lost` holds for the continued
    /// fixed point (or the branch ends), by a coarse scan (`coarse`) and bisection to `tolerance`.
    /// Returns the bracket and the fixed points at its ends.
    public static func threshold(_ field: (Double) throws -> DeclaredField, from: Double, upTo: Double, start: [Double],
                                 coarse: Double, tolerance: Double,
                                 lost: ([Double], DeclaredField) throws -> Bool) throws -> (lower: Double, upper: Double, below: [Double], above: [Double]?)? {
        var low = from, lowPoint = start
        var high: Double? = nil, highPoint: [Double]? = nil
        while low < upTo {
            let r = min(upTo, low + coarse)
            if let p = try continueBranch(field, from: low, to: r, point: lowPoint, step: coarse), try !lost(p, try field(r)) {
                low = r; lowPoint = p
            } else {
                high = r
                highPoint = try continueBranch(field, from: low, to: r, point: lowPoint, step: coarse)
                break
            }
        }
        guard var hi = high else { return nil }
        while hi - low > tolerance {
            let mid = 0.5 * (low + hi)
            if let p = try continueBranch(field, from: low, to: mid, point: lowPoint, step: coarse / 4), try !lost(p, try field(mid)) {
                low = mid; lowPoint = p
            } else {
                hi = mid
                highPoint = try continueBranch(field, from: low, to: mid, point: lowPoint, step: coarse / 4)
            }
        }
        return (low, hi, lowPoint, highPoint)
    }
}
