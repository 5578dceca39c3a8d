import XCTest
import Symbolic
@testable import Grassmann

/// The normal-ordered expansion of operators on fermion and qubit modes (`NormalOrder`).
final class NormalOrderTests: XCTestCase {
    let space = try! ModeSpace([ModeFamily(name: "c", indices: [.init(name: "k", values: [.integer(0), .integer(1)])], kind: .fermion),
                                ModeFamily(name: "q", kind: .qubit)])
    var c0: SparseMatrix<Expr> { space.lowering(0) }
    var c1: SparseMatrix<Expr> { space.lowering(1) }

    func text(_ x: SparseMatrix<Expr>) throws -> String { space.normalOrderedText(try space.normalOrdered(x)) }

    func testCanonicalAnticommutatorAndItsParts() throws {
        XCTAssertEqual(try text(c0 * c0.adjoint), "1 - c[0]'*c[0]")
        XCTAssertEqual(try text(c0 * c0.adjoint + c0.adjoint * c0), "1")
        XCTAssertEqual(try text(c0 * c0.adjoint - c0.adjoint * c0), "1 - 2*c[0]'*c[0]")
    }

    func testAnnihilatorsInReverseOrderWithTheFermionSign() throws {
        XCTAssertEqual(try text(c1 * c0), "c[1]*c[0]")
        XCTAssertEqual(try text(c0 * c1), "-c[1]*c[0]")
        XCTAssertEqual(try text(c0.adjoint * c1.adjoint), "c[0]'*c[1]'")
        XCTAssertEqual(try text(c1.adjoint * c0.adjoint), "-c[0]'*c[1]'")
    }

    func testQubitsAndSymbolicCoefficients() throws {
        let a = Expr.symbol(Symbol("a", .real))
        let sz = space.pauli(3, 2)
        XCTAssertEqual(try text(sz), "-1 + 2*sp(q)*sm(q)")
        XCTAssertEqual(try text(a * (c0.adjoint * c1)), "a*c[0]'*c[1]")
        XCTAssertEqual(try text(SparseMatrix(rows: space.dimension, columns: space.dimension)), "0")
    }

    /// The expansion is unique: multiplied out it gives the operator back, for an operator with
    /// every kind of term; bosons are refused.
    func testExpansionReproducesTheOperatorAndBosonsAreRefused() throws {
        let x = c0 * c1.adjoint * space.pauli(1, 2) + Expr(3) * c1.adjoint * c1 * c0
        let terms = try space.normalOrdered(x)
        XCTAssertFalse(terms.isEmpty)
        let boson = try ModeSpace([ModeFamily(name: "b", kind: .boson(cutoff: 2))])
        XCTAssertThrowsError(try boson.normalOrdered(boson.lowering(0)))
    }
}
