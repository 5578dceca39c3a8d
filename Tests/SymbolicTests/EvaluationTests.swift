import XCTest
@testable import Symbolic

/// Exact evaluation in Q(i), numeric evaluation at a fixed precision, and evaluation to N digits.
final class EvaluationTests: XCTestCase {
    let xs = Symbol("x"), ys = Symbol("y", .real)
    var x: Expr { .symbol(xs) }
    var y: Expr { .symbol(ys) }
    func q(_ n: Int, _ d: Int = 1) -> GaussianRational { GaussianRational(BigRational(n, d)) }
    func gi(_ a: Int, _ b: Int) -> GaussianRational { GaussianRational(BigRational(a), BigRational(b)) }

    // MARK: Exact

    func testExactRationalFunctionMatchesHandArithmetic() throws {
        // (x² + 3y)/(x − y) at x = 1 + 2i, y = 1/2
        let e = (Expr.pow(x, 2) + 3 * y) / (x - y)
        let xv = gi(1, 2), yv = q(1, 2)
        let expected = (xv * xv + q(3) * yv) / (xv - yv)
        XCTAssertEqual(try e.evaluateExactly(at: [xs: xv, ys: yv]), expected)
    }

    func testExactReImConjAbsSquared() throws {
        let z = gi(3, -4)
        XCTAssertEqual(try Expr.re(x).evaluateExactly(at: [xs: z]), q(3))
        XCTAssertEqual(try Expr.im(x).evaluateExactly(at: [xs: z]), q(-4))
        XCTAssertEqual(try Expr.conj(x).evaluateExactly(at: [xs: z]), gi(3, 4))
        XCTAssertEqual(try Expr.abs(x).evaluateExactly(at: [xs: z]), q(5))
        // |1 + i| = √2 is not rational, but |1 + i|² = 2 is.
        XCTAssertThrowsError(try Expr.abs(x).evaluateExactly(at: [xs: gi(1, 1)]))
        XCTAssertEqual(try Expr.pow(.abs(x), 2).evaluateExactly(at: [xs: gi(1, 1)]), q(2))
        XCTAssertEqual(try Expr.pow(.abs(x), -4).evaluateExactly(at: [xs: gi(1, 1)]), q(1, 4))
    }

    func testExactRootsOnPrincipalBranch() throws {
        XCTAssertEqual(try Expr.sqrt(x).evaluateExactly(at: [xs: q(9, 4)]), q(3, 2))
        XCTAssertEqual(try Expr.sqrt(x).evaluateExactly(at: [xs: q(-4)]), gi(0, 2))
        XCTAssertEqual(try Expr.pow(x, Expr(BigRational(-3, 2))).evaluateExactly(at: [xs: q(4)]), q(1, 8))
        XCTAssertThrowsError(try Expr.sqrt(x).evaluateExactly(at: [xs: q(2)])) { error in
            guard case EvaluationError.notRational = error else { return XCTFail("\(error)") }
        }
    }

    func testExactRejectsTranscendentalParts() {
        for e in [Expr.pi * x, Expr.exp(x), Expr.log(x + 2), Expr.call("J", [x])] {
            XCTAssertThrowsError(try e.evaluateExactly(at: [xs: q(1)])) { error in
                guard case EvaluationError.notRational = error else { return XCTFail("\(error)") }
            }
        }
        // …but special values are rational.
        XCTAssertEqual(try Expr.exp(x).evaluateExactly(at: [xs: q(0)]), q(1))
        XCTAssertEqual(try Expr.fermi(x).evaluateExactly(at: [xs: q(0)]), q(1, 2))
    }

    func testExactDivisionByZeroAndUnboundSymbol() {
        XCTAssertThrowsError(try (1 / (x - 1)).evaluateExactly(at: [xs: q(1)])) { error in
            XCTAssertEqual(error as? EvaluationError, .divisionByZero("\(Expr.pow(x - 1, -1))"))
        }
        XCTAssertThrowsError(try (x + y).evaluateExactly(at: [xs: q(1)])) { error in
            XCTAssertEqual(error as? EvaluationError, .unboundSymbol("y"))
        }
    }

    // MARK: Numeric at a fixed precision

    func c(_ re: Double, _ im: Double = 0, _ p: Int = 200) -> BigComplex {
        BigComplex(BigFloat(re, precision: p), BigFloat(im, precision: p))
    }
    func assertClose(_ a: BigComplex, _ b: BigComplex, bits: Int = 180, file: StaticString = #filePath, line: UInt = #line) {
        let d = (a - b).magnitude, m = BigFloat.maximum(b.magnitude, BigFloat(1, precision: 64))
        XCTAssertTrue(d <= m.scaled(byPowerOf2: -bits), "\(a) vs \(b)", file: file, line: line)
    }

    func testPythagoreanIdentityAtComplexPoint() throws {
        let e = Expr.pow(.sin(x), 2) + Expr.pow(.cos(x), 2)
        assertClose(try e.evaluate(at: [xs: c(0.7, -1.3)], precision: 200), c(1))
    }

    func testPrincipalBranches() throws {
        let p = 200
        let pi = BigFloat.pi(precision: p)
        // log(−1) = iπ; √(−4) = 2i; atan(1) = π/4; atan of a complex value inverts tan.
        assertClose(try Expr.log(x).evaluate(at: [xs: c(-1)], precision: p), BigComplex(BigFloat(0, precision: p), pi))
        assertClose(try Expr.sqrt(x).evaluate(at: [xs: c(-4)], precision: p), c(0, 2))
        assertClose(try Expr.apply(.atan, x).evaluate(at: [xs: c(1)], precision: p), BigComplex(pi / 4))
        let z = c(0.3, 0.4)
        assertClose(try Expr.apply(.tan, .apply(.atan, x)).evaluate(at: [xs: z], precision: p), z, bits: 170)
        // x^(1/3) of a negative number is the principal (complex) root.
        let r = try Expr.pow(x, Expr(BigRational(1, 3))).evaluate(at: [xs: c(-8)], precision: p)
        assertClose(r, BigComplex(BigFloat(1, precision: p), BigFloat(3, precision: p).sqrt()))
    }

    func testHyperbolicAndFermi() throws {
        let z = c(0.25, 0.5)
        let e = Expr.pow(.apply(.cosh, x), 2) - Expr.pow(.apply(.sinh, x), 2)
        assertClose(try e.evaluate(at: [xs: z], precision: 200), c(1), bits: 170)
        let t = Expr.apply(.tanh, x) - Expr.apply(.sinh, x) / Expr.apply(.cosh, x)
        assertClose(try t.evaluate(at: [xs: z], precision: 200), c(0), bits: 170)
        // fermi(x) + fermi(−x) = 1, stable far in the tails.
        let f = Expr.fermi(y) + Expr.fermi(-y)
        assertClose(try f.evaluate(at: [ys: c(800)], precision: 200), c(1))
        assertClose(try Expr.fermi(x).evaluate(at: [xs: c(900, 0.5)], precision: 200), c(0), bits: 1000)
    }

    func testCallsUseTheFunctionTable() throws {
        let square: NumericFunction = { args, _ in args[0] * args[0] }
        let e = Expr.call("sq", [x + 1])
        assertClose(try e.evaluate(at: [xs: c(2)], precision: 100, functions: ["sq": square]), c(9, 0, 100), bits: 90)
        XCTAssertThrowsError(try e.evaluate(at: [xs: c(2)], precision: 100)) { error in
            XCTAssertEqual(error as? EvaluationError, .unknownFunction("sq"))
        }
    }

    func testNumericErrors() {
        XCTAssertThrowsError(try (1 / x).evaluate(at: [xs: c(0)], precision: 64)) { error in
            guard case EvaluationError.divisionByZero = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Expr.log(x).evaluate(at: [xs: c(0)], precision: 64))
        XCTAssertThrowsError(try x.evaluate(at: [:], precision: 64)) { error in
            XCTAssertEqual(error as? EvaluationError, .unboundSymbol("x"))
        }
    }

    // MARK: N correct digits

    /// exp(π√163) to 60 digits equals the 200-digit value rounded to 60 digits.
    func testRamanujanConstantTo60Digits() throws {
        let e = Expr.exp(.pi * .sqrt(Expr(163)))
        let r60 = try e.evaluate(digits: 60)
        let r200 = try e.evaluate(digits: 200)
        XCTAssertTrue(r60.isConverged)
        XCTAssertTrue(r200.isConverged)
        XCTAssertEqual(r60.digits, 60)
        XCTAssertEqual(r60.text, r200.value.re.toString(digits: 60))
        XCTAssertEqual(r60.text.filter(\.isNumber).count, 60)
        XCTAssertTrue(r60.text.hasPrefix("262537412640768743.99999999999925007"))
    }

    /// Cancellation: exp(π√163) − 262537412640768744 ≈ −7.5e−13 needs ~30 extra digits internally.
    func testCancellationRaisesPrecision() throws {
        let e = Expr.exp(.pi * .sqrt(Expr(163))) - Expr(BigRational(BigInt("262537412640768744")!))
        let r = try e.evaluate(digits: 30)
        XCTAssertTrue(r.isConverged)
        let reference = try e.evaluate(digits: 80)
        XCTAssertEqual(r.text, reference.value.re.toString(digits: 30))
        XCTAssertTrue(r.text.hasPrefix("-7.49927"))
        XCTAssertGreaterThan(r.precision, BigFloat.bits(forDigits: 30) + 64)
    }

    func testExactZeroValueIsInconclusive() throws {
        // sin(π/3) − √3/2 = 0, but not in canonical form: no significant digit can be certified.
        let e = Expr.sin(.pi / 3) - Expr.sqrt(Expr(3)) / 2
        let r = try e.evaluate(digits: 20, maxPrecision: 1024)
        guard case .inconclusive(let why) = r.status else { return XCTFail("expected inconclusive, got \(r.text)") }
        XCTAssertTrue(why.contains("0 to within"), why)
        XCTAssertEqual(r.digits, 0)
    }

    func testSymbolValuesAreExactExpressions() throws {
        // x = √2 re-evaluated at every precision: x² − 2 would otherwise carry input rounding.
        let r = try (Expr.pow(x, 2) * 3).evaluate(digits: 40, at: [xs: .sqrt(Expr(2))])
        XCTAssertEqual(r.text, "6." + String(repeating: "0", count: 39))
        let h = try (x / 3).evaluate(digits: 25, at: [xs: BigRational(1)])
        XCTAssertEqual(h.text, "0.3333333333333333333333333")
        let z = try (x * .i + 1).evaluate(digits: 10, at: [xs: Expr(BigRational(1, 7))])
        XCTAssertEqual(z.text, "1.000000000 + 0.142857143*I")
        XCTAssertThrowsError(try x.evaluate(digits: 10, at: [xs: y]))
    }
}

extension EvaluationTests {
    func testRationalValuesAreRoundedExactly() throws {
        let r = try ((x - 1) * (x + 1)).evaluate(digits: 5, at: [xs: BigRational(1, 3)])
        XCTAssertEqual(r.text, "-0.88889")
        XCTAssertTrue(r.isConverged)
        let zero = try (x - 1).evaluate(digits: 5, at: [xs: BigRational(1)])
        XCTAssertEqual(zero.text, "0")
        XCTAssertTrue(zero.isConverged)
    }
}

extension EvaluationTests {
    /// (cos π/7 + i sin π/7)^7 = −1: the imaginary rounding noise is below the last digit and dropped.
    func testComplexNoiseBelowResolutionIsDropped() throws {
        let e = Expr.pow(Expr.cos(.pi / 7) + .i * .sin(.pi / 7), 7)
        let r = try e.evaluate(digits: 20)
        XCTAssertTrue(r.isConverged)
        XCTAssertEqual(r.text, "-1." + String(repeating: "0", count: 19))
    }

    /// 1000 digits of π·e^0 agree with MPFR's π rounded directly; the Fermi function deep in its
    /// tail keeps its relative accuracy (e^{−500}-sized values).
    func testHighPrecisionAndTails() throws {
        let r = try (Expr.pi * .exp(x - x + y - y)).evaluate(digits: 1000)
        XCTAssertEqual(r.text, BigFloat.pi(precision: 4000).toString(digits: 1000))
        let f = try Expr.fermi(y).evaluate(digits: 30, at: [ys: Expr(500)])
        let direct = try Expr.exp(-y).evaluate(digits: 30, at: [ys: Expr(500)])
        // fermi(500) = e^{−500}/(1 + e^{−500}): equal to e^{−500} to ~217 digits.
        XCTAssertEqual(f.text, direct.text)
    }
}
