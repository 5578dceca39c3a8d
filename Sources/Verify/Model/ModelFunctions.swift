import Symbolic
import Grassmann

typealias ModelFunction = @Sendable ([ModelArgument], ModelEvaluator, ModelNode) throws -> ModelValue

/// The functions of the model language (docs/ARCHITECTURE.md, "The derivation language"), by name.
///
/// | name | result |
/// |---|---|
/// | `dag(X)`, `X'` | adjoint of an operator or state; conjugate of a scalar |
/// | `comm(A, B)`, `anticomm(A, B)` | AB − BA, AB + BA |
/// | `sum(i in S: X)` | Σ over `{a, b}`, `m..n`, or the values of a declared index named S |
/// | `ket(d[up]=1, …)`, `bra(…)` | occupation-basis states (unlisted modes empty) |
/// | `outer(k1, k2)`, `proj(k)` | \|k1⟩⟨k2\|, \|k⟩⟨k\| |
/// | `trace(X)`, `expect(X, rho)` | tr X, tr(Xρ) |
/// | `sx(q) sy(q) sz(q) sp(q) sm(q)` | Pauli operators of a qubit (`ModeKind.qubit`) |
/// | `liouvillian(H)` | ρ ↦ −i[H, ρ] (H must be Hermitian) |
/// | `dissipator(J)` | ρ ↦ JρJ† − ½{J†J, ρ} |
/// | `lindblad(H, J1, J2, …)` | liouvillian(H) + Σ dissipator(J_ℓ) (rates inside the J_ℓ: `sqrt(kappa)*d[up]`) |
/// | `left(A)`, `right(A)`, `sandwich(A, B)` | ρ ↦ Aρ, ρ ↦ ρA, ρ ↦ AρB |
/// | `apply(S, X)`, `adjoint(S)` | S acting on X; the Heisenberg-picture map S† |
/// | `eigenvalue(S, right: r)`, `eigenvalue(S, left: l)` | λ with S r = λ r, or l†S = λ l† — an error if r (l) is not an eigenvector |
/// | `spectrum(S, x: value, …)` | every eigenvalue of S at a numeric point, LAPACK block by block (`NumericSpectrum`): a record `.eigenvalues`, `.gap`, `.zero_modes`, `.dimension`, compared numerically |
/// | `steady_state(S)` | the unique ρ with Sρ = 0, tr ρ = 1, exactly (`SteadyState`); an error when it is not unique |
/// | `effective(L0, L1, slow: …)` | the second-order generator 𝒫[ℒ0 + ℒ1 − ℒ1 𝒬 ℒ0⁻¹ 𝒬 ℒ1]𝒫 of AX(S31) |
/// | `second_order(L0, A, B, slow: …)` | only the term −𝒫 A 𝒬 ℒ0⁻¹ 𝒬 B 𝒫 (e.g. its ket–ket part) |
/// | `fit(S, on: [X1, …], g: T1, …)` | coefficients with S X = Σ g_j T_j X on every listed X, exactly; a record with `residual` |
/// | `vec(X)`, `kron(A, B)`, `kron(ket1, ket2)`, `transpose(A)`, `conj(A)`, `inner(u, w)` | column-stacked vector of an operator (AX(S5)); the Kronecker product (a matrix on vectors, which multiplies `vec(…)`), of two kets a vector; transpose; entrywise conjugate; Σ conj(u_k) w_k |
/// | `nonzero(X)` | 1 when some matrix element of X does not vanish identically (exact test), else 0 |
/// | `same(A, B, …)` | slow space: \|i⟩⟨j\| with ⟨i\|A\|i⟩ = ⟨j\|A\|j⟩ for each diagonal A |
/// | `kernel` | slow space: the eigenmodes of ℒ0 with eigenvalue 0 |
extension Engine {
    /// The functions of the model language, for `referee engine`.
    public static var modelFunctionNames: [String] { ModelFunctions.table.keys.sorted() + ["kernel"] }
}

enum ModelFunctions {
    static let table: [String: ModelFunction] = [
        "dag": { a, ev, n in try adjoint(try ev.evaluate(try one(a, ev, n, "dag")), ev, n) },
        "comm": { a, ev, n in
            let (x, y) = try two(a, ev, n, "comm")
            return try ModelArithmetic.add(try ModelArithmetic.multiply(x, y, ev, n), try ModelArithmetic.scale(.scalar(Expr(-1)), try ModelArithmetic.multiply(y, x, ev, n), ev, n), ev, n)
        },
        "anticomm": { a, ev, n in
            let (x, y) = try two(a, ev, n, "anticomm")
            return try ModelArithmetic.add(try ModelArithmetic.multiply(x, y, ev, n), try ModelArithmetic.multiply(y, x, ev, n), ev, n)
        },
        "sum": sum,
        "ket": { a, ev, n in .state(try occupationState(a, ev, n), isBra: false) },
        "bra": { a, ev, n in .state(try occupationState(a, ev, n), isBra: true) },
        "outer": { a, ev, n in
            let (x, y) = try two(a, ev, n, "outer")
            return try ModelArithmetic.multiply(x, try adjoint(y, ev, n), ev, n)
        },
        "proj": { a, ev, n in
            let x = try ev.evaluate(try one(a, ev, n, "proj"))
            return try ModelArithmetic.multiply(x, try adjoint(x, ev, n), ev, n)
        },
        "trace": { a, ev, n in .scalar(trace(try operatorArgument(try one(a, ev, n, "trace"), ev))) },
        "expect": { a, ev, n in
            let (x, rho) = try two(a, ev, n, "expect")
            guard case .operator(let p) = try ModelArithmetic.multiply(x, rho, ev, n) else { throw ev.error(n, "expect(X, rho) needs two operators") }
            return .scalar(trace(p))
        },
        "sx": { a, ev, n in try pauli(1, a, ev, n) },
        "sy": { a, ev, n in try pauli(2, a, ev, n) },
        "sz": { a, ev, n in try pauli(3, a, ev, n) },
        "sp": { a, ev, n in try pauli(4, a, ev, n) },
        "sm": { a, ev, n in try pauli(5, a, ev, n) },
        "normal_order": { a, ev, n in
            // X itself (operators compare as matrices, which for this faithful representation is
            // comparing normal forms); the expansion must exist, and the report prints it.
            let node = try one(a, ev, n, "normal_order")
            let x = try operatorArgument(node, ev)
            guard let space = ev.environment.space else { throw ev.error(n, "`normal_order` needs a ```modes block") }
            do { _ = try space.normalOrdered(x) } catch let e as ModeSpaceError { throw ev.error(n, e.message, fix: "normal order fermion or qubit operators on at most \(ModeSpace.maximumNormalOrderModes) modes") }
            return .operator(x)
        },
        "liouvillian": { a, ev, n in
            let node = try one(a, ev, n, "liouvillian")
            let h = try operatorArgument(node, ev)
            try requireHermitian(h, ev, node)
            return .superoperator(Superoperator(form: .liouvillian(h), origin: "liouvillian(\(ev.source(node)))"))
        },
        "dissipator": { a, ev, n in
            let node = try one(a, ev, n, "dissipator")
            return .superoperator(Superoperator(form: .dissipator(try operatorArgument(node, ev)), origin: "dissipator(\(ev.source(node)))"))
        },
        "lindblad": { a, ev, n in
            let nodes = try positional(a, ev, n, "lindblad", atLeast: 1)
            let h = try operatorArgument(nodes[0], ev)
            try requireHermitian(h, ev, nodes[0])
            var l = LindbladForm.liouvillian(h)
            for j in nodes.dropFirst() { l = l + .dissipator(try operatorArgument(j, ev)) }
            return .superoperator(Superoperator(form: l, origin: ev.source(n)))
        },
        "left": { a, ev, n in
            let x = try operatorArgument(try one(a, ev, n, "left"), ev)
            try requireTractable(x.nonzeroCount * x.rowCount, ev, n)
            return .superoperator(Superoperator(SuperOperator.left(x), origin: ev.source(n)))
        },
        "right": { a, ev, n in
            let x = try operatorArgument(try one(a, ev, n, "right"), ev)
            try requireTractable(x.nonzeroCount * x.rowCount, ev, n)
            return .superoperator(Superoperator(SuperOperator.right(x), origin: ev.source(n)))
        },
        "sandwich": { a, ev, n in
            let nodes = try positional(a, ev, n, "sandwich", atLeast: 2)
            let x = try operatorArgument(nodes[0], ev), y = try operatorArgument(nodes[1], ev)
            try requireTractable(x.nonzeroCount * y.nonzeroCount, ev, n)
            return .superoperator(Superoperator(SuperOperator.sandwich(x, y), origin: ev.source(n)))
        },
        "apply": { a, ev, n in
            let nodes = try positional(a, ev, n, "apply", atLeast: 2)
            let s = try superoperatorArgument(nodes[0], ev)
            let x = try operatorArgument(nodes[1], ev)
            return .operator(Vectorization.unvec(s.apply(Vectorization.vec(x)), dimension: x.rowCount))
        },
        "adjoint": { a, ev, n in try adjoint(try ev.evaluate(try one(a, ev, n, "adjoint")), ev, n) },
        "eigenvalue": SuperoperatorFunctions.eigenvalue,
        "steady_state": { a, ev, n in
            let node = try one(a, ev, n, "steady_state")
            return .operator(try SteadyState.compute(try superoperatorArgument(node, ev), ev, n))
        },
        "effective": SuperoperatorFunctions.effective,
        "spectrum": NumericSpectrum.function,
        "second_order": SuperoperatorFunctions.secondOrder,
        "fit": SuperoperatorFunctions.fit,
        "nonzero": { a, ev, n in
            // 1 when some matrix element is not identically zero (exact test), else 0.
            let node = try one(a, ev, n, "nonzero")
            let x = try operatorArgument(node, ev)
            let checker = IdentityChecker(seed: 0x4E5A)
            for (_, _, e) in x.entries {
                let v = checker.check(e, .zero)
                if v.kind == .discrepancy { return .scalar(.one) }
                if v.kind != .verified { throw ev.error(node, "cannot decide whether the matrix element \(e.text) vanishes (\(v.kind.rawValue))") }
            }
            return .scalar(.zero)
        },
        "vec": { a, ev, n in
            let x = try operatorArgument(try one(a, ev, n, "vec"), ev)
            return .vector(ComponentVector(components: Vectorization.vec(x), label: { [ev] in SuperoperatorFunctions.componentName($0, ev) }))
        },
        "kron": { a, ev, n in
            let nodes = try positional(a, ev, n, "kron", atLeast: 2)
            guard nodes.count == 2 else { throw ev.error(n, "`kron` takes two arguments") }
            let p = try ev.evaluate(nodes[0]), q = try ev.evaluate(nodes[1])
            if case .state(let u, false) = p, case .state(let w, false) = q {
                // |u⟩⊗|w⟩ as a vector of the doubled space, index a·d + b (the order of AX(S5)).
                let d = ev.environment.space?.dimension ?? 0
                var out: SparseVector<Expr> = [:]
                for (i, x) in u { for (j, y) in w { out[i * d + j] = x * y } }
                return .vector(ComponentVector(components: out, label: { [ev] in SuperoperatorFunctions.componentName($0, ev) }))
            }
            let x = try operatorArgument(nodes[0], ev), y = try operatorArgument(nodes[1], ev)
            return .superoperator(Superoperator(SuperOperator(dimension: x.rowCount, matrix: .kronecker(x, y)), origin: ev.source(n)))
        },
        "transpose": { a, ev, n in .operator(try operatorArgument(try one(a, ev, n, "transpose"), ev).transpose) },
        "inner": { a, ev, n in
            // ⟨u, w⟩ = Σ conj(u_k) w_k of two vectors (vec(A), vec(B)): the Hilbert–Schmidt product tr[A†B].
            let (u, w) = try two(a, ev, n, "inner")
            guard case .vector(let x) = u, case .vector(let y) = w else { throw ev.error(n, "`inner` takes two vectors, e.g. inner(vec(A), vec(B))") }
            var s = Expr.zero
            for (k, xk) in x.components { if let yk = y.components[k] { s = s + Expr.conj(xk) * yk } }
            return .scalar(s)
        },
        "same": { a, ev, n in
            .sameEigenvalues(try positional(a, ev, n, "same", atLeast: 1).map { try operatorArgument($0, ev) })
        },
    ]

    // MARK: Arguments

    static func positional(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode, _ name: String, atLeast: Int) throws -> [ModelNode] {
        if let l = a.first(where: { $0.label != nil }) { throw ev.error(l.value, "`\(name)` takes no labelled arguments") }
        guard a.count >= atLeast else { throw ev.error(n, "`\(name)` needs at least \(atLeast) argument\(atLeast == 1 ? "" : "s"), got \(a.count)") }
        return a.map(\.value)
    }
    static func one(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode, _ name: String) throws -> ModelNode {
        let nodes = try positional(a, ev, n, name, atLeast: 1)
        guard nodes.count == 1 else { throw ev.error(n, "`\(name)` takes one argument, got \(nodes.count)") }
        return nodes[0]
    }
    static func two(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode, _ name: String) throws -> (ModelValue, ModelValue) {
        let nodes = try positional(a, ev, n, name, atLeast: 2)
        guard nodes.count == 2 else { throw ev.error(n, "`\(name)` takes two arguments, got \(nodes.count)") }
        return (try ev.evaluate(nodes[0]), try ev.evaluate(nodes[1]))
    }

    static func operatorArgument(_ node: ModelNode, _ ev: ModelEvaluator) throws -> SparseMatrix<Expr> {
        let v = try ev.evaluate(node)
        guard let d = ev.environment.space?.dimension else {
            throw ev.error(node, "operators need declared modes", fix: "add a ```modes block before the definitions")
        }
        guard let m = ModelArithmetic.operatorOf(v, dimension: d) else {
            throw ev.error(node, "expected an operator, got \(v.kindName)")
        }
        return m
    }
    /// The superoperator `node` evaluates to. `symbolic`: the caller needs its exact matrix (every
    /// operation but the numeric `spectrum`), which must stay within `maximumSymbolicEntries`.
    static func superoperatorArgument(_ node: ModelNode, _ ev: ModelEvaluator, symbolic: Bool = true) throws -> Superoperator {
        guard case .superoperator(let s) = try ev.evaluate(node) else {
            throw ev.error(node, "expected a superoperator (`lindblad(…)`, `liouvillian(H)`, `dissipator(J)`, …)")
        }
        if symbolic, let form = s.form { try requireTractable(form.symbolicEntryEstimate, ev, node) }
        return s
    }

    // MARK: Implementations

    static func adjoint(_ v: ModelValue, _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        switch v {
        case .scalar(let e): return .scalar(Expr.conj(e))
        case .operator(let m): return .operator(m.adjoint)
        case .state(let x, let bra): return .state(x.mapValues { Expr.conj($0) }, isBra: !bra)
        case .superoperator(let s):
            let m = s.materialized
            return .superoperator(Superoperator(m.adjoint, origin: "adjoint(\(s.origin))"))
        default: throw ev.error(n, "\(v.kindName) has no adjoint")
        }
    }

    static func trace(_ m: SparseMatrix<Expr>) -> Expr {
        var s = Expr.zero
        for i in 0..<m.rowCount { s = s + m[i, i] }
        return s
    }

    static func sum(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        guard a.count == 1, case .node(.membership(let variable, let setNode, _))? = a[0].label else {
            throw ev.error(n, "write a finite sum as `sum(i in S: expression)`", fix: "S is `{up, dn}`, `0..3`, or the name of a declared index")
        }
        let values: [IndexValue]
        if case .name(let name, _) = setNode, ev.bindings[name] == nil, ev.environment.values[name] == nil,
           let index = ev.environment.families.values.sorted(by: { $0.name < $1.name }).lazy.compactMap({ $0.indices.first { $0.name == name } }).first {
            values = index.values
        } else {
            guard case .indexSet(let v) = try ev.evaluate(setNode) else {
                throw ev.error(setNode, "`\(ev.source(setNode))` is not an index set", fix: "write `{up, dn}`, `0..3`, or the name of a declared index")
            }
            values = v
        }
        var total: ModelValue? = nil
        for v in values {
            var inner = ev
            inner.bindings[variable] = v
            let term = try inner.evaluate(a[0].value)
            total = try total.map { try ModelArithmetic.add($0, term, ev, n) } ?? term
        }
        return total ?? .scalar(.zero)
    }

    static func occupationState(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> SparseVector<Expr> {
        guard let space = ev.environment.space else {
            throw ev.error(n, "states need declared modes", fix: "add a ```modes block")
        }
        var occupations: [Int: Int] = [:]
        for arg in a {
            guard case .node(let modeNode)? = arg.label else {
                throw ev.error(arg.value, "write occupations as `mode=n`, e.g. `ket(d[up]=1, c[0, dn]=1)`")
            }
            let k = try ev.modeOf(modeNode)
            guard case .integer(let o) = try ev.indexValue(arg.value) else {
                throw ev.error(arg.value, "an occupation must be an integer")
            }
            if occupations[k] != nil { throw ev.error(modeNode, "`\(ev.source(modeNode))` is given twice") }
            occupations[k] = o
        }
        do {
            return [try space.state(occupations): .one]
        } catch let e as ModeSpaceError {
            throw ev.error(n, e.message, fix: "fermions and qubits take 0 or 1, a boson 0…cutoff")
        }
    }

    static func pauli(_ which: Int, _ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        let node = try one(a, ev, n, ["", "sx", "sy", "sz", "sp", "sm"][which])
        let k = try ev.modeOf(node)
        guard let space = ev.environment.space, space.kinds[k] == .qubit else {
            throw ev.error(node, "`\(ev.source(node))` is not a qubit", fix: "declare it as `name: qubit` in the ```modes block, or use ladder operators")
        }
        switch which {
        case 4: return .operator(space.lowering(k).adjoint)
        case 5: return .operator(space.lowering(k))
        default: return .operator(space.pauli(which, k))
        }
    }

    /// Rejects an operator that is not Hermitian where the physics requires one (a Hamiltonian).
    /// Entries a symbolic superoperator may have (checked when an exact operation needs the matrix;
    /// `spectrum` lowers a GKSL form numerically and is not limited). Its matrix is exact (entries
    /// are expressions), so the exact algebra is meant for small models: the largest of the paper's and the examples'
    /// (ℒ_d0 with both jump channels) is estimated at 4·10⁴ entries; a fuzzed file with nine modes
    /// (d = 512) asked for ~10⁶ and ran for minutes.
    static let maximumSymbolicEntries = 200_000

    /// Entries of J·J† − ½{J†J, ·} in the worst case: J ⊗ J* plus the two one-sided products.
    static func dissipatorSize(_ j: SparseMatrix<Expr>) -> Int {
        j.nonzeroCount * j.nonzeroCount + 2 * j.rowCount * Swift.min(j.rowCount, j.nonzeroCount * j.nonzeroCount)
    }

    /// Refuses a superoperator whose estimated number of symbolic entries exceeds the limit.
    static func requireTractable(_ entries: Int, _ ev: ModelEvaluator, _ n: ModelNode) throws {
        guard entries > maximumSymbolicEntries else { return }
        throw ev.error(n, "`\(ev.source(n))` would be a symbolic superoperator with about \(entries) entries (more than \(maximumSymbolicEntries)); the exact algebra is for small models",
                       fix: "declare fewer modes or a smaller cutoff (one symmetry sector), or substitute numbers and use `spectrum`")
    }

    static func requireHermitian(_ h: SparseMatrix<Expr>, _ ev: ModelEvaluator, _ node: ModelNode) throws {
        let checker = IdentityChecker(seed: 0x4E52_4D17)
        let space = ev.environment.space
        for (i, j, x) in h.entries {
            let mirrored = Expr.conj(h[j, i])
            if (x - mirrored).isZero { continue }
            let verdict = checker.check(x, mirrored)
            guard verdict.kind == .verified else {
                let name = space.map { "⟨\($0.label(i).dropFirst().dropLast())|H|\($0.label(j).dropFirst().dropLast())⟩" } ?? "H[\(i), \(j)]"
                throw ev.error(node, "the Hamiltonian `\(ev.source(node))` is not Hermitian: \(name) = \(x.text) but the conjugate of the mirrored element is \(mirrored.text)",
                               fix: "add the Hermitian conjugate (`+ dag(…)`), or declare the couplings real")
            }
        }
    }
}
