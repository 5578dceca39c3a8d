/// Rewrites the parts of an expression that are not holomorphic — Re z, Im z, |z|^(2k) — through
/// z and z̄: Re z = (z + z̄)/2, Im z = (z − z̄)/(2i), |z|^(2k) = (z z̄)^k, with z̄ pushed inside by
/// the canonical `conj`.
///
/// A complex symbol v and its conjugate v̄ are algebraically independent (the change of variables
/// (x, y) → (x + iy, x − iy) is invertible), so a rational function of v and v̄ vanishes for all v
/// iff it vanishes with v̄ replaced by an independent variable. This lets the exact test decide
/// identities such as Im(|v|²/(a + iκ)) = −κ|v|²/(a² + κ²) without numerics.
extension Expr {
    var conjugateForm: Expr {
        switch self {
        case .number, .symbol, .constant: return self
        case .function(.re, let y):
            let z = y.conjugateForm
            return (z + .conj(z)) / 2
        case .function(.im, let y):
            let z = y.conjugateForm
            return (z - .conj(z)) / (2 * .i)
        case .function(.conj, let y):
            return .conj(y.conjugateForm)
        case .power(.function(.abs, let y), let n) where (n.integerValue ?? 1) % 2 == 0:
            let z = y.conjugateForm
            return .pow(z * .conj(z), Expr(n.integerValue! / 2))
        default:
            return rebuilt(children.map(\.conjugateForm))
        }
    }
}

extension RationalSkeleton {
    /// True when every atom is a symbol or the conjugate of a symbol: the expression is a rational
    /// function of the symbols and their conjugates, so a non-zero skeleton is a genuine discrepancy.
    var isRationalInSymbolsAndConjugates: Bool {
        compoundAtoms.allSatisfy { atom in
            if case .function(.conj, .symbol) = atom { return true }
            return false
        }
    }
}
