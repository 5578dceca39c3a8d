import Foundation
import XCTest
@testable import Verify
import Symbolic

/// Declared systems of equations of motion (```ode blocks): reading, compiling, the implicit
/// (Gilbert) solve, the Jacobian, and located errors for bad blocks.
final class DeclaredSystemTests: XCTestCase {
    /// NC(8a)/(8b) as a derivation file declares it (derivations/dynamics.md).
    static let bilayer = """
    ```ode
    system: bilayer
    state: m_A, m_B: vector2
    parameters: j_AA, j_BB, j_AB: real
    parameters: alpha_A, alpha_B, n, T: positive
    parameters: g_B: nonzero
    parameters: r: real
    let: h_A = j_AA*m_A + j_AB*m_B
    let: h_B = j_AB*m_A + j_BB*m_B
    let: gamma_B = r*alpha_B*abs(g_B)
    let: Omega_BA = gamma_B/abs(g_B)*j_AB
    dm_A/dt = alpha_A*(-T*m_A + (1 - dot(h_A, h_A)/(3*T^2))*h_A)
    dm_B/dt = alpha_B*(-T*m_B + (1 - dot(h_B, h_B)/(3*T^2))*h_B) - gamma_B*n*m_B - Omega_BA*m_A
    values: j_AA = 10, j_BB = 5, j_AB = 5, alpha_A = 0.1, alpha_B = 0.002, g_B = -10, n = 1, T = 9, r = 0
    phase: disordered = fixed, norm(m_A) < 1e-4, norm(m_B) < 1e-4
    phase: single-layer = fixed, norm(m_A)*norm(m_B) < 1e-8
    phase: aligned = fixed, dot(m_A, m_B) > 0
    phase: antialigned = fixed, dot(m_A, m_B) < 0
    phase: chiral = rotating
    ```
    """

    static func file(_ blocks: String, claims: String = "") -> String {
        "# t\n\n" + blocks + "\n" + claims + "\n```claim\nid: t.one\nstatement: s\nprinted: 1\ncheck: identity\ncomputed: 1\nexpect: verified\n```\n"
    }

    static func context(_ text: String) throws -> DerivationContext {
        try TemporaryDerivation.withFile(text) { path in
            try DerivationContext(file: try DerivationReader.read(path: path), engine: .standard)
        }
    }

    static func system(_ text: String, _ name: String = "bilayer") throws -> DeclaredSystem {
        try XCTUnwrap(try context(file(text)).systems[name])
    }

    func testBilayerRatesEqualTheCompiledModel() throws {
        let system = try Self.system(Self.bilayer)
        XCTAssertEqual(system.dimension, 4)
        XCTAssertFalse(system.isImplicit)
        var p = BilayerParameters.figureCaption
        p.jAB = 3.7
        p = p.with(gammaRatio: 1.3)
        let field = try DeclaredField(system, values: ["j_AB": 3.7, "r": 1.3])
        let reference = BilayerMeanField(p)
        var g = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let y = (0..<4).map { _ in 2 * g.nextUnit() - 1 }
            var dy = [Double](repeating: 0, count: 4)
            reference.evaluate(t: 0, y: y, into: &dy)
            let mine = field.rates(at: y)
            for i in 0..<4 { XCTAssertEqual(mine[i], dy[i], accuracy: 1e-14 * (1 + abs(dy[i]))) }
            let j = field.jacobian(at: y), jr = reference.jacobian(y)
            for i in 0..<16 { XCTAssertEqual(j[i], jr[i], accuracy: 1e-12 * (1 + abs(jr[i]))) }
        }
    }

    /// The machine-code right-hand side (`NativeCode`) computes bit for bit what the interpreter computes.
    func testNativeCodeEqualsTheInterpreter() throws {
        let system = try Self.system(Self.bilayer)
        let field = try DeclaredField(system, values: ["r": 1.3, "j_AB": 2.5])
        XCTAssertNotNil(field.native, "no C compiler found: the interpreter runs (slower)")
        let slow = try field.interpreted()
        XCTAssertNil(slow.native)
        var g = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let y = (0..<4).map { _ in 2 * g.nextUnit() - 1 }
            XCTAssertEqual(field.rates(at: y), slow.rates(at: y))
        }
        XCTAssertTrue(NativeCode.source(system.rates).contains("referee_rates"))
    }

    func testWrongRightHandSideIsNotTheModel() throws {
        // Ω_BA with the wrong sign: the declared system must differ from NC(8).
        let wrong = Self.bilayer.replacingOccurrences(of: "- Omega_BA*m_A", with: "+ Omega_BA*m_A")
        let field = try DeclaredField(try Self.system(wrong), values: ["r": 1.3])
        let reference = BilayerMeanField(BilayerParameters.figureCaption.with(gammaRatio: 1.3))
        var dy = [Double](repeating: 0, count: 4)
        let y = [0.3, -0.2, 0.5, 0.1]
        reference.evaluate(t: 0, y: y, into: &dy)
        XCTAssertNotEqual(field.rates(at: y)[2], dy[2], accuracy: 1e-6)
    }

    func testLongTimeStatesMatchTheCompiledModel() throws {
        let system = try Self.system(Self.bilayer)
        for (ratio, expected) in [(0.0, "aligned"), (1.1, "antialigned"), (1.5, "chiral")] {
            let field = try DeclaredField(system, values: ["r": ratio])
            let y0 = DeclaredSimulation.randomInitialCondition(system, seed: 1)
            XCTAssertEqual(y0, BilayerSimulation.randomInitialCondition(seed: 1))
            let state = try DeclaredSimulation().run(field, from: y0)
            XCTAssertEqual(state.phase, expected, "r = \(ratio)")
            let reference = try BilayerSimulation().run(BilayerMeanField(BilayerParameters.figureCaption.with(gammaRatio: ratio)), from: y0)
            XCTAssertEqual(reference.phase.rawValue, expected)
            if expected == "chiral" { XCTAssertEqual(state.omega, reference.omega, accuracy: 1e-6 * abs(reference.omega)) }
        }
    }

    /// The Gilbert form dS/dt = −S×B + α S×dS/dt for two spins: the generic implicit solve must equal the
    /// Landau–Lifshitz form [τ + α S×τ + α²(S·τ)S]/(1 + α²|S|²) with τ = −S×B.
    func testGilbertTermSolvedGenerically() throws {
        let text = """
        ```ode
        system: pair
        state: S_1, S_2: vector
        parameters: J, alpha_1, alpha_2: real
        dS_1/dt = J*cross(S_1, S_2) + alpha_1*cross(S_1, dS_1/dt)
        dS_2/dt = J*cross(S_2, S_1) + alpha_2*cross(S_2, dS_2/dt)
        values: J = 1.3, alpha_1 = 0.3, alpha_2 = 0.05
        ```
        """
        let system = try Self.system(text, "pair")
        XCTAssertTrue(system.isImplicit)
        XCTAssertEqual(system.implicitBlocks.count, 2)
        let field = try DeclaredField(system, values: [:])
        func cross(_ u: [Double], _ v: [Double]) -> [Double] { [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]] }
        func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).map { $0 * $1 }.reduce(0, +) }
        var g = SplitMix64(seed: 9)
        for _ in 0..<10 {
            let y = (0..<6).map { _ in 2 * g.nextUnit() - 1 }
            let dy = field.rates(at: y)
            let s = [Array(y[0..<3]), Array(y[3..<6])]
            for (a, alpha) in [(0, 0.3), (1, 0.05)] {
                let tau = cross(s[a], s[1 - a]).map { 1.3 * $0 }
                let c = cross(s[a], tau), st = dot(s[a], tau), s2 = dot(s[a], s[a])
                for i in 0..<3 {
                    let ll = (tau[i] + alpha * c[i] + alpha * alpha * st * s[a][i]) / (1 + alpha * alpha * s2)
                    XCTAssertEqual(dy[3 * a + i], ll, accuracy: 1e-13)
                }
            }
            // Jacobian by implicit differentiation against central differences.
            let jac = field.jacobian(at: y)
            for j in 0..<6 {
                var yp = y, ym = y
                yp[j] += 1e-6; ym[j] -= 1e-6
                let fp = field.rates(at: yp), fm = field.rates(at: ym)
                for i in 0..<6 { XCTAssertEqual(jac[i * 6 + j], (fp[i] - fm[i]) / 2e-6, accuracy: 1e-7) }
            }
        }
    }

    // MARK: Located errors

    func assertError(_ block: String, line: Int, contains message: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        do {
            _ = try Self.context(Self.file(block))
            XCTFail("accepted: \(block)", file: file, line: lineNumber)
        } catch let e as DerivationError {
            XCTAssertEqual(e.location.line, line, "\(e)", file: file, line: lineNumber)
            XCTAssertTrue(e.message.contains(message), "\(e)", file: file, line: lineNumber)
            XCTAssertNotNil(e.fix, file: file, line: lineNumber)
        } catch { XCTFail("\(error)", file: file, line: lineNumber) }
    }

    func testBadBlocksAreLocated() {
        // Lines: 1 "# t", 2 blank, 3 fence, 4 system, 5 state, 6 parameters, 7 equation…
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndm/dt = a*cross(m, q)\n```", line: 7, contains: "unknown name")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndm/dt = a + m\n```", line: 7, contains: "vector/scalar mismatch")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndm/dt = a\n```", line: 7, contains: "vector/scalar mismatch")
        assertError("```ode\nsystem: s\nstate: m, x: vector\nparameters: a: real\ndm/dt = a*m\n```", line: 5, contains: "has no equation")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndq/dt = a*m\n```", line: 7, contains: "not a state variable")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndm/dt = m*cross(m, vec(0, 0, a))\n```", line: 7, contains: "product of two vectors")
        assertError("```ode\nsystem: s\nstate: m: vector2\nparameters: a: real\ndm/dt = cross(m, m)\n```", line: 7, contains: "3-vectors")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: real\ndm/dt = a*cross(m, dm/dt)*dot(m, dm/dt)\n```", line: 7, contains: "not linear")
        assertError("```ode\nstate: m: vector\ndm/dt = m\n```", line: 3, contains: "no `system:`")
        assertError("```ode\nsystem: s\nstate: m: tensor\ndm/dt = m\n```", line: 5, contains: "unknown state kind")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: positive\ndm/dt = a*m\nvalues: a = -1\n```", line: 8, contains: "contradicts")
        assertError("```ode\nsystem: s\nstate: m: vector\nparameters: a: positive\ndm/dt = a*m\nvalues: b = 1\n```", line: 8, contains: "not a parameter")
        assertError("```ode\nsystem: s\nstate: m: vector\nsolve: m\n```", line: 6, contains: "cannot read")
        assertError("```odes\nsystem: s\n```", line: 3, contains: "unknown block kind")
    }
}
