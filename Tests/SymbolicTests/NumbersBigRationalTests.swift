import XCTest
@testable import Symbolic

/// Field laws, canonical form, parsing, powers and exact roots of `BigRational`, on seeded random inputs.
final class NumbersBigRationalTests: XCTestCase {
    let count = 1500

    func testFieldLaws() {
        var rng = NumbersRandom(seed: 11)
        for _ in 0..<count {
            let a = rng.bigRational(), b = rng.bigRational(), c = rng.bigRational()
            XCTAssertEqual(a + b, b + a)
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual((a + b) + c, a + (b + c))
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual(a - a, .zero)
            if !b.isZero {
                XCTAssertEqual(a / b * b, a)
                XCTAssertEqual(b * b.reciprocal, .one)
                XCTAssertEqual(a / b, a * b.reciprocal)
            }
            XCTAssertEqual(a < b, (b - a).signum > 0)
            var d = a; d += b; d *= c; d -= a
            XCTAssertEqual(d, (a + b) * c - a)
        }
    }

    /// Always in lowest terms with a positive denominator.
    func testCanonicalForm() {
        var rng = NumbersRandom(seed: 12)
        for _ in 0..<count {
            let p = rng.bigInt(maxBits: 100), q = rng.nonzeroBigInt(maxBits: 100), k = rng.nonzeroBigInt(maxBits: 40)
            let x = BigRational(p * k, q * k)
            XCTAssertEqual(x, BigRational(p, q))
            XCTAssertTrue(x.denominator.signum > 0)
            XCTAssertEqual(BigInt.gcd(x.numerator, x.denominator), .one)
            XCTAssertEqual(x * BigRational(x.denominator), BigRational(x.numerator))
            XCTAssertEqual(x.hashValue, BigRational(p, q).hashValue)
            let f = x.floor
            XCTAssertTrue(BigRational(f) <= x && x < BigRational(f + 1))
            XCTAssertEqual(x.isInteger, x.denominator == .one)
        }
        XCTAssertEqual(BigRational(0, -5).denominator, 1)
    }

    func testParsing() {
        XCTAssertEqual(BigRational("1.25"), BigRational(5, 4))
        XCTAssertEqual(BigRational("-3e-4"), BigRational(-3, 10_000))
        XCTAssertEqual(BigRational("7/3"), BigRational(7, 3))
        XCTAssertEqual(BigRational("-14/6"), BigRational(-7, 3))
        XCTAssertEqual(BigRational("2E+3"), 2000)
        XCTAssertEqual(BigRational("+.5"), BigRational(1, 2))
        XCTAssertEqual(BigRational("5."), 5)
        XCTAssertEqual(BigRational("0.000"), 0)
        XCTAssertEqual(BigRational(" 42 "), 42)
        XCTAssertEqual(BigRational("1.5e2"), 150)
        XCTAssertEqual(BigRational("-0.0625"), BigRational(-1, 16))
        for bad in ["", " ", ".", "-", "e5", "1e", "1.2.3", "abc", "1/0", "1/2/3", "1/", "/2", "1e5.5", "1,5", "0x10", "1 2", "--1", "1e+-2", "inf", "nan"] {
            XCTAssertNil(BigRational(bad), "'\(bad)'")
        }
    }

    /// Printing and parsing are inverse; decimal strings m·10^k parse to the exact value.
    func testTextRoundTrips() {
        var rng = NumbersRandom(seed: 13)
        for _ in 0..<count {
            let x = rng.bigRational()
            XCTAssertEqual(BigRational(x.description), x)
            let m = rng.bigInt(maxBits: 80), k = Int.random(in: -40...40, using: &rng)
            let exact = k >= 0 ? BigRational(m * BigInt(10).power(k)) : BigRational(m, BigInt(10).power(-k))
            XCTAssertEqual(BigRational("\(m)e\(k)"), exact)
            // The same value written with a decimal point.
            let digits = m.magnitude.description
            if k < 0 {
                let pad = String(repeating: "0", count: Swift.max(0, -k - digits.count + 1)) + digits
                let cut = pad.index(pad.endIndex, offsetBy: k)
                let text = (m.isNegative ? "-" : "") + pad[..<cut] + "." + pad[cut...]
                XCTAssertEqual(BigRational(text), exact, text)
            }
        }
    }

    func testPowersAndExactRoots() {
        var rng = NumbersRandom(seed: 14)
        for _ in 0..<500 {
            let x = rng.bigRational(maxBits: 40)
            let m = Int.random(in: -6...6, using: &rng), n = Int.random(in: -6...6, using: &rng)
            if x.isZero { XCTAssertEqual(x.power(3), .zero); continue }
            XCTAssertEqual(x.power(m + n), x.power(m) * x.power(n))
            XCTAssertEqual(x.power(m).power(n), x.power(m * n))
            XCTAssertEqual(x.power(-m), x.power(m).reciprocal)
            let k = Int.random(in: 1...7, using: &rng)
            let root = x.power(k).exactRoot(k)
            XCTAssertEqual(root, k % 2 == 0 ? x.magnitude : x, "k = \(k)")
        }
        XCTAssertNil(BigRational(2).exactRoot(2))
        XCTAssertNil(BigRational(-4).exactRoot(2))
        XCTAssertEqual(BigRational(-8, 27).exactRoot(3), BigRational(-2, 3))
        XCTAssertNil(BigRational(8, 25).exactRoot(3))
        XCTAssertEqual(BigRational(0).exactRoot(5), 0)
    }

    func testExactDoubles() {
        var rng = NumbersRandom(seed: 15)
        for _ in 0..<500 {
            let d = Double(bitPattern: rng.next())
            guard d.isFinite else { XCTAssertNil(BigRational(exactly: d)); continue }
            let q = BigRational(exactly: d)!
            XCTAssertEqual(q.doubleValue, d)
            XCTAssertEqual(BigFloat(q, precision: 53).doubleValue, d)
        }
    }
}
