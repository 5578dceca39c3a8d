import Symbolic

/// A double sum Σ_{a,b} over sites of spin traces, the form of AX(S197), (S208), (S213):
/// Σ_{a,b} Σ_k C_k(a, b) tr_σ[𝔻_a^{…} 𝔻_b^{…}], written with one pair of site symbols `a`, `b` and
/// coefficients whose site-dependent symbols carry the suffix of their site (`g_a`, `gamma_b`);
/// symbols without such a suffix (f_RKKY(R_ab), m_dis(R_ab), h_dis(R_ab)) are symmetric in a ↔ b.
///
/// Two such sums are equal for every set of sites iff their canonical forms agree, where the
/// canonical form uses (i) tr[XY] = tr[YX] and the shift convention of `SpinTrace.canonical`, and
/// (ii) the relabelling a ↔ b of the summation variables: C(a,b) tr[X_a Y_b] summed over a, b equals
/// C(b,a) tr[Y_a X_b] summed over a, b. Each trace is brought to the smaller of the two labellings;
/// when both labellings give the same trace, its coefficient is replaced by ½[C(a,b) + C(b,a)].
public struct SitePairSum: Sendable {
    /// Coefficient of each canonical trace.
    public private(set) var terms: [SpinTrace: Expr] = [:]
    /// The two site symbols (a, b), once known.
    public private(set) var sites: (Symbol, Symbol)?

    public init() {}

    /// Reads an expression linear in `trD` atoms (throws when it is not).
    public init(_ e: Expr) throws {
        for term in e.expanded().summands {
            var traces: [SpinTrace] = []
            var coefficient = Expr.one
            for factor in term.factors {
                if let t = SpinTrace(factor) { traces.append(t) } else if factor.containsTrace {
                    throw OperationError("`\(factor.text)`: a spin trace may only appear linearly", fix: "write the action as a sum of coefficient*trD(...) terms")
                } else { coefficient = coefficient * factor }
            }
            if traces.isEmpty {
                if term == .zero { continue }
                throw OperationError("the term `\(term.text)` has no spin trace trD(...)", fix: "write the action as a sum of coefficient*trD(...) terms")
            }
            guard traces.count == 1 else {
                throw OperationError("the term `\(term.text)` multiplies two spin traces", fix: "write the action as a sum of coefficient*trD(...) terms")
            }
            try add(coefficient, traces[0])
        }
    }

    /// Adds C · tr[…], bringing it to canonical form.
    public mutating func add(_ coefficient: Expr, _ trace: SpinTrace) throws {
        // Sites are identified by name (a site label carries no assumption that matters here).
        var trace = trace
        if let (a, b) = sites {
            for k in [0, 1] {
                let name = (k == 0 ? trace.first : trace.second).site.name
                guard name == a.name || name == b.name else {
                    throw OperationError("a site sum uses one pair of site symbols; found `\(name)` besides \(a.name), \(b.name)",
                                         fix: "name the sites a and b throughout")
                }
                if k == 0 { trace.first.site = name == a.name ? a : b } else { trace.second.site = name == a.name ? a : b }
            }
        } else {
            let siteSet = [trace.first.site, trace.second.site]
            if let x = siteSet.min(by: { $0.name < $1.name }), let y = siteSet.max(by: { $0.name < $1.name }), x.name != y.name { sites = (x, y) }
        }
        let (t, sign) = trace.canonicalWithSign
        if sign == 0 { return }
        let c = sign == 1 ? coefficient : -coefficient
        guard let (a, b) = sites else {
            terms[t] = (terms[t] ?? .zero) + c
            return
        }
        let swapSite: (Symbol) -> Symbol = { $0 == a ? b : ($0 == b ? a : $0) }
        let (r, rsign) = t.relabelled(swapSite).canonicalWithSign
        let rc = rsign == 1 ? Self.relabel(c, a, b) : -Self.relabel(c, a, b)
        if rsign == 0 { return }
        if r < t {
            terms[r] = (terms[r] ?? .zero) + rc
        } else if r == t {
            terms[t] = (terms[t] ?? .zero) + (c + rc) * .half
        } else {
            terms[t] = (terms[t] ?? .zero) + c
        }
    }

    /// The coefficient with every symbol `x_a` exchanged with `x_b` (and the site symbols themselves).
    public static func relabel(_ e: Expr, _ a: Symbol, _ b: Symbol) -> Expr {
        let sa = "_" + a.name, sb = "_" + b.name
        return e.mapBottomUp { node in
            guard case .symbol(let s) = node else { return node }
            if s == a { return .symbol(b) }
            if s == b { return .symbol(a) }
            if s.name.hasSuffix(sa) { return .symbol(Symbol(String(s.name.dropLast(sa.count)) + sb, s.assumptions)) }
            if s.name.hasSuffix(sb) { return .symbol(Symbol(String(s.name.dropLast(sb.count)) + sa, s.assumptions)) }
            return node
        }
    }

    /// The canonical sum as an expression: Σ coefficient·trD(…), coefficients brought together.
    public var expression: Expr {
        terms.sorted { $0.key < $1.key }.reduce(Expr.zero) { acc, term in
            acc + term.value.expanded().together() * term.key.expression
        }
    }

    /// The integrand at d₊ = d₋, d̄₊ = d̄₋ (δ → 0), AX(S46), (S82): every 𝔻_a^{ss'} becomes the same
    /// 𝔻_a, so the sum reduces to Σ_{a,b} [Σ_k C_k] tr[𝔻_a 𝔻_b], symmetrised in a ↔ b.
    public var branchesIdentified: SitePairSum {
        var out = SitePairSum()
        out.sites = sites
        for (t, c) in terms {
            var u = t
            for k in [0, 1] {
                var f = k == 0 ? u.first : u.second
                f.left = 1; f.right = 1; f.shift = 0
                if k == 0 { u.first = f } else { u.second = f }
            }
            try? out.add(c, u)
        }
        return out
    }
}

extension Expr {
    /// True when a `trD` atom occurs anywhere inside.
    var containsTrace: Bool {
        if case .call(let name, _) = self, name == SpinTrace.name || name == SpinTrace.gradientName { return true }
        return children.contains { $0.containsTrace }
    }
}
