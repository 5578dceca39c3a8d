extension Expr {
    /// (Re e, Im e) under the symbols' assumptions, fully reduced for rational expressions:
    /// every non-real piece is first written with real atoms —
    /// a complex symbol z as re(z) + i·im(z) (re(z), im(z) stay as real atoms), conj(u) as
    /// Re u − i Im u, |u| as √(Re²u + Im²u) (|u|^(2k) as (Re²u + Im²u)^k), exp(u) as
    /// e^(Re u)(cos Im u + i sin Im u), sin and cos of complex arguments by the addition theorems,
    /// and any other non-real atom w as re(w) + i·im(w) — then, with e = P/Q over Q(i) in real atoms,
    ///     Re e = Re(P·Q̄)/(Q·Q̄),   Im e = Im(P·Q̄)/(Q·Q̄),
    /// each put in `together()` normal form. Example: for real a, b, Re 1/(a + ib) = a/(a² + b²).
    public func complexParts() -> (re: Expr, im: Expr) {
        let r = ComplexSplitter.realForm(self)
        return ComplexSplitter.parts(ofRealForm: r)
    }

    /// Re e (see `complexParts`).
    public var realPartReduced: Expr { complexParts().re }
    /// Im e (see `complexParts`).
    public var imaginaryPartReduced: Expr { complexParts().im }
}

/// Rewrites expressions so that every atom is real, and splits rational functions in real atoms.
enum ComplexSplitter {
    static func normalForm(_ e: Expr) -> Expr {
        switch e {
        case .number, .symbol, .constant: return e
        default: return e.together()
        }
    }

    /// re(w) + i·im(w) for an opaque w.
    static func opaque(_ w: Expr) -> Expr { .re(w) + .i * .im(w) }

    /// An expression equal to e whose atoms are all known real (numbers may be complex).
    static func realForm(_ e: Expr) -> Expr {
        if e.isKnownReal && isRealAtomTree(e) { return e }
        switch e {
        case .number, .constant: return e
        case .symbol(let s): return s.isReal ? e : opaque(e)
        case .sum(let ts): return .sum(of: ts.map(realForm))
        case .product(let fs): return .product(of: fs.map(realForm))
        case .power(let b, let p):
            if let n = p.integerValue {
                if case .function(.abs, let u) = b, n % 2 == 0 {
                    let (ur, ui) = u.complexParts()
                    return .pow(normalForm(ur * ur + ui * ui), Expr(n / 2))
                }
                return .pow(realForm(b), p)
            }
            return e.isKnownReal ? e : opaque(e)
        case .function(let f, let u):
            switch f {
            case .re: return u.complexParts().re
            case .im: return u.complexParts().im
            case .conj:
                let (ur, ui) = u.complexParts()
                return ur - .i * ui
            case .abs:
                if u.isKnownReal { return e }
                let (ur, ui) = u.complexParts()
                return .sqrt(normalForm(ur * ur + ui * ui))
            case .exp:
                let (ur, ui) = u.complexParts()
                if ui.isZero { return .exp(ur) }
                return .exp(ur) * (.cos(ui) + .i * .sin(ui))
            case .sin:
                let (ur, ui) = u.complexParts()
                if ui.isZero { return .sin(ur) }
                return .sin(ur) * .apply(.cosh, ui) + .i * .cos(ur) * .apply(.sinh, ui)
            case .cos:
                let (ur, ui) = u.complexParts()
                if ui.isZero { return .cos(ur) }
                return .cos(ur) * .apply(.cosh, ui) - .i * .sin(ur) * .apply(.sinh, ui)
            default:
                return e.isKnownReal ? e : opaque(e)
            }
        case .call:
            return opaque(e)
        }
    }

    /// True when e is built from real pieces only: real numbers, real symbols, and functions and
    /// powers of such that are known real (so |z|² or Re z are rewritten, not kept).
    static func isRealAtomTree(_ e: Expr) -> Bool {
        switch e {
        case .number(let z): return z.isReal
        case .constant: return true
        case .symbol(let s): return s.isReal
        case .sum(let xs), .product(let xs): return xs.allSatisfy(isRealAtomTree)
        case .power(let b, let p): return isRealAtomTree(b) && isRealAtomTree(p) && e.isKnownReal
        case .function(_, let u): return isRealAtomTree(u) && e.isKnownReal
        case .call: return false
        }
    }

    /// Re and Im of an expression whose atoms are real.
    static func parts(ofRealForm r: Expr) -> (re: Expr, im: Expr) {
        var f = RationalFunction(r)
        // Defensive: any atom not known to be real is split opaquely and the conversion redone.
        let nonReal = f.variables.filter { !$0.isKnownReal }
        if !nonReal.isEmpty {
            var s = r
            for a in nonReal { s = s.replacing(a, with: opaque(a)) }
            f = RationalFunction(s)
        }
        let p = f.numerator, q = f.denominator
        let qBar = q.conjugateCoefficients
        let realDenominator = qBar == q
        let numerator = realDenominator ? p : p * qBar
        let denominator = realDenominator ? q : q * qBar
        let re = RationalFunction(numerator.realCoefficientPart, denominator.realCoefficientPart).expression
        let im = RationalFunction(numerator.imaginaryCoefficientPart, denominator.realCoefficientPart).expression
        return (re, im)
    }
}
