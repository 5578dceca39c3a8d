import Symbolic

/// The normal-ordered expansion of an operator on two-level modes (fermions and qubits):
///
///     X = Σ_{A,B} x_{A,B} c†_{a₁} ⋯ c†_{a_k} c_{b_l} ⋯ c_{b₁},   a₁ < ⋯ < a_k, b₁ < ⋯ < b_l,
///
/// creators to the left in Jordan–Wigner order, annihilators to the right in reverse order (σ⁺, σ⁻ for
/// a qubit). The expansion exists and is unique: c†_A c_B maps |B⟩ to ±|A⟩ and annihilates every
/// occupation set that does not contain B, so the coefficients follow column by column in order of
/// increasing particle number, each from the one matrix element that no earlier monomial touches.
/// The result is verified: the expansion, multiplied out, reproduces X exactly.
public struct NormalOrderedTerm: Sendable {
    /// Modes created (increasing Jordan–Wigner position) and annihilated (likewise; written reversed).
    public var creators: [Int]
    public var annihilators: [Int]
    public var coefficient: Expr
}

extension ModeSpace {
    /// Largest number of modes expanded (4ⁿ monomials at most).
    public static let maximumNormalOrderModes = 8

    /// The normal-ordered expansion of `x` (see `NormalOrderedTerm`); throws for bosons (levels > 2)
    /// and for more than `maximumNormalOrderModes` modes.
    public func normalOrdered(_ x: SparseMatrix<Expr>) throws -> [NormalOrderedTerm] {
        guard kinds.allSatisfy({ $0.levels == 2 }) else {
            throw ModeSpaceError("normal order is computed for fermion and qubit modes; a truncated boson has no unique normal form")
        }
        guard modes.count <= Self.maximumNormalOrderModes else {
            throw ModeSpaceError("normal order is computed for at most \(Self.maximumNormalOrderModes) modes (this space has \(modes.count))")
        }
        let lower = modes.indices.map { lowering($0) }
        let raise = lower.map(\.adjoint)
        func occupied(_ state: Int) -> [Int] { modes.indices.filter { occupation($0, in: state) == 1 } }
        func monomial(_ a: [Int], _ b: [Int]) -> SparseMatrix<Expr> {
            var m = SparseMatrix<Expr>.identity(dimension)
            for k in a { m = m * raise[k] }
            for k in b.reversed() { m = m * lower[k] }
            return m
        }
        var residual = x
        var terms: [NormalOrderedTerm] = []
        let columns = (0..<dimension).sorted { (occupied($0).count, $0) < (occupied($1).count, $1) }
        for t in columns {
            let b = occupied(t)
            for s in (0..<dimension) where !residual[s, t].together().isZero {
                let a = occupied(s)
                let m = monomial(a, b)
                let c = (residual[s, t] / m[s, t]).together()
                terms.append(NormalOrderedTerm(creators: a, annihilators: b, coefficient: c))
                residual = residual - c * m
            }
        }
        guard residual.entries.allSatisfy({ $0.2.together().isZero }) else {
            throw ModeSpaceError("normal order: the expansion does not reproduce the operator (an engine defect; please report it)")
        }
        return terms
    }

    /// The expansion as text of the derivation language: `1 - 2*d[up]'*d[up]`, `0` for zero.
    public func normalOrderedText(_ terms: [NormalOrderedTerm]) -> String {
        if terms.isEmpty { return "0" }
        func ladder(_ k: Int, _ creation: Bool) -> String {
            kinds[k] == .qubit ? (creation ? "sp(\(modes[k]))" : "sm(\(modes[k]))") : "\(modes[k])" + (creation ? "'" : "")
        }
        var text = ""
        for (n, t) in terms.enumerated() {
            let word = (t.creators.map { ladder($0, true) } + t.annihilators.reversed().map { ladder($0, false) }).joined(separator: "*")
            var c = t.coefficient.text
            let negative = c.hasPrefix("-") && !c.dropFirst().contains(where: { "+-".contains($0) })
            if negative { c.removeFirst() }
            let needsParentheses = c.contains(where: { "+-".contains($0) })
            let factor = word.isEmpty ? (needsParentheses ? "(\(c))" : c)
                : (c == "1" ? word : (needsParentheses ? "(\(c))*" : "\(c)*") + word)
            text += n == 0 ? (negative ? "-" : "") + factor : (negative ? " - " : " + ") + factor
        }
        return text
    }
}
