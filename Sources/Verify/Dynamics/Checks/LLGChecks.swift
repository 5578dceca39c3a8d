import Foundation
import Symbolic

/// The decisions behind the `llg-*` check kinds (NC(6) = AX(6) = AX(S262)).
public enum LLGChecks {
    typealias Inputs = DynamicsClaimInputs

    static func signFlip(_ claim: Claim) throws -> Verdict {
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

    static func landauLifshitz(_ claim: Claim) throws -> Verdict {
        landauLifshitzVerdict(digits: claim.digits, seed: claim.seed)
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
}
