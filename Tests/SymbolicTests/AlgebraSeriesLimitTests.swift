import XCTest
@testable import Symbolic

/// Series and limits, checked against coefficients computed independently (Taylor coefficients
/// f⁽ᵏ⁾(0)/k! by repeated differentiation, closed forms, polynomial division).
final class AlgebraSeriesLimitTests: XCTestCase {
    let xs = Symbol("x", .real)
    var x: Expr { .symbol(xs) }
    let a = Expr.symbol("a", .positive)

    /// f⁽ᵏ⁾(x₀)/k! for k < n by differentiation: the reference for analytic functions.
    func taylorByDifferentiation(_ f: Expr, at x0: Expr, count n: Int) -> [Expr] {
        var out: [Expr] = []
        var d = f
        var factorial = BigInt(1)
        for k in 0..<n {
            if k > 0 { factorial *= BigInt(k); d = d.derivative(xs) }
            out.append((d.substituting(xs, with: x0) / Expr(BigRational(factorial))).together())
        }
        return out
    }

    func assertSeries(_ f: Expr, at x0: Expr, order n: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let s = try f.series(xs, around: x0, order: n)
        let reference = taylorByDifferentiation(f, at: x0, count: n)
        for k in 0..<n {
            XCTAssertEqual(s.coefficient(k).together(), reference[k], "coefficient \(k) of \(f)", file: file, line: line)
        }
    }

    func testTaylorSeriesMatchDifferentiation() throws {
        try assertSeries(.exp(x), at: .zero, order: 7)
        try assertSeries(.exp(.sin(x)), at: .zero, order: 6)
        try assertSeries(.log(1 + x), at: .zero, order: 6)
        try assertSeries(.fermi(x), at: .zero, order: 7)
        try assertSeries(.fermi(a * x), at: .zero, order: 5)
        try assertSeries(.cos(x) / (1 - x), at: .zero, order: 6)
        try assertSeries(.sqrt(1 + x), at: .zero, order: 6)
        try assertSeries(.apply(.atan, x), at: .one, order: 4)
        try assertSeries(.fermi(x), at: .one, order: 4)
        try assertSeries(.apply(.tanh, 2 * x), at: .zero, order: 6)
    }

    /// Random compositions of exp, sin, cos, fermi, log and rational operations: the composed series
    /// agrees with Taylor coefficients by repeated differentiation.
    func testRandomCompositionsAgreeWithDifferentiation() throws {
        var random = AlgebraTestRandom(seed: 314)
        func build(_ depth: Int) -> Expr {
            if depth == 0 { return random.int(0...2) == 0 ? Expr(random.int(-3...3)) : x }
            let u = build(depth - 1)
            switch random.int(0...7) {
            case 0: return u + build(depth - 1)
            case 1: return u * build(depth - 1)
            case 2: return .exp(u)
            case 3: return .sin(u)
            case 4: return .cos(u)
            case 5: return .fermi(u)
            case 6: return .log(3 + Expr.pow(u, 2))
            default: return u / (2 + Expr.pow(u, 2))
            }
        }
        var checked = 0
        for _ in 0..<12 {
            let f = build(3)
            guard f.contains(xs) else { continue }
            let reference = taylorByDifferentiation(f, at: .zero, count: 4)
            let s = try f.series(xs, around: .zero, order: 4)
            for k in 0..<4 {
                XCTAssertEqual(s.coefficient(k).together(), reference[k], "coefficient \(k)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 6)
    }

    func testKnownCoefficients() throws {
        // exp: 1/k!
        let e = try Expr.exp(x).series(xs, around: .zero, order: 6)
        for k in 0..<6 { XCTAssertEqual(e.coefficient(k), Expr(BigRational(BigInt(1), BigInt.factorial(k)))) }
        // log(1 + x): (−1)^(k+1)/k
        let l = try Expr.log(1 + x).series(xs, around: .zero, order: 6)
        for k in 1..<6 { XCTAssertEqual(l.coefficient(k), Expr(BigRational(k % 2 == 1 ? 1 : -1, k))) }
        // fermi(x) = 1/2 − x/4 + x³/48 + O(x⁵)
        let f = try Expr.fermi(x).series(xs, around: .zero, order: 5)
        XCTAssertEqual(f.polynomialPart, .half - x / 4 + Expr.pow(x, 3) / 48)
        XCTAssertEqual(f.order, 5)
        // A wrong coefficient is rejected: fermi'(0) is −1/4, not +1/4.
        XCTAssertNotEqual(f.coefficient(1), Expr(BigRational(1, 4)))
    }

    func testLaurentSeries() throws {
        // 1/(x²(1 − x)) = x⁻² + x⁻¹ + 1 + x + O(x²)
        let s = try (1 / (x * x * (1 - x))).series(xs, around: .zero, order: 2)
        XCTAssertEqual(s.valuation, -2)
        XCTAssertEqual(s.polynomialPart, Expr.pow(x, -2) + 1 / x + 1 + x)
        // cot-like: cos(x)/sin(x) = 1/x − x/3 + O(x³)
        let c = try (Expr.cos(x) / Expr.sin(x)).series(xs, around: .zero, order: 3)
        XCTAssertEqual(c.polynomialPart, 1 / x - x / 3)
    }

    func testSeriesAtInfinity() throws {
        // (x² + 1)/(x − 1) = x + 1 + 2/(x − 1) = x + 1 + 2/x + 2/x² + O(x⁻³)
        let s = try ((x * x + 1) / (x - 1)).series(xs, around: .infinity, order: 3)
        XCTAssertEqual(s.valuation, -1)
        XCTAssertEqual(s.polynomialPart, x + 1 + 2 / x + 2 / (x * x))
        XCTAssertEqual(try ((x * x + 1) / (x - 1)).leadingTerm(xs, at: .infinity), x)
        // √(x² + 1) at +∞: x + 1/(2x) + O(x⁻²)
        let r = try Expr.sqrt(x * x + 1).series(xs, around: .infinity, order: 2)
        XCTAssertEqual(r.polynomialPart, x + 1 / (2 * x))
    }

    func testLimits() throws {
        XCTAssertEqual(try (Expr.sin(x) / x).limit(xs, to: .zero), .one)
        XCTAssertEqual(try ((x * x - 1) / (x - 1)).limit(xs, to: .one), Expr(2))
        XCTAssertEqual(try ((1 - Expr.cos(x)) / (x * x)).limit(xs, to: .zero), .half)
        XCTAssertEqual(try ((3 * x * x + x) / (2 * x * x - 5)).limit(xs, to: .infinity), Expr(BigRational(3, 2)))
        XCTAssertEqual(try ((3 * x * x + x) / (2 * x * x - 5)).limit(xs, to: -.infinity), Expr(BigRational(3, 2)))
        XCTAssertEqual(try (1 / (x * x)).limit(xs, to: .zero), .infinity)
        XCTAssertEqual(try (-Expr.pow(x, 3) / (x * x + 1)).limit(xs, to: -.infinity), .infinity)
        XCTAssertEqual(try (Expr.pow(x, 3) / (x + 1)).limit(xs, to: .infinity), .infinity)
        XCTAssertEqual(try (1 / x).limit(xs, to: .zero, approach: .fromBelow), -.infinity)
        XCTAssertEqual(try (x / (x + a)).limit(xs, to: .infinity), .one)
        // κ → 0 with the other symbols free: a rational function limit with parameters.
        let k = Symbol("kappa", .positive), kappa = Expr.symbol(k)
        let gamma = kappa * a / (a * a + kappa * kappa / 4)
        XCTAssertEqual(try (gamma / kappa).limit(k, to: .zero), 1 / a)
        XCTAssertEqual(try Expr.fermi(x).limit(xs, to: .zero), .half)
        // Two-sided |x|/x does not exist; from above it is 1.
        XCTAssertEqual(try (Expr.abs(x) / x).limit(xs, to: .zero, approach: .fromAbove), .one)
    }

    func testLimitsByContinuityAtInfinity() throws {
        XCTAssertEqual(try Expr.exp(-x).limit(xs, to: .infinity), .zero)
        XCTAssertEqual(try Expr.exp(x).limit(xs, to: .infinity), .infinity)
        XCTAssertEqual(try Expr.fermi(x).limit(xs, to: .infinity), .zero)
        XCTAssertEqual(try Expr.fermi(x).limit(xs, to: -.infinity), .one)
        XCTAssertEqual(try Expr.apply(.atan, x).limit(xs, to: .infinity), .pi / 2)
        XCTAssertEqual(try (1 + Expr.exp(-x * x)).limit(xs, to: -.infinity), .one)
        // Zero temperature: fermi(a/T) → 0 as T → 0⁺ for a > 0, and fermi(−a/T) → 1.
        let ts = Symbol("T", .positive), T = Expr.symbol(ts)
        XCTAssertEqual(try Expr.fermi(a / T).limit(ts, to: .zero, approach: .fromAbove), .zero)
        XCTAssertEqual(try Expr.fermi(-a / T).limit(ts, to: .zero, approach: .fromAbove), .one)
        // Fractional powers at a branch point (no Laurent series): √x → 0⁺, x^(−1/2) → +∞ from above.
        XCTAssertEqual(try Expr.sqrt(x).limit(xs, to: .zero, approach: .fromAbove), .zero)
        XCTAssertEqual(try Expr.pow(x, Expr(BigRational(-1, 2))).limit(xs, to: .zero, approach: .fromAbove), .infinity)
        XCTAssertEqual(try (1 + Expr.sqrt(x)).limit(xs, to: Expr(4)), Expr(3))
        // Indeterminate and oscillating cases are refused rather than guessed.
        XCTAssertThrowsError(try (Expr.sqrt(x) * Expr.log(x)).limit(xs, to: .zero, approach: .fromAbove))
        XCTAssertThrowsError(try (x * Expr.exp(-x)).limit(xs, to: .infinity))
        XCTAssertThrowsError(try Expr.sin(x).limit(xs, to: .infinity))
        XCTAssertThrowsError(try (Expr.exp(x) - Expr.exp(2 * x)).limit(xs, to: .infinity))
    }

    func testLimitsThatDoNotExistOrCannotBeDecided() {
        // 1/x at 0: +∞ from above, −∞ from below.
        XCTAssertThrowsError(try (1 / x).limit(xs, to: .zero))
        XCTAssertThrowsError(try (Expr.abs(x) / x).limit(xs, to: .zero))
        // √x² / x: 1 from above, −1 from below.
        XCTAssertThrowsError(try (Expr.sqrt(x * x) / x).limit(xs, to: .zero))
        // b/x² with b complex: the sign of the divergence is unknown.
        let b = Expr.symbol("b")
        XCTAssertThrowsError(try (b / (x * x)).limit(xs, to: .zero))
        // exp(1/x) at 0: essential singularity.
        XCTAssertThrowsError(try Expr.exp(1 / x).limit(xs, to: .zero))
    }

    func testWrongSeriesInput() {
        XCTAssertThrowsError(try Expr.exp(x).series(xs, around: .zero, order: 100_000))
        XCTAssertThrowsError(try Expr.sqrt(x).series(xs, around: .zero, order: 3))       // Puiseux
        XCTAssertThrowsError(try Expr.log(x).series(xs, around: .zero, order: 3))        // log term
        XCTAssertThrowsError(try Expr.exp(1 / x).series(xs, around: .zero, order: 3))    // essential
        XCTAssertThrowsError(try Expr.call("F", [x]).series(xs, around: .zero, order: 3))
        XCTAssertThrowsError(try x.series(xs, around: x + 1, order: 3))
        XCTAssertThrowsError(try Expr.zero.leadingTerm(xs, at: .zero))
    }
}
