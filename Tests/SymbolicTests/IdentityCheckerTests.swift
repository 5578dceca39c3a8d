import XCTest
@testable import Symbolic

/// The identity checker: a catalogue of true identities (each verified, by the method expected)
/// and of wrong ones (flipped signs, factors, exponents, swapped symbols, i ↔ −i, dropped terms),
/// each rejected with the right relation.
final class IdentityCheckerTests: XCTestCase {
    let x = Expr.symbol("x"), y = Expr.symbol("y")
    let a = Expr.symbol("a", .real), b = Expr.symbol("b", .real)
    let p = Expr.symbol("p", .positive), q = Expr.symbol("q", .positive)
    let v = Expr.symbol("v")
    let kappa = Expr.symbol("kappa", .positive)
    let checker = IdentityChecker(digits: 30)

    func assertVerifiedExactly(_ lhs: Expr, _ rhs: Expr, file: StaticString = #filePath, line: UInt = #line) {
        let verdict = checker.check(lhs, rhs)
        XCTAssertEqual(verdict.kind, .verified, verdict.detail, file: file, line: line)
        guard case .exact(let bound) = verdict.method else { return XCTFail("not exact: \(verdict.method)", file: file, line: line) }
        if let bound { XCTAssertLessThan(bound, 1e-20, file: file, line: line) }
        XCTAssertEqual(verdict.seed, IdentityChecker.defaultSeed, file: file, line: line)
    }

    func assertVerifiedNumerically(_ lhs: Expr, _ rhs: Expr, file: StaticString = #filePath, line: UInt = #line) {
        let verdict = checker.check(lhs, rhs)
        XCTAssertEqual(verdict.kind, .verified, verdict.detail, file: file, line: line)
        XCTAssertEqual(verdict.digits, 30, "\(verdict.method)", file: file, line: line)
    }

    func assertDiscrepancy(_ lhs: Expr, _ rhs: Expr, relation: String, method: String? = nil,
                           file: StaticString = #filePath, line: UInt = #line) {
        let verdict = checker.check(lhs, rhs)
        XCTAssertEqual(verdict.kind, .discrepancy, verdict.detail, file: file, line: line)
        XCTAssertEqual(verdict.relation, relation, verdict.detail, file: file, line: line)
        if let method { XCTAssertEqual(verdict.method.name, method, file: file, line: line) }
    }

    // MARK: True identities

    func testRationalIdentitiesAreVerifiedExactly() {
        assertVerifiedExactly(Expr.pow(x + y, 2), Expr.pow(x, 2) + 2 * x * y + Expr.pow(y, 2))
        assertVerifiedExactly(1 / (x - 1) - 1 / (x + 1), 2 / (Expr.pow(x, 2) - 1))
        assertVerifiedExactly(Expr.pow(x, 3) - Expr.pow(y, 3), (x - y) * (Expr.pow(x, 2) + x * y + Expr.pow(y, 2)))
        // A Lorentzian split: 1/((e − i k/2)(e + i k/2)) = 1/(e² + k²/4).
        assertVerifiedExactly(1 / ((a - .i * kappa / 2) * (a + .i * kappa / 2)), 1 / (Expr.pow(a, 2) + Expr.pow(kappa, 2) / 4))
        // Opaque atoms are independent variables: exp(x)² − 1 = (exp(x) − 1)(exp(x) + 1).
        assertVerifiedExactly(Expr.pow(.sin(x), 2) - 1, (Expr.sin(x) - 1) * (Expr.sin(x) + 1))
    }

    func testCanonicalEqualityIsDeterministic() {
        let verdict = checker.check(Expr.exp(x) * .exp(y), .exp(x + y))
        XCTAssertEqual(verdict.kind, .verified)
        XCTAssertEqual(verdict.method, .exact(falseAcceptBound: nil))
        // √(p²) = p for p > 0 is canonical.
        XCTAssertEqual(checker.check(.sqrt(Expr.pow(p, 2)), p).kind, .verified)
    }

    func testTranscendentalIdentitiesAreVerifiedNumerically() {
        assertVerifiedNumerically(Expr.pow(.sin(x), 2) + Expr.pow(.cos(x), 2), 1)
        assertVerifiedNumerically(Expr.sin(2 * x), 2 * Expr.sin(x) * Expr.cos(x))
        assertVerifiedNumerically(Expr.cos(x), (Expr.exp(.i * x) + Expr.exp(-.i * x)) / 2)
        assertVerifiedNumerically(Expr.log(p * q), Expr.log(p) + Expr.log(q))
        assertVerifiedNumerically(Expr.apply(.atan, p) + Expr.apply(.atan, 1 / p), Expr.pi / 2)
        assertVerifiedNumerically(Expr.fermi(a) + Expr.fermi(-a), 1)
        assertVerifiedNumerically(Expr.apply(.tanh, x), (Expr.exp(2 * x) - 1) / (Expr.exp(2 * x) + 1))
        // Related atoms: (√2 + 1)(√2 − 1) = 1; |v|³ = |v|·v·v̄.
        assertVerifiedNumerically(Expr.pow(.abs(v), 3), Expr.abs(v) * v * .conj(v))
        assertVerifiedNumerically((Expr.sqrt(2) + 1) * (Expr.sqrt(2) - 1), 1)
        // Related atoms that the exact test resolves through v and v̄.
        assertVerifiedExactly(Expr.im(1 / (a + .i * b)), -b / (Expr.pow(a, 2) + Expr.pow(b, 2)))
    }

    func testBranchDependentIdentityIsNotVerifiedOffItsDomain() {
        // √(x²) = x holds for x > 0 only.
        XCTAssertEqual(checker.check(.sqrt(Expr.pow(p, 2)), p).kind, .verified)
        let real = checker.check(.sqrt(Expr.pow(a, 2)), a)
        XCTAssertEqual(real.kind, .discrepancy)
        XCTAssertTrue(real.detail.contains("part of the domain"), real.detail)
        XCTAssertEqual(checker.check(.sqrt(Expr.pow(x, 2)), x).kind, .discrepancy)
        // log(x y) = log x + log y fails for complex x, y.
        XCTAssertNotEqual(checker.check(.log(x * y), Expr.log(x) + .log(y)).kind, .verified)
    }

    // MARK: Wrong identities

    func testFlippedSign() {
        assertDiscrepancy(Expr.pow(x, 2) - Expr.pow(y, 2), Expr.pow(y, 2) - Expr.pow(x, 2), relation: "rhs = -1 × lhs", method: "exact")
        assertDiscrepancy(Expr.log(p / q), Expr.log(q / p), relation: "rhs = -1 × lhs", method: "numeric")
    }

    func testFactorTwo() {
        assertDiscrepancy(Expr.pow(x + y, 2), 2 * (Expr.pow(x, 2) + 2 * x * y + Expr.pow(y, 2)), relation: "rhs = 2 × lhs", method: "exact")
        assertDiscrepancy(Expr.sin(2 * x), 4 * Expr.sin(x) * Expr.cos(x), relation: "rhs = 2 × lhs", method: "numeric")
        assertDiscrepancy(1 / (x - 1) - 1 / (x + 1), 1 / (Expr.pow(x, 2) - 1), relation: "rhs = 1/2 × lhs")
    }

    func testSimpleMultiplesAreIdentified() {
        assertDiscrepancy(Expr.exp(a), .pi * .exp(a), relation: "rhs = pi × lhs")
        assertDiscrepancy(Expr.exp(a), -2 * Expr.pow(.pi, 2) * .exp(a), relation: "rhs = -2*pi^2 × lhs")
        assertDiscrepancy(Expr.exp(a), .exp(a) / (2 * .pi), relation: "rhs = 1/(2*pi) × lhs")
        assertDiscrepancy(Expr.sin(x), .i * .sin(x), relation: "rhs = I × lhs")
        assertDiscrepancy(Expr.cos(x), .sqrt(2) * .cos(x), relation: "rhs = sqrt(2) × lhs")
        // Printed vs computed wording.
        let verdict = checker.check(printed: kappa * Expr.pow(.abs(v), 2), computed: -2 * kappa * v * .conj(v))
        XCTAssertEqual(verdict.kind, .discrepancy, verdict.detail)
        XCTAssertEqual(verdict.relation, "computed = -2 × printed")
    }

    func testFlippedSignOfOneTerm() {
        assertDiscrepancy(a + b + 1, a - b + 1, relation: "rhs = lhs with the sign of its term b flipped", method: "exact")
        // The g formula with the sign of 1/(eF − ed) flipped, inside the prefactor −|v|².
        let ed = Expr.symbol("ed", .real), eF = Expr.symbol("eF", .real), U = Expr.symbol("U", .positive)
        let lorentz = (ed + U - eF) / (Expr.pow(ed + U - eF, 2) + Expr.pow(kappa, 2) / 4)
        let printed = -Expr.pow(.abs(v), 2) * (lorentz + 1 / (eF - ed))
        let computed = -Expr.pow(.abs(v), 2) * (lorentz - 1 / (eF - ed))
        let verdict = checker.check(printed: printed, computed: computed)
        XCTAssertEqual(verdict.kind, .discrepancy)
        XCTAssertEqual(verdict.relation, "computed = printed with the sign of its term 1/(eF - ed) flipped (inside the common factor -abs(v)^2)", verdict.detail)
    }

    func testWrongExponent() {
        let verdict = checker.check(Expr.pow(x, 2) * y, Expr.pow(x, 3) * y)
        XCTAssertEqual(verdict.kind, .discrepancy)
        XCTAssertEqual(verdict.method.name, "exact")
        XCTAssertEqual(verdict.relation, "rhs/lhs depends on x", verdict.detail)
        assertDiscrepancy(kappa / Expr.pow(a + 3, 2), kappa / (a + 3), relation: "rhs/lhs depends on a")
        assertDiscrepancy(Expr.exp(-kappa * a), Expr.exp(-Expr.pow(kappa, 2) * a), relation: "rhs/lhs depends on a, kappa")
    }

    func testSwappedSymbols() {
        assertDiscrepancy(x - y, y - x, relation: "rhs = -1 × lhs")
        assertDiscrepancy(x / y, y / x, relation: "rhs/lhs depends on x, y")
        assertDiscrepancy(Expr.exp(a) * b, Expr.exp(b) * a, relation: "rhs/lhs depends on a, b")
    }

    func testConjugatedImaginaryUnit() {
        assertDiscrepancy(a + .i * b, a - .i * b, relation: "rhs = conj(lhs)", method: "exact")
        assertDiscrepancy(Expr.exp(.i * a), .exp(-.i * a), relation: "rhs = conj(lhs)", method: "numeric")
        assertDiscrepancy(1 / (a - .i * kappa / 2), 1 / (a + .i * kappa / 2), relation: "rhs = conj(lhs)")
    }

    func testDroppedTerm() {
        assertDiscrepancy(Expr.pow(x, 2) + 2 * x * y + Expr.pow(y, 2), Expr.pow(x, 2) + Expr.pow(y, 2),
                          relation: "rhs = lhs without its term 2*x*y", method: "exact")
        assertDiscrepancy(Expr.pow(x, 2), Expr.pow(x, 2) + y, relation: "lhs lacks the term y of rhs", method: "exact")
        assertDiscrepancy(Expr.pow(x + y, 2), Expr.pow(x, 2) + Expr.pow(y, 2), relation: "rhs/lhs depends on x, y")
        assertDiscrepancy(Expr.pow(.sin(x), 2) + Expr.pow(.cos(x), 2), 2, relation: "rhs = 2 × lhs")
        assertDiscrepancy(Expr.sin(x) + 1, .sin(x), relation: "rhs = lhs - 1")
        assertDiscrepancy(Expr.exp(a) + .pi, .exp(a), relation: "rhs = lhs - pi")
        assertDiscrepancy(Expr.pow(a, 2) + 1, Expr.pow(a, 2) - 1 / Expr(2), relation: "rhs = lhs - 3/2", method: "exact")
    }

    func testConstantsOnlyAndUnsupported() {
        XCTAssertEqual(checker.check(Expr.exp(.pi * .sqrt(Expr(163))), Expr(BigRational(BigInt("262537412640768744")!))).kind, .discrepancy)
        assertDiscrepancy(Expr.sin(.pi / 3), .sqrt(Expr(3)), relation: "rhs = 2 × lhs")
        XCTAssertEqual(checker.check(Expr.sin(.pi / 3), .sqrt(Expr(3)) / 2).kind, .verified)
        let verdict = checker.check(Expr.call("J", [x]) + Expr.call("J", [y]), Expr.call("J", [y]) * 2)
        XCTAssertEqual(verdict.kind, .unsupported, verdict.detail)
        let square: NumericFunction = { args, _ in args[0] * args[0] }
        let withJ = IdentityChecker(functions: ["J": square])
        XCTAssertEqual(withJ.check(Expr.call("J", [x]), Expr.pow(x, 2)).kind, .verified)
    }

    func testSeedIsReportedAndDeterministic() {
        let c1 = IdentityChecker(digits: 20, seed: 42)
        let v1 = c1.check(Expr.sin(2 * x), 3 * Expr.sin(x) * Expr.cos(x))
        let v2 = c1.check(Expr.sin(2 * x), 3 * Expr.sin(x) * Expr.cos(x))
        XCTAssertEqual(v1, v2)
        XCTAssertEqual(v1.seed, 42)
        XCTAssertEqual(v1.relation, "rhs = 3/2 × lhs")
    }
}

extension IdentityCheckerTests {
    /// Identities that hold only for integer symbols: both sides vanish or agree only up to rounding
    /// of large terms, which the scale-aware comparison recognises.
    func testIntegerAssumption() {
        let n = Expr.symbol("n", .integer)
        XCTAssertEqual(checker.check(Expr.sin(.pi * n), 0).kind, .verified)
        XCTAssertEqual(checker.check(Expr.cos(.pi * n), Expr.pow(-1, n)).kind, .verified)
        XCTAssertEqual(checker.check(Expr.sin(.pi * a), 0).kind, .discrepancy)
    }

    /// Cancellation beyond the maximum precision gives `inconclusive`, not a verdict.
    func testInsufficientPrecisionIsInconclusive() {
        let big = Expr(BigRational(BigInt("262537412640768744")!))
        let lhs = (Expr.exp(.pi * .sqrt(Expr(163))) - big) * p
        let rhs = Expr(BigRational(-75, 100_000_000_000_000)) * p
        // 64 bits cannot resolve e^(π√163) − 262537412640768744 ≈ −7.5·10⁻¹³ (the enclosure of
        // the left side contains 0); 200 bits already prove the sides differ.
        let capped = IdentityChecker(digits: 30, maxPrecision: 64)
        XCTAssertEqual(capped.check(lhs, rhs).kind, .inconclusive, capped.check(lhs, rhs).detail)
        // With enough precision the (wrong) constant is rejected.
        XCTAssertEqual(checker.check(lhs, rhs).kind, .discrepancy)
    }
}

extension IdentityCheckerTests {
    /// A relation found numerically is proved exactly when its residual vanishes on the skeleton.
    func testRelationIsConfirmedExactly() {
        let printed = -Expr.pow(.abs(v), 2) / (a + .i * kappa)
        let computed = Expr.pow(.abs(v), 2) / (a + .i * kappa)
        let verdict = checker.check(printed: printed, computed: computed)
        XCTAssertEqual(verdict.relation, "computed = -1 × printed")
        XCTAssertTrue(verdict.detail.contains("holds exactly"), verdict.detail)
        let conj = checker.check(Expr.exp(.i * a) * p, Expr.exp(-.i * a) * p)
        XCTAssertEqual(conj.relation, "rhs = conj(lhs)")
        XCTAssertTrue(conj.detail.contains("holds exactly"), conj.detail)
    }
}

extension IdentityCheckerTests {
    /// Re, Im and |v|² of rational expressions are decided exactly through v and v̄.
    func testRealAndImaginaryPartsAreExact() {
        // g_a, γ_a from |v|²/λ with λ = i(a) − κ/2: Im and Re parts of a rational expression.
        let lambda = .i * a - kappa / 2
        let g = Expr.im(Expr.pow(.abs(v), 2) / lambda)
        let gExpected = -Expr.pow(.abs(v), 2) * a / (Expr.pow(a, 2) + Expr.pow(kappa, 2) / 4)
        assertVerifiedExactly(g, gExpected)
        let gamma = Expr.re(Expr.pow(.abs(v), 2) / lambda)
        assertVerifiedExactly(gamma, -Expr.pow(.abs(v), 2) * kappa / 2 / (Expr.pow(a, 2) + Expr.pow(kappa, 2) / 4))
        assertVerifiedExactly(Expr.pow(.abs(v), 2), v * .conj(v))
        assertVerifiedExactly(Expr.re(x) * Expr.re(y) - Expr.im(x) * Expr.im(y), Expr.re(x * y))
        // The same with the sign of Im flipped: an exact discrepancy with a consistent counterexample.
        let wrong = checker.check(g, -gExpected)
        XCTAssertEqual(wrong.kind, .discrepancy)
        XCTAssertEqual(wrong.method, .exact(falseAcceptBound: nil), wrong.detail)
        XCTAssertEqual(wrong.relation, "rhs = -1 × lhs")
        let conjugated = checker.check(Expr.re(x) + .i * .im(x), .conj(x))
        XCTAssertEqual(conjugated.relation, "rhs = conj(lhs)", conjugated.detail)
        XCTAssertEqual(conjugated.method.name, "exact")
    }
}

extension IdentityCheckerTests {
    /// A small constant offset next to values that are huge at complex points (sin of a large
    /// complex argument) must still be found: the gentle sample point keeps the values moderate.
    func testSmallOffsetBesideHugeValuesIsFound() {
        let e = Expr.pow(x + y + 1, 10)
        let verdict = checker.check(Expr.sin(e), Expr.sin(e.expanded()) + 1 / Expr(1_000_000))
        XCTAssertEqual(verdict.kind, .discrepancy, verdict.detail)
    }
}

/// The relation finder on sample values where both sides vanish at some points.
final class RelationFinderTests: XCTestCase {
    func c(_ x: Int) -> BigComplex { BigComplex(GaussianRational(x), precision: 128) }

    func testPointsWhereBothSidesVanishDoNotHideAConstantFactor() {
        let finder = RelationFinder(names: ("printed", "computed"), tolerance: BigFloat(1, precision: 128) / BigFloat(1_000_000, precision: 128), precision: 128)
        // computed = 2 × printed at three points; at the fourth both vanish (a common factor 1 − 2f at f = ½).
        let values = [(c(3), c(6)), (c(0), c(0)), (c(-5), c(-10)), (c(7), c(14))]
        let found = finder.find(values: values, symbols: [Symbol("f", .real)], varied: { _ in nil })
        XCTAssertEqual(found.relation, "computed = 2 × printed")
        // A point where only one side vanishes still rules the constant factor out.
        let broken = [(c(3), c(6)), (c(0), c(1)), (c(-5), c(-10))]
        XCTAssertNotEqual(finder.find(values: broken, symbols: [Symbol("f", .real)], varied: { _ in nil }).relation, "computed = 2 × printed")
    }
}
