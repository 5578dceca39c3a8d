import Symbolic
import Grassmann

/// The Keldysh rotation ψ_{c,q} = (ψ₊ ± ψ₋)/√2, ψ̄_{c,q} = (ψ̄₊ ± ψ̄₋)/√2 (AX(S53), (S229)), i.e.
/// ψ± = (ψ_c ± ψ_q)/√2 and likewise for ψ̄, applied to field polynomials; and the comparison of two
/// actions up to a total time derivative (integration by parts).
public enum KeldyshRotation {
    /// Substitutes ψ± = (ψ_c ± ψ_q)/√2 (same name, conjugation, shift and derivative); fields already
    /// in the c/q basis stay.
    public static func rotate(_ a: FieldPolynomial) -> FieldPolynomial {
        let r = 1 / Expr.sqrt(Expr(2))
        return a.substituting { f in
            guard f.branch == .plus || f.branch == .minus else { return FieldPolynomial(f) }
            var c = f, q = f
            c.branch = .classical
            q.branch = .quantum
            return f.branch == .plus ? r * (FieldPolynomial(c) + FieldPolynomial(q)) : r * (FieldPolynomial(c) - FieldPolynomial(q))
        }
    }

    /// Drops the regularising shifts t ± δ → t.
    public static func droppingShifts(_ a: FieldPolynomial) -> FieldPolynomial {
        a.substituting { f in var g = f; g.shift = 0; return FieldPolynomial(g) }
    }

    /// The outcome of comparing two actions.
    public enum Comparison: Sendable, Equatable {
        case identical
        /// Equal after integration by parts (the difference is a total time derivative).
        case equalUpToTotalDerivative(String)
        /// Different; the difference (a − b) as text.
        case different(String)
    }

    /// Compares the integrands a and b (∫dt implied) in the Grassmann algebra, shifts dropped.
    public static func compare(_ a: FieldPolynomial, _ b: FieldPolynomial) -> Comparison {
        let difference = droppingShifts(a - b)
        let alphabet = FieldAlphabet(difference.fields)
        let g = difference.grassmann(alphabet)
        if g.isZero { return .identical }
        let text = FieldPolynomial(g, alphabet).description
        return EulerOperator.annihilates(difference) ? .equalUpToTotalDerivative(text) : .different(text)
    }
}
