import Symbolic
import Grassmann

/// The Keldysh action of a GKSL equation ∂_tρ = −i[H, ρ] + Σ_ℓ κ_ℓ 𝒟[L_ℓ]ρ (AX(S73)–(S82)), built
/// from operator-algebra objects (`FermionOperator`, normal-ordered by the operator module).
///
/// Symbols: for a normal-ordered operator A, A(ψ̄, ψ) replaces c_m† by ψ̄_m and c_m by ψ_m in the
/// same order (⟨ψ'|A|ψ⟩ = e^{ψ̄'ψ} A(ψ̄', ψ)). Matrix elements between the backward-branch states
/// ⟨−ψ| · |−ψ'⟩ give (−1)^{deg A} A(ψ̄, ψ'), and the jump term ⟨ψ₊'|L|·⟩ρ⟨·|L†|−ψ₋'⟩ becomes
/// (−1)^{deg L} L₊ L̄₋ = L̄₋ L₊ (L̄ the symbol of L†). Derived this way (per time step, iS = δ_t ℒ[ψ]):
///
///     S = ∫dt [ ψ̄₊ i∂_t ψ₊ − ψ̄₋ i∂_t ψ₋ − H₊ + H₋
///               − i Σ_ℓ κ_ℓ ( L̄_{ℓ,−} L_{ℓ,+} − ½ L̄_{ℓ,+}(t+δ) L_{ℓ,+}(t−δ) − ½ L̄_{ℓ,−}(t−δ) L_{ℓ,−}(t+δ) ) ],
///
/// with the later time on the forward branch where the later operator stands (⟨ψ_{n+1}| · |ψ_n⟩), and
/// the reverse on the backward branch. The decay term is the product of symbols L̄(t ± δ) L(t ∓ δ), not the
/// symbol of the normal-ordered L†L: the time splitting keeps the operator order (ψ̄ later than ψ), and
/// only then does the action vanish at ψ₊ = ψ₋ for every L (the normal-ordering subtlety noted after
/// AX(S80)); the normal-ordered variant is `Form.normalOrderedDecay`. `Form.printedS82` is AX(S82) as
/// printed: L₊L̄₋ in that order and no factor −i in front of the dissipator.
public enum GKSLAction {
    public enum Form: Sendable {
        /// The form derived above (L̄₋L₊, −i κ).
        case derived
        /// As `derived`, but with the symbol of the normal-ordered L†L in the decay term.
        case normalOrderedDecay
        /// AX(S82) literally: + κ [L₊L̄₋ − ½(L̄₊(t+δ)L₊(t−δ) + L̄₋(t−δ)L₋(t+δ))].
        case printedS82
    }

    /// The jump operators with their rates.
    public struct Jump: Sendable {
        public var rate: Expr
        public var operator_: FermionOperator<Expr>
        public init(rate: Expr, _ op: FermionOperator<Expr>) { self.rate = rate; self.operator_ = op }
    }

    /// The name of the fields of a mode.
    public static func fieldName(_ m: Mode) -> String { m.description }

    /// A(ψ̄, ψ) on a branch for the normal-ordered form of A, all fields at t + shift·δ.
    public static func symbol(_ a: FermionOperator<Expr>, branch: ContourField.Branch, shift: Int = 0) -> FieldPolynomial {
        symbol(a, branch: branch, barShift: shift, shift: shift)
    }

    /// A(ψ̄, ψ) on a branch for the normal-ordered form of A, with ψ̄ at t + barShift·δ and ψ at t + shift·δ.
    public static func symbol(_ a: FermionOperator<Expr>, branch: ContourField.Branch, barShift: Int, shift: Int) -> FieldPolynomial {
        var out = FieldPolynomial()
        for (word, c) in a.normalOrdered().terms {
            let fields = word.map { l in
                ContourField(fieldName(l.mode), conjugate: l.isCreation, branch: branch, shift: l.isCreation ? barShift : shift)
            }
            out = out + FieldPolynomial([(fields, c)])
        }
        return out
    }

    /// Grassmann degree of a homogeneous operator (nil if it mixes parities).
    static func parity(_ a: FermionOperator<Expr>) -> Int? {
        let p = Set(a.terms.keys.map { $0.count % 2 })
        return p.count <= 1 ? (p.first ?? 0) : nil
    }

    /// The action integrand (∫dt implied) of the GKSL equation with Hamiltonian `h` and `jumps`.
    public static func action(modes: [Mode], hamiltonian h: FermionOperator<Expr>, jumps: [Jump], form: Form = .derived) throws -> FieldPolynomial {
        var s = FieldPolynomial()
        for m in modes {
            let name = fieldName(m)
            s = s + Expr.i * FieldPolynomial([([ContourField(name, conjugate: true, branch: .plus), ContourField(name, conjugate: false, branch: .plus, derivative: 1)], Expr(1))])
            s = s - Expr.i * FieldPolynomial([([ContourField(name, conjugate: true, branch: .minus), ContourField(name, conjugate: false, branch: .minus, derivative: 1)], Expr(1))])
        }
        s = s - symbol(h, branch: .plus, barShift: 1, shift: -1) + symbol(h, branch: .minus, barShift: -1, shift: 1)
        let half = Expr(BigRational(1, 2))
        for jump in jumps {
            let l = jump.operator_
            guard parity(l) != nil else {
                throw KeldyshError("a jump operator mixes even and odd words: \(l)", fix: "split it into operators of definite parity")
            }
            let ldl = l.adjoint * l
            let lPlus = symbol(l, branch: .plus)
            let lbarMinus = symbol(l.adjoint, branch: .minus)
            let decay = half * (symbol(l.adjoint, branch: .plus, shift: 1) * symbol(l, branch: .plus, shift: -1)
                                + symbol(l.adjoint, branch: .minus, shift: -1) * symbol(l, branch: .minus, shift: 1))
            switch form {
            case .derived:
                s = s + (-Expr.i * jump.rate) * (lbarMinus * lPlus - decay)
            case .normalOrderedDecay:
                let normal = half * (symbol(ldl, branch: .plus, barShift: 1, shift: -1) + symbol(ldl, branch: .minus, barShift: -1, shift: 1))
                s = s + (-Expr.i * jump.rate) * (lbarMinus * lPlus - normal)
            case .printedS82:
                s = s + jump.rate * (lPlus * lbarMinus - decay)
            }
        }
        return s
    }
}
