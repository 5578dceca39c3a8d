import Foundation
import XCTest
import Symbolic
@testable import Keldysh

/// The second-order reduction AX(S178)–(S197): spin traces, site-pair sums, the τ integrals, the
/// momentum kernels, and the Markovian action, each with deliberately wrong inputs.
final class SecondOrderActionTests: XCTestCase {
    let a = Symbol("a", .real), b = Symbol("b", .real)
    let ga = Expr.symbol("g_a", .real), gb = Expr.symbol("g_b", .real)
    let gammaA = Expr.symbol("gamma_a", .real), gammaB = Expr.symbol("gamma_b", .real)
    let f = Expr.symbol("f", .real), m = Expr.symbol("m", .real), h = Expr.symbol("h", .real), hgt = Expr.symbol("hgt", .real)

    func trace(_ x: Symbol, _ s1: Int, _ s2: Int, _ t1: Int, _ y: Symbol, _ s3: Int, _ s4: Int, _ t2: Int) -> SpinTrace {
        SpinTrace(.init(site: x, left: s1, right: s2, shift: t1), .init(site: y, left: s3, right: s4, shift: t2))
    }

    func sum(_ terms: [(Expr, SpinTrace)]) throws -> Expr {
        var s = SitePairSum()
        for (c, t) in terms { try s.add(c, t) }
        return s.expression
    }

    var kernels: MomentumKernels { MomentumKernels(fRKKY: f, mDis: m, hDis: h, hGreater: hgt) }

    // MARK: spin traces and Σ_ab

    func testTraceIsSymmetricAndCrossBranchShiftsDrop() throws {
        let t = trace(b, 1, 1, 1, a, 1, 1, -1)
        XCTAssertEqual(t.canonical, trace(a, 1, 1, -1, b, 1, 1, 1))
        // 𝔻^{++} with 𝔻^{−−}: the outer shifts do not matter (opposite branches).
        XCTAssertEqual(trace(a, 1, 1, 1, b, -1, -1, -1).canonical, trace(a, 1, 1, 0, b, -1, -1, 0))
        // 𝔻^{−+} with 𝔻^{++}: they do.
        XCTAssertNotEqual(trace(a, -1, 1, 1, b, 1, 1, -1).canonical, trace(a, -1, 1, -1, b, 1, 1, 1).canonical)
        XCTAssertEqual(SpinTrace(t.expression), t)
    }

    func testRelabellingTheSummationSitesSwapsTheCoefficient() throws {
        // Σ_ab g_a tr[𝔻_a^{−+}(t+δ) 𝔻_b^{++}(t−δ)] = Σ_ab g_b tr[𝔻_a^{++}(t−δ) 𝔻_b^{−+}(t+δ)]
        let lhs = try sum([(ga, trace(a, -1, 1, 1, b, 1, 1, -1))])
        let rhs = try sum([(gb, trace(a, 1, 1, -1, b, -1, 1, 1))])
        XCTAssertEqual(lhs, rhs)
        // …but not with the coefficient left unswapped (a wrong relabelling).
        XCTAssertNotEqual(lhs, try sum([(ga, trace(a, 1, 1, -1, b, -1, 1, 1))]))
    }

    func testSymmetricTraceKeepsOnlyTheSymmetrisedCoefficient() throws {
        // tr[X_a X_b] summed over a, b sees only ½(C_ab + C_ba): g_a − g_b drops out.
        let t = trace(a, -1, 1, 0, b, -1, 1, 0)
        XCTAssertEqual(try sum([(ga - gb, t)]), .zero)
        // tr[𝔻_a^{++}𝔻_b^{−−}] is not symmetric under a ↔ b: it becomes tr[𝔻_a^{−−}𝔻_b^{++}].
        XCTAssertEqual(try sum([(ga, trace(a, 1, 1, 0, b, -1, -1, 0))]), try sum([(gb, trace(a, -1, -1, 0, b, 1, 1, 0))]))
        XCTAssertNotEqual(try sum([(ga + gb, t)]), .zero)
    }

    func testSitePairSumRejectsNonlinearAndForeignInput() throws {
        let t = trace(a, 1, 1, 1, b, 1, 1, -1).expression
        XCTAssertThrowsError(try SitePairSum(t * t))
        XCTAssertThrowsError(try SitePairSum(t + ga))
        var s = SitePairSum()
        try s.add(.one, trace(a, 1, 1, 1, b, 1, 1, -1))
        XCTAssertThrowsError(try s.add(.one, trace(a, 1, 1, 1, Symbol("c", .real), 1, 1, -1)))
    }

    // MARK: τ integrals, AX(S187), (S188), (S217), (S218)

    /// The symbolic Laplace integrals against a plain numerical quadrature of the defining integral
    /// ∫dτ θ(side·τ) τⁿ (−i)² e^{−ixτ − δ|τ|} (composite Simpson in Double, independent of the engine).
    func testTimeIntegralsAgreeWithDirectQuadrature() throws {
        let x = 1.3, delta = 0.7
        for n in 0...2 {
            for side in [1, -1] {
                var re = 0.0, im = 0.0
                let steps = 200_000, upper = 60.0, hStep = upper / Double(steps)
                for k in 0...steps {
                    let u = Double(k) * hStep
                    let tau = Double(side) * u
                    let w = (k == 0 || k == steps) ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
                    let amplitude = -pow(tau, Double(n)) * exp(-delta * u)       // (−i)² = −1
                    re += w * amplitude * cos(-x * tau)
                    im += w * amplitude * sin(-x * tau)
                }
                re *= hStep / 3; im *= hStep / 3
                let value = ConductionTimeIntegral.value(power: n, side: side, x: Expr(BigRational(13, 10)), delta: Expr(BigRational(7, 10)))
                guard let z = value.numberValue else { return XCTFail("not a number: \(value.text)") }
                XCTAssertEqual(z.re.doubleValue, re, accuracy: 1e-7, "n = \(n), side = \(side)")
                XCTAssertEqual(z.im.doubleValue, im, accuracy: 1e-7, "n = \(n), side = \(side)")
            }
        }
    }

    func testFirstMomentIsTwiceThePrintedS217() {
        let x = Expr.symbol("x", .real), d = Expr.symbol("delta", .positive)
        let computed = ConductionTimeIntegral.value(power: 1, side: 1, x: x, delta: d)
        let printed = Expr.half / Expr.pow(x - Expr.i * d, Expr(2))
        XCTAssertEqual((computed / printed).together(), Expr(2))
        XCTAssertEqual(ConductionTimeIntegral.poleCoefficient(power: 0, side: 1), Expr.i)
        XCTAssertEqual(ConductionTimeIntegral.poleCoefficient(power: 0, side: -1), -Expr.i)
    }

    // MARK: momentum kernels, AX(S205)–(S207)

    func testKernelsReproduceTheirDefinitions() {
        let k = kernels
        // f_RKKY = −½(P_{><} − P_{<>}), m_dis = −½(D_{><} + D_{<>}), h_dis = D_{<<}
        XCTAssertEqual(-Expr.half * (k.principal(.greater, .lesser) - k.principal(.lesser, .greater)), f)
        XCTAssertEqual(-Expr.half * (k.delta(.greater, .lesser) + k.delta(.lesser, .greater)), m)
        XCTAssertEqual(k.delta(.lesser, .lesser), h)
        // q → −q: principal parts antisymmetric, δ parts symmetric.
        for u in [MomentumKernels.Occupation.lesser, .greater] {
            for v in [MomentumKernels.Occupation.lesser, .greater] {
                XCTAssertEqual(k.principal(u, v), -k.principal(v, u))
                XCTAssertEqual(k.delta(u, v), k.delta(v, u))
            }
        }
    }

    func testContourComponentsFollowS183() {
        typealias A = MarkovianSecondOrderAction
        XCTAssertEqual(A.component(1, 1, timeSign: 1), .greater)
        XCTAssertEqual(A.component(1, 1, timeSign: -1), .lesser)
        XCTAssertEqual(A.component(-1, -1, timeSign: 1), .lesser)
        XCTAssertEqual(A.component(-1, -1, timeSign: -1), .greater)
        XCTAssertEqual(A.component(1, -1, timeSign: 1), .lesser)
        XCTAssertEqual(A.component(-1, 1, timeSign: -1), .greater)
    }

    // MARK: the Markovian action

    func markov(_ spp: Expr, _ smm: Expr, _ smp: Expr, _ spm: Expr = .zero) throws -> SitePairSum {
        try MarkovianSecondOrderAction(plusPlus: spp, minusMinus: smm, minusPlus: smp, plusMinus: spm, kernels: kernels, sites: (a, b)).action()
    }

    func testEquilibriumLimitIsTheRKKYForm() throws {
        // γ = 0: Σ_ab g_a g_b (f + i m) tr[𝔻_a^{++}(t+δ)𝔻_b^{++}(t−δ)] − g_a g_b (f − i m) tr[𝔻^{−−}(t−δ)𝔻^{−−}(t+δ)] − 2i g g m tr[𝔻^{−−}𝔻^{++}]
        let s = try markov(ga, -ga, .zero)
        let gg = ga * gb
        let expected = try sum([
            (gg * (f + Expr.i * m), trace(a, 1, 1, 1, b, 1, 1, -1)),
            (-gg * (f - Expr.i * m), trace(a, -1, -1, -1, b, -1, -1, 1)),
            (Expr(-2) * Expr.i * gg * m, trace(a, -1, -1, 0, b, 1, 1, 0)),
        ])
        XCTAssertEqual(s.expression, expected)
        // A flipped sign of Σ^{−−} changes the action.
        XCTAssertNotEqual(try markov(ga, ga, .zero).expression, expected)
    }

    func testPhysicalSelfEnergyGivesACausalAction() throws {
        let half = Expr.half
        let s = try markov(ga - Expr.i * gammaA * half, -(ga + Expr.i * gammaA * half), Expr.i * gammaA)
        XCTAssertEqual(s.branchesIdentified.expression, .zero)
        // A wrong dissipative vertex (factor 2 in Σ^{−+}, or its sign) breaks trace preservation.
        for wrong in [Expr(2) * Expr.i * gammaA, -Expr.i * gammaA] {
            let w = try markov(ga - Expr.i * gammaA * half, -(ga + Expr.i * gammaA * half), wrong)
            XCTAssertNotEqual(w.branchesIdentified.expression, .zero, "Σ^{−+} = \(wrong.text)")
        }
    }

    func testSpinBilinearProductsAreTracesWithTheBranchesReversed() throws {
        // Σ_j m̂_a^{+−} m̂_b^{++} = 2 tr[𝔻_a^{−+} 𝔻_b^{++}] (AX(S209)); not 2 tr[𝔻_a^{+−} 𝔻_b^{++}].
        let ops = KeldyshOperations.all
        let e = try ops["spin_dot_trace"]!([.symbol(a), Expr(1), Expr(-1), .symbol(b), Expr(1), Expr(1)])
        XCTAssertEqual(e, 2 * trace(a, -1, 1, 0, b, 1, 1, 0).expression)
        XCTAssertNotEqual(e, 2 * trace(a, 1, -1, 0, b, 1, 1, 0).expression)
        let shifted = trace(a, -1, 1, 1, b, 1, 1, -1).expression
        XCTAssertEqual(try ops["drop_shifts"]!([shifted]), trace(a, -1, 1, 0, b, 1, 1, 0).expression)
    }

    func testOperationsAreRegisteredAndValidateTheirArguments() throws {
        let ops = KeldyshOperations.all
        XCTAssertThrowsError(try ops["trD"]!([Expr(1)]))
        XCTAssertThrowsError(try ops["trD"]!([.symbol(a), Expr(2), Expr(1), Expr(0), .symbol(b), Expr(1), Expr(1), Expr(0)]))
        XCTAssertThrowsError(try ops["tau_integral"]!([Expr(0), Expr(0), f, m]))
        XCTAssertThrowsError(try ops["keldysh_rkky_markov"]!([f]))
    }
}

/// The self-energy read off the sd action, AX(S147)–(S164).
final class ConductionSelfEnergyTests: XCTestCase {
    let g = Expr.symbol("g_a", .real), gamma = Expr.symbol("gamma_a", .real)
    let spins = ["up", "dn"]

    func field(_ name: String, bar: Bool, _ s: Int, _ shift: Int) -> FieldPolynomial {
        FieldPolynomial(ContourField(name, conjugate: bar, branch: s == 1 ? .plus : .minus, shift: shift))
    }

    /// S_sd of AX(S147) (second line, δ term omitted) and AX(S148) with a chosen weight of the two
    /// decay terms (the paper's ½) and a chosen sign of the coherent term.
    func action(decayWeight: Expr = .half, coherentSign: Int = 1) -> FieldPolynomial {
        var s = FieldPolynomial()
        for a in spins { for b in spins {
            let (ca, cb, da, db) = ("c_" + a, "c_" + b, "d_" + a + "_a", "d_" + b + "_a")
            for k in [1, -1] {
                s = s + (Expr(-k * coherentSign) * g) * (field(ca, bar: true, k, 0) * field(cb, bar: false, k, 0) * field(da, bar: false, k, k) * field(db, bar: true, k, -k))
            }
            s = s + (-Expr.i * gamma) * (field(ca, bar: true, -1, 0) * field(da, bar: false, -1, 0) * field(db, bar: true, 1, 0) * field(cb, bar: false, 1, 0))
            s = s + (Expr.i * gamma * decayWeight) * (field(ca, bar: true, 1, 1) * field(da, bar: false, 1, 1) * field(db, bar: true, 1, -1) * field(cb, bar: false, 1, -1))
            s = s + (Expr.i * gamma * decayWeight) * (field(ca, bar: true, -1, -1) * field(da, bar: false, -1, -1) * field(db, bar: true, -1, 1) * field(cb, bar: false, -1, 1))
        } }
        return s
    }

    func testSelfEnergyOfTheSdActionIsS193ToS196() throws {
        let s = action()
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: s, site: "a", 1, 1), g - Expr.i * gamma * .half)
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: s, site: "a", -1, -1), -g - Expr.i * gamma * .half)
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: s, site: "a", -1, 1), Expr.i * gamma)
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: s, site: "a", 1, -1), .zero)
    }

    func testWrongActionsGiveOtherSelfEnergies() throws {
        // Decay terms with weight 1 instead of ½: Σ^{++} = g − iγ.
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: action(decayWeight: .one), site: "a", 1, 1), g - Expr.i * gamma)
        // Coherent term with the wrong sign: Σ^{++} = −g − iγ/2.
        XCTAssertEqual(try ConductionSelfEnergy.coefficient(action: action(coherentSign: -1), site: "a", 1, 1), -g - Expr.i * gamma * .half)
    }

    func testSpinDependentVertexIsNotProportionalToD() {
        // Only the ↑↑ component: Σ is not C·𝔻 (the off-diagonal spin components vanish).
        let s = (-g) * (field("c_up", bar: true, 1, 0) * field("c_up", bar: false, 1, 0) * field("d_up_a", bar: false, 1, 1) * field("d_up_a", bar: true, 1, -1))
        XCTAssertThrowsError(try ConductionSelfEnergy.coefficient(action: s, site: "a", 1, 1))
    }
}

/// The first order ΔS⁽¹⁾ = i Tr[Σ𝔾₀], AX(S171)–(S175).
final class FirstOrderActionTests: XCTestCase {
    let fk = Symbol("fk", .real), n = Expr.symbol("n", .real), site = Expr.symbol("a", .real)
    var f: Expr { .symbol(fk) }
    let g = Expr.symbol("g_a", .real), gamma = Expr.symbol("gamma_a", .real)

    func integral(_ s: Int, _ sp: Int, _ eta: Int) -> Expr {
        (2 * Expr.pi * FirstOrderAction.frequencyIntegral(FirstOrderAction.freeGreensFunction(s, sp, occupation: f), etaSign: eta)).expanded()
    }

    func testContourIntegralsS173ToS175() {
        let twoPiIF = (2 * Expr.pi * Expr.i * f).expanded()
        XCTAssertEqual(integral(1, 1, 1), twoPiIF)
        XCTAssertEqual(integral(-1, -1, -1), twoPiIF)
        XCTAssertEqual(integral(1, -1, 1), twoPiIF)
        // Closing on the wrong side picks the other pole: −2πi(1 − f), not 2πi f.
        XCTAssertEqual(integral(1, 1, -1), (-2 * Expr.pi * Expr.i * (1 - f)).expanded())
    }

    func coefficients(_ spp: Expr, _ smm: Expr, _ smp: Expr, _ spm: Expr = .zero) -> [Int: [Int: Expr]] {
        [1: [1: spp, -1: spm], -1: [1: smp, -1: smm]]
    }

    func testPhysicalSelfEnergyGivesATracePreservingFirstOrder() throws {
        let c = coefficients(g - Expr.i * gamma * .half, -(g + Expr.i * gamma * .half), Expr.i * gamma)
        let s = try FirstOrderAction.action(site: site, coefficients: c, occupation: fk, filling: n)
        // At d₊ = d₋ every tr 𝔻^{ss'} is the same: the coefficients must add up to zero.
        let identified = s.mapBottomUp { node in
            if case .call(FirstOrderAction.traceName, _) = node { return .one }
            return node
        }
        XCTAssertEqual(identified.expanded(), .zero)
        // A decay vertex with the wrong weight (Σ^{−+} = 2iγ) is not trace preserving.
        let wrong = try FirstOrderAction.action(site: site, coefficients: coefficients(g - Expr.i * gamma * .half, -(g + Expr.i * gamma * .half), 2 * Expr.i * gamma),
                                                occupation: fk, filling: n)
        XCTAssertNotEqual(wrong.mapBottomUp { if case .call(FirstOrderAction.traceName, _) = $0 { return .one }; return $0 }.expanded(), .zero)
    }

    func testSelfEnergyPairedWithTheNumberOfStatesIsRefused() {
        // Σ^{+−} ≠ 0 pairs with G^{−+} ∝ (1 − f): Σ_k of it is not the filling.
        XCTAssertThrowsError(try FirstOrderAction.action(site: site, coefficients: coefficients(g, -g, .zero, gamma), occupation: fk, filling: n))
    }
}

/// One mode attached to a bath, AX(S60)–(S68): the bath integrated out as a Gaussian integral.
final class BathAttachedModeTests: XCTestCase {
    func testOneBathModeGivesTheDysonForm() {
        let (z, e0, v, w) = (Expr.symbol("z"), Expr.symbol("e0", .real), Expr.symbol("v"), Expr.symbol("w", .real))
        let g = BathAttachedMode.retardedGreensFunction(z: z, energy: e0, couplings: [(v, w)])
        let dyson = 1 / (z - e0 - v * Expr.conj(v) / (z - w))
        XCTAssertEqual((g - dyson).together(), .zero)
        // A wrong self-energy sign is a different function.
        XCTAssertNotEqual((g - 1 / (z - e0 + v * Expr.conj(v) / (z - w))).together(), .zero)
    }

    func testWithoutBathItIsTheFreeResolvent() {
        let (z, e0) = (Expr.symbol("z"), Expr.symbol("e0", .real))
        XCTAssertEqual(BathAttachedMode.retardedGreensFunction(z: z, energy: e0, couplings: []), (1 / (z - e0)).together())
    }
}

/// The Gilbert (gradient) term, AX(S216)–(S221).
final class GilbertActionTests: XCTestCase {
    let a = Symbol("a", .real)
    let g = Expr.symbol("g_a", .real), gamma = Expr.symbol("gamma_a", .real)
    let big = Expr.symbol("A", .real), pll = Expr.symbol("pll", .real), pgg = Expr.symbol("pgg", .real), plg = Expr.symbol("plg", .real)
    var kernels: GradientKernels { GradientKernels(a: big, p2LesserLesser: pll, p2GreaterGreater: pgg, p2Mixed: plg) }

    func gradient(_ s1: Int, _ s2: Int, _ s3: Int, _ s4: Int) -> SpinTrace {
        SpinTrace(.init(site: a, left: s1, right: s2, shift: 0), .init(site: a, left: s3, right: s4, shift: 0), derivativeOnSecond: true)
    }

    func testIntegrationByPartsAndTotalDerivatives() {
        // ∫tr[𝔻^{−−} ∂𝔻^{++}] = −∫tr[𝔻^{++} ∂𝔻^{−−}]; ∫tr[𝔻^{++} ∂𝔻^{++}] = 0.
        let (t, sign) = gradient(-1, -1, 1, 1).canonicalWithSign
        XCTAssertEqual(t, gradient(1, 1, -1, -1))
        XCTAssertEqual(sign, -1)
        XCTAssertEqual(gradient(1, 1, 1, 1).canonicalWithSign.sign, 0)
        // Outer shifts of gradient terms are dropped: tr[𝔻^{++}(t+δ) ∂𝔻^{++}(t−δ)] is a total derivative too.
        var shifted = gradient(1, 1, 1, 1)
        shifted.first.shift = 1; shifted.second.shift = -1
        XCTAssertEqual(shifted.canonicalWithSign.sign, 0)
        // A plain trace does not pick up a sign.
        XCTAssertEqual(SpinTrace(.init(site: a, left: -1, right: -1, shift: 0), .init(site: a, left: 1, right: 1, shift: 0)).canonicalWithSign.sign, 1)
    }

    func testSecondPoleKernelsFollowFromTheirDistributions() {
        let k = kernels
        // D′ antisymmetric with D′_{<>} − D′_{><} = A (xδ′ = −δ); P2 symmetric.
        XCTAssertEqual(k.deltaPrime(.lesser, .greater) - k.deltaPrime(.greater, .lesser), big)
        XCTAssertEqual(k.deltaPrime(.lesser, .lesser), .zero)
        XCTAssertEqual(k.principal(.lesser, .greater), k.principal(.greater, .lesser))
        // Σ F F Im[1/(x − iδ)²] = −D′: the two sides of the pole.
        XCTAssertEqual(((k.secondPole(.lesser, .greater, side: 1) - k.secondPole(.lesser, .greater, side: -1)) / (2 * Expr.i)).expanded(), (-big * .half).expanded())
    }

    func testEquilibriumGilbertActionIsTheDampingTermOnly() throws {
        let s = try GilbertAction(plusPlus: g, minusMinus: -g, kernels: kernels, site: a).action()
        XCTAssertEqual(s.expression, (big * g * g).expanded() * gradient(1, 1, -1, -1).expression)
        // A wrong sign of Σ^{−−} flips the damping (anti-damping): rejected.
        let wrong = try GilbertAction(plusPlus: g, minusMinus: g, kernels: kernels, site: a).action()
        XCTAssertNotEqual(wrong.expression, s.expression)
        // Light-induced corrections of Σ^{±±} enter at order γ².
        let lit = try GilbertAction(plusPlus: g - Expr.i * gamma * .half, minusMinus: -(g + Expr.i * gamma * .half), kernels: kernels, site: a).action()
        XCTAssertEqual(lit.expression, (big * (g * g + gamma * gamma / 4)).expanded().together() * gradient(1, 1, -1, -1).expression)
    }
}
