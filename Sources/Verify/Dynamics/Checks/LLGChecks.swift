import Foundation
import Symbolic

/// The decisions behind the `llg-*` check kinds (NC(6) = AX(6) = AX(S262)).
public enum LLGChecks {
    typealias Inputs = DynamicsClaimInputs

    static func signFlip(_ claim: Claim, _ context: DerivationContext) throws -> Verdict {
        if let micro = try microscopicPair(claim) {
            let (lhs, _, rhs) = try context.relation(claim.printed, claim: claim)
            return try microscopicSignFlipVerdict(micro, printedLHS: lhs, printedRHS: rhs, printedText: claim.printed.value,
                                                  tolerance: try Inputs.tolerance(claim, default: 0.05))
        }
        var chase = TwoSpinChase()
        chase.alpha = [0.2, 0.2]
        chase.maxTime = 1500
        for (name, value, location) in try Inputs.pairs(claim, key: "parameters") {
            switch name {
            case "alpha1": chase.alpha[0] = value
            case "alpha2": chase.alpha[1] = value
            case "J": chase.exchange = value
            case "g": chase.sdCoupling = value
            case "n": chase.filling = value
            case "_fixedLength": chase.fixedLength = value != 0
            case "_maxTime": chase.maxTime = value
            default:
                throw DerivationError(location, "unknown two-spin parameter `\(name)`",
                                      fix: "use alpha1, alpha2, J, g, n, _fixedLength (0/1), _maxTime")
            }
        }
        return try signFlipVerdict(chase, printed: try Inputs.printedNumber(claim), tolerance: try Inputs.tolerance(claim, default: 0.05))
    }

    /// Bisection (to 0.01) on the long-time state of two spins, spin 1 lit: the smallest γ_1/(α_1|g_1|) at
    /// which the pair no longer ends aligned, against `printed`.
    public static func signFlipVerdict(_ chase: TwoSpinChase, printed: Double, tolerance: Double) throws -> Verdict {
        guard let t = try chase.threshold(upTo: 8, tolerance: 1e-2) else {
            return Verdict(.discrepancy, method: .numeric(digits: 2, errorEstimate: "0.01"),
                           detail: "the pair stays aligned for all γ_1/(α_1|g_1|) ≤ 8", computed: "none ≤ 8")
        }
        let above = try chase.state(ratio: t.upper + 0.05)
        let variant = chase.fixedLength ? "fixed-length reading of NC(6) (|S_a| conserved)" : "NC(6) as printed (−γ_a n S_a and −Ω_ab S_b change |S_1|)"
        let deviation = abs(t.value - printed) / abs(printed)
        let detail = "two spins, J = \(chase.exchange) meV, α = (\(chase.alpha[0]), \(chase.alpha[1])), g_1 = \(chase.sdCoupling) meV, n = \(chase.filling), \(variant): aligned below γ_1/(α_1|g_1|) ∈ [\(Inputs.fmt(t.lower, 4)), \(Inputs.fmt(t.upper, 4))]; just above: \(above.phase.rawValue), cos θ_12 = \(Inputs.fmt(above.cosAngle, 4)), |S_1| = \(Inputs.fmt(above.length1, 4)); paper \(printed), deviation \(Inputs.percent(deviation))"
        return Verdict(deviation <= tolerance ? .verified : .discrepancy,
                       method: .numeric(digits: 2, errorEstimate: Inputs.fmt(t.upper - t.lower, 2)), detail: detail,
                       computed: Inputs.fmt(t.value, 4),
                       relation: deviation <= tolerance ? nil : "computed threshold = \(Inputs.fmt(t.value / printed, 3)) × printed")
    }

    /// The LL form of `LightInducedLLG` inserted into the implicit NC(6) at random states (1–5 spins, random
    /// J, α, γ, g), in MPFR with 2·digits + 10 digits of precision: the largest residual must be below
    /// 10^(−digits).
    public static func landauLifshitzVerdict(digits: Int, seed: UInt64, alphaScaleInCheck: Double = 1) -> Verdict {
        var g = SplitMix64(seed: seed)
        let bits = BigFloat.bits(forDigits: 2 * digits + 10)
        var worst = 0.0
        for spins in 1...5 {
            var j = [[Double]](repeating: [Double](repeating: 0, count: spins), count: spins)
            for a in 0..<spins { for b in (a + 1)..<max(a + 1, spins) { let v = 2 * g.nextUnit() - 1; j[a][b] = v; j[b][a] = v } }
            let alpha = (0..<spins).map { _ in 0.5 * g.nextUnit() }
            guard let model = try? LightInducedLLG(exchange: j, alpha: alpha, gamma: (0..<spins).map { _ in 0.3 * g.nextUnit() },
                                                   sdCoupling: (0..<spins).map { _ in -1 - g.nextUnit() }, filling: 1) else { continue }
            let y = (0..<(3 * spins)).map { _ in BigFloat(2 * g.nextUnit() - 1, precision: bits) }
            var dy = y
            model.rates(t: y[0], y: y, into: &dy)
            let checker = LightInducedLLG(exchange: model.exchange, lightTorque: model.lightTorque,
                                          alpha: model.alpha.map { $0 * alphaScaleInCheck }, gamma: model.gamma, filling: 1)
            for r in checker.implicitResidual(y, dy) { worst = max(worst, r.magnitude.doubleValue) }
        }
        let ok = worst < pow(10, -Double(digits))
        return Verdict(ok ? .verified : .discrepancy,
                       method: .numeric(digits: digits, errorEstimate: Inputs.fmt(worst, 3)),
                       detail: "Ṡ = [τ − αS×τ + α²(S·τ)S]/(1 + α²|S|²) inserted into Ṡ + αS×Ṡ − τ at seeded random states of 1–5 spins (random J_ab, α_a, γ_a, g_a; Ω_ab = (γ_a/|g_a|)J_ab), MPFR \(bits) bits: largest residual \(Inputs.fmt(worst, 3))",
                       computed: "residual \(Inputs.fmt(worst, 3))", seed: seed)
    }

    // MARK: Microscopic parameters (coefficients computed by the engine)

    /// The microscopic names of `parameters:` for the two-spin checks (meV, ħ = k_B = 1).
    static let microscopicNames = ["eps_d", "U", "eF", "v", "kFR", "n", "T"]

    /// `parameters: eps_d = 500; U = 1000; eF = 1000; v = 100; kFR = 1; n = 1; T = 9; _light = 1; _fixedLength = 0`
    /// → a `MicroscopicTwoSpinChase` (nil when no microscopic name is given: the typed-in J, α, g variant).
    /// `_light = 1` lights spin 1 only, `_light = 2` both spins.
    static func microscopicPair(_ claim: Claim) throws -> MicroscopicTwoSpinChase? {
        let pairs = try Inputs.pairs(claim, key: "parameters")
        guard pairs.contains(where: { microscopicNames.contains($0.0) }) else { return nil }
        var values: [String: Double] = [:]
        var light = 2.0, fixedLength = 0.0, dampingTimes = 60.0
        let location = claim.spec["parameters"]?.location ?? claim.spec.location
        for (name, value, location) in pairs {
            switch name {
            case _ where microscopicNames.contains(name): values[name] = value
            case "_light": light = value
            case "_fixedLength": fixedLength = value
            case "_dampingTimes": dampingTimes = value
            default:
                throw DerivationError(location, "unknown microscopic two-spin parameter `\(name)`",
                                      fix: "use \(microscopicNames.joined(separator: ", ")), _light (1: spin 1 lit, 2: both), _fixedLength (0/1), _dampingTimes")
            }
        }
        let missing = microscopicNames.filter { values[$0] == nil }
        guard missing.isEmpty else {
            throw DerivationError(location, "microscopic two-spin parameters incomplete: missing \(missing.joined(separator: ", "))",
                                  fix: "give all of \(microscopicNames.joined(separator: ", ")), e.g. `parameters: eps_d = 500; U = 1000; eF = 1000; v = 100; kFR = 1; n = 1; T = 9`")
        }
        guard light == 1 || light == 2 else {
            throw DerivationError(location, "`_light = \(light)` is neither 1 nor 2", fix: "write `_light = 1` (spin 1 lit) or `_light = 2` (both lit)")
        }
        do {
            let site = try ImpuritySite.meV(epsD: values["eps_d"]!, hubbardU: values["U"]!, kappa: 0, v: values["v"]!)
            guard let eF = BigRational(exactly: values["eF"]!) else { throw ModelInputError(parameter: "eF", value: values["eF"]!, fix: "give a finite ε_F") }
            var pair = try MicroscopicTwoSpinChase(site: site, fermiEnergy: eF, kFR: values["kFR"]!, filling: values["n"]!,
                                                   temperature: values["T"]!)
            pair.illumination = light == 1 ? .first : .both
            pair.fixedLength = fixedLength != 0
            pair.dampingTimes = dampingTimes
            return pair
        } catch let e as ModelInputError {
            throw DerivationError(location, e.description, fix: e.fix)
        }
    }

    /// The values the printed criterion may name, at light intensity κ: kappa_1, U_1, alpha_1, gamma_1, g_1,
    /// J_12, Omega_12 — each computed by the engine (`LLGCoefficients`), never typed in.
    static func criterionValues(_ pair: MicroscopicTwoSpinChase, kappa: BigRational) throws -> [String: Double] {
        let c = try pair.coefficients(kappa: kappa)
        return ["kappa_1": kappa.doubleValue, "U_1": pair.site.hubbardU.doubleValue, "alpha_1": c.alpha[0], "gamma_1": c.gamma[0],
                "g_1": c.g[0], "J_12": c.exchange[0][1], "Omega_12": c.lightTorque[0][1]]
    }

    /// lhs − rhs of the printed criterion at the engine's values (MPFR, 128 bits).
    static func evaluateCriterion(_ lhs: Expr, _ rhs: Expr, values: [String: Double]) throws -> (lhs: Double, rhs: Double) {
        var bound: [Symbol: BigComplex] = [:]
        for s in lhs.freeSymbols.union(rhs.freeSymbols) {
            guard let v = values[s.name] else { throw EvaluationError.unboundSymbol(s.name) }
            bound[s] = BigComplex(BigFloat(v, precision: 128))
        }
        return (try lhs.evaluate(at: bound, precision: 128).re.doubleValue, try rhs.evaluate(at: bound, precision: 128).re.doubleValue)
    }

    /// Bisection in the light intensity κ (exact rationals, 1% relative bracket) for the smallest κ at which the
    /// pair no longer ends aligned; the printed criterion (e.g. `kappa_1/(alpha_1*U_1) = 1`) is evaluated with the
    /// engine's coefficients at both bracket ends and compared with its right side within `tolerance`.
    public static func microscopicSignFlipVerdict(_ pair: MicroscopicTwoSpinChase, printedLHS: Expr, printedRHS: Expr,
                                                  printedText: String, tolerance: Double) throws -> Verdict {
        let variant = pair.fixedLength ? "fixed-length reading (|S_a| conserved)" : "NC(6) as printed"
        let lit = pair.illumination == .both ? "both spins lit (κ_1 = κ_2 = κ)" : "spin 1 lit (κ_2 = 0)"
        let c0 = try pair.coefficients(kappa: .zero)
        let setup = "two sites ε_d = \(Inputs.fmt(pair.site.epsD.doubleValue)), U = \(Inputs.fmt(pair.site.hubbardU.doubleValue)), v = \(Inputs.fmt(pair.site.v.doubleValue)) meV, ε_F = \(Inputs.fmt(pair.fermiEnergy.doubleValue)) meV, k_F R = \(Inputs.fmt(pair.kFR)), n = \(Inputs.fmt(pair.filling)), k_BT = \(Inputs.fmt(pair.temperature)) meV; engine: g(0) = \(Inputs.fmt(c0.g[0], 5)) meV, α(0) = \(Inputs.fmt(c0.alpha[0], 5)), J_12 = \(Inputs.fmt(c0.exchange[0][1], 5)) meV; \(lit); \(variant)"
        guard let (lower, upper) = try pair.threshold() else {
            return Verdict(.discrepancy, method: .numeric(digits: 2, errorEstimate: "1%"),
                           detail: "\(setup): the pair stays aligned for all κ ≤ U/2", computed: "none ≤ U/2")
        }
        let lo = try evaluateCriterion(printedLHS, printedRHS, values: try criterionValues(pair, kappa: lower))
        let hi = try evaluateCriterion(printedLHS, printedRHS, values: try criterionValues(pair, kappa: upper))
        let computed = 0.5 * (lo.lhs + hi.lhs), target = hi.rhs
        let deviation = abs(computed - target) / abs(target)
        let atUpper = try criterionValues(pair, kappa: upper)
        let above = try pair.state(kappa: upper * BigRational(11) / BigRational(10))
        let detail = "\(setup): the pair stops aligning at κ ∈ [\(Inputs.fmt(lower.doubleValue, 5)), \(Inputs.fmt(upper.doubleValue, 5))] meV, where the engine gives g_1 = \(Inputs.fmt(atUpper["g_1"]!, 5)) meV, γ_1 = \(Inputs.fmt(atUpper["gamma_1"]!, 5)) meV, α_1 = \(Inputs.fmt(atUpper["alpha_1"]!, 5)), γ_1/(α_1|g_1|) = \(Inputs.fmt(atUpper["gamma_1"]! / (atUpper["alpha_1"]! * abs(atUpper["g_1"]!)), 4)), κ_1/(α_1U_1) = \(Inputs.fmt(upper.doubleValue / (atUpper["alpha_1"]! * atUpper["U_1"]!), 4)); printed `\(printedText)`: left side \(Inputs.fmt(computed, 4)) against \(Inputs.fmt(target, 4)), deviation \(Inputs.percent(deviation)); at 1.1 κ_upper: \(above.phase.rawValue), cos θ_12 = \(Inputs.fmt(above.cosAngle, 4)), |S_1| = \(Inputs.fmt(above.length1, 4)), |S_2| = \(Inputs.fmt(above.length2, 4))"
        return Verdict(deviation <= tolerance ? .verified : .discrepancy,
                       method: .numeric(digits: 2, errorEstimate: Inputs.fmt(abs(hi.lhs - lo.lhs), 2)), detail: detail,
                       computed: Inputs.fmt(computed, 4),
                       relation: deviation <= tolerance ? nil : "computed threshold = \(Inputs.fmt(computed / target, 3)) × printed")
    }

    static func chaseAndRun(_ claim: Claim) throws -> Verdict {
        guard let pair = try microscopicPair(claim) else {
            throw DerivationError(claim.spec["parameters"]?.location ?? claim.spec.location, "llg-chase-and-run needs microscopic parameters",
                                  fix: "write `parameters: eps_d = 500; U = 1000; eF = 1000; v = 100; kFR = 1; n = 1; T = 9; _light = 1`")
        }
        let printed = claim.printed.value.trimmingCharacters(in: .whitespaces)
        guard let expected = TwoSpinPhase(rawValue: printed) else {
            throw DerivationError(claim.printed.location, "`printed: \(printed)` is not a two-spin state",
                                  fix: "write one of \([TwoSpinPhase.aligned, .antialigned, .chaseAndRun].map(\.rawValue).joined(separator: ", "))")
        }
        return try chaseAndRunVerdict(pair, printed: expected)
    }

    /// Scan the light intensity κ = U·2^−k (k = 12 … 1) and, around the threshold, κ = κ*·(1.02, 1.1, 1.5, 2): the
    /// long-time two-spin state at each, with the stationarity test of `MicroscopicTwoSpinChase.rotation`. The
    /// printed state is verified when it is found at some κ above the threshold (for chase-and-run: a stationary
    /// rotation, whose frequency ω = |Ṡ_2|/|S_2| is reported), a discrepancy otherwise (the states found are listed).
    public static func chaseAndRunVerdict(_ pair: MicroscopicTwoSpinChase, printed: TwoSpinPhase) throws -> Verdict {
        var kappas: [BigRational] = (1...12).reversed().map { pair.site.hubbardU / BigRational(1 << $0) }
        var thresholdText = "none ≤ U/2"
        if let t = try pair.threshold(relativeTolerance: 0.02) {
            thresholdText = "[\(Inputs.fmt(t.lower.doubleValue, 4)), \(Inputs.fmt(t.upper.doubleValue, 4))] meV"
            kappas += [102, 110, 150, 200].map { t.upper * BigRational($0) / BigRational(100) }
        }
        var found: (BigRational, TwoSpinState)? = nil
        var seen: [String] = []
        for k in kappas.sorted(by: <) {
            let r = try pair.rotation(kappa: k)
            let phase: TwoSpinPhase = r.rotating ? .chaseAndRun : (r.state.phase == .chaseAndRun ? .unsettled : r.state.phase)
            seen.append("κ = \(Inputs.fmt(k.doubleValue, 4)): \(phase.rawValue)" + (r.rotating ? " (ω = \(Inputs.fmt(r.state.rotationRate, 4)) meV)" : ""))
            if phase == printed, found == nil { found = (k, r.state) }
        }
        let variant = pair.fixedLength ? "fixed-length reading" : "NC(6) as printed"
        let lit = pair.illumination == .both ? "both spins lit" : "spin 1 lit"
        let detail = "two spins, \(lit), \(variant), coefficients from the engine; threshold κ \(thresholdText); long-time states: \(seen.joined(separator: "; "))"
        if let (k, s) = found {
            return Verdict(.verified, method: .numeric(digits: 4, errorEstimate: "stationary to 1e-5"),
                           detail: detail, computed: "\(printed.rawValue) at κ = \(Inputs.fmt(k.doubleValue, 4)) meV, ω = \(Inputs.fmt(s.rotationRate, 4)) meV, cos θ_12 = \(Inputs.fmt(s.cosAngle, 4))")
        }
        return Verdict(.discrepancy, method: .numeric(digits: 4, errorEstimate: "stationary to 1e-5"), detail: detail,
                       computed: "no \(printed.rawValue) state at any κ scanned")
    }
}
