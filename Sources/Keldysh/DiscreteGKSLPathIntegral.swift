import Symbolic
import Grassmann

/// The discrete-time Keldysh partition function of a GKSL equation (AX(S74)–(S81)),
/// Z_N = tr[(1 + δ_t ℒ)^N ρ₀], evaluated as a Grassmann integral slice by slice and, independently,
/// with operator matrices.
///
/// Grassmann side (the transfer form of AX(S79)): the state is kept as its coherent-state kernel
/// R_n(ψ̄, ψ') = ⟨ψ|ρ_n|ψ'⟩; one step is
///
///     R_{n+1}(ψ̄, ψ') = Σ_k c_k ∫dμ(φ) dμ(χ) ⟨ψ|A_k|φ⟩ R_n(φ̄, χ) ⟨χ|B_k|ψ'⟩,
///
/// with dμ(φ) = ∏_m dφ̄_m dφ_m e^{−φ̄_m φ_m}, ⟨ψ|A|φ⟩ = e^{ψ̄φ} A(ψ̄, φ) for the normal-ordered A, and
/// 1 + δ_tℒ written as Σ_k c_k A_k · B_k: (1, 1), −iδ_t (H, 1), +iδ_t (1, H), δ_tκ (L, L†), and the
/// decay terms −½δ_tκ (X, 1), −½δ_tκ (1, X). The action term L̄₊(t+δ)L₊(t−δ) of AX(S82) reads, in
/// time order (later operator to the left), X = L†L; `DecayOrdering.reversed` (L̄₊(t−δ)L₊(t+δ)) reads
/// X = LL†. Finally Z = ∫dψ̄ dψ e^{−ψ̄ψ} R_N(−ψ̄, ψ) (the fermionic trace).
public struct DiscreteGKSLPathIntegral: Sendable {
    /// Which operator product the decay term's t ± δ ordering stands for.
    public enum DecayOrdering: Sendable {
        /// L̄(t+δ) L(t−δ) on the forward branch, as in AX(S82): X = L†L.
        case asInS82
        /// L̄(t−δ) L(t+δ): X = L L† (a deliberately wrong ordering).
        case reversed
    }
    public struct Jump: Sendable {
        public var rate: GaussianRational
        public var operator_: FermionOperator<GaussianRational>
        public init(rate: GaussianRational, _ op: FermionOperator<GaussianRational>) { self.rate = rate; self.operator_ = op }
    }

    public let modes: [Mode]
    public let hamiltonian: FermionOperator<GaussianRational>
    public let jumps: [Jump]
    public let timeStep: GaussianRational
    public let ordering: DecayOrdering

    public init(modes: [Mode], hamiltonian: FermionOperator<GaussianRational>, jumps: [Jump], timeStep: GaussianRational,
                ordering: DecayOrdering = .asInS82) throws {
        guard !modes.isEmpty, modes.count <= 3 else {
            throw KeldyshError("the slice-by-slice Grassmann integral handles 1 to 3 modes, got \(modes.count)", fix: "use at most three modes")
        }
        let known = Set(modes)
        for op in [hamiltonian] + jumps.map(\.operator_) where !op.modes.isSubset(of: known) {
            throw KeldyshError("an operator acts on modes \(op.modes.subtracting(known)) outside the list \(modes)", fix: "add them to `modes`")
        }
        self.modes = modes
        self.hamiltonian = hamiltonian
        self.jumps = jumps
        self.timeStep = timeStep
        self.ordering = ordering
    }

    public typealias G = GrassmannPolynomial<GaussianRational>
    public typealias Op = FermionOperator<GaussianRational>

    /// The terms (c, A, B) of 1 + δ_tℒ = Σ c A·B.
    var superoperatorTerms: [(GaussianRational, Op, Op)] {
        let dt = timeStep, i = GaussianRational.i, half = GaussianRational(BigRational(1, 2))
        var terms: [(GaussianRational, Op, Op)] = [(.one, .identity, .identity), (-i * dt, hamiltonian, .identity), (i * dt, .identity, hamiltonian)]
        for j in jumps {
            let l = j.operator_
            let x = ordering == .asInS82 ? l.adjoint * l : l * l.adjoint
            terms.append((dt * j.rate, l, l.adjoint))
            terms.append((-half * dt * j.rate, x, .identity))
            terms.append((-half * dt * j.rate, .identity, x))
        }
        return terms
    }

    // Generator blocks of M each: 0 ψ̄ (bra), 1 ψ' (ket), 2 φ̄, 3 φ, 4 χ̄, 5 χ.
    func gen(_ block: Int, _ m: Int) -> Int { block * modes.count + m }

    /// ⟨u|A|v⟩ = e^{ū v} A(ū, v) with ū from block `barBlock`, v from block `plainBlock`.
    func matrixElement(_ a: Op, barBlock: Int, plainBlock: Int) -> G {
        var symbol = G.zero
        for (word, c) in a.normalOrdered().terms {
            let gens = word.map { l in gen(l.isCreation ? barBlock : plainBlock, modes.firstIndex(of: l.mode)!) }
            symbol = symbol + G.product(gens, c)
        }
        var overlap = G.one
        for m in modes.indices { overlap = overlap * (G.one + G.product([gen(barBlock, m), gen(plainBlock, m)])) }
        return overlap * symbol
    }

    /// ∏_m e^{−ū_m u_m} for a pair of blocks.
    func measureWeight(_ barBlock: Int, _ plainBlock: Int) -> G {
        var w = G.one
        for m in modes.indices { w = w * (G.one - G.product([gen(barBlock, m), gen(plainBlock, m)])) }
        return w
    }

    func pairMeasure(_ barBlock: Int, _ plainBlock: Int) -> [Int] {
        modes.indices.flatMap { [gen(barBlock, $0), gen(plainBlock, $0)] }
    }

    /// Renames generator blocks (generator to generator: odd images).
    func renamed(_ p: G, _ map: [Int: Int]) throws -> G {
        var images: [Int: G] = [:]
        for (from, to) in map { for m in modes.indices { images[gen(from, m)] = .generator(gen(to, m)) } }
        return try p.substituting(images)
    }

    /// The coherent-state kernel R(ψ̄, ψ') = ⟨ψ|ρ|ψ'⟩ of an operator ρ (blocks 0, 1).
    func kernel(_ rho: Op) -> G { matrixElement(rho, barBlock: 0, plainBlock: 1) }

    /// One step R_n ↦ R_{n+1}.
    func step(_ r: G) throws -> G {
        let inner = try renamed(r, [0: 2, 1: 5])  // R_n(φ̄, χ)
        let weights = measureWeight(2, 3) * measureWeight(4, 5)
        var out = G.zero
        for (c, a, b) in superoperatorTerms {
            let integrand = weights * matrixElement(a, barBlock: 0, plainBlock: 3) * inner * matrixElement(b, barBlock: 4, plainBlock: 1)
            let integrated = try BerezinIntegral.integrate(integrand, measure: pairMeasure(2, 3) + pairMeasure(4, 5))
            out = out + c * integrated
        }
        return out
    }

    /// tr ρ = ∫dψ̄ dψ e^{−ψ̄ψ} R(−ψ̄, ψ).
    func trace(_ r: G) throws -> GaussianRational {
        var images: [Int: G] = [:]
        for m in modes.indices { images[gen(0, m)] = -G.generator(gen(0, m)) }
        let integrand = measureWeight(0, 1) * (try r.substituting(images))
        return try BerezinIntegral.integrate(integrand, measure: pairMeasure(0, 1)).constantTerm
    }

    /// Z_N from the Grassmann integral, exactly.
    public func partitionFunctionByGrassmann(initial rho0: Op, steps: Int) throws -> GaussianRational {
        var r = kernel(rho0)
        for _ in 0..<steps { r = try step(r) }
        return try trace(r)
    }

    /// Z_N = tr[(1 + δ_tℒ)^N ρ₀] with Fock-space matrices (operator module), exactly.
    public func partitionFunctionFromOperators(initial rho0: Op, steps: Int) throws -> GaussianRational {
        let space = try FockSpace(modes)
        var rho = try space.matrix(rho0)
        let terms = try superoperatorTerms.map { ($0.0, try space.matrix($0.1), try space.matrix($0.2)) }
        for _ in 0..<steps {
            var next = SparseMatrix<GaussianRational>(rows: rho.rowCount, columns: rho.columnCount)
            for (c, a, b) in terms { next = next + c * (a * rho * b) }
            rho = next
        }
        var z = GaussianRational.zero
        for i in 0..<rho.rowCount { z = z + rho[i, i] }
        return z
    }
}
