import Foundation
import Symbolic

/// Which of the two spins the light reaches.
public enum Illumination: String, Sendable, CaseIterable {
    /// Spin 1 only (κ_2 = 0): Ω_12 ≠ 0, Ω_21 = 0 — the non-reciprocal pair.
    case first
    /// Both spins, κ_1 = κ_2 (uniform light on identical sites): Ω_12 = Ω_21.
    case both
}

/// The two-spin experiment of the NC(6) text ("when κ_a ≳ α_a U_a this light-induced contribution exceeds
/// the Gilbert damping … causing the effective interaction to change its sign … chase-and-runaway
/// dynamics") with every coefficient computed by the engine from microscopic parameters
/// (`LLGCoefficients`): two identical sites (ε_d, U, v) at distance k_F R in a band with ε_F, filling n,
/// temperature k_BT; the light κ on spin 1 or on both. The light intensity κ is the control parameter:
/// g(κ), γ(κ) come from one symbolic run of the projection method (`SdLightDependence`), α(κ) and J(κ),
/// Ω(κ) from the momentum integrals (computed once, they do not depend on κ).
public struct MicroscopicTwoSpinChase: Sendable {
    public let site: ImpuritySite
    public let fermiEnergy: BigRational
    public let kFR: Double
    public let filling: Double
    public let temperature: Double
    public var illumination: Illumination = .both
    public var fixedLength = false
    /// Integration time in units of 1/(α_1 J_12) at κ = 0 (the Gilbert alignment time).
    public var dampingTimes = 60.0
    public var tolerances = Tolerances(relative: 1e-10, absolute: 1e-12)
    public let light: SdLightDependence
    public let integrals: MomentumIntegrals

    public init(site: ImpuritySite, fermiEnergy: BigRational, kFR: Double, filling: Double, temperature: Double) throws {
        guard kFR > 0, kFR.isFinite else { throw ModelInputError(parameter: "kFR", value: kFR, fix: "give the distance k_F R > 0") }
        guard filling > 0, filling.isFinite else { throw ModelInputError(parameter: "n", value: filling, fix: "the filling must be > 0") }
        guard temperature >= 0, temperature.isFinite else { throw ModelInputError(parameter: "T", value: temperature, fix: "k_BT ≥ 0 (meV)") }
        self.site = site
        self.fermiEnergy = fermiEnergy
        self.kFR = kFR
        self.filling = filling
        self.temperature = temperature
        self.light = try SdLightDependence.derive(site: site, fermiEnergy: fermiEnergy)
        self.integrals = try MomentumIntegrals.compute(kFR: [[0, kFR], [kFR, 0]], fermiEnergy: fermiEnergy.doubleValue,
                                                       temperature: temperature)
        guard integrals.rkky[0][1] > 0 else {
            throw ModelInputError(parameter: "kFR", value: kFR,
                                  fix: "J(2k_F R, t) = \(integrals.rkky[0][1]) ≤ 0 here: the pair is antiferromagnetic without light; choose k_F R with a ferromagnetic RKKY coupling (e.g. 1)")
        }
    }

    /// Every coefficient of NC(6) at light intensity κ.
    public func coefficients(kappa: BigRational) throws -> LLGCoefficients {
        let lit = try light.at(kappa: kappa), dark = try light.at(kappa: .zero)
        let second = illumination == .both ? lit : dark
        return LLGCoefficients.assemble(g: [lit.g.doubleValue, second.g.doubleValue],
                                        gamma: [lit.gamma.doubleValue, second.gamma.doubleValue],
                                        integrals: integrals, fermiEnergy: fermiEnergy.doubleValue, filling: filling)
    }

    /// The integration time: `dampingTimes`/(α_1 J_12) at κ = 0.
    public func maxTime() throws -> Double {
        let c = try coefficients(kappa: .zero)
        return dampingTimes / (c.alpha[0] * c.exchange[0][1])
    }

    public func state(kappa: BigRational, initialAngle: Double = 0.9) throws -> TwoSpinState {
        try TwoSpinChase.longTimeState(of: try coefficients(kappa: kappa).model(fixedLength: fixedLength),
                                       initialAngle: initialAngle, maxTime: try maxTime(), tolerances: tolerances)
    }

    /// Does the pair align at κ? As in `TwoSpinChase.aligns`: aligned at the end, or the relative angle closed.
    public func aligns(kappa: BigRational, initialAngle: Double = 0.9) throws -> Bool {
        let s = try state(kappa: kappa, initialAngle: initialAngle)
        return s.phase == .aligned || (s.phase != .antialigned && s.phase != .decayed && s.cosAngle > cos(initialAngle))
    }

    /// Smallest κ at which the pair no longer aligns: doubling from U/4096 up to U/2, then bisection in exact
    /// rationals to a relative width `relativeTolerance`. Nil when the pair aligns up to U/2.
    public func threshold(relativeTolerance: Double = 0.01) throws -> (lower: BigRational, upper: BigRational)? {
        var lo = BigRational.zero
        var hi: BigRational? = nil
        var k = site.hubbardU / BigRational(4096)
        let cap = site.hubbardU / BigRational(2)
        while k <= cap {
            if try !aligns(kappa: k) { hi = k; break }
            lo = k
            k = k * BigRational(2)
        }
        guard var upper = hi else { return nil }
        while (upper - lo).doubleValue > relativeTolerance * upper.doubleValue {
            let mid = (lo + upper) / BigRational(2)
            if try aligns(kappa: mid) { lo = mid } else { upper = mid }
        }
        return (lo, upper)
    }

    /// A rotating (chase-and-run) state at κ: integrate to `maxTime()`, then over one more stretch of 10% and
    /// require cos θ_12, |S_1|, |S_2| and the rotation rate |Ṡ_2|/|S_2| to be stationary to `stationarity`
    /// (relative), with 0 < θ_12 < π and a nonzero rate. Returns the state at the end (its `rotationRate` is
    /// the rotation frequency ω) and whether it is a stationary rotation.
    public func rotation(kappa: BigRational, initialAngle: Double = 0.9, stationarity: Double = 1e-5) throws -> (state: TwoSpinState, rotating: Bool) {
        let model = try coefficients(kappa: kappa).model(fixedLength: fixedLength)
        let t = try maxTime()
        let a = try TwoSpinChase.longTimeState(of: model, initialAngle: initialAngle, maxTime: t, tolerances: tolerances)
        let b = try TwoSpinChase.longTimeState(of: model, initialAngle: initialAngle, maxTime: 1.1 * t, tolerances: tolerances)
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= stationarity * max(abs(x), abs(y), 1e-300) }
        let stationary = close(a.cosAngle, b.cosAngle) && close(a.length1, b.length1) && close(a.length2, b.length2)
            && close(a.rotationRate, b.rotationRate)
        let rotating = stationary && b.rotationRate > 1e-9 && abs(b.cosAngle) < 1 - 1e-9
        return (b, rotating)
    }
}
