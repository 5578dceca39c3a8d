import Symbolic
import Grassmann

/// Eigenvalues of claimed eigenvectors, the projection method and fits (the superoperator part of
/// `ModelFunctions`). Every result is checked before it is returned: a claimed eigenvector must be
/// one, component by component (exact test of `IdentityChecker`), and a fit records its residual.
enum SuperoperatorFunctions {
    static func labelled(_ a: [ModelArgument], _ word: String) -> ModelNode? {
        for arg in a { if case .word(let w)? = arg.label, w == word { return arg.value } }
        return nil
    }

    /// The name of component k of a vectorised operator: |i⟩⟨j| (column stacking, AX(S5)).
    static func componentName(_ k: Int, _ ev: ModelEvaluator) -> String {
        guard let space = ev.environment.space else { return "component \(k)" }
        let d = space.dimension
        return "\(space.label(k % d))⟨\(space.label(k / d).dropFirst().dropLast())|"
    }

    /// `eigenvalue(S, right: r)`: the λ with S r = λ r; `eigenvalue(S, left: l)`: l†S = λ l† (AX(S16)).
    static func eigenvalue(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        guard let first = a.first, first.label == nil else { throw ev.error(n, "write `eigenvalue(S, right: r)` or `eigenvalue(S, left: l)`") }
        let s = try ModelFunctions.superoperatorArgument(first.value, ev)
        let rightNode = labelled(a, "right"), leftNode = labelled(a, "left")
        guard (rightNode == nil) != (leftNode == nil), a.count == 2 else {
            throw ev.error(n, "give exactly one of `right:` and `left:`", fix: "write `eigenvalue(S, right: r)`")
        }
        let isLeft = leftNode != nil
        let vectorNode = (rightNode ?? leftNode)!
        let x = Vectorization.vec(try ModelFunctions.operatorArgument(vectorNode, ev))
        guard !x.isEmpty else { throw ev.error(vectorNode, "the zero operator is not an eigenvector") }
        // image: S r, or (l†S)† = S†l as a column.
        let image: SparseVector<Expr>
        if isLeft {
            let m = s.materialized.matrix
            var row: SparseVector<Expr> = [:]
            for (k, xk) in x { for (j, sij) in m.rows[k] { row[j] = (row[j] ?? .zero) + Expr.conj(xk) * sij } }
            image = row.mapValues { Expr.conj($0) }
        } else {
            image = s.apply(x)
        }
        let pivot = x.keys.min { (x[$0]!.text.count, $0) < (x[$1]!.text.count, $1) }!
        let ratio = ((image[pivot] ?? .zero) / x[pivot]!).together()
        let lambda = isLeft ? Expr.conj(ratio) : ratio
        let checker = IdentityChecker(seed: 0x4549_4745)
        var certificate = ModelCertificate("eigenvalue(\(s.origin), \(isLeft ? "left" : "right"): \(ev.source(vectorNode))) = \(lambda.text)")
        for k in Set(image.keys).union(x.keys).sorted() {
            let lhs = image[k] ?? .zero, rhs = ratio * (x[k] ?? .zero)
            if (lhs - rhs).isZero { certificate.count(nil); continue }
            let v = checker.check(rhs, lhs)
            certificate.count(v)
            if v.kind != .verified {
                let what = isLeft ? "l†S" : "S r"
                throw ev.error(vectorNode, "`\(ev.source(vectorNode))` is not a \(isLeft ? "left" : "right") eigenvector of `\(s.origin)`: at \(componentName(k, ev)) \(what) has \(lhs.text) where λ\(isLeft ? "*" : "")·(that component) = \(rhs.text) (\(v.kind.rawValue))",
                               fix: "check the claimed eigenvector; the eigenvalue taken from \(componentName(pivot, ev)) is \(lambda.text)")
            }
        }
        certificate.submit(isLeft ? "l†𝒮 = λ l† checked on every component" : "𝒮 r = λ r checked on every component")
        return .scalar(lambda)
    }

    /// The projection method on the slow space named by `slow:` (`ProjectionMethod`, AX(S26)–(S32)).
    static func method(_ l0Node: ModelNode, _ slowNode: ModelNode?, _ ev: ModelEvaluator, _ n: ModelNode) throws -> (ProjectionMethod<Expr>, Int) {
        guard let slowNode else {
            throw ev.error(n, "the projection method needs the slow space: `slow: kernel` or `slow: same(N1, N2)`")
        }
        // One eigenbasis per (ℒ0, slow space) in a file: `effective` and the `second_order` parts share it.
        let key = "projection " + ev.source(l0Node) + " | " + ev.source(slowNode)
        if let cached = ev.environment.cache.method(key) { return cached }
        let l0 = try ModelFunctions.superoperatorArgument(l0Node, ev).materialized
        let basis: ExactEigenbasis<Expr>
        do { basis = try ExactEigenbasis(l0) } catch let e as EigenbasisError {
            throw ev.error(l0Node, "no exact eigenbasis for `\(ev.source(l0Node))`: \(e.message)",
                           fix: "the exact projection method needs ℒ0 = D + N with N·N = 0 (e.g. a Hamiltonian part diagonal in the occupation basis and jumps that only feed populations)")
        }
        let d = l0.dimension
        let slow: [Bool]
        switch try ev.evaluate(slowNode) {
        case .kernel:
            slow = basis.eigenvalues.map(\.isZero)
        case .sameEigenvalues(let ops):
            var diagonals: [[Expr]] = []
            for op in ops {
                if op.entries.contains(where: { $0.0 != $0.1 }) {
                    throw ev.error(slowNode, "`same(…)` needs operators diagonal in the occupation basis (numbers of particles, spins)")
                }
                diagonals.append((0..<d).map { op[$0, $0] })
            }
            slow = (0..<(d * d)).map { k in diagonals.allSatisfy { ($0[k % d] - $0[k / d]).isZero } }
        case .list(let items):
            var support = Set<Int>()
            for item in items {
                guard case .operator(let m) = item else { throw ev.error(slowNode, "`slow:` lists operators (outer products spanning the slow space)") }
                support.formUnion(Vectorization.vec(m).keys)
            }
            slow = (0..<(d * d)).map { support.contains($0) }
        case let v:
            throw ev.error(slowNode, "`slow:` must be `kernel`, `same(N1, …)` or a list of operators, got \(v.kindName)")
        }
        ModelCertificate.byConstruction("projection method on `\(ev.source(l0Node))`, slow space `\(ev.source(slowNode))`",
            "exact: ℒ0 = D + N with N·N = 0 diagonalised in closed form (ExactEigenbasis), λ_n ≠ λ_t wherever N_tn ≠ 0 checked; \(slow.filter { $0 }.count) slow directions of \(d * d); 𝒫, 𝒬 and ℒ0⁻¹ on 𝒬 exact rational functions")
        let result = (ProjectionMethod(basis: basis, slow: slow), d)
        ev.environment.cache.store(method: result, key)
        return result
    }

    /// `effective(L0, L1, slow: …)`: x ↦ 𝒫[ℒ0 + ℒ1 − ℒ1 𝒬 ℒ0⁻¹ 𝒬 ℒ1]𝒫x; `second_order(L0, A, B, slow: …)`:
    /// only x ↦ −𝒫 A 𝒬 ℒ0⁻¹ 𝒬 B 𝒫x.
    static func effective(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        try projected(a, ev, n, operands: 2, usage: "write `effective(L0, L1, slow: …)`") { method, l0, terms, x in
            method.effectiveAction(method.projectSlow(x), unperturbed: l0, perturbation: terms[0])
        }
    }

    static func secondOrder(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        try projected(a, ev, n, operands: 3, usage: "write `second_order(L0, A, B, slow: …)` for −𝒫 A 𝒬 ℒ0⁻¹ 𝒬 B 𝒫") { method, _, terms, x in
            method.secondOrder(method.projectSlow(x), first: terms[0], second: terms[1])
        }
    }

    /// A superoperator built on the projection method of ℒ0 (the first positional argument) from the
    /// other positional superoperators, known through its action.
    static func projected(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode, operands: Int, usage: String,
                          _ action: @escaping (ProjectionMethod<Expr>, SuperOperator<Expr>, [SuperOperator<Expr>], SparseVector<Expr>) -> SparseVector<Expr>) throws -> ModelValue {
        let nodes = a.filter { $0.label == nil }.map(\.value)
        guard nodes.count == operands else { throw ev.error(n, usage) }
        let (method, d) = try self.method(nodes[0], labelled(a, "slow"), ev, n)
        let l0 = try ModelFunctions.superoperatorArgument(nodes[0], ev).materialized
        let terms = try nodes.dropFirst().map { try ModelFunctions.superoperatorArgument($0, ev).materialized }
        return .superoperator(Superoperator(dimension: d, origin: ev.source(n)) { x in action(method, l0, terms, x) })
    }

    /// `fit(S, on: [X1, X2, …], g: T1, gamma: T2, …)`: the coefficients c_j with
    /// S X_n = Σ_j c_j T_j X_n for every listed X_n, by exact elimination (`LinearFit`), and the
    /// residual S X_n − Σ c_j T_j X_n as a component vector. A coefficient is only handed out when
    /// the residual vanishes identically.
    static func fit(_ a: [ModelArgument], _ ev: ModelEvaluator, _ n: ModelNode) throws -> ModelValue {
        guard let first = a.first, first.label == nil else { throw ev.error(n, "write `fit(S, on: [X1, …], name: T, …)`") }
        let s = try ModelFunctions.superoperatorArgument(first.value, ev)
        guard let onNode = labelled(a, "on"), case .list(let states) = try ev.evaluate(onNode), !states.isEmpty else {
            throw ev.error(n, "`fit` needs the operators it is matched on: `on: [X1, X2, …]`")
        }
        var ansatz: [(String, Superoperator, ModelNode)] = []
        for arg in a.dropFirst() {
            guard case .word(let w)? = arg.label, w != "on" else { continue }
            ansatz.append((w, try ModelFunctions.superoperatorArgument(arg.value, ev), arg.value))
        }
        guard !ansatz.isEmpty else { throw ev.error(n, "`fit` needs at least one named term of the ansatz, e.g. `g: liouvillian(HSd)`") }
        let vectors: [SparseVector<Expr>] = try states.map { v in
            guard case .operator(let m) = v else { throw ev.error(onNode, "`on:` lists operators") }
            return Vectorization.vec(m)
        }
        let block = s.dimension * s.dimension
        func stack(_ f: (SparseVector<Expr>) -> SparseVector<Expr>) -> SparseVector<Expr> {
            var out: SparseVector<Expr> = [:]
            for (k, x) in vectors.enumerated() { for (i, y) in f(x) { out[k * block + i] = y } }
            return out
        }
        let target = stack(s.apply)
        let structures = ansatz.map { term in stack(term.1.apply) }
        let solution: (coefficients: [Expr], residual: SparseVector<Expr>)
        do { solution = try LinearFit.solve(structures: structures, target: target) } catch let e as FitError {
            throw ev.error(n, "the ansatz cannot be fitted: \(e.message.replacingOccurrences(of: "LinearFit: ", with: ""))",
                           fix: "each term must have exact numeric entries on the listed operators, and they must be independent there")
        }
        let names = ansatz.map(\.0)
        var fields: [String: ModelValue] = [:]
        for (name, c) in zip(names, solution.coefficients) { fields[name] = .scalar(c) }
        let labelOf: @Sendable (Int) -> String = { [ev] k in "on X\(k / block + 1) at \(componentName(k % block, ev))" }
        fields["residual"] = .vector(ComponentVector(components: solution.residual, label: labelOf))
        let verdict = LinearFit.residualVanishes(solution.residual)
        var bound = ""
        if case .exact(let b?) = verdict.method { bound = ", P(false accept) ≤ \(String(format: "%.1e", b))" }
        try? OperationLedger.submit(OperationCertificate(
            operation: "fit(\(s.origin)) on \(states.count) operators: " + zip(names, solution.coefficients).map { "\($0) = \($1.text)" }.joined(separator: ", "),
            status: verdict.kind == .verified ? .confirmed : .unconfirmed,
            how: "exact elimination; the residual 𝒮X − Σ c_j T_j X over \(solution.residual.count) components \(verdict.kind == .verified ? "vanishes (\(verdict.method.name)\(bound))" : "does not vanish: \(verdict.kind.rawValue)")"))
        var guardMessage: String? = nil
        if verdict.kind != .verified {
            let k = solution.residual.keys.sorted().first { !(solution.residual[$0]!.isZero) } ?? 0
            guardMessage = "the ansatz of `fit` does not reproduce `\(s.origin)`: the component \(labelOf(k)) is left over (\(solution.residual[k]?.text ?? "?"))"
        }
        return .record(fields, order: names + ["residual"], guardMessage: guardMessage)
    }
}
