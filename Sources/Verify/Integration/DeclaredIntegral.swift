import Symbolic
import Synchronization
import Foundation

/// `integrate(f, x, a, b)` of the derivation language: ∫_a^b f dx for an integrand written in the
/// file, to the digits requested, confirmed, or *inconclusive*.
///
/// The integrand is compiled once per working precision (`CompiledIntegrand`). The layout follows
/// the integrand, read from the expression:
/// - **Fermi layer.** When f contains a Fermi function fermi(g(x)) = 1/(e^{g(x)} + 1) (written
///   `fermi(…)` or `1/(exp(…) + 1)`) whose argument crosses 0 at x₀ inside [a, b], its poles sit at
///   g = iπ(2n+1), a distance δ ≈ π/|g′(x₀)| from the real axis (δ = πt/2 for g = (u² − 1)/t). The
///   substitution x = x₀ + δ sinh s (`FermiLayer`'s map, generic here) moves them to Im s ≈ ±π/2
///   whatever the temperature; Gauss–Legendre on pieces of length ≤ 5 in s, outward on an infinite
///   side until the integrand is below the working precision.
/// - **Oscillatory tail.** On a half-line, when f contains sin or cos of an argument linear in x
///   (frequency ω) and no Fermi layer: the integrals over successive half-periods π/|ω| (Gauss–Legendre)
///   and Wynn's ε algorithm on their partial sums (as mpmath's `quadosc`).
/// - Otherwise tanh–sinh on finite ranges (integrable endpoint singularities), exp–sinh on
///   half-lines (`Quadrature.integrate`).
///
/// **Confirmation.** Every value is computed twice, at N and at ⌈3N/2⌉ + 5 digits (fresh working
/// precision, deeper refinement); the error is max(|difference|, both estimates), and only the
/// digits it supports are reported. A divergent or too slowly converging integral therefore comes
/// out with few digits (the caller answers *inconclusive*), never with unconfirmed ones.
let traceBindings = getenv("REFEREE_TRACE_BINDINGS") != nil

public enum DeclaredIntegral {
    /// A confirmed value.
    public struct Result: Sendable, CustomStringConvertible {
        public var value: BigComplex
        public var error: BigFloat
        public var digits: Int
        public var requestedDigits: Int
        public var rule: String
        public var evaluations: Int
        public var conclusive: Bool { digits >= requestedDigits }
        public var description: String {
            "\(value.re.toString(digits: Swift.max(1, Swift.min(digits, requestedDigits)))) ± \(error.toString(digits: 2)) (\(digits) digits confirmed; \(rule))"
        }
    }

    /// Makes `integrate` and `nsum` evaluable (the numeric evaluators of Symbolic call these).
    public static func registerBindings() {
        NumericBindings.register(.integrate) { body, v, a, b, p, functions in
            try bound(body, v, a, b, p, functions, .integral)
        }
        NumericBindings.register(.nsum) { body, v, a, b, p, functions in
            try bound(body, v, a, b, p, functions, .series)
        }
    }

    enum Kind { case integral, series }

    struct CacheKey: Hashable, Sendable {
        let body: Expr, variable: Symbol, lower: String, upper: String, precision: Int, series: Bool
    }
    static let cache = NodeCache<CacheKey, BoundEvaluation>()
    /// Forms that reached less than half their digits, with the precision tried.
    static let unconverged = Mutex<[CacheKey: (precision: Int, value: BoundEvaluation)]>([:])
    /// Forms whose evaluation failed (the failure does not depend on the precision).
    static let failed = Mutex<[CacheKey: EvaluationError]>([:])

    /// Digits asked of a form evaluated at `precision` bits: what the bits carry, less a guard.
    static func digits(forPrecision p: Int) -> Int { Swift.max(5, Int(Double(p - 20) * 0.30103)) }

    static func bound(_ body: Expr, _ v: Symbol, _ a: BigFloat, _ b: BigFloat, _ p: Int,
                      _ functions: [String: NumericFunction], _ kind: Kind) throws -> BoundEvaluation {
        if traceBindings { trace("bound \(kind) p=\(p) \(body)\n") }
        func text(_ x: BigFloat) -> String { x.isInfinite ? (x.isNegative ? "-oo" : "oo") : (x.exactRational?.description ?? "nan") }
        let key = CacheKey(body: body, variable: v, lower: text(a), upper: text(b),
                           precision: p, series: kind == .series)
        // A form that did not converge at one precision will not at a higher one: answer at once.
        let shape = CacheKey(body: body, variable: v, lower: key.lower, upper: key.upper, precision: 0, series: key.series)
        if let known = unconverged.withLock({ $0[shape] }), known.precision <= p {
            return BoundEvaluation(value: BigComplex(BigFloat(known.value.value.re, precision: p), BigFloat(known.value.value.im, precision: p)),
                                   error: known.value.error)
        }
        if let known = failed.withLock({ $0[shape] }) { throw known }
        var failure: (any Error)?
        var reachedDigits = 0
        let r = cache.value(for: key) {
            do {
                let n = digits(forPrecision: p)
                let r = kind == .series
                    ? try SeriesSum.sum(body, index: v, from: a, to: b, digits: n, functions: functions)
                    : try integrate(body, variable: v, from: a, to: b, digits: n, functions: functions)
                reachedDigits = r.conclusive ? n : r.digits
                let value = BigComplex(BigFloat(r.value.re, precision: p), BigFloat(r.value.im, precision: p))
                if r.conclusive || r.digits > 0 { return BoundEvaluation(value: value, error: r.error) }
                // An unconfirmed value keeps an error that leaves it no digit: the enclosure stays wide.
                let floor = BigFloat.maximum(value.magnitude.rounded(toPrecision: 64), BigFloat.power2(-64))
                return BoundEvaluation(value: value, error: BigFloat.maximum(r.error.rounded(toPrecision: 64), floor))
            } catch {
                failure = error
                return BoundEvaluation(value: BigComplex(BigFloat.nan(precision: p)), error: BigFloat(0, precision: 64))
            }
        }
        if let failure {
            let error = EvaluationError.domain("\(kind == .series ? "nsum" : "integrate"): \(failure)")
            failed.withLock { $0[shape] = error }
            throw error
        }
        if reachedDigits < digits(forPrecision: p) / 2 {
            unconverged.withLock { $0[shape] = (p, r) }
        }
        if r.value.re.isNaN { throw EvaluationError.domain("\(kind == .series ? "nsum" : "integrate") failed earlier at this precision") }
        return r
    }

    /// ∫_a^b f dv to `digits` significant digits, confirmed by a second evaluation (see the type).
    public static func integrate(_ body: Expr, variable v: Symbol, from a: BigFloat, to b: BigFloat, digits: Int,
                                 functions: [String: NumericFunction] = [:]) throws -> Result {
        guard !a.isNaN, !b.isNaN else { throw QuadratureError.invalidInput("a limit is NaN") }
        if a == b {
            return Result(value: BigComplex(0, precision: 64), error: BigFloat(0, precision: 64), digits: digits,
                          requestedDigits: digits, rule: "empty range", evaluations: 0)
        }
        if b < a {
            var r = try integrate(body, variable: v, from: b, to: a, digits: digits, functions: functions)
            r.value = BigComplex(-r.value.re, -r.value.im)
            return r
        }
        let plan = Plan(body, variable: v, from: a, to: b)
        let second = digits + Swift.max(5, (digits + 1) / 2)
        let first = try run(body, v, a, b, digits + 3, plan, functions)
        if traceBindings { trace("first \(first.value) \(first.error) \(first.rule)\n") }
        let check = try run(body, v, a, b, second, plan, functions)
        if traceBindings { trace("check \(check.value) \(check.error) \(check.rule)\n") }
        let diff = (BigComplex(first.value.re - check.value.re, first.value.im - check.value.im)).magnitude.rounded(toPrecision: 64)
        var error = BigFloat.maximum(diff, check.error)
        error = BigFloat.maximum(error, first.error.rounded(toPrecision: 64).scaled(byPowerOf2: -8))
        let magnitude = first.value.magnitude
        let measured = QuadratureResult.digits(value: magnitude, error: error)
        let reached = first.digits >= digits ? measured : Swift.min(measured, first.digits)
        return Result(value: first.value, error: error, digits: Swift.min(reached, digits), requestedDigits: digits,
                      rule: first.rule, evaluations: first.evaluations + check.evaluations)
    }

    /// One evaluation without the confirming second one (for benchmarks and inner integrals): the
    /// digits are those of the rule's own error estimate.
    public static func integrateOnce(_ body: Expr, variable v: Symbol, from a: BigFloat, to b: BigFloat, digits: Int,
                                     functions: [String: NumericFunction] = [:]) throws -> Result {
        let r = try run(body, v, a, b, digits, Plan(body, variable: v, from: a, to: b), functions)
        return Result(value: r.value, error: r.error, digits: Swift.min(r.digits, digits), requestedDigits: digits, rule: r.rule, evaluations: r.evaluations)
    }

    /// One unconfirmed evaluation of a form (an inner integral or sum inside an outer integrand).
    static func single(_ form: BindingForm, _ body: Expr, _ v: Symbol, _ a: BigFloat, _ b: BigFloat, digits: Int,
                       functions: [String: NumericFunction]) throws -> (value: BigComplex, error: BigFloat) {
        if form == .nsum {
            let r = try SeriesSum.run(body, v, a, b, digits, functions)
            return (BigComplex(r.value), r.error)
        }
        if a == b { return (BigComplex(0, precision: 64), BigFloat(0, precision: 64)) }
        if b < a {
            let r = try single(form, body, v, b, a, digits: digits, functions: functions)
            return (BigComplex(-r.value.re, -r.value.im), r.error)
        }
        let r = try run(body, v, a, b, digits, Plan(body, variable: v, from: a, to: b), functions)
        return (r.value, r.error)
    }

    /// One evaluation to `digits` (real integrand compiled; a complex one part by part).
    static func run(_ body: Expr, _ v: Symbol, _ a: BigFloat, _ b: BigFloat, _ digits: Int, _ plan: Plan,
                    _ functions: [String: NumericFunction]) throws -> (value: BigComplex, error: BigFloat, digits: Int, rule: String, evaluations: Int) {
        let p = Quadrature.workingPrecision(digits: digits, pieces: 64) + 16
        do {
            let f = try CompiledIntegrand(body, variable: v, precision: p, functions: functions)
            let r = try plan.integrate(f.evaluate, from: a, to: b, digits: digits, precision: p)
            return (BigComplex(r.value), r.errorEstimate, r.digits, r.rule, r.evaluations)
        } catch is CompiledIntegrand.NotReal {
            // A complex integrand: real and imaginary parts with the complex evaluator.
            func part(_ imaginary: Bool) throws -> QuadratureResult {
                try plan.integrate({ x in
                    let z = try body.evaluate(at: [v: BigComplex(x)], precision: p, functions: functions)
                    return imaginary ? z.im : z.re
                }, from: a, to: b, digits: digits, precision: p)
            }
            let re = try part(false), im = try part(true)
            let value = BigComplex(re.value, im.value)
            let error = re.errorEstimate + im.errorEstimate
            let d = QuadratureResult.digits(value: value.magnitude, error: error)
            return (value, error, d, re.rule + " (real and imaginary parts)", re.evaluations + im.evaluations)
        }
    }
}


/// How an integral is laid out, read from the integrand (see `DeclaredIntegral`).
struct Plan {
    enum Layout {
        case plain
        /// x = centre + width · sinh s.
        case fermiLayer(centre: BigFloat, width: BigFloat)
        /// Half-periods π/|ω| on a half-line.
        case oscillatory(omega: BigFloat)
    }
    let layout: Layout

    init(_ body: Expr, variable v: Symbol, from a: BigFloat, to b: BigFloat) {
        if let layer = Plan.fermiLayer(body, v, a, b) {
            layout = .fermiLayer(centre: layer.centre, width: layer.width)
        } else if a.isInfinite || b.isInfinite, let omega = Plan.frequency(body, v) {
            layout = .oscillatory(omega: omega)
        } else {
            layout = .plain
        }
    }

    var name: String {
        switch layout {
        case .plain: return "double-exponential"
        case .fermiLayer: return "Fermi-layer map"
        case .oscillatory: return "half-periods + Wynn ε"
        }
    }

    func integrate(_ f: (BigFloat) throws -> BigFloat, from a: BigFloat, to b: BigFloat, digits: Int, precision p: Int) throws -> QuadratureResult {
        switch layout {
        case .plain:
            return try Quadrature.integrate(f, over: [a, b], digits: digits, rule: .doubleExponential, precision: p)
        case .fermiLayer(let centre, let width):
            return try withoutActuallyEscaping(f) { f in try Plan.layerIntegral(f, centre: centre.rounded(toPrecision: p), width: width.rounded(toPrecision: p),
                                          from: a, to: b, digits: digits, precision: p) }
        case .oscillatory(let omega):
            if a.isInfinite && b.isInfinite {
                let zero = BigFloat(0, precision: p)
                let left = try OscillatoryTail.integrate({ try f(-$0) }, from: zero, omega: omega, digits: digits + 1, precision: p)
                let right = try OscillatoryTail.integrate(f, from: zero, omega: omega, digits: digits + 1, precision: p)
                return QuadratureResult.sum([left, right], precision: p)
            }
            if a.isInfinite {
                return try OscillatoryTail.integrate({ try f(-$0) }, from: -b, omega: omega, digits: digits, precision: p)
            }
            return try OscillatoryTail.integrate(f, from: a, omega: omega, digits: digits, precision: p)
        }
    }

    // MARK: the Fermi layer

    /// The Fermi functions of the integrand: fermi(g) and 1/(exp(g) + 1).
    static func fermiArguments(_ e: Expr) -> [Expr] {
        var out: [Expr] = []
        func walk(_ x: Expr) {
            if case .function(.fermi, let g) = x { out.append(g) }
            if case .power(let base, let n) = x, n == .minusOne, case .sum(let ts) = base, ts.count == 2,
               ts.contains(.one), let g = ts.first(where: { if case .function(.exp, _) = $0 { return true }; return false }),
               case .function(.exp, let arg) = g {
                out.append(arg)
            }
            if BindingForm.parts(x) != nil { return }
            x.children.forEach(walk)
        }
        walk(e)
        return out
    }

    /// The Fermi surface x₀ (a zero of g in (a, b)) and the pole distance δ = π/|g′(x₀)|, the
    /// narrowest over the Fermi functions of the integrand; nil when there is none.
    static func fermiLayer(_ body: Expr, _ v: Symbol, _ a: BigFloat, _ b: BigFloat) -> (centre: BigFloat, width: BigFloat)? {
        let p = 128
        var best: (BigFloat, BigFloat)? = nil
        for g in fermiArguments(body) {
            guard let compiled = try? CompiledIntegrand(g, variable: v, precision: p, functions: [:]) else { continue }
            func value(_ x: Double) -> Double? {
                guard let y = try? compiled.evaluate(BigFloat(x, precision: p)) else { return nil }
                let d = y.doubleValue
                return d.isFinite ? d : nil
            }
            // Candidate points: the finite limits and a logarithmic grid of both signs.
            var grid: [Double] = [0]
            for k in -16...16 { let m = Foundation_pow10(Double(k) / 4); grid.append(m); grid.append(-m) }
            let lo = a.isInfinite ? -Double.infinity : a.doubleValue, hi = b.isInfinite ? Double.infinity : b.doubleValue
            grid = (grid.filter { $0 > lo && $0 < hi } + (a.isInfinite ? [] : [lo]) + (b.isInfinite ? [] : [hi])).sorted()
            for (x0, x1) in zip(grid, grid.dropFirst()) {
                guard var g0 = value(x0), let g1 = value(x1), g0 * g1 < 0 || g0 == 0 else { continue }
                var l = x0, r = g0 == 0 ? x0 : x1
                for _ in 0..<200 where l != r {
                    let m = (l + r) / 2
                    guard let gm = value(m) else { break }
                    if gm == 0 { l = m; r = m; break }
                    if (gm < 0) == (g0 < 0) { l = m; g0 = gm } else { r = m }
                    if r - l <= 4 * Double.ulpOfOne * Swift.max(1, Swift.abs(m)) { break }
                }
                let root = (l + r) / 2
                let h = Swift.max(1e-7, 1e-7 * Swift.abs(root))
                guard let gp = value(root + h), let gm = value(root - h) else { continue }
                let slope = Swift.abs(gp - gm) / (2 * h)
                guard slope > 0, slope.isFinite else { continue }
                let width = Double.pi / slope
                if best == nil || width < best!.1.doubleValue {
                    best = (BigFloat(root, precision: 64), BigFloat(width, precision: 64))
                }
            }
        }
        return best
    }

    /// ∫_a^b f(x) dx with x = c + δ sinh s: Gauss–Legendre in s on pieces of length ≤ 5; an
    /// infinite side is cut where the integrand (times the piece length) falls below 2^(−p−16)
    /// of the largest piece.
    static func layerIntegral(_ f: @escaping (BigFloat) throws -> BigFloat, centre c: BigFloat, width d: BigFloat,
                              from a: BigFloat, to b: BigFloat, digits: Int, precision p: Int) throws -> QuadratureResult {
        func s(of x: BigFloat) -> BigFloat {
            let w = (x - c) / d
            let m = w.magnitude
            let r = (m + (m * m + 1).sqrt()).log()
            return w.isNegative ? -r : r
        }
        let g: (BigFloat) throws -> BigFloat = { s in
            let e = s.exp(), ei = 1 / e
            let sinh = (e - ei).scaled(byPowerOf2: -1), cosh = (e + ei).scaled(byPowerOf2: -1)
            let x = c + d * sinh
            let y = try f(x)
            if y.isZero { return y }
            return y * d * cosh
        }
        let piece = 5.0
        func extent(_ x: BigFloat, direction: Double) throws -> (BigFloat, Double) {
            if !x.isInfinite { return (s(of: x), 0) }
            // Walk outward until |g|·piece is negligible at two consecutive piece ends.
            var sEnd = 0.0, peak = 0.0, small = 0
            var value = 0.0
            for k in 1...60 {
                sEnd = direction * piece * Double(k)
                let y = Swift.abs((try? g(BigFloat(sEnd, precision: p)))?.doubleValue ?? 0)
                let yy = y.isFinite ? y : 0
                peak = Swift.max(peak, yy)
                value = yy
                if peak > 0 && (yy == 0 || Foundation_log2(yy * piece) < Foundation_log2(peak) - Double(p) - 16) { small += 1 } else { small = 0 }
                if small >= 2 || (peak == 0 && k > 8) { break }
            }
            return (BigFloat(sEnd, precision: p), value * piece)
        }
        let (sa, tailA) = try extent(a, direction: -1)
        let (sb, tailB) = try extent(b, direction: 1)
        let length = (sb - sa).doubleValue
        let k = Swift.max(1, Int((length / piece).rounded(.up)))
        let width = (sb - sa) / k
        let points = (0..<k).map { sa + width * $0 } + [sb]
        // A finite end may carry an integrable singularity of f (√x at 0): tanh–sinh on the first
        // piece, Gauss–Legendre on the others (analytic in a strip around them).
        var r: QuadratureResult
        if !a.isInfinite && points.count > 2 {
            let end = try Quadrature.integrate(g, over: Array(points.prefix(2)), digits: digits + 1, rule: .doubleExponential, precision: p)
            let rest = try Quadrature.integrate(g, over: Array(points.dropFirst()), digits: digits + 1, rule: .gaussLegendre, precision: p)
            r = QuadratureResult.sum([end, rest], precision: p)
        } else {
            r = try Quadrature.integrate(g, over: points, digits: digits, rule: a.isInfinite ? .gaussLegendre : .doubleExponential, precision: p)
        }
        r.errorEstimate = r.errorEstimate + BigFloat(tailA + tailB, precision: 64)
        r.rule = "Fermi-layer map x = \(c.toString(digits: 6)) + \(d.toString(digits: 4)) sinh s, \(k) pieces in s: " + r.rule
        return r
    }

    // MARK: oscillation

    /// |ω| of a factor sin(ωx + φ) or cos(ωx + φ) (the largest), nil when there is none.
    static func frequency(_ body: Expr, _ v: Symbol) -> BigFloat? {
        var best: Double? = nil
        func walk(_ x: Expr) {
            if case .function(let f, let arg) = x, f == .sin || f == .cos, arg.contains(v),
               let omega = linearCoefficient(arg, v) {
                best = Swift.max(best ?? 0, Swift.abs(omega))
            }
            if BindingForm.parts(x) != nil { return }
            x.children.forEach(walk)
        }
        walk(body)
        guard let w = best, w > 0 else { return nil }
        return BigFloat(w, precision: 64)
    }

    /// c when arg = c·v + d with c, d free of v (checked at three points), else nil.
    static func linearCoefficient(_ arg: Expr, _ v: Symbol) -> Double? {
        guard let f = try? CompiledIntegrand(arg, variable: v, precision: 128, functions: [:]) else { return nil }
        func at(_ x: Double) -> Double? { (try? f.evaluate(BigFloat(x, precision: 128)))?.doubleValue }
        guard let y0 = at(0), let y1 = at(1), let y2 = at(2.5) else { return nil }
        let c = y1 - y0
        guard Swift.abs((y2 - y0) - 2.5 * c) <= 1e-9 * Swift.max(1, Swift.abs(c) * 2.5) else { return nil }
        return c
    }
}

@inline(__always) func Foundation_pow10(_ x: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.pow(10, x)
    #else
    return Darwin.pow(10, x)
    #endif
}
#if canImport(Glibc)
import Glibc
#endif

/// Development trace of binding-form evaluations (REFEREE_TRACE_BINDINGS=1), on standard error.
func trace(_ line: String) {
    FileHandle.standardError.write((line + "\n").data(using: .utf8)!)
}
