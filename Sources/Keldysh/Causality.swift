import Symbolic
import Grassmann

/// The causality structure of a Keldysh action, AX(S46), (S82): S[ψ₊ = ψ₋, ψ̄₊ = ψ̄₋] = 0, the
/// path-integral form of trace preservation.
///
/// Procedure: every field on the backward branch is replaced by the same field on the forward
/// branch (in the rotated basis: ψ_q → 0, ψ_c → √2 ψ), the regularising shifts t ± δ are sent to t
/// (δ → 0; the ordering they encode matters for the discrete Z = 1 check, not here), and the
/// integrand is reduced in the Grassmann algebra. If it is not identically zero, the Euler operator
/// E_ψ = Σ_k (−d/dt)^k ∂/∂(∂_t^k ψ) is applied for every field: the integrand is a total time
/// derivative (so that ∫dt of it vanishes) iff all of them vanish.
public enum Causality {
    /// The outcome, with the reduced integrand as text.
    public enum Outcome: Sendable, Equatable {
        /// S[ψ₊ = ψ₋] = 0 identically.
        case vanishesIdentically
        /// S[ψ₊ = ψ₋] is the integral of a total time derivative (vanishes up to boundary terms).
        case totalDerivative(String)
        /// S[ψ₊ = ψ₋] ≠ 0: the action is not causal; the residual integrand.
        case nonzero(String)

        public var isCausal: Bool { if case .nonzero = self { return false }; return true }
    }

    /// The integrand with ψ₊ = ψ₋ and δ → 0.
    public static func identifyBranches(_ action: FieldPolynomial) -> FieldPolynomial {
        let root2 = Expr.sqrt(Expr(2))
        return action.substituting { f in
            var g = f
            g.shift = 0
            switch f.branch {
            case .plus, .minus:
                g.branch = .plus
                return FieldPolynomial(g)
            case .classical:
                g.branch = .plus
                return root2 * FieldPolynomial(g)
            case .quantum:
                return FieldPolynomial()
            }
        }
    }

    /// Decides causality of an action integrand (∫dt implied).
    public static func check(_ action: FieldPolynomial) -> Outcome {
        let reduced = identifyBranches(action)
        let alphabet = FieldAlphabet(reduced.fields)
        let g = reduced.grassmann(alphabet)
        if g.isZero { return .vanishesIdentically }
        let text = FieldPolynomial(g, alphabet).description
        return EulerOperator.annihilates(reduced) ? .totalDerivative(text) : .nonzero(text)
    }
}

/// The Euler–Lagrange operator on field polynomials: E_ψ L = Σ_k (−d/dt)^k ∂L/∂(∂_t^k ψ) with left
/// Grassmann derivatives. E_ψ L = 0 for every ψ iff L is a total time derivative.
public enum EulerOperator {
    /// True when every Euler derivative of `integrand` vanishes identically.
    public static func annihilates(_ integrand: FieldPolynomial) -> Bool {
        let bases = Set(integrand.fields.map { f -> ContourField in var b = f; b.derivative = 0; return b })
        let alphabet0 = FieldAlphabet(integrand.fields)
        let g = integrand.grassmann(alphabet0)
        for base in bases {
            let orders = integrand.fields.filter { $0.name == base.name && $0.isConjugate == base.isConjugate && $0.branch == base.branch && $0.shift == base.shift }.map(\.derivative)
            var total = FieldPolynomial()
            for k in orders {
                var f = base
                f.derivative = k
                var term = FieldPolynomial(g.leftDerivative(alphabet0.index(f)), alphabet0)
                for _ in 0..<k { term = term.timeDerivative }
                total = total + (k % 2 == 0 ? term : -term)
            }
            if !total.grassmann(FieldAlphabet(total.fields)).isZero { return false }
        }
        return true
    }
}

extension FieldPolynomial {
    /// The field polynomial of a Grassmann element whose generators are numbered by `alphabet`.
    public init(_ g: GrassmannPolynomial<Expr>, _ alphabet: FieldAlphabet) {
        self.init(g.terms.sorted { $0.key < $1.key }.map { m, c in (m.generators.map { alphabet.fields[$0] }, c) })
    }
}
