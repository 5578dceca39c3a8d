import XCTest
import Symbolic
@testable import Grassmann

/// The Grassmann algebra: anticommutation, Berezin integration with its convention, and Gaussian
/// integrals equal to determinants by three independent routes.
final class GrassmannAlgebraTests: XCTestCase {
    typealias P = GrassmannPolynomial<GaussianRational>
    let q = { (n: Int, d: Int) in GaussianRational(BigRational(n, d)) }

    func testGeneratorsAnticommuteAndSquareToZero() {
        for (i, j) in [(0, 1), (3, 70), (65, 2), (5, 5)] {
            let a = P.generator(i), b = P.generator(j)
            XCTAssertTrue((a * b + b * a).isZero, "{η\(i), η\(j)} = 0")
        }
        XCTAssertTrue((P.generator(7) * P.generator(7)).isZero)
        // Even elements commute with everything.
        let even = P.product([1, 2]) + P(q(3, 2))
        let odd = P.generator(4) + P.product([0, 2, 5])
        XCTAssertEqual(even * odd, odd * even)
    }

    func testSignByInversionCountMatchesRepeatedTranspositions() {
        // η3 η1 η2 = +η1 η2 η3 (two transpositions); η2 η1 = −η1 η2; across word boundaries too.
        XCTAssertEqual(P.product([3, 1, 2]), P.product([1, 2, 3]))
        XCTAssertEqual(P.product([2, 1]), -P.product([1, 2]))
        XCTAssertEqual(P.product([130, 64, 1]), -P.product([1, 64, 130]))
        // Random words: the product of generators equals the sorted word times the sign of the sort.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let word = Array((0..<140).shuffled(using: &rng).prefix(Int.random(in: 1...7, using: &rng)))
            var inversions = 0
            for i in 0..<word.count { for j in (i + 1)..<max(i + 1, word.count) where word[i] > word[j] { inversions += 1 } }
            let expected = inversions % 2 == 0 ? P.product(word.sorted()) : -P.product(word.sorted())
            XCTAssertEqual(P.product(word), expected, "word \(word)")
        }
    }

    func testAssociativity() {
        let a = P.generator(0) + P.product([1, 2], q(1, 3))
        let b = P.generator(1) - P.generator(3) + P(q(2, 1))
        let c = P.product([0, 3]) + P.generator(2)
        XCTAssertEqual((a * b) * c, a * (b * c))
    }

    func testBerezinConventionOnePair() throws {
        // ∫dη̄ dη e^{−η̄ a η} = a, and ∫dη η = 1, ∫dη 1 = 0.
        let a = q(7, 3)
        let action = a * P.product([0, 1])  // η̄ = η0, η = η1
        let z = try BerezinIntegral.integrate(try (-action).exponential(), measure: [0, 1])
        XCTAssertEqual(z.constantTerm, a)
        XCTAssertEqual(try BerezinIntegral.integrate(P.generator(1), measure: [1]), .one)
        XCTAssertTrue(try BerezinIntegral.integrate(P.one, measure: [1]).isZero)
        // Wrong order of the differentials flips the sign: ∫dη dη̄ e^{−η̄aη} = −a.
        let flipped = try BerezinIntegral.integrate(try (-action).exponential(), measure: [1, 0])
        XCTAssertEqual(flipped.constantTerm, -a)
    }

    func randomMatrix(_ n: Int, seed: Int) -> [[GaussianRational]] {
        var s = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next() -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % 11) - 5 }
        return (0..<n).map { _ in (0..<n).map { _ in GaussianRational(BigRational(next(), 1 + abs(next())), BigRational(next(), 3)) } }
    }

    func testGaussianIntegralEqualsDeterminantByThreeRoutes() throws {
        for n in 1...6 {
            let a = randomMatrix(n, seed: n)
            let brute = try GaussianIntegral.bruteForce(a)
            XCTAssertEqual(brute, GaussianIntegral.berezin(a), "n = \(n): factorized Berezin")
            XCTAssertEqual(brute, GaussianIntegral.determinant(a), "n = \(n): elimination")
        }
        for n in 7...9 {
            let a = randomMatrix(n, seed: 100 + n)
            XCTAssertEqual(GaussianIntegral.berezin(a), GaussianIntegral.determinant(a), "n = \(n)")
        }
    }

    func testDeterminantRejectsWrongInputs() throws {
        // A transposed row pair or a scaled entry changes the Gaussian integral the way det changes.
        let a = randomMatrix(4, seed: 9)
        var swapped = a; swapped.swapAt(0, 1)
        XCTAssertEqual(GaussianIntegral.berezin(swapped), -GaussianIntegral.berezin(a))
        var scaled = a; scaled[2] = scaled[2].map { $0 * GaussianRational(2) }
        XCTAssertEqual(GaussianIntegral.berezin(scaled), GaussianRational(2) * GaussianIntegral.berezin(a))
        XCTAssertEqual(GaussianIntegral.determinant([[GaussianRational(0), .one], [.one, .zero]]), -GaussianRational.one)
        XCTAssertEqual(GaussianIntegral.determinant([[GaussianRational(1), .one], [.one, .one]]), .zero)
    }

    func testLinearSubstitutionKeldyshRotation() throws {
        // ψ± = (ψ_c ± ψ_q)/√2 is inverted by ψ_{c,q} = (ψ+ ± ψ−)/√2 (AX(S53)); with symbolic coefficients.
        typealias E = GrassmannPolynomial<Expr>
        let r = Expr.sqrt(Expr(2))
        let (plus, minus, c, qq) = (0, 1, 2, 3)
        let toCQ: [Int: E] = [plus: (1 / r) * (E.generator(c) + E.generator(qq)), minus: (1 / r) * (E.generator(c) - E.generator(qq))]
        // ψ+ψ− ↦ −ψ_c ψ_q (the quadratic form's antisymmetric part survives; the determinant of the rotation is −1).
        let image = try E.product([plus, minus]).substituting(toCQ).mapCoefficients { $0.together() }
        XCTAssertEqual(image, E.product([c, qq], Expr(-1)))
        // A non-odd image is rejected.
        XCTAssertThrowsError(try E.generator(plus).substituting([plus: E.product([c, qq])]))
    }

    func testExponentialNeedsNoConstantTerm() {
        XCTAssertThrowsError(try P(q(1, 2)).exponential())
        XCTAssertEqual(try P.product([0, 1]).exponential(), P.one + P.product([0, 1]))
    }
}

/// Pfaffians: the Gaussian integral over real generators against exact elimination and det.
final class PfaffianTests: XCTestCase {
    func randomAntisymmetric(_ n: Int, seed: Int) -> [[GaussianRational]] {
        var s = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next() -> Int { s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % 11) - 5 }
        var a = Array(repeating: Array(repeating: GaussianRational.zero, count: n), count: n)
        for i in 0..<n { for j in (i + 1)..<n { let x = GaussianRational(BigRational(next(), 1 + abs(next()))); a[i][j] = x; a[j][i] = -x } }
        return a
    }

    func testTwoByTwoAndFourByFourByHand() throws {
        let q = { (x: Int) in GaussianRational(x) }
        XCTAssertEqual(try PfaffianIntegral.pfaffian([[q(0), q(3)], [q(-3), q(0)]]), q(3))
        // Pf = a12 a34 − a13 a24 + a14 a23
        let (a12, a13, a14, a23, a24, a34) = (q(2), q(3), q(5), q(7), q(11), q(13))
        let a = [[q(0), a12, a13, a14], [-a12, q(0), a23, a24], [-a13, -a23, q(0), a34], [-a14, -a24, -a34, q(0)]]
        XCTAssertEqual(try PfaffianIntegral.pfaffian(a), a12 * a34 - a13 * a24 + a14 * a23)
        XCTAssertEqual(try PfaffianIntegral.berezin(a), a12 * a34 - a13 * a24 + a14 * a23)
    }

    func testBerezinEqualsEliminationAndSquaresToTheDeterminant() throws {
        for pairs in 1...5 {
            let a = randomAntisymmetric(2 * pairs, seed: 7 * pairs)
            let pf = try PfaffianIntegral.pfaffian(a)
            XCTAssertEqual(try PfaffianIntegral.berezin(a), pf, "2n = \(2 * pairs)")
            XCTAssertEqual(pf * pf, GaussianIntegral.determinant(a), "Pf² = det, 2n = \(2 * pairs)")
        }
        // A zero first row forces Pf = 0; a needed pivot swap keeps the sign right.
        var b = randomAntisymmetric(6, seed: 3)
        b[0][1] = .zero; b[1][0] = .zero
        XCTAssertEqual(try PfaffianIntegral.pfaffian(b), try PfaffianIntegral.berezin(b))
    }

    func testWrongInputsAreRejected() {
        let q = { (x: Int) in GaussianRational(x) }
        XCTAssertThrowsError(try PfaffianIntegral.pfaffian([[q(0), q(1)], [q(1), q(0)]]), "symmetric, not antisymmetric")
        XCTAssertThrowsError(try PfaffianIntegral.pfaffian([[q(0), q(1), q(2)], [q(-1), q(0), q(3)], [q(-2), q(-3), q(0)]]), "odd dimension")
        // A sign flipped in one entry (breaking antisymmetry) is rejected, not silently integrated.
        var a = randomAntisymmetric(4, seed: 1)
        a[2][3] = -a[2][3] + GaussianRational(1)
        XCTAssertThrowsError(try PfaffianIntegral.berezin(a))
    }
}
