import Symbolic
import Grassmann

/// The discrete-time Keldysh partition function of one fermion mode H = ε₀ ψ†ψ (AX(S40)–(S45)).
///
/// Fields: ψ_{±,j}, ψ̄_{±,j} for slices j = 1…N on the forward (+) and backward (−) branch, ordered
/// ψ = (ψ_{+,1} … ψ_{+,N}, ψ_{−,1} … ψ_{−,N}) (AX(S42)). The integrand is e^{iS} = e^{−ψ̄ M ψ} with
/// M = −i G⁻¹ (AX(S43)):
///
///     M_{(±,j),(±,j)} = 1,   M_{(±,j),(±,j−1)} = −a_±,
///     M_{(+,1),(−,N)} = −ζ,  M_{(−,1),(+,N)} = closing,
///
/// with a_± the one-step factors (AX(S45): a_± = 1 ∓ iε₀δ_t) and ζ = −n₀/(1 − n₀) the initial
/// occupation n₀ (thermal: ζ = −e^{−ε₀/T}, AX(S42)). The closing entry is −1 in the exponent of
/// AX(S40) (`+ψ̄_{1,−}ψ_{N,+}`) and +1 in the kernel of AX(S45) (`(G⁻¹)_{−+} = i`): the two printed
/// forms differ, and `partitionFunction` decides which one gives Z = 1.
///
/// Normalisation: Z = Z₀⁻¹ ∫∏ dψ̄ dψ e^{−ψ̄Mψ} with Z₀⁻¹ = 1 − n₀ and the Berezin convention
/// ∫dψ̄ dψ e^{−ψ̄ a ψ} = a (`BerezinIntegral`).
public struct OneModeKeldyshChain: Sendable {
    /// Sign of the entry M_{(−,1),(+,N)} that closes the contour at t_f.
    public enum Closing: Sendable, CaseIterable {
        /// The exponent of AX(S40): `+ψ̄_{1,−}ψ_{N,+}`, i.e. M_{(−,1),(+,N)} = −1.
        case exponentOfS40
        /// The kernel of AX(S45): (G⁻¹)_{−+} = i at (1, N), i.e. M_{(−,1),(+,N)} = +1.
        case kernelOfS45
        var entry: GaussianRational { self == .exponentOfS40 ? -.one : .one }
    }

    /// Number of time slices N.
    public let slices: Int
    /// a₊: forward one-step factor, ⟨ψ_{j+1}|U|ψ_j⟩ = e^{a₊ ψ̄_{j+1}ψ_j} for U = 1 + (a₊ − 1)ψ†ψ.
    public let forwardFactor: GaussianRational
    /// a₋: backward one-step factor.
    public let backwardFactor: GaussianRational
    public let closing: Closing
    /// Diagonal entries M_{(+,j),(+,j)} (1 for the action of AX(S40); −1 when the sign of the forward
    /// time-derivative term is flipped, a deliberately wrong input for the tests).
    public let forwardDiagonal: GaussianRational

    public init(slices: Int, forwardFactor: GaussianRational, backwardFactor: GaussianRational, closing: Closing = .exponentOfS40,
                forwardDiagonal: GaussianRational = .one) throws {
        guard slices >= 1 else {
            throw KeldyshError("the number of time slices must be at least 1, got \(slices)", fix: "pass --slices N with N ≥ 1")
        }
        self.slices = slices
        self.forwardFactor = forwardFactor
        self.backwardFactor = backwardFactor
        self.closing = closing
        self.forwardDiagonal = forwardDiagonal
    }

    /// The factors of AX(S45), a_± = 1 ∓ iε₀δ_t (first order in δ_t; |a_±| > 1).
    public static func firstOrder(slices: Int, energy: BigRational, timeStep: BigRational, closing: Closing = .exponentOfS40) throws -> OneModeKeldyshChain {
        let x = GaussianRational(.zero, energy * timeStep)
        return try OneModeKeldyshChain(slices: slices, forwardFactor: .one - x, backwardFactor: .one + x, closing: closing)
    }

    /// Unitary (Cayley) factors a_± = (1 ∓ iε₀δ_t/2)/(1 ± iε₀δ_t/2): rational, |a_±| = 1, and
    /// a_± = e^{∓iε₀δ_t} + O(δ_t³).
    public static func unitary(slices: Int, energy: BigRational, timeStep: BigRational, closing: Closing = .exponentOfS40) throws -> OneModeKeldyshChain {
        let x = GaussianRational(.zero, energy * timeStep / BigRational(2))
        let a = (.one - x) / (.one + x)
        return try OneModeKeldyshChain(slices: slices, forwardFactor: a, backwardFactor: a.conjugate, closing: closing)
    }

    /// Index of ψ_{s,j} in ψ (AX(S42)); j = 1…N.
    public func index(_ branch: ContourBranch, _ j: Int) -> Int { (branch == .minus ? slices : 0) + j - 1 }
    /// Dimension 2N of the kernel.
    public var dimension: Int { 2 * slices }

    /// Nonzero entries (row, column, value) of M(ζ).
    public func kernelEntries(zeta: GaussianRational) -> [(Int, Int, GaussianRational)] {
        var e: [(Int, Int, GaussianRational)] = []
        for (branch, a) in [(ContourBranch.plus, forwardFactor), (.minus, backwardFactor)] {
            for j in 1...slices {
                e.append((index(branch, j), index(branch, j), branch == .plus ? forwardDiagonal : .one))
                if j > 1 { e.append((index(branch, j), index(branch, j - 1), -a)) }
            }
        }
        e.append((index(.plus, 1), index(.minus, slices), -zeta))
        e.append((index(.minus, 1), index(.plus, slices), closing.entry))
        return e
    }

    /// det M(ζ), exactly.
    public func determinant(zeta: GaussianRational) -> GaussianRational {
        SparseElimination(size: dimension, entries: kernelEntries(zeta: zeta)).determinant()
    }

    /// Z as a function of the initial occupation: Z(n₀) = (1 − n₀) det M(ζ(n₀)). det M is affine in
    /// ζ (ζ occurs in one entry), det M = D₀ + ζ D₁, so Z(n₀) = D₀ − n₀ (D₀ + D₁) exactly, for every
    /// n₀ including the thermal value. Returns (Z(0), dZ/dn₀).
    public func partitionFunction() -> AffineInOccupation {
        let d0 = determinant(zeta: .zero)
        let d1 = determinant(zeta: .one) - d0
        return AffineInOccupation(constant: d0, slope: -(d0 + d1))
    }

    /// The same Z by Berezin integration in the Grassmann algebra (no determinant): the boundary
    /// factor ⟨ψ_{+,1}|ρ₀|−ψ_{−,N}⟩ = (1 − n₀) − n₀ ψ̄_{+,1}ψ_{−,N} (= Z₀⁻¹ e^{ζ ψ̄_{+,1}ψ_{−,N}}) is an
    /// insertion, so `occupation` may be symbolic. Exponential cost in nothing but N (C(2N, k) terms): N ≤ 6.
    public func partitionFunctionByBerezin(occupation n0: Expr) -> Expr {
        var a = [[Expr]](repeating: [Expr](repeating: Expr(0), count: dimension), count: dimension)
        for (i, j, x) in kernelEntries(zeta: .zero) { a[i][j] = a[i][j] + Expr.number(x) }
        let barPlus1 = GaussianIntegral.bar(index(.plus, 1)), minusN = GaussianIntegral.plain(index(.minus, slices))
        let boundary = GrassmannPolynomial<Expr>(Expr(1) - n0) - n0 * GrassmannPolynomial.product([barPlus1, minusN])
        return GaussianIntegral.berezin(a, insertion: boundary).expanded()
    }

    /// Z from operators: tr[U₊^{N−1} ρ₀ U₋^{N−1}] with U_± = 1 + (a_± − 1)ψ†ψ on the two-dimensional
    /// Fock space (the operator module's `FockSpace`) and ρ₀ = (1 − n₀)|0⟩⟨0| + n₀|1⟩⟨1|. The coherent-state
    /// matrix elements ⟨ψ'|U_±|ψ⟩ = e^{a_± ψ̄'ψ} make this the operator form of AX(S40).
    public func partitionFunctionFromOperators(occupation n0: GaussianRational) throws -> GaussianRational {
        let mode = Mode("ψ", rank: 0, spin: .up)
        let space = try FockSpace([mode])
        let number = try space.matrix(FermionOperator<GaussianRational>.number(mode))
        let forward = SparseMatrix<GaussianRational>.identity(2) + (forwardFactor - .one) * number
        let backward = SparseMatrix<GaussianRational>.identity(2) + (backwardFactor - .one) * number
        var rho = SparseMatrix<GaussianRational>(rows: 2, columns: 2)
        rho[0, 0] = .one - n0
        rho[1, 1] = n0
        for _ in 0..<(slices - 1) { rho = forward * rho * backward }
        return rho[0, 0] + rho[1, 1]
    }
}

/// Z(n₀) = constant + slope · n₀ (exact). Z = 1 for every n₀ iff constant = 1 and slope = 0.
public struct AffineInOccupation: Sendable, Equatable {
    public var constant: GaussianRational
    public var slope: GaussianRational
    public func at(_ n0: GaussianRational) -> GaussianRational { constant + slope * n0 }
    /// True when Z = 1 identically in n₀.
    public var isIdenticallyOne: Bool { constant == .one && slope.isZero }
    /// As an expression in the symbol `n0`.
    public func expression(_ n0: Expr) -> Expr { Expr.number(constant) + Expr.number(slope) * n0 }
}

/// An error of the Keldysh module: what went wrong and how to fix it.
public struct KeldyshError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String
    public init(_ message: String, fix: String) { self.message = message; self.fix = fix }
    public var description: String { "\(message) (fix: \(fix))" }
}
