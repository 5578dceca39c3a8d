import XCTest
@testable import Symbolic

/// The operations on the 6-symbol expressions of the sd-coupling chain (NC(17)/(18)), checked by
/// independent routes: limits of continuous rational functions by substitution, leading terms by
/// differentiation, limits at infinity by the change of variable U = 1/t.
final class AlgebraSdCouplingTests: XCTestCase {
    let ed = Expr.symbol("ed", .real), eF = Expr.symbol("eF", .real), ek = Expr.symbol("ek", .real)
    let kS = Symbol("kappa", .positive), uS = Symbol("U", .positive)
    let v = Expr.symbol("v", .nonzero)
    var kappa: Expr { .symbol(kS) }
    var U: Expr { .symbol(uS) }

    /// X = |v|²[1/λ_(a)+ + 1/λ_(b)+] at ε_k = ε_F, λ_(a)+ = i(ε_k − ε_d − U) − κ/2, λ_(b)+ = i(ε_d − ε_k).
    var X: Expr {
        let lamA = .i * (ek - ed - U) - kappa / 2, lamB = .i * (ed - ek)
        let x = Expr.pow(.abs(v), 2) * (1 / lamA + 1 / lamB)
        return x.substituting(Symbol("ek", .real), with: eF)
    }

    func testSmallKappaLimitAndLeadingTerm() throws {
        let (re, im) = X.complexParts()
        let g = -im, gamma = -2 * re
        // The κ → 0 limit of a rational function continuous at κ = 0 is its value there.
        let gLimit = try g.limit(kS, to: .zero)
        XCTAssertEqual((gLimit - g.substituting(kS, with: .zero)).together(), .zero)
        // γ vanishes at κ = 0 and its leading term is κ·∂γ/∂κ|₀.
        XCTAssertEqual(try gamma.limit(kS, to: .zero), .zero)
        let lead = try gamma.leadingTerm(kS, at: .zero)
        let byDerivative = kappa * gamma.derivative(kS).substituting(kS, with: .zero)
        XCTAssertEqual((lead - byDerivative).together(), .zero)
        // A factor-2 error is detected.
        XCTAssertNotEqual((lead - 2 * byDerivative).together(), .zero)
    }

    func testLargeULeadingTerm() throws {
        let gamma = -2 * X.complexParts().re
        let lead = try gamma.leadingTerm(uS, at: .infinity)
        // Independent: with U = 1/t, U²γ is a rational function of t continuous at 0.
        let tS = Symbol("t", .positive), t = Expr.symbol(tS)
        let scaled = (gamma * U * U).substituting(uS, with: 1 / t).together()
        let coefficient = scaled.substituting(tS, with: .zero).together()
        XCTAssertEqual((lead - coefficient / (U * U)).together(), .zero)
        // The ratio γ/|g| to leading order at the particle–hole symmetric point ε_F − ε_d = U/2:
        // computed twice, by leading terms and by substitution first.
        let (re, im) = X.complexParts()
        let ratio = try (-2 * re).leadingTerm(kS, at: .zero) / (try (im).limit(kS, to: .zero))
        let symmetric = ratio.substituting(Symbol("ed", .real), with: eF - U / 2).together()
        let direct = ((-2 * re) / im).substituting(Symbol("ed", .real), with: eF - U / 2)
        let directLead = try direct.leadingTerm(kS, at: .zero)
        XCTAssertEqual((symmetric - directLead).together(), .zero)
    }
}
