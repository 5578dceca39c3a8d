import Foundation
import Symbolic

extension OdeChecks {
    // MARK: ode-implicit-form

    static func implicitForm(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        let system = try Inputs.system(claim, context)
        guard system.isImplicit else {
            throw DerivationError(claim.spec["system"]!.location, "system `\(system.name)` has no derivative on a right-hand side",
                                  fix: "`ode-implicit-form` checks systems such as dS/dt = … + alpha*cross(S, dS/dt)")
        }
        let values = try Inputs.values(claim, system, context)
        return try implicitFormVerdict(try Inputs.field(claim, system, values), digits: claim.digits, seed: claim.seed)
    }

    /// At 20 seeded random states (components uniform in (−1, 1)): τ and M evaluated in MPFR at
    /// 2·digits + 10 digits, (𝟙 − M) v = τ solved by Gaussian elimination with partial pivoting, and v
    /// inserted into the declared right-hand sides: max |v − rhs(y, v)| must be below 10^(−digits).
    /// Reports min |det(𝟙 − M)| over the samples and the agreement of the compiled Double solve.
    public static func implicitFormVerdict(_ field: DeclaredField, digits: Int, seed: UInt64) throws -> Verdict {
        let system = field.system
        let bits = BigFloat.bits(forDigits: 2 * digits + 10)
        let n = system.dimension
        var g = SplitMix64(seed: seed)
        var worst = 0.0, minDet = Double.infinity, worstDouble = 0.0
        func big(_ x: Double) -> BigComplex { BigComplex(BigFloat(x, precision: bits)) }
        for _ in 0..<20 {
            let y = (0..<n).map { _ in 2 * g.nextUnit() - 1 }
            var values: [Symbol: BigComplex] = [:]
            for (s, v) in zip(system.state, y) { values[s] = big(v) }
            for (s, v) in zip(system.parameters, field.values) { values[s] = big(v) }
            let tau = try system.explicitPart.map { try $0.evaluate(at: values, precision: bits).re }
            var v = tau
            for block in system.implicitBlocks {
                let k = block.count
                var a = [[BigFloat]](repeating: [BigFloat](repeating: BigFloat(0, precision: bits), count: k), count: k)
                for i in 0..<k { a[i][i] = BigFloat(1, precision: bits) }
                for entry in system.implicitPart {
                    guard let i = block.firstIndex(of: entry.row), let j = block.firstIndex(of: entry.column) else { continue }
                    a[i][j] = a[i][j] - (try entry.coefficient.evaluate(at: values, precision: bits).re)
                }
                var b = block.map { tau[$0] }
                var det = BigFloat(1, precision: bits)
                for c in 0..<k {
                    var p = c
                    for r in (c + 1)..<max(c + 1, k) where abs(a[r][c].doubleValue) > abs(a[p][c].doubleValue) { p = r }
                    if p != c { a.swapAt(p, c); b.swapAt(p, c); det = BigFloat(0, precision: bits) - det }
                    det = det * a[c][c]
                    for r in (c + 1)..<max(c + 1, k) {
                        let f = a[r][c] / a[c][c]
                        for j in c..<k { a[r][j] = a[r][j] - f * a[c][j] }
                        b[r] = b[r] - f * b[c]
                    }
                }
                for c in stride(from: k - 1, through: 0, by: -1) {
                    var s = b[c]
                    for j in (c + 1)..<max(c + 1, k) { s = s - a[c][j] * b[j] }
                    b[c] = s / a[c][c]
                }
                minDet = min(minDet, abs(det.doubleValue))
                for (i, index) in block.enumerated() { v[index] = b[i] }
            }
            for (s, x) in zip(system.rateSymbols, v) { values[s] = BigComplex(x) }
            for (i, e) in system.equations.enumerated() {
                let r = try e.evaluate(at: values, precision: bits).re - v[i]
                worst = max(worst, abs(r.doubleValue))
            }
            let fast = field.rates(at: y)
            for i in 0..<n { worstDouble = max(worstDouble, abs(fast[i] - v[i].doubleValue) / max(1, abs(v[i].doubleValue))) }
        }
        let ok = worst < pow(10, -Double(digits)) && minDet > 0 && worstDouble < 1e-10
        let detail = "system `\(system.name)`: the derivatives appear on the right (implicit form, \(system.implicitBlocks.count) block(s) of sizes \(system.implicitBlocks.map { String($0.count) }.joined(separator: ", "))); (𝟙 − M) v = τ solved in MPFR (\(bits) bits) at 20 seeded random states and inserted into the declared equations: largest residual \(fmt(worst, 3)); min |det(𝟙 − M)| = \(fmt(minDet, 4)); compiled Double solve agrees to \(fmt(worstDouble, 2)) (relative)"
        return Verdict(ok ? .verified : .discrepancy, method: .numeric(digits: digits, errorEstimate: fmt(worst, 3)), detail: detail,
                       computed: "residual \(fmt(worst, 3))", seed: seed)
    }

    // MARK: trajectories

    /// The parse context of state expressions: the claim context with the state variables and the vector functions.
    static func stateContext(_ system: DeclaredSystem) -> (ParseContext, [Symbol: OdeValue]) {
        var parse = system.claimContext
        for f in OdeValue.vectorFunctions { parse.numericFunctions.insert(f) }
        var names: [Symbol: OdeValue] = [:]
        for v in system.variables {
            let s = Symbol(v.name, .real)
            parse.declare([s])
            if v.shape != .scalar { names[s] = .vector(v.components.map { .symbol($0) }) }
        }
        return (parse, names)
    }

    /// A scalar expression of the state (`observe:`, `printed:` of ode-conserved), compiled.
    static func observable(_ text: Located<String>, _ system: DeclaredSystem) throws -> (CompiledExpressions, Expr) {
        let (parse, names) = stateContext(system)
        let e: Expr
        do { e = try parse.parse(text.value, origin: TextSyntax.origin(text.location)) } catch { throw TextSyntax.located(error, text.location) }
        let value: OdeValue
        do { value = try OdeValue.expand(e, names: names) } catch { throw DerivationError(text.location, error.message, fix: error.fix) }
        guard case .scalar(let s) = value else {
            throw DerivationError(text.location, "vector/scalar mismatch: `\(text.value.trimmed)` is a vector, a scalar is needed", fix: "take a component, e.g. dot(m, vec(1, 0, 0)), or norm(m)")
        }
        do { return (try CompiledExpressions([s], state: system.state, parameters: system.parameters), s) }
        catch let f as CompiledExpressions.Failure { throw DerivationError(text.location, f.message, fix: "use state variables, parameters and lets") }
    }

    /// `initial: m = vec(0.05, 0, 1); x = 0.3` → the state vector.
    static func initialState(_ claim: Claim, _ system: DeclaredSystem, _ values: [String: Double], functions: [String: NumericFunction]) throws -> [Double] {
        let field = claim.spec["initial"]!
        var y = [Double](repeating: .nan, count: system.dimension)
        var parse = system.claimContext
        for f in OdeValue.vectorFunctions { parse.numericFunctions.insert(f) }
        for part in TextSyntax.splitTopLevel(field) {
            guard let eq = part.value.firstIndex(of: "=") else {
                throw DerivationError(part.location, "expected `variable = value` in `initial:`", fix: "write e.g. `initial: m = vec(0.05, 0, 1)`")
            }
            let name = String(part.value[..<eq]).trimmed
            guard let v = system.variables.first(where: { $0.name == name }) else {
                throw DerivationError(part.location, "`\(name)` is not a state variable of system `\(system.name)`", fix: "state variables: \(system.variables.map(\.name).joined(separator: ", "))")
            }
            let at = SourceLocation(file: part.location.file, line: part.location.line, column: part.location.column + part.value.distance(from: part.value.startIndex, to: eq) + 1)
            let e: Expr
            do { e = try parse.parse(String(part.value[part.value.index(after: eq)...]), origin: TextSyntax.origin(at)) } catch { throw TextSyntax.located(error, at) }
            let value: OdeValue
            do { value = try OdeValue.expand(e, names: [:]) } catch { throw DerivationError(at, error.message, fix: error.fix) }
            guard value.components.count == v.shape.count else {
                throw DerivationError(at, "vector/scalar mismatch: `\(name)` has \(v.shape.count) component(s), the value \(value.shapeName)", fix: "give a value of the variable's shape")
            }
            for (i, c) in value.components.enumerated() { y[v.offset + i] = try Inputs.evaluate(c, system, values, functions: functions) }
        }
        if let missing = system.variables.first(where: { y[$0.offset].isNaN }) {
            throw DerivationError(field.location, "`initial:` gives no value for `\(missing.name)`", fix: "give every state variable an initial value")
        }
        return y
    }

    static func duration(_ claim: Claim, default value: Double) throws -> Double {
        guard let field = claim.spec["time"] else { return value }
        guard let t = Double(field.value.trimmed), t > 0, t.isFinite else {
            throw DerivationError(field.location, "`time:` must be a positive number (the integration time)", fix: "write e.g. `time: 200`")
        }
        return t
    }

    // MARK: ode-frequency, ode-relaxation

    static func oscillation(_ claim: Claim, _ context: DerivationContext, rate: Bool) throws -> Verdict {
        let system = try Inputs.system(claim, context)
        let values = try Inputs.values(claim, system, context)
        let field = try Inputs.field(claim, system, values)
        let functions = context.engine.numericFunctions
        let y0 = try initialState(claim, system, values, functions: functions)
        let (observable, _) = try observable(claim.spec["observe"]!, system)
        let printedText = claim.printed.value
        let expression: Expr
        // `omega = expression` or just the expression: the name on the left is a label.
        var right = claim.printed
        if let eq = printedText.firstIndex(of: "=") {
            right = Located(String(printedText[printedText.index(after: eq)...]),
                            at: SourceLocation(file: right.location.file, line: right.location.line,
                                               column: right.location.column + printedText.distance(from: printedText.startIndex, to: eq) + 1))
        }
        do { expression = try system.claimContext.parse(right.value, origin: TextSyntax.origin(right.location)) }
        catch { throw TextSyntax.located(error, right.location) }
        let printed = try Inputs.evaluate(expression, system, values, functions: functions)
        let tolerance = try DynamicsClaimInputs.tolerance(claim, default: 0.01)
        return try oscillationVerdict(field, from: y0, observable: observable, duration: try duration(claim, default: 100),
                                      printed: printed, printedText: printedText, rate: rate, tolerance: tolerance)
    }

    /// Frequency and decay rate of a scalar observable q(t) along the trajectory: the trajectory is sampled
    /// from the DOP853 dense output (≥ 200 points per period), q_∞ = q at the end; upward crossings of
    /// q − q_∞ (linear interpolation) give the period, ω = 2π·(crossings − 1)/(t_last − t_first); the extrema
    /// A_k of |q − q_∞| give the decay rate by a least-squares fit of ln A_k against t_k; both from the first half of
    /// the run, so `time:` must let the oscillation decay well below its early amplitude (or, undamped, q_∞ ≈ its mean).
    public static func oscillationVerdict(_ field: DeclaredField, from y0: [Double], observable: CompiledExpressions, duration: Double,
                                          printed: Double, printedText: String, rate: Bool, tolerance: Double) throws -> Verdict {
        let samples = 40_000
        let trajectory = try Trajectory.sample(field, from: y0, duration: duration, samples: samples, perStep: 8,
                                               tolerances: Tolerances(relative: 1e-12, absolute: 1e-14))
        let bound = observable.bind(field.values)
        let q = trajectory.states.map { observable.values(at: $0, bound: bound)[0] }
        let t = trajectory.times
        let qEnd = q.last!
        var crossings: [Double] = []
        for i in 1..<q.count where q[i - 1] - qEnd < 0 && q[i] - qEnd >= 0 {
            let a = q[i - 1] - qEnd, b = q[i] - qEnd
            crossings.append(t[i - 1] + (t[i] - t[i - 1]) * (-a) / (b - a))
        }
        var peaks: [(Double, Double)] = []
        var k = 1
        while k < q.count - 1 {
            let a = abs(q[k] - qEnd)
            if a >= abs(q[k - 1] - qEnd) && a > abs(q[k + 1] - qEnd) && a > 0 { peaks.append((t[k], a)) }
            k += 1
        }
        // Use the first half of the run only: q_∞ is taken at the end, where the oscillation must have decayed
        // far below its amplitude in the first half (otherwise the offset shifts the crossings).
        peaks = peaks.filter { $0.0 < 0.5 * duration }
        crossings = crossings.filter { $0 < 0.5 * duration }
        guard crossings.count >= 3, peaks.count >= 4 else {
            return Verdict(.inconclusive, detail: "the observable does not oscillate over `time:` = \(fmt(duration)) (\(crossings.count) upward crossings, \(peaks.count) extrema): lengthen `time:` or start away from the fixed point")
        }
        let omega = 2 * Double.pi * Double(crossings.count - 1) / (crossings.last! - crossings.first!)
        // Least squares ln A = c − λ t.
        let n = Double(peaks.count)
        let st = peaks.reduce(0) { $0 + $1.0 }, sl = peaks.reduce(0) { $0 + log($1.1) }
        let stt = peaks.reduce(0) { $0 + $1.0 * $1.0 }, stl = peaks.reduce(0) { $0 + $1.0 * log($1.1) }
        let lambda = -(n * stl - st * sl) / (n * stt - st * st)
        let periods = (0..<(crossings.count - 1)).map { crossings[$0 + 1] - crossings[$0] }
        let spread = (periods.max()! - periods.min()!) / periods.reduce(0, +) * Double(periods.count)
        let computed = rate ? lambda : omega
        let deviation = abs(computed - printed) / abs(printed)
        let what = rate ? "relaxation rate λ" : "angular frequency ω"
        let detail = "system `\(field.system.name)`: trajectory over t ∈ [0, \(fmt(duration))] (DOP853 rtol 1e-12, dense output, \(samples) samples): \(crossings.count) upward crossings, ω = 2π/period = \(fmt(omega, 8)) (period spread \(fmt(spread, 2))); \(peaks.count) extrema, decay rate λ = \(fmt(lambda, 8)) (fit of ln A_k); \(what) \(fmt(computed, 8)) against printed `\(printedText)` = \(fmt(printed, 8)), deviation \(DynamicsClaimInputs.percent(deviation)) (tolerance \(DynamicsClaimInputs.percent(tolerance)))"
        return Verdict(deviation <= tolerance ? .verified : .discrepancy, method: .numeric(digits: 4, errorEstimate: fmt(max(spread, 1e-6) * computed, 2)),
                       detail: detail, computed: fmt(computed, 8), relation: deviation <= tolerance ? nil : "computed = \(fmt(computed / printed, 4)) × printed")
    }

    // MARK: ode-conserved

    static func conserved(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        let system = try Inputs.system(claim, context)
        let values = try Inputs.values(claim, system, context)
        let field = try Inputs.field(claim, system, values)
        let (observable, _) = try observable(claim.printed, system)
        let tolerance = try DynamicsClaimInputs.tolerance(claim, default: 1e-8)
        let samples = try Inputs.count(claim, key: "samples", default: 4)
        let duration = try duration(claim, default: 100)
        let bound = observable.bind(field.values)
        var worst = 0.0
        for i in 0..<samples {
            let y0 = DeclaredSimulation.randomInitialCondition(system, seed: claim.seed &+ UInt64(i))
            let trajectory = try Trajectory.sample(field, from: y0, duration: duration, samples: 500, perStep: 1,
                                                   tolerances: Tolerances(relative: 1e-12, absolute: 1e-14))
            let q0 = observable.values(at: y0, bound: bound)[0]
            for y in trajectory.states {
                worst = max(worst, abs(observable.values(at: y, bound: bound)[0] - q0) / max(abs(q0), 1e-300))
            }
        }
        let ok = worst <= tolerance
        return Verdict(ok ? .verified : .discrepancy, method: .numeric(digits: max(1, Int(-log10(max(worst, 1e-16)))), errorEstimate: fmt(worst, 2)),
                       detail: "system `\(system.name)`: `\(claim.printed.value)` along \(samples) trajectories from seeded random initial conditions over t ∈ [0, \(fmt(duration))] (DOP853 rtol 1e-12): largest relative change \(fmt(worst, 3)) (tolerance \(fmt(tolerance, 2)))",
                       computed: "relative change \(fmt(worst, 3))", seed: claim.seed)
    }
}
