import XCTest
@testable import Symbolic

/// Ring laws, division, gcd/lcm, powers, roots and text round trips of `BigInt`, on seeded random inputs.
final class NumbersBigIntTests: XCTestCase {
    let count = 2000

    func testRingLaws() {
        var rng = NumbersRandom(seed: 1)
        for _ in 0..<count {
            let a = rng.bigInt(), b = rng.bigInt(), c = rng.bigInt()
            XCTAssertEqual(a + b, b + a)
            XCTAssertEqual(a * b, b * a)
            XCTAssertEqual((a + b) + c, a + (b + c))
            XCTAssertEqual((a * b) * c, a * (b * c))
            XCTAssertEqual(a * (b + c), a * b + a * c)
            XCTAssertEqual(a - a, .zero)
            XCTAssertEqual(-(-a), a)
            XCTAssertEqual(a + (-b), a - b)
            XCTAssertEqual(a * .one, a)
            XCTAssertEqual(a * .zero, .zero)
            var d = a; d += b; d *= c; d -= a
            XCTAssertEqual(d, (a + b) * c - a)
            XCTAssertEqual(a < b, (b - a).signum > 0)
        }
    }

    /// In-place operators must not disturb copies (copy on write).
    func testValueSemantics() {
        var rng = NumbersRandom(seed: 2)
        for _ in 0..<200 {
            let a = rng.bigInt(), b = rng.bigInt()
            let saved = a
            var c = a
            c += b
            c *= b
            XCTAssertEqual(a, saved)
            XCTAssertEqual(c, (saved + b) * b)
        }
    }

    func testTruncatedAndFloorDivision() {
        var rng = NumbersRandom(seed: 3)
        for _ in 0..<count {
            let a = rng.bigInt(), b = rng.nonzeroBigInt(maxBits: 128)
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            XCTAssertEqual(q * b + r, a)
            XCTAssertTrue(r.magnitude < b.magnitude)
            XCTAssertTrue(r.isZero || r.signum == a.signum, "remainder takes the sign of the dividend")
            XCTAssertEqual(a / b, q)
            XCTAssertEqual(a % b, r)
            let f = a.floorDivided(by: b)
            let rest = a - f * b
            XCTAssertTrue(rest.isZero || rest.signum == b.signum, "floor remainder takes the sign of the divisor")
            XCTAssertTrue(rest.magnitude < b.magnitude)
            XCTAssertEqual(a.isDivisible(by: b), r.isZero)
            XCTAssertEqual((a * b).exactlyDivided(by: b), a)
        }
        // Small cases against Int.
        for a in -7...7 { for b in [-3, -2, -1, 1, 2, 3] {
            XCTAssertEqual(BigInt(a) / BigInt(b), BigInt(a / b))
            XCTAssertEqual(BigInt(a) % BigInt(b), BigInt(a % b))
            XCTAssertEqual(BigInt(a).floorDivided(by: BigInt(b)), BigInt(Int((Double(a) / Double(b)).rounded(.down))))
        } }
    }

    func testGcdLcm() {
        var rng = NumbersRandom(seed: 4)
        for _ in 0..<count {
            let a = rng.bigInt(maxBits: 160), b = rng.bigInt(maxBits: 160), k = rng.nonzeroBigInt(maxBits: 64)
            let g = BigInt.gcd(a, b)
            XCTAssertFalse(g.isNegative)
            XCTAssertEqual(BigInt.gcd(a, b), BigInt.gcd(b, a))
            XCTAssertEqual(BigInt.gcd(a * k, b * k), g * k.magnitude)
            if g.isZero {
                XCTAssertTrue(a.isZero && b.isZero)
                continue
            }
            XCTAssertTrue(a.isDivisible(by: g) && b.isDivisible(by: g))
            XCTAssertEqual(BigInt.gcd(a.exactlyDivided(by: g), b.exactlyDivided(by: g)), .one)
            let l = BigInt.lcm(a, b)
            XCTAssertFalse(l.isNegative)
            XCTAssertEqual(g * l, (a * b).magnitude)
        }
        XCTAssertEqual(BigInt.gcd(0, 0), 0)
        XCTAssertEqual(BigInt.gcd(0, -5), 5)
        XCTAssertEqual(BigInt.lcm(0, 5), 0)
    }

    func testPowersAndRoots() {
        var rng = NumbersRandom(seed: 5)
        for _ in 0..<500 {
            let a = rng.bigInt(maxBits: 64)
            let m = Int.random(in: 0...12, using: &rng), n = Int.random(in: 0...12, using: &rng)
            XCTAssertEqual(a.power(m + n), a.power(m) * a.power(n))
            XCTAssertEqual(a.power(m).power(n), a.power(m * n))
            let s = a.magnitude * rng.bigInt(maxBits: 100).magnitude
            let r = s.integerSquareRoot
            XCTAssertTrue(r * r <= s && s < (r + 1) * (r + 1))
            XCTAssertTrue((s * s).isPerfectSquare)
            XCTAssertEqual((s * s).integerSquareRoot, s)
            if s > 1 { XCTAssertFalse((s * s + 1).isPerfectSquare) }
        }
        XCTAssertEqual(BigInt(0).power(0), 1)
        XCTAssertEqual(BigInt.factorial(20), BigInt(2_432_902_008_176_640_000))
        XCTAssertEqual(BigInt.factorial(30), BigInt.factorial(29) * 30)
        for n in 0...30 { for k in 0...n {
            XCTAssertEqual(BigInt.binomial(n, k) * BigInt.factorial(k) * BigInt.factorial(n - k), BigInt.factorial(n))
        } }
    }

    func testTextRoundTrips() {
        var rng = NumbersRandom(seed: 6)
        for _ in 0..<count {
            let a = rng.bigInt(maxBits: 400)
            XCTAssertEqual(BigInt(a.description), a)
            let radix = Int.random(in: 2...62, using: &rng)
            XCTAssertEqual(BigInt(a.toString(radix: radix), radix: radix), a, "radix \(radix)")
        }
        for n in [0, 1, -1, Int.max, Int.min, 1 << 40] {
            XCTAssertEqual(BigInt(n).description, String(n))
            XCTAssertEqual(BigInt(n).intValue, n)
        }
        XCTAssertEqual(BigInt(UInt64.max).description, String(UInt64.max))
        XCTAssertNil((BigInt(Int.max) + 1).intValue)
        XCTAssertEqual(BigInt("+17"), 17)
        XCTAssertEqual(BigInt("ff", radix: 16), 255)
        XCTAssertEqual(BigInt("FF", radix: 16), 255)
        for bad in ["", "-", "+", "12a", " 1", "1 ", "--1", "0x10", "1_000", "١٢"] {
            XCTAssertNil(BigInt(bad), "'\(bad)'")
        }
        XCTAssertNil(BigInt("2", radix: 2))
        XCTAssertNil(BigInt("1", radix: 1))
        XCTAssertNil(BigInt("1", radix: 63))
    }

    func testHashAgreesWithEquality() {
        var rng = NumbersRandom(seed: 7)
        for _ in 0..<500 {
            let a = rng.bigInt(), b = rng.bigInt()
            let same = (a + b) - b
            XCTAssertEqual(same, a)
            XCTAssertEqual(same.hashValue, a.hashValue)
            XCTAssertEqual(Set([a, same]).count, 1)
        }
    }

    func testBitWidthAndDouble() {
        XCTAssertEqual(BigInt(0).bitWidth, 0)
        XCTAssertEqual(BigInt(1).bitWidth, 1)
        XCTAssertEqual(BigInt(-256).bitWidth, 9)
        XCTAssertEqual(BigInt(2).power(100).doubleValue, 0x1p100)
        XCTAssertTrue(BigInt(-7).isOdd && !BigInt(10).isOdd)
    }
}
