import Symbolic
import Grassmann

/// Expression-level operations of the Keldysh module for the `computed:` lines of derivation files.
///
/// - `keldysh_partition(N, e, dt, n0, closing, step)`: Z of the one-mode chain (`OneModeKeldyshChain`)
///   with N slices, ε₀ = e and δ_t = dt (rational numbers), initial occupation n0 (a number or a
///   symbol: Z is affine in n₀), closing = 40 (exponent of AX(S40)) or 45 (kernel of AX(S45)),
///   step = 1 (a_± = 1 ∓ iε₀δ_t, AX(S45)) or 2 (unitary Cayley step). Computed by exact elimination.
/// - `keldysh_partition_operators(N, e, dt, n0, step)`: the same Z as tr[U₊^{N−1} ρ₀ U₋^{N−1}] with
///   Fock-space matrices.
/// - `keldysh_partition_berezin(N, e, dt, n0, closing, step)`: the same Z by Berezin integration in
///   the Grassmann algebra (N ≤ 6).
/// - `keldysh_green(N, e, dt, n0, s, sp, j, k)`: G_{s,sp}(t_j, t_k) = −i⟨ψ_s(t_j) ψ̄_sp(t_k)⟩ of the chain with
///   the unitary step and the closing of AX(S40), exactly (n0 a rational number ≠ 1; s, sp = 1 or −1).
/// - `keldysh_gksl_partition(route, ordering, N)`: Z_N = tr[(1 + δ_tℒ)^N ρ₀] of a fixed two-mode GKSL
///   model (`DiscreteGKSLPathIntegral`): modes d, c; H = 2 n_d + ½(d†c + c†d); jumps L₁ = d†c (κ = 3/4,
///   the correlated-decay form of Eq. (4)) and L₂ = c (κ = 1/5); δ_t = 1/8; ρ₀ a product state with
///   n_d = 1/4, n_c = 2/3. route = 1: slice-by-slice Grassmann integral; 2: operator matrices.
///   ordering = 82: the t ± δ ordering of AX(S82) (X = L†L); −82: reversed (X = LL†).
/// - `trD(a, s1, s2, tau1, b, s3, s4, tau2)`: the spin trace tr_σ[𝔻_a^{s1 s2}(t + tau1·δ) 𝔻_b^{s3 s4}(t + tau2·δ)]
///   (`SpinTrace`), an atom of site-pair sums.
/// - `sum_ab(e)`: Σ_{a,b} of an expression linear in `trD` atoms, in canonical form (`SitePairSum`);
///   two site-pair sums are equal iff their `sum_ab` forms are.
/// - `spin_dot_trace(a, l1, l2, b, l3, l4)`: Σ_j m̂_{a,j}^{l1 l2} m̂_{b,j}^{l3 l4} = 2 tr_σ[𝔻_a^{l2 l1} 𝔻_b^{l4 l3}] at equal
///   times (AX(S209)), to compare the m̂ forms of AX(S210), (S213) with trace forms; `drop_shifts(e)` sets every
///   t ± δ of the traces to t.
/// - `identify_branches(e)`: the site-pair sum e at d₊ = d₋, d̄₊ = d̄₋ (causality, AX(S46), (S82)).
/// - `tau_integral(n, side, x, delta)`: ∫dτ θ(side·τ) τⁿ G^u(k+q/2, τ) G^v(k−q/2, −τ)/(F₊^u F₋^v) with
///   x = ε₊ − ε₋ and the convergence factor e^{−δ|τ|} (`ConductionTimeIntegral`, AX(S187), (S188), (S217), (S218)).
/// - `keldysh_self_energy(S, a, s, sp)`: the coefficient C with Σ_a^{s sp} = C·𝔻_a^{s sp}, read off the sd
///   action S (fields c_up, c_dn, d_up_a, d_dn_a) as −Σ = ∂_c ∂_c̄ S (`ConductionSelfEnergy`, AX(S149)–(S164)).
/// - `keldysh_frequency_integral(s, sp, eta, f)`: ∫dω e^{iω·eta·δ} G₀^{s sp}(k, ω) of AX(S151) by closing the
///   contour (AX(S173)–(S175)).
/// - `keldysh_first_order(a, Spp, Smm, Smp, Spm, fk, n)`: ΔS⁽¹⁾ = i Tr[Σ𝔾₀] (`FirstOrderAction`, AX(S171)–(S175))
///   as a sum of atoms `trD1(a, s, sp)` = tr_σ 𝔻_a^{s sp}, with Σ_k f_k = n.
/// - `bath_green(z, e0, v1, w1, …)`: G^R(z) = [(z − h)⁻¹]₀₀ of one mode attached to bath modes (v_μ, ω_μ), the bath
///   integrated out as a Gaussian Berezin integral (`BathAttachedMode`, AX(S60)–(S68)).
/// - `second_pole_sum(u, v, side, A, p2ll, p2gg, p2lg)`: Σ_{k,q} F₊^u F₋^v/(ε₊ − ε₋ − side·iδ)² reduced to A and the
///   principal parts (`GradientKernels`); u, v = −1 for <, 1 for >.
/// - `keldysh_gilbert(a, Spp, Smm, A, p2ll, p2gg, p2lg)`: the local Gilbert action of AX(S216)–(S220) (`GilbertAction`)
///   with A = Σ πδ(x)(f₊ − f₋)/x and the principal parts P2_{<<}, P2_{>>}, P2_{<>} of the second-order poles; atoms
///   `trDdt(a, s1, s2, tau1, a, s3, s4, tau2)` = tr_σ[𝔻_a ∂_t𝔻_a].
/// - `keldysh_rkky_markov(Spp, Smm, Smp, Spm, f, m, h, hgt)`: the Markovian second-order action
///   (`MarkovianSecondOrderAction`, AX(S178)–(S197)) for the self-energy Σ_a^{ss'} = S_{ss'}·𝔻_a^{ss'}
///   (coefficients in symbols of site a, suffix `_a`), with the kernels f_RKKY, m_dis, h_dis and
///   D_{>>} given as symbols; the result is a canonical site-pair sum.
/// Plus the field functions of `KeldyshTextSyntax` (psi, psibar, gr, ddt, spin_m, spin_dot, spin_dot_dt).
public enum KeldyshOperations {
    public static let all: [String: ExprOperation] = {
        var ops = KeldyshTextSyntax.operations
        ops["keldysh_partition"] = { args in
            let chain = try chainArguments("keldysh_partition", args, closingIndex: 4, stepIndex: 5)
            return chain.partitionFunction().expression(args[3])
        }
        ops["keldysh_partition_berezin"] = { args in
            let chain = try chainArguments("keldysh_partition_berezin", args, closingIndex: 4, stepIndex: 5)
            guard chain.slices <= 6 else { throw OperationError("keldysh_partition_berezin expands the integrand: N ≤ 6", fix: "use keldysh_partition for large N") }
            return chain.partitionFunctionByBerezin(occupation: args[3])
        }
        ops["keldysh_partition_operators"] = { args in
            let chain = try chainArguments("keldysh_partition_operators", args, closingIndex: nil, stepIndex: 4)
            if let n0 = args[3].numberValue { return .number(try chain.partitionFunctionFromOperators(occupation: n0)) }
            // tr[… ρ₀ …] is linear in ρ₀, hence affine in n₀: Z = Z(0) + n₀ (Z(1) − Z(0)).
            let z0 = try chain.partitionFunctionFromOperators(occupation: .zero)
            let z1 = try chain.partitionFunctionFromOperators(occupation: .one)
            return Expr.number(z0) + Expr.number(z1 - z0) * args[3]
        }
        ops["keldysh_gksl_partition"] = { args in
            guard args.count == 3, let route = args[0].integerValue, let ordering = args[1].integerValue, let n = args[2].integerValue,
                  [1, 2].contains(route), [82, -82].contains(ordering), (0...12).contains(n) else {
                throw OperationError("keldysh_gksl_partition(route, ordering, N): route 1 or 2, ordering 82 or -82, N from 0 to 12",
                                     fix: "write e.g. keldysh_gksl_partition(1, 82, 3)")
            }
            return .number(try gkslModel(ordering: ordering == 82 ? .asInS82 : .reversed, route: Int(route), steps: Int(n)))
        }
        ops["keldysh_green"] = { args in
            guard args.count == 8 else { throw OperationError("keldysh_green takes 8 arguments", fix: "write keldysh_green(N, e, dt, n0, s, sp, j, k)") }
            let chain = try chainArguments("keldysh_green", Array(args[0..<4]) + [Expr(2)], closingIndex: nil, stepIndex: 4)
            guard let n0 = args[3].numberValue, n0 != .one else { throw OperationError("keldysh_green: n0 must be a number other than 1", fix: "write e.g. 1/3") }
            func branch(_ e: Expr) throws -> ContourBranch {
                switch e.integerValue { case 1: return .plus; case -1: return .minus
                default: throw OperationError("keldysh_green: branches are 1 (+) or -1 (-)", fix: "write keldysh_green(N, e, dt, n0, 1, -1, j, k)") }
            }
            guard let j = args[6].integerValue, let k = args[7].integerValue, (1...chain.slices).contains(Int(j)), (1...chain.slices).contains(Int(k)) else {
                throw OperationError("keldysh_green: time indices j, k must lie in 1…N", fix: "write whole numbers from 1 to N")
            }
            guard let g = chain.contourGreensFunction(try branch(args[4]), Int(j), try branch(args[5]), Int(k), occupation: n0) else {
                throw OperationError("keldysh_green: the kernel is singular", fix: "check the arguments")
            }
            return .number(g)
        }
        ops[SpinTrace.name] = SpinTrace.operation(SpinTrace.name)
        ops[SpinTrace.gradientName] = SpinTrace.operation(SpinTrace.gradientName)
        ops["sum_ab"] = { args in
            guard args.count == 1 else { throw OperationError("sum_ab takes one argument", fix: "write sum_ab(c1*trD(...) + c2*trD(...) + ...)") }
            return try SitePairSum(args[0]).expression
        }
        ops["spin_dot_trace"] = { args in
            // Σ_j m̂_{a,j}^{l1,l2} m̂_{b,j}^{l3,l4} = 2 tr_σ[𝔻_a^{l2 l1} 𝔻_b^{l4 l3}] (AX(S209), the claims keldysh.trace.S209-*),
            // at equal times: the m̂ forms of AX(S210), (S213) carry no t ± δ.
            let usage = "write spin_dot_trace(a, l1, l2, b, l3, l4) for Σ_j m̂_a^{l1 l2} m̂_b^{l3 l4}, l = 1 or -1"
            guard args.count == 6 else { throw OperationError("spin_dot_trace takes 6 arguments", fix: usage) }
            let call = Expr.call(SpinTrace.name, [args[0], args[2], args[1], Expr(0), args[3], args[5], args[4], Expr(0)])
            guard SpinTrace(call) != nil else { throw OperationError("spin_dot_trace: sites must be symbols, branches 1 or -1", fix: usage) }
            return 2 * call
        }
        ops["drop_shifts"] = { args in
            guard args.count == 1 else { throw OperationError("drop_shifts takes one argument", fix: "write drop_shifts(sum_ab(...))") }
            return args[0].mapBottomUp { node in
                guard var t = SpinTrace(node) else { return node }
                t.first.shift = 0; t.second.shift = 0
                return t.expression
            }
        }
        ops["identify_branches"] = { args in
            guard args.count == 1 else { throw OperationError("identify_branches takes one argument", fix: "write identify_branches(sum_ab(...))") }
            return try SitePairSum(args[0]).branchesIdentified.expression
        }
        ops["tau_integral"] = { args in
            guard args.count == 4, let n = args[0].integerValue, (0...8).contains(n), let side = args[1].integerValue, side == 1 || side == -1 else {
                throw OperationError("tau_integral(n, side, x, delta): n a whole number from 0 to 8, side 1 (τ > 0) or -1 (τ < 0)",
                                     fix: "write e.g. tau_integral(0, 1, x, delta)")
            }
            return ConductionTimeIntegral.value(power: n, side: side, x: args[2], delta: args[3])
        }
        ops["keldysh_self_energy"] = { args in
            guard args.count == 4, case .symbol(let site) = args[1], let s = args[2].integerValue, let sp = args[3].integerValue,
                  [1, -1].contains(s), [1, -1].contains(sp) else {
                throw OperationError("keldysh_self_energy(S, a, s, sp): S an action in contour fields, a a site symbol, s and sp 1 or -1",
                                     fix: "write e.g. keldysh_self_energy(Ssd, a, 1, 1)")
            }
            return try ConductionSelfEnergy.coefficient(action: KeldyshTextSyntax.fieldPolynomial(args[0]), site: site.name, s, sp)
        }
        ops[FirstOrderAction.traceName] = FirstOrderAction.traceOperation
        ops["keldysh_first_order"] = { args in
            guard args.count == 7, case .symbol = args[0], case .symbol(let fk) = args[5] else {
                throw OperationError("keldysh_first_order takes (a, Spp, Smm, Smp, Spm, f, n) with a a site symbol and f the occupation symbol",
                                     fix: "write keldysh_first_order(a, Spp, Smm, Smp, Spm, fk, n)")
            }
            return try FirstOrderAction.action(site: args[0], coefficients: [1: [1: args[1], -1: args[4]], -1: [1: args[3], -1: args[2]]],
                                               occupation: fk, filling: args[6])
        }
        ops["keldysh_frequency_integral"] = { args in
            guard args.count == 4, let s = args[0].integerValue, let sp = args[1].integerValue, let eta = args[2].integerValue,
                  [1, -1].contains(s), [1, -1].contains(sp), [1, -1].contains(eta) else {
                throw OperationError("keldysh_frequency_integral(s, sp, eta, f): branches 1 or -1, eta = 1 (e^{iωδ}) or -1 (e^{-iωδ}), f the occupation",
                                     fix: "write e.g. keldysh_frequency_integral(1, 1, 1, fk)")
            }
            return 2 * Expr.pi * FirstOrderAction.frequencyIntegral(FirstOrderAction.freeGreensFunction(s, sp, occupation: args[3]), etaSign: eta)
        }
        ops["bath_green"] = { args in
            guard args.count >= 2, args.count % 2 == 0 else {
                throw OperationError("bath_green(z, e0, v1, w1, v2, w2, …) takes z, ε₀ and pairs (v_μ, ω_μ)", fix: "write e.g. bath_green(z, e0, v1, w1, v2, w2)")
            }
            guard args.count <= 2 + 2 * 6 else { throw OperationError("bath_green: at most 6 bath modes", fix: "use fewer bath modes") }
            let pairs = stride(from: 2, to: args.count, by: 2).map { (v: args[$0], w: args[$0 + 1]) }
            return BathAttachedMode.retardedGreensFunction(z: args[0], energy: args[1], couplings: pairs)
        }
        ops["second_pole_sum"] = { args in
            guard args.count == 7, let u = args[0].integerValue, let v = args[1].integerValue, let side = args[2].integerValue,
                  [1, -1].contains(u), [1, -1].contains(v), [1, -1].contains(side) else {
                throw OperationError("second_pole_sum(u, v, side, A, p2ll, p2gg, p2lg): u, v = -1 (<) or 1 (>), side = 1 (x − iδ) or -1 (x + iδ)",
                                     fix: "write e.g. second_pole_sum(-1, 1, 1, A, pll, pgg, plg)")
            }
            let kernels = GradientKernels(a: args[3], p2LesserLesser: args[4], p2GreaterGreater: args[5], p2Mixed: args[6])
            let occ = { (k: Int) -> MomentumKernels.Occupation in k == 1 ? .greater : .lesser }
            return kernels.secondPole(occ(u), occ(v), side: side)
        }
        ops["keldysh_gilbert"] = { args in
            guard args.count == 7, case .symbol(let site) = args[0] else {
                throw OperationError("keldysh_gilbert takes (a, Spp, Smm, A, p2ll, p2gg, p2lg)",
                                     fix: "write keldysh_gilbert(a, Spp, Smm, A, pll, pgg, plg)")
            }
            let kernels = GradientKernels(a: args[3], p2LesserLesser: args[4], p2GreaterGreater: args[5], p2Mixed: args[6])
            return try GilbertAction(plusPlus: args[1], minusMinus: args[2], kernels: kernels, site: site).action().expression
        }
        ops["keldysh_rkky_markov"] = { args in
            guard args.count == 8 else {
                throw OperationError("keldysh_rkky_markov takes 8 arguments, got \(args.count)",
                                     fix: "write keldysh_rkky_markov(Spp, Smm, Smp, Spm, fRKKY, mdis, hdis, hgt)")
            }
            let kernels = MomentumKernels(fRKKY: args[4], mDis: args[5], hDis: args[6], hGreater: args[7])
            let action = MarkovianSecondOrderAction(plusPlus: args[0], minusMinus: args[1], minusPlus: args[2], plusMinus: args[3], kernels: kernels)
            return try action.action().expression
        }
        return ops
    }()

    static func gkslModel(ordering: DiscreteGKSLPathIntegral.DecayOrdering, route: Int, steps: Int) throws -> GaussianRational {
        typealias Op = FermionOperator<GaussianRational>
        // Two modes of one test model: a level d and a conduction level c (families in this order).
        let d = Mode("d", rank: 0, spin: .up), c = Mode("c", rank: 1, labels: [1], spin: .up)
        let q = { (a: Int, b: Int) in GaussianRational(BigRational(a, b)) }
        let h = GaussianRational(2) * Op.number(d) + q(1, 2) * (Op.creation(d) * Op.annihilation(c) + Op.creation(c) * Op.annihilation(d))
        let jumps = [DiscreteGKSLPathIntegral.Jump(rate: q(3, 4), Op.creation(d) * Op.annihilation(c)), .init(rate: q(1, 5), Op.annihilation(c))]
        let system = try DiscreteGKSLPathIntegral(modes: [d, c], hamiltonian: h, jumps: jumps, timeStep: q(1, 8), ordering: ordering)
        var rho = Op.identity
        for (m, n) in [(d, q(1, 4)), (c, q(2, 3))] { rho = rho * (Op.scalar(.one - n) + (GaussianRational(2) * n - .one) * Op.number(m)) }
        return route == 1 ? try system.partitionFunctionByGrassmann(initial: rho, steps: steps)
                          : try system.partitionFunctionFromOperators(initial: rho, steps: steps)
    }

    static func chainArguments(_ name: String, _ args: [Expr], closingIndex: Int?, stepIndex: Int) throws -> OneModeKeldyshChain {
        let count = stepIndex + 1
        let usage = closingIndex == nil ? "\(name)(N, e, dt, n0, step)" : "\(name)(N, e, dt, n0, closing, step)"
        guard args.count == count else { throw OperationError("\(name) takes \(count) arguments, got \(args.count)", fix: "write \(usage)") }
        guard let n = args[0].integerValue, n >= 1, n <= 100_000 else { throw OperationError("\(name): N must be a whole number from 1 to 100000", fix: "write \(usage)") }
        guard let e = args[1].rationalValue, let dt = args[2].rationalValue else {
            throw OperationError("\(name): e and dt must be rational numbers", fix: "write e.g. \(name)(1000, 1, 1/1000, n0, …)")
        }
        var closing = OneModeKeldyshChain.Closing.exponentOfS40
        if let ci = closingIndex {
            switch args[ci].integerValue {
            case 40: closing = .exponentOfS40
            case 45: closing = .kernelOfS45
            default: throw OperationError("\(name): closing must be 40 (AX(S40)) or 45 (AX(S45))", fix: "write \(usage)")
            }
        }
        switch args[stepIndex].integerValue {
        case 1: return try OneModeKeldyshChain.firstOrder(slices: Int(n), energy: e, timeStep: dt, closing: closing)
        case 2: return try OneModeKeldyshChain.unitary(slices: Int(n), energy: e, timeStep: dt, closing: closing)
        default: throw OperationError("\(name): step must be 1 (a = 1 ∓ iεδt, AX(S45)) or 2 (unitary Cayley step)", fix: "write \(usage)")
        }
    }
}
