import XCTest
@testable import Symbolic

/// Identities of the MPFR-backed `BigFloat` at random precisions (53…2000 bits), π against an
/// independent Machin computation, and decimal output.
final class NumbersBigFloatTests: XCTestCase {
    let count = 400

    func testExpOfSum() {
        var rng = NumbersRandom(seed: 21)
        for _ in 0..<count {
            let p = rng.precision()
            let a = rng.bigFloat(precision: p, scale: 4), b = rng.bigFloat(precision: p, scale: 4)
            let lhs = (a + b).exp(), rhs = a.exp() * b.exp()
            // a + b is rounded (relative 2^-p), which exp turns into |a + b|·2^-p; then 3 roundings.
            let k = Int((a + b).magnitude.doubleValue.rounded(.up)) + 4
            XCTAssertTrue(numbersClose(lhs, rhs, ulps: k, precision: p), "p = \(p), a = \(a), b = \(b)")
            XCTAssertEqual(lhs.precision, p)
        }
    }

    func testSqrtSquared() {
        var rng = NumbersRandom(seed: 22)
        for _ in 0..<count {
            let p = rng.precision()
            let x = rng.bigFloat(precision: p, scale: 60).magnitude
            let r = x.sqrt()
            XCTAssertTrue(numbersClose(r * r, x, ulps: 3, precision: p))
            XCTAssertFalse(r.isNegative)
            // Squares of p/2-bit integers have exact roots.
            let n = BigFloat(rng.bigInt(maxBits: p / 2 - 1), precision: p)
            XCTAssertEqual((n * n).sqrt(), n.magnitude)
        }
        XCTAssertTrue(BigFloat(-1, precision: 64).sqrt().isNaN)
    }

    func testLogInvertsExp() {
        var rng = NumbersRandom(seed: 23)
        for _ in 0..<count {
            let p = rng.precision()
            let x = rng.bigFloat(precision: p, scale: 10)
            // log(exp(x)(1+δ)) = x + δ: absolute error ~ 2^-p, plus ulp(x).
            XCTAssertTrue(numbersClose(x.exp().log(), x, ulps: 4, precision: p, floor: BigFloat(1, precision: 64)), "p = \(p), x = \(x)")
            let y = x.magnitude
            XCTAssertTrue(numbersClose(y.log().exp(), y, ulps: 4 + Int(Swift.abs(y.log().doubleValue)) , precision: p))
            // log1p∘expm1 is well conditioned only where e^x is not tiny (|x| ≤ 1 here).
            let small = x.scaled(byPowerOf2: -Swift.max(0, x.exponent))
            XCTAssertTrue(numbersClose(small.expm1().log1p(), small, ulps: 4, precision: p))
        }
    }

    func testPythagoreanIdentityAndSinCos() {
        var rng = NumbersRandom(seed: 24)
        for _ in 0..<count {
            let p = rng.precision()
            let x = rng.bigFloat(precision: p, scale: 8)
            let s = x.sin(), c = x.cos()
            XCTAssertTrue(numbersClose(s * s + c * c, BigFloat(1, precision: p), ulps: 4, precision: p))
            let (s2, c2) = x.sinCos()
            XCTAssertEqual(s2, s)
            XCTAssertEqual(c2, c)
            XCTAssertTrue(numbersClose(x.tan(), s / c, ulps: 4, precision: p))
            XCTAssertTrue(numbersClose(x.cosh() * x.cosh() - x.sinh() * x.sinh(), BigFloat(1, precision: p),
                                       ulps: 4, precision: p, floor: x.cosh() * x.cosh()))
        }
    }

    func testAtan2Quadrants() {
        var rng = NumbersRandom(seed: 25)
        for _ in 0..<count {
            let p = rng.precision()
            let x = rng.bigFloat(precision: p, scale: 6), y = rng.bigFloat(precision: p, scale: 6)
            let t = BigFloat.atan2(y, x)
            let pi = BigFloat.pi(precision: p)
            // Quadrant from the signs.
            if y.signum > 0 { XCTAssertTrue(t.signum > 0 && t < pi) } else { XCTAssertTrue(t.signum < 0 && t > -pi) }
            if x.signum > 0 { XCTAssertTrue(t.magnitude < pi / 2) } else { XCTAssertTrue(t.magnitude > pi / 2) }
            // Against atan(y/x) in the right half plane, shifted by ±π in the left.
            var reference = (y / x).atan()
            if x.isNegative { reference = y.isNegative ? reference - pi : reference + pi }
            XCTAssertTrue(numbersClose(t, reference, ulps: 8, precision: p, floor: BigFloat(1, precision: 64)))
            // Polar round trip.
            let r = BigFloat.hypot(x, y)
            XCTAssertTrue(numbersClose(r * t.cos(), x, ulps: 8, precision: p, floor: r))
            XCTAssertTrue(numbersClose(r * t.sin(), y, ulps: 8, precision: p, floor: r))
        }
        let p = 100
        let one = BigFloat(1, precision: p), zero = BigFloat(0, precision: p), pi = BigFloat.pi(precision: p)
        XCTAssertEqual(BigFloat.atan2(zero, -one), pi)
        XCTAssertEqual(BigFloat.atan2(-zero, -one), -pi)
        XCTAssertEqual(BigFloat.atan2(one, zero), pi / 2)
        XCTAssertEqual(BigFloat.atan2(-one, zero), -pi / 2)
        XCTAssertEqual(BigFloat.atan2(zero, one), zero)
    }

    /// π to 1000 digits against Machin's formula π = 16 atan(1/5) − 4 atan(1/239) in fixed-point
    /// integer arithmetic (a method independent of MPFR's), and the decimal output of `toString`.
    func testPiAgainstMachin() {
        let digits = 1000, guardDigits = 12
        let scale = BigInt(10).power(digits + guardDigits)
        func atanInverse(_ n: Int) -> BigInt {
            // Σ (−1)^k / ((2k+1) n^(2k+1)) · scale, each term truncated (error < 1 per term).
            var sum = BigInt(0), power = scale / BigInt(n), k = 0
            let n2 = BigInt(n * n)
            while !power.isZero {
                let term = power / BigInt(2 * k + 1)
                sum = k % 2 == 0 ? sum + term : sum - term
                power = power / n2
                k += 1
            }
            return sum
        }
        let machin = BigInt(16) * atanInverse(5) - BigInt(4) * atanInverse(239)   // π·10^(digits+guard), error < 10^4
        let p = BigFloat.bits(forDigits: digits) + 32
        let pi = BigFloat.pi(precision: p)
        let fromMachin = BigFloat(machin, precision: p) / BigFloat(scale, precision: p)
        XCTAssertTrue((pi - fromMachin).magnitude < BigFloat("1e-\(digits + 2)", precision: 64)!)
        // toString(digits: 1000) is π rounded to 1000 significant digits; round the Machin integer the same way.
        let drop = BigInt(10).power(guardDigits + 1)
        let (q, r) = machin.quotientAndRemainder(dividingBy: drop)
        let half = drop / 2
        XCTAssertTrue((r - half).magnitude > BigInt(100_000), "rounding undecided by the guard digits")
        let rounded = r > half ? q + 1 : q
        let text = pi.toString(digits: digits)
        XCTAssertEqual(text.replacingOccurrences(of: ".", with: ""), rounded.description)
        XCTAssertTrue(text.hasPrefix("3.14159265358979"))
    }

    /// toString(digits:) is correctly rounded: the printed decimal is within half a unit of its last
    /// digit of the exact binary value; enough digits round-trip exactly.
    func testDecimalOutputIsCorrectlyRounded() {
        var rng = NumbersRandom(seed: 26)
        for _ in 0..<count {
            let p = Int.random(in: 53...400, using: &rng)
            let x = rng.bigFloat(precision: p, scale: 300)
            let d = Int.random(in: 1...40, using: &rng)
            let text = x.toString(digits: d)
            guard let shown = BigRational(text) else { return XCTFail("unparsable \(text)") }
            let exact = x.exactRational!
            // Unit of the last printed digit: 10^(E − d + 1) for a value in [10^E, 10^(E+1)).
            let mantissaDigits = text.drop(while: { $0 == "-" || $0 == "0" || $0 == "." }).prefix(while: { $0 != "e" }).filter { $0.isNumber }.count
            XCTAssertEqual(mantissaDigits, d, text)
            let unit = BigRational(BigInt(10)).power(decimalExponent(of: text) - d + 1)
            XCTAssertTrue((shown - exact).magnitude * 2 <= unit, "\(x) → \(text) at \(d) digits")
            // Round trip with ⌈p log10 2⌉ + 1 digits.
            let full = x.toString(digits: Int((Double(p) * 0.30103).rounded(.up)) + 1)
            XCTAssertEqual(BigFloat(full, precision: p), x, full)
        }
    }

    /// E with 10^E ≤ |value| < 10^(E+1) for a printed nonzero decimal ("1.23e4" → 4, "0.0012" → −3).
    func decimalExponent(of text: String) -> Int {
        var t = Substring(text)
        var e = 0
        if let i = t.firstIndex(of: "e") { e = Int(t[t.index(after: i)...])!; t = t[..<i] }
        t = t.drop(while: { $0 == "-" })
        let intPart = t.prefix(while: { $0 != "." })
        if intPart != "0" { return e + intPart.count - 1 }
        let frac = t.dropFirst(intPart.count + 1)
        return e - (frac.prefix(while: { $0 == "0" }).count + 1)
    }

    func testDecimalOutputFormats() {
        let p = 100
        func f(_ s: String) -> BigFloat { BigFloat(s, precision: p)! }
        XCTAssertEqual(BigFloat(0, precision: p).toString(digits: 5), "0.0000")
        XCTAssertEqual(BigFloat(0, precision: p).toString(digits: 1), "0")
        XCTAssertEqual(f("123.456").toString(digits: 3), "123")
        XCTAssertEqual(f("123.456").toString(digits: 5), "123.46")
        XCTAssertEqual(f("-123.456").toString(digits: 5), "-123.46")
        XCTAssertEqual(f("12345").toString(digits: 3), "1.23e4")
        XCTAssertEqual(f("0.001234").toString(digits: 4), "0.001234")
        XCTAssertEqual(f("1e-30").toString(digits: 4), "1.000e-30")
        XCTAssertEqual(f("-1.5e300").toString(digits: 2), "-1.5e300")
        XCTAssertEqual(f("9.99").toString(digits: 2), "10")
        XCTAssertEqual(f("0.5").toString(digits: 1), "0.5")
        XCTAssertEqual(f("2.5").toString(digits: 1), "2", "ties to even on the exact binary value")
        XCTAssertEqual(f("1e-100000").toString(digits: 3), "1.00e-100000")
        XCTAssertEqual(f("7e123456").toString(digits: 1), "7e123456")
        XCTAssertEqual(BigFloat.nan(precision: p).toString(digits: 3), "nan")
        XCTAssertEqual(BigFloat.infinity(precision: p, negative: true).toString(digits: 3), "-inf")
    }

    func testParsing() {
        XCTAssertEqual(BigFloat("1.5", precision: 64), BigFloat(1.5, precision: 64))
        XCTAssertEqual(BigFloat("-2e-3", precision: 200)!.exactRational!, BigFloat(BigRational(-2, 1000), precision: 200).exactRational!)
        XCTAssertTrue(BigFloat("inf", precision: 64)!.isInfinite)
        XCTAssertTrue(BigFloat("nan", precision: 64)!.isNaN)
        for bad in ["", "abc", "1.5x", "1..5", "--1", "1e"] { XCTAssertNil(BigFloat(bad, precision: 64), "'\(bad)'") }
    }

    func testExactRationalRoundTrip() {
        var rng = NumbersRandom(seed: 27)
        for _ in 0..<count {
            let p = rng.precision()
            let x = rng.bigFloat(precision: p, scale: 100)
            XCTAssertEqual(BigFloat(x.exactRational!, precision: p), x)
            let q = rng.bigRational(maxBits: 64)
            let y = BigFloat(q, precision: p)
            // Correct rounding: |y − q| ≤ ulp(y)/2.
            if !q.isZero { XCTAssertTrue((y.exactRational! - q).magnitude * 2 <= y.ulp.exactRational!) }
        }
    }

    /// The Fermi function at |x| ~ 10⁶ and beyond: no overflow to NaN, f(x) + f(−x) = 1,
    /// f(x) ≈ e^(−x) for large positive x.
    func testFermiStability() {
        var rng = NumbersRandom(seed: 28)
        for _ in 0..<200 {
            let p = Int.random(in: 53...500, using: &rng)
            let x = rng.bigFloat(precision: p, scale: 20)   // up to ~10^6
            let f = x.fermi(), g = (-x).fermi()
            XCTAssertTrue(f.isFinite && g.isFinite, "x = \(x)")
            XCTAssertTrue(f.signum >= 0 && f <= BigFloat(1, precision: p))
            XCTAssertTrue(numbersClose(f + g, BigFloat(1, precision: p), ulps: 4, precision: p))
            if x.signum > 0 {
                // f(x) = e^(−x)/(1 + e^(−x)), computed another way.
                let t = (-x).exp()
                XCTAssertTrue(numbersClose(f, t / (t + 1), ulps: 4, precision: p), "x = \(x)")
            }
        }
        for s in ["1e6", "-1e6", "1e9", "-1e9", "1e12", "-1e12", "0"] {
            let x = BigFloat(s, precision: 100)!
            let f = x.fermi()
            XCTAssertFalse(f.isNaN, "fermi(\(s))")
            if x.signum < 0 { XCTAssertTrue(f <= BigFloat(1, precision: 100) && f > BigFloat(0.5, precision: 100)) }
        }
        let big = BigFloat(1_000_000, precision: 200)
        XCTAssertTrue(numbersClose(big.fermi().log(), -big, ulps: 8, precision: 200), "log f(10^6) = −10^6 to full precision")
        XCTAssertEqual(BigFloat(0, precision: 64).fermi(), BigFloat(0.5, precision: 64))
    }

    func testPrecisionIsCarriedPerValue() {
        let a = BigFloat(1, precision: 80), b = BigFloat(3, precision: 300)
        XCTAssertEqual((a / b).precision, 300)
        XCTAssertEqual(a.exp().precision, 80)
        XCTAssertEqual(BigFloat.atan2(a, b).precision, 300)
        XCTAssertEqual(BigFloat(1, precision: 53) / 3, BigFloat(1.0 / 3.0, precision: 53))
        XCTAssertEqual(BigFloat.bits(forDigits: 1000) >= 3322, true)
    }
}
