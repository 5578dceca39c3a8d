import XCTest
import Symbolic
@testable import Grassmann
@testable import Keldysh

/// Z_N = tr[(1 + δ_tℒ)^N ρ₀] (AX(S74)–(S81)) from the slice-by-slice Grassmann integral and from
/// operators; Z = 1 with the t ± δ ordering of AX(S82), Z ≠ 1 with the reversed one.
final class DiscreteGKSLTests: XCTestCase {
    typealias Op = FermionOperator<GaussianRational>
    let up = Mode.d(.up), ck = Mode.c(1, .up)
    func q(_ n: Int, _ d: Int) -> GaussianRational { GaussianRational(BigRational(n, d)) }

    func rho0(_ modes: [Mode], _ occupations: [GaussianRational]) -> Op {
        var r = Op.identity
        for (m, n) in zip(modes, occupations) { r = r * (Op.scalar(.one - n) + (GaussianRational(2) * n - .one) * Op.number(m)) }
        return r
    }

    func testOneModeDecayAndPumpGiveZEqualsOneByBothRoutes() throws {
        let h = GaussianRational(3) * Op.number(up)
        let jumps = [DiscreteGKSLPathIntegral.Jump(rate: q(1, 2), Op.annihilation(up)), .init(rate: q(1, 3), Op.creation(up))]
        let system = try DiscreteGKSLPathIntegral(modes: [up], hamiltonian: h, jumps: jumps, timeStep: q(1, 10))
        let rho = rho0([up], [q(1, 3)])
        for n in [1, 2, 5] {
            let grassmann = try system.partitionFunctionByGrassmann(initial: rho, steps: n)
            XCTAssertEqual(grassmann, try system.partitionFunctionFromOperators(initial: rho, steps: n), "N = \(n)")
            XCTAssertEqual(grassmann, .one, "N = \(n)")
        }
    }

    func testTwoModesWithQuarticJumpGiveZEqualsOne() throws {
        let h = GaussianRational(2) * Op.number(up) + q(1, 2) * (Op.creation(up) * Op.annihilation(ck) + Op.creation(ck) * Op.annihilation(up))
        let jumps = [DiscreteGKSLPathIntegral.Jump(rate: q(3, 4), Op.creation(up) * Op.annihilation(ck)), .init(rate: q(1, 5), Op.annihilation(ck))]
        let system = try DiscreteGKSLPathIntegral(modes: [up, ck], hamiltonian: h, jumps: jumps, timeStep: q(1, 8))
        let rho = rho0([up, ck], [q(1, 4), q(2, 3)])
        for n in [1, 3] {
            let grassmann = try system.partitionFunctionByGrassmann(initial: rho, steps: n)
            XCTAssertEqual(grassmann, try system.partitionFunctionFromOperators(initial: rho, steps: n))
            XCTAssertEqual(grassmann, .one)
        }
    }

    func testReversedTimeOrderingOfTheDecayTermBreaksZEqualsOne() throws {
        let jumps = [DiscreteGKSLPathIntegral.Jump(rate: q(1, 2), Op.annihilation(up))]
        let system = try DiscreteGKSLPathIntegral(modes: [up], hamiltonian: .zero, jumps: jumps, timeStep: q(1, 10), ordering: .reversed)
        let rho = rho0([up], [q(1, 3)])
        let z = try system.partitionFunctionByGrassmann(initial: rho, steps: 3)
        XCTAssertEqual(z, try system.partitionFunctionFromOperators(initial: rho, steps: 3))
        XCTAssertNotEqual(z, .one)
    }

    func testTraceOfIdentityIsTheDimension() throws {
        let system = try DiscreteGKSLPathIntegral(modes: [up, ck], hamiltonian: .zero, jumps: [], timeStep: q(1, 2))
        XCTAssertEqual(try system.partitionFunctionByGrassmann(initial: .identity, steps: 0), GaussianRational(4))
    }
}
