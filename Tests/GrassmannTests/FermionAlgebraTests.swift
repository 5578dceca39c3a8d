import XCTest
import Symbolic
@testable import Grassmann

/// The canonical anticommutation relations and normal ordering, checked against Jordan–Wigner
/// Fock matrices — a different method from the symbolic reordering they test.
final class FermionAlgebraTests: XCTestCase {
    typealias Op = FermionOperator<GaussianRational>
    let modes: [Mode] = [.d(.up), .d(.down), .c(0, .up), .c(0, .down)]

    func testCanonicalAnticommutationRelationsInFockSpace() throws {
        let space = try FockSpace(modes)
        for a in modes {
            for b in modes {
                let ca = try space.matrix(Op.annihilation(a)), cb = try space.matrix(Op.annihilation(b))
                let cbd = try space.matrix(Op.creation(b))
                let anti = ca * cbd + cbd * ca
                XCTAssertEqual(anti, a == b ? .identity(space.dimension) : SparseMatrix(rows: 16, columns: 16), "{\(a), \(b)†}")
                XCTAssertTrue((ca * cb + cb * ca).isZero, "{\(a), \(b)}")
            }
        }
    }

    func testNormalOrderingOfAnticommutatorIsDelta() {
        for a in modes {
            for b in modes {
                let anti = Op.anticommutator(.annihilation(a), .creation(b)).normalOrdered()
                XCTAssertEqual(anti, a == b ? Op.identity : Op.zero)
            }
        }
    }

    func testPauliExclusion() {
        let c = Op.creation(modes[2])
        XCTAssertTrue((c * c).normalOrdered().isZero)
    }

    /// Random words with random Gaussian-rational coefficients: normal ordering must not change
    /// the Fock matrix, and the result must be in canonical order.
    func testNormalOrderingAgreesWithFockMatricesOnRandomStrings() throws {
        let space = try FockSpace(modes)
        var g = ExactPointEvaluation.SplitMix64(seed: 42)
        for _ in 0..<60 {
            var op = Op.zero
            for _ in 0..<3 {
                let length = Int(g.next() % 7)
                let word = (0..<length).map { _ in Ladder(modes[Int(g.next() % 4)], creation: g.next() % 2 == 0) }
                op += Op(word, GaussianRational(BigRational(Int(g.next() % 9) - 4), BigRational(Int(g.next() % 5) - 2)))
            }
            let ordered = op.normalOrdered()
            XCTAssertEqual(try space.matrix(ordered), try space.matrix(op))
            for w in ordered.terms.keys {
                for i in 0..<max(w.count - 1, 0) { XCTAssertTrue(Op.inOrder(w[i], w[i + 1]), "\(w) not canonical") }
            }
        }
    }

    /// A deliberately wrong rule (commuting instead of anticommuting) must be caught by the same check.
    func testWrongSignRuleIsRejected() throws {
        let space = try FockSpace(modes)
        let a = modes[0], b = modes[2]
        let op = Op([.annihilate(a), .create(b)])
        let wrong = Op([.create(b), .annihilate(a)])  // +c_b† c_a instead of −c_b† c_a
        XCTAssertNotEqual(try space.matrix(wrong), try space.matrix(op))
        XCTAssertEqual(try space.matrix(op.normalOrdered()), try space.matrix(op))
    }

    func testAdjointReversesAndConjugates() throws {
        let space = try FockSpace(modes)
        let op = Op([.create(modes[0]), .annihilate(modes[3]), .annihilate(modes[1])], GaussianRational(BigRational(2), BigRational(3)))
        XCTAssertEqual(try space.matrix(op.adjoint), try space.matrix(op).adjoint)
    }

    func testProjectorsAreOrthogonalAndComplete() throws {
        let space = try FockSpace(modes)
        let p0 = try space.matrix(ImpurityOperators.vacantProjector() as Op)
        let ps = try space.matrix(ImpurityOperators.singleProjector() as Op)
        let p2 = try space.matrix(ImpurityOperators.doubleProjector() as Op)
        XCTAssertEqual(p0 + ps + p2, .identity(16))
        for p in [p0, ps, p2] { XCTAssertEqual(p * p, p) }
        XCTAssertTrue((p0 * ps).isZero); XCTAssertTrue((ps * p2).isZero); XCTAssertTrue((p0 * p2).isZero)
    }

    /// S_a obeys [S_1, S_2] = 2i S_3 (Pauli normalisation, AX(S130)); a swapped spin index must fail.
    func testSpinAlgebraAndSwappedIndexIsRejected() throws {
        let space = try FockSpace(modes)
        let s: [SparseMatrix<GaussianRational>] = try (1...3).map { try space.matrix(ImpurityOperators.localizedSpin($0) as Op) }
        let t: [SparseMatrix<GaussianRational>] = try (1...3).map { try space.matrix(ImpurityOperators.conductionSpin($0, levels: [0]) as Op) }
        let twoI = GaussianRational(BigRational(0), BigRational(2))
        XCTAssertEqual(s[0] * s[1] - s[1] * s[0], twoI * s[2])
        XCTAssertEqual(t[0] * t[1] - t[1] * t[0], twoI * t[2])
        // swapped spin index in σ_2: d↓† d↑ gets −i instead of +i
        var wrong = Op.zero
        wrong += Op([.create(.d(.up)), .annihilate(.d(.down))], .i)
        wrong += Op([.create(.d(.down)), .annihilate(.d(.up))], -.i)
        XCTAssertNotEqual(try space.matrix(wrong), s[1])
    }

    func testBadModeIsATypedError() throws {
        let space = try FockSpace(modes)
        XCTAssertThrowsError(try space.matrix(Op.creation(.c(7, .up)))) { e in
            XCTAssertTrue("\(e)".contains("c7↑"))
        }
        XCTAssertThrowsError(try FockSpace([.d(.up), .d(.up)]))
    }
}
