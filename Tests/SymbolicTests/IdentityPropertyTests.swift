import XCTest
@testable import Symbolic

/// Property tests on random expressions: an expression equals its expanded and its single-fraction
/// forms (verified), and every mutant — a sign, a factor, an extra term, a swapped symbol — is
/// rejected.
final class IdentityPropertyTests: XCTestCase {
    let symbols: [Expr] = [.symbol("x"), .symbol("y"), .symbol("a", .real), .symbol("p", .positive)]

    /// A random rational expression of the given depth (seeded, so failures can be replayed).
    func randomRational(_ g: inout Symbolic.SeededGenerator, depth: Int) -> Expr {
        if depth == 0 || g.integer(0, 4) == 0 {
            if g.integer(0, 3) == 0 { return Expr(BigRational(g.integer(-5, 5), g.integer(1, 3))) }
            return symbols[g.integer(0, symbols.count - 1)]
        }
        let u = randomRational(&g, depth: depth - 1), w = randomRational(&g, depth: depth - 1)
        switch g.integer(0, 4) {
        case 0: return u + w
        case 1: return u - w
        case 2: return u * w
        case 3: return w.isZero ? u : u / (w + .i)
        default: return Expr.pow(u, Expr(g.integer(2, 3)))
        }
    }

    func nonConstantSamples(_ count: Int, seed: UInt64) -> [Expr] {
        var g = Symbolic.SeededGenerator(seed: seed)
        var out: [Expr] = []
        while out.count < count {
            let e = randomRational(&g, depth: 3)
            if !e.freeSymbols.isEmpty && e.nodeCount < 60 { out.append(e) }
        }
        return out
    }

    func testRandomRationalExpressionsEqualTheirNormalForms() {
        let checker = IdentityChecker(digits: 20)
        for e in nonConstantSamples(25, seed: 7) {
            let expanded = checker.check(e, e.expanded())
            XCTAssertEqual(expanded.kind, .verified, "\(e): \(expanded.detail)")
            XCTAssertEqual(expanded.method.name, "exact", "\(e)")
            let together = checker.check(e, e.together())
            XCTAssertEqual(together.kind, .verified, "\(e): \(together.detail)")
        }
    }

    func testRandomMutantsAreRejected() {
        let checker = IdentityChecker(digits: 20)
        let x = symbols[0], p = symbols[3]
        for e in nonConstantSamples(25, seed: 11) {
            let target = e.expanded()
            let flipped = checker.check(e, -target)
            XCTAssertEqual(flipped.kind, .discrepancy, "\(e)")
            XCTAssertEqual(flipped.relation, "rhs = -1 × lhs", "\(e): \(flipped.detail)")
            let doubled = checker.check(e, 2 * target)
            XCTAssertEqual(doubled.relation, "rhs = 2 × lhs", "\(e): \(doubled.detail)")
            let extra = checker.check(e, target + p * x)
            XCTAssertEqual(extra.kind, .discrepancy, "\(e)")
            // Swapping x and p changes the expression unless it is symmetric in them.
            let swapped = e.substituting([Symbol("x"): .symbol("__t")]).substituting([Symbol("p", .positive): x])
                .substituting([Symbol("__t"): p])
            if swapped.expanded() != target {
                XCTAssertEqual(checker.check(e, swapped).kind, .discrepancy, "\(e) vs \(swapped)")
            }
        }
    }

    func testRandomTranscendentalWrappersAreVerifiedNumerically() {
        let checker = IdentityChecker(digits: 20)
        let samples = nonConstantSamples(40, seed: 13).filter { $0.together() != $0 && $0.expanded() != $0 }.prefix(5)
        XCTAssertEqual(samples.count, 5)
        for e in samples {
            let verdict = checker.check(Expr.sin(e) * .exp(e), Expr.sin(e.expanded()) * .exp(e.together()))
            XCTAssertEqual(verdict.kind, .verified, "\(e): \(verdict.detail)")
            XCTAssertEqual(verdict.method.name, "numeric", "\(e)")
            let wrong = checker.check(Expr.sin(e), Expr.cos(e.expanded()))
            XCTAssertEqual(wrong.kind, .discrepancy, "\(e): \(wrong.detail)")
        }
    }
}
