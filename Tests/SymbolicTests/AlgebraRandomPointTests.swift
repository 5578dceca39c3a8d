import XCTest
@testable import Symbolic

/// Normal forms agree with the original expression at random exact points of Q(i): an independent
/// check (the canonical constructors fold numbers exactly, no algebra involved).
final class AlgebraRandomPointTests: XCTestCase {
    let names = ["a", "b", "c", "d"]
    var symbols: [Symbol] { names.map { Symbol($0, .real) } + [Symbol("z")] }

    func randomPoint(_ random: inout AlgebraTestRandom) -> [Symbol: Expr] {
        var out: [Symbol: Expr] = [:]
        for s in symbols {
            let re = Expr(BigRational(random.int(-40...40), random.int(1...9)))
            out[s] = s.isReal ? re : re + .i * Expr(BigRational(random.int(-40...40), random.int(1...9)))
        }
        return out
    }

    /// A random rational expression: sums of quotients of small polynomials.
    func randomExpression(_ random: inout AlgebraTestRandom, depth: Int) -> Expr {
        let leaves = symbols.map { Expr.symbol($0) }
        if depth == 0 {
            let k = random.int(0...leaves.count)
            return k == leaves.count ? Expr(random.int(-5...5)) : leaves[k]
        }
        let l = randomExpression(&random, depth: depth - 1), r = randomExpression(&random, depth: depth - 1)
        switch random.int(0...4) {
        case 0: return l + r
        case 1: return l - r
        case 2: return l * r
        case 3: return r.isZero ? l : l / (r + Expr(random.int(1...3)))
        default: return Expr.pow(l + 1, 2)
        }
    }

    func value(_ e: Expr, at p: [Symbol: Expr]) -> Expr? {
        let v = e.substituting(p)
        return v.isNumber ? v : nil
    }

    func testNormalFormsAgreeAtRandomPoints() {
        var random = AlgebraTestRandom(seed: 42)
        var checked = 0
        for _ in 0..<25 {
            let e = randomExpression(&random, depth: 3)
            let forms: [(String, Expr)] = [("expanded", e.expanded()), ("together", e.together())]
            for _ in 0..<2 {
                let p = randomPoint(&random)
                guard let v = value(e, at: p) else { continue }   // a pole was hit
                for (name, f) in forms {
                    XCTAssertEqual(value(f, at: p), v, "\(name) differs at a random point")
                }
                // Re + i Im = e, with re(z), im(z) evaluated at the point.
                let (re, im) = e.complexParts()
                if let r = value(re, at: p), let i = value(im, at: p) {
                    XCTAssertEqual(r + .i * i, v, "complexParts differs at a random point")
                    XCTAssertTrue(r.isKnownReal && i.isKnownReal)
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    /// A deliberately wrong normal form (one coefficient changed) is caught by the same check.
    func testWrongFormIsCaught() {
        let a = Expr.symbol("a", .real), b = Expr.symbol("b", .real)
        let e = 1 / (a + 1) + 1 / (b - 1)
        let wrong = (a + b + 1) / ((a + 1) * (b - 1))   // numerator should be a + b
        var random = AlgebraTestRandom(seed: 7)
        let p = randomPoint(&random)
        XCTAssertNotEqual(value(e.together(), at: p), value(wrong, at: p))
        XCTAssertNotEqual(e.together(), wrong.together())
    }
}
