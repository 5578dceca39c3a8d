import XCTest
@testable import Symbolic

/// Deterministic pseudo-random numbers for property tests (SplitMix64).
struct AlgebraTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
    /// A random polynomial in `variables` with small Gaussian-integer coefficients.
    mutating func polynomial(_ variables: [Expr], terms: Int, degree: Int) -> Polynomial {
        var out: [Monomial: GaussianRational] = [:]
        for _ in 0..<terms {
            let m = Monomial(variables.indices.map { _ in int(0...degree) })
            out[m] = GaussianRational(BigRational(int(-9...9)), BigRational(int(-2...2)))
        }
        return Polynomial(variables: variables, terms: out)
    }
}

/// Multivariate polynomials over Q(i): arithmetic, exact division, gcd.
final class AlgebraPolynomialTests: XCTestCase {
    let x = Expr.symbol("x"), y = Expr.symbol("y"), z = Expr.symbol("z")
    var vars: [Expr] { [x, y, z] }

    func testArithmeticAndRoundTrip() {
        let p = Polynomial(Expr.pow(x + y, 3))
        XCTAssertEqual(p.totalDegree, 3)
        XCTAssertEqual(p.degree(in: x), 3)
        XCTAssertEqual(p.terms.count, 4)
        XCTAssertEqual(p.expression, Expr.pow(x + y, 3).expanded())
        // (x − y)(x + y) = x² − y²
        XCTAssertEqual((Polynomial(x - y) * Polynomial(x + y)).expression, x * x - y * y)
        // Exact division and its failure.
        XCTAssertEqual(Polynomial(x * x - y * y).divided(by: Polynomial(x + y))?.expression, x - y)
        XCTAssertNil(Polynomial(x * x + y * y).divided(by: Polynomial(x + y)))
        // Over Q(i), x² + y² = (x + iy)(x − iy).
        XCTAssertEqual(Polynomial(x * x + y * y).divided(by: Polynomial(x + .i * y))?.expression, x - .i * y)
        // Atoms: exp(2u) = exp(u)², √p³ = √p·p.
        let u = Expr.symbol("u")
        XCTAssertEqual(Polynomial(Expr.exp(2 * u)).degree(in: Expr.exp(u)), 2)
    }

    func testGCDKnownCases() {
        let g = Polynomial.gcd(Polynomial(x * x - y * y), Polynomial(x * x + 2 * x * y + y * y))
        XCTAssertEqual(g.expression, x + y)
        XCTAssertTrue(Polynomial.gcd(Polynomial(x + 1), Polynomial(x - 1)).isOne)
        // gcd with complex factor: gcd(x² + 1, x² + 2ix − 1 = (x + i)²) = x + i.
        let h = Polynomial.gcd(Polynomial(x * x + 1), Polynomial(Expr.pow(x + .i, 2).expanded()))
        XCTAssertEqual(h.expression, x + .i)
        // Monomial cases.
        XCTAssertEqual(Polynomial.gcd(Polynomial(6 * x * x * y), Polynomial(4 * x * y * y + 2 * x * y)).expression, x * y)
        // gcd(0, p) is p made monic.
        XCTAssertEqual(Polynomial.gcd(.zero(vars), Polynomial(3 * x + 6)).expression, x + 2)
    }

    /// gcd(a·g, b·g) for random a, b, g: the result is divisible by g, divides both, and the
    /// cofactors are coprime.
    func testGCDPropertiesOnRandomPolynomials() {
        var random = AlgebraTestRandom(seed: 20261122)
        for trial in 0..<12 {
            let g = random.polynomial(vars, terms: 3, degree: 2)
            let a = random.polynomial(vars, terms: 3, degree: 2)
            let b = random.polynomial(vars, terms: 3, degree: 2)
            if g.isZero || a.isZero || b.isZero { continue }
            let p = a * g, q = b * g
            let d = Polynomial.gcd(p, q)
            XCTAssertEqual(d.leadingCoefficient, .one, "trial \(trial): gcd not monic")
            guard let cp = p.divided(by: d), let cq = q.divided(by: d) else {
                return XCTFail("trial \(trial): gcd does not divide both")
            }
            XCTAssertNotNil(d.divided(by: g), "trial \(trial): g does not divide the gcd")
            XCTAssertTrue(Polynomial.gcd(cp, cq).isOne, "trial \(trial): cofactors not coprime")
        }
    }

    /// Five variables, products of about 25 terms: the gcd is found, divides both, and is divisible by g.
    func testGCDInFiveVariables() {
        let five = ["a", "b", "c", "d", "e"].map { Expr.symbol($0) }
        var random = AlgebraTestRandom(seed: 99)
        for trial in 0..<2 {
            let g = random.polynomial(five, terms: 4, degree: 2)
            let a = random.polynomial(five, terms: 6, degree: 2), b = random.polynomial(five, terms: 6, degree: 2)
            let d = Polynomial.gcd(a * g, b * g)
            XCTAssertNotNil(d.divided(by: g), "trial \(trial)")
            guard let ca = (a * g).divided(by: d), let cb = (b * g).divided(by: d) else { return XCTFail("trial \(trial)") }
            XCTAssertTrue(Polynomial.gcd(ca, cb).isOne, "trial \(trial)")
        }
    }

    func testOrderedVariables() {
        let p = Polynomial(x * y + Expr.pow(y, 2) * z, variables: [z, y])
        XCTAssertEqual(p.variables, [z, y, x])
        XCTAssertEqual(p.leadingMonomial, Monomial([1, 2]))     // z y² leads when z is most significant
        XCTAssertEqual(p.expression, x * y + Expr.pow(y, 2) * z)
        XCTAssertEqual(p.degree(in: y), 2)
        XCTAssertEqual(p.derivative(1).expression, x + 2 * y * z)
        XCTAssertEqual(p.evaluating(0, at: GaussianRational(2)).expression, x * y + 2 * Expr.pow(y, 2))
    }

    func testRationalFunctionNormalForm() {
        let r = RationalFunction(Polynomial(x * x - 1), Polynomial(2 * x + 2))
        XCTAssertEqual(r.numerator.expression, x / 2 - Expr.half)
        XCTAssertEqual(r.denominator.expression, .one)
        // 1/(x+1) − 1/(x−1) = −2/(x² − 1)
        XCTAssertEqual((1 / (x + 1) - 1 / (x - 1)).together(), -2 / (x * x - 1))
        let (n, d) = ((x + y) / (x * x - y * y) + z).numeratorDenominator()
        XCTAssertEqual(n, x * z - y * z + 1)
        XCTAssertEqual(d, x - y)
        // Radicals: x = (√x)², so (x − 1)/(√x − 1) = √x + 1, and x^(1/3)·x^(1/2) relations hold.
        let p = Expr.symbol("p", .positive)
        XCTAssertEqual(((p - 1) / (Expr.sqrt(p) - 1)).together(), Expr.sqrt(p) + 1)
        XCTAssertEqual(((x - 1) / (Expr.sqrt(x) - 1)).together(), Expr.sqrt(x) + 1)
        XCTAssertEqual(((x - Expr.pow(x, Expr(BigRational(1, 3)))) / (Expr.pow(x, Expr(BigRational(2, 3))) - 1)).together(),
                       Expr.pow(x, Expr(BigRational(1, 3))))
        XCTAssertEqual(((Expr.sqrt(x) + 1) * (Expr.sqrt(x) - 1)).expanded(), x - 1)
        // Exponentials share atoms: e² − 1 = (e − 1)(e + 1), exp(x + 1) = e·exp(x), exp(x/2)² = exp(x).
        XCTAssertEqual(((Expr.exp(Expr(2)) - 1) / (Expr.e - 1)).together(), Expr.exp(.one) + 1)
        XCTAssertEqual((Expr.exp(x + 1) - Expr.e * Expr.exp(x)).together(), .zero)
        XCTAssertEqual(((Expr.exp(x) - 1) / (Expr.exp(x / 2) + 1)).together(), Expr.exp(x / 2) - 1)
        XCTAssertEqual(((Expr.exp(.i * x) - Expr.exp(-.i * x)) * Expr.exp(.i * x)).together(), Expr.exp(2 * .i * x) - 1)
        // A wrong cancellation must not happen: (x² + 1)/(x + 1) stays.
        XCTAssertEqual(((x * x + 1) / (x + 1)).together(), (x * x + 1) / (x + 1))
    }
}
