import XCTest
import Symbolic
@testable import Grassmann
@testable import Keldysh

/// Causality S[ψ₊ = ψ₋] = 0 (AX(S46), (S82)) of actions built from operators and of printed ones.
final class CausalityTests: XCTestCase {
    let up = Mode.d(.up), down = Mode.d(.down), ck = Mode.c(1, .up)
    let kappa = Expr.symbol("kappa", .positive), eps = Expr.symbol("eps", .real), g = Expr.symbol("g", .real)
    typealias Op = FermionOperator<Expr>

    func testClosedSystemActionS46IsCausal() throws {
        let s = try GKSLAction.action(modes: [up], hamiltonian: eps * Op.number(up), jumps: [])
        XCTAssertEqual(Causality.check(s), .vanishesIdentically)
    }

    func testDerivedGKSLActionIsCausalForOddAndEvenJumpOperators() throws {
        let h = eps * Op.number(up) + g * (Op.creation(up) * Op.annihilation(ck) + Op.creation(ck) * Op.annihilation(up))
        for l in [Op.annihilation(up), Op.creation(up) * Op.annihilation(ck), Op.creation(down) * Op.annihilation(up) + Op.creation(up) * Op.annihilation(ck)] {
            let s = try GKSLAction.action(modes: [up, down, ck], hamiltonian: h, jumps: [.init(rate: kappa, l)])
            XCTAssertEqual(Causality.check(s), .vanishesIdentically, "L = \(l)")
        }
    }

    func testNormalOrderedDecayBreaksCausalityForQuarticJumps() throws {
        // The subtlety after AX(S80): with the symbol of the normal-ordered L†L, L = d↑†c is not causal.
        let s = try GKSLAction.action(modes: [up, ck], hamiltonian: Op.zero, jumps: [.init(rate: kappa, Op.creation(up) * Op.annihilation(ck))], form: .normalOrderedDecay)
        XCTAssertFalse(Causality.check(s).isCausal)
        let odd = try GKSLAction.action(modes: [up], hamiltonian: Op.zero, jumps: [.init(rate: kappa, Op.annihilation(up))], form: .normalOrderedDecay)
        XCTAssertTrue(Causality.check(odd).isCausal)
    }

    func testPrintedS82IsCausalForEvenButNotForOddJumpOperators() throws {
        let even = try GKSLAction.action(modes: [up, ck], hamiltonian: Op.zero, jumps: [.init(rate: kappa, Op.creation(up) * Op.annihilation(ck))], form: .printedS82)
        XCTAssertTrue(Causality.check(even).isCausal)
        let odd = try GKSLAction.action(modes: [up], hamiltonian: Op.zero, jumps: [.init(rate: kappa, Op.annihilation(up))], form: .printedS82)
        XCTAssertFalse(Causality.check(odd).isCausal)
    }

    func testWrongInputsAreRejected() throws {
        // Flipped sign of the backward time-derivative term; a dissipator without the −½ L†L terms.
        var s = try GKSLAction.action(modes: [up], hamiltonian: eps * Op.number(up), jumps: [])
        s = s + Expr(2) * Expr.i * FieldPolynomial([([ContourField("d↑", conjugate: true, branch: .minus), ContourField("d↑", conjugate: false, branch: .minus, derivative: 1)], Expr(1))])
        XCTAssertFalse(Causality.check(s).isCausal)
        let jumpOnly = -Expr.i * kappa * (GKSLAction.symbol(Op.creation(up), branch: .minus) * GKSLAction.symbol(Op.annihilation(up), branch: .plus))
        XCTAssertFalse(Causality.check(jumpOnly).isCausal)
    }

    func testTotalDerivativeIsRecognisedButNotAnyDerivativeTerm() throws {
        // Σ_j m̂^{++}_j ∂_t m̂^{−−}_j at ψ₊ = ψ₋ is ½ ∂_t(m̂·m̂): a total derivative (the Gilbert term AX(S220)).
        let gilbert = try KeldyshTextSyntax.fieldPolynomial(.call("spin_dot_dt", [.symbol("a", .real), Expr(1), Expr(1), .symbol("a", .real), Expr(-1), Expr(-1)]))
        guard case .totalDerivative = Causality.check(gilbert) else { return XCTFail("expected a total derivative, got \(Causality.check(gilbert))") }
        // ψ̄ ∂_t ψ alone is not a total derivative.
        let f = FieldPolynomial([([ContourField("x", conjugate: true, branch: .plus), ContourField("x", conjugate: false, branch: .plus, derivative: 1)], Expr(1))])
        XCTAssertFalse(Causality.check(f).isCausal)
    }

    func testOrderedProductIsRequiredForOddFactors() {
        let x = Expr.symbol("x", .real)
        let product = Expr.product(of: [.call("psi", [x, Expr(1), Expr(0)]), .call("psibar", [x, Expr(1), Expr(0)])])
        XCTAssertThrowsError(try KeldyshTextSyntax.fieldPolynomial(product))
        XCTAssertNoThrow(try KeldyshTextSyntax.fieldPolynomial(.call("gr", [.call("psi", [x, Expr(1), Expr(0)]), .call("psibar", [x, Expr(1), Expr(0)])])))
    }
}
