/// Exact evaluation in the Gaussian rationals Q(i).
extension Expr {
    /// The exact value of this expression when every symbol takes the given Gaussian-rational value.
    ///
    /// Defined for rational expressions: numbers, symbols, sums, products and integer powers, plus
    /// the parts whose value stays in Q(i): `re`, `im`, `conj`; `abs` of a real value, or of a value
    /// whose |z|² is a rational square; even powers of `abs` (|z|^(2k) = (z z̄)^k); exact roots
    /// q^(m/n) of rationals (principal branch for q < 0 and n = 2); and the elementary functions at
    /// the points where they are rational (exp 0 = 1, log 1 = 0, sin 0 = 0, cos 0 = 1, fermi 0 = 1/2, …).
    ///
    /// - Throws: `EvaluationError.notRational` naming the first transcendental part (π, e, exp x, a
    ///   non-integer power without exact root, an uninterpreted call), `.divisionByZero` when a
    ///   denominator vanishes, `.unboundSymbol` when a symbol has no value.
    public func evaluateExactly(at values: [Symbol: GaussianRational]) throws -> GaussianRational {
        try ExactEvaluator(atom: { e in
            if case .symbol(let s) = e {
                guard let v = values[s] else { throw EvaluationError.unboundSymbol(s.name) }
                return v
            }
            return nil
        }).value(self)
    }

    /// The exact value of this closed expression (no symbols); nil if it is not in Q(i).
    public var exactValue: GaussianRational? { try? evaluateExactly(at: [:]) }
}

/// Evaluates the rational skeleton of an expression in Q(i). `atom` supplies the value of a node
/// treated as an independent variable (return nil to evaluate the node structurally).
struct ExactEvaluator {
    let atom: (Expr) throws -> GaussianRational?

    func value(_ e: Expr) throws -> GaussianRational {
        // Only non-structural nodes can be atoms (this keeps lookups off sums and products).
        if !RationalSkeleton.isStructural(e), let v = try atom(e) { return v }
        switch e {
        case .number(let z): return z
        case .symbol(let s): throw EvaluationError.unboundSymbol(s.name)
        case .constant: throw EvaluationError.notRational(evaluationText(e))
        case .sum(let ts):
            var s = GaussianRational.zero
            for t in ts { s += try value(t) }
            return s
        case .product(let fs):
            var p = GaussianRational.one
            for f in fs {
                p *= try value(f)
                if p.isZero { return .zero }
            }
            return p
        case .power(let b, let x):
            return try power(b, x, whole: e)
        case .function(let f, let x):
            return try function(f, x, whole: e)
        case .call:
            throw EvaluationError.notRational(evaluationText(e))
        }
    }

    private func power(_ b: Expr, _ x: Expr, whole: Expr) throws -> GaussianRational {
        guard let q = x.rationalValue else { throw EvaluationError.notRational(evaluationText(whole)) }
        if q.isInteger {
            guard let n = q.numerator.intValue else { throw EvaluationError.notRational(evaluationText(whole)) }
            // |z|^(2k) = (z z̄)^k exactly, whether or not |z| is rational.
            if case .function(.abs, let y) = b, n % 2 == 0, (try atom(b)) == nil {
                let z = try value(y)
                if z.isZero && n < 0 { throw EvaluationError.divisionByZero(evaluationText(whole)) }
                return GaussianRational(z.normSquared.power(n / 2))
            }
            let z = try value(b)
            if z.isZero && n < 0 { throw EvaluationError.divisionByZero(evaluationText(whole)) }
            return z.power(n)
        }
        // Exact roots of rationals: q = m/d; principal branch.
        let z = try value(b)
        guard z.isReal, let m = q.numerator.intValue, let d = q.denominator.intValue else {
            throw EvaluationError.notRational(evaluationText(whole))
        }
        let r = z.re
        if r.isZero {
            if m > 0 { return .zero }
            throw EvaluationError.divisionByZero(evaluationText(whole))
        }
        guard let root = r.magnitude.exactRoot(d) else { throw EvaluationError.notRational(evaluationText(whole)) }
        var base = GaussianRational(root)
        if r.isNegative {
            // (−a)^(1/2) = i √a on the principal branch; other roots of negatives are not in Q(i).
            guard d == 2 else { throw EvaluationError.notRational(evaluationText(whole)) }
            base = base * .i
        }
        if m < 0 && base.isZero { throw EvaluationError.divisionByZero(evaluationText(whole)) }
        return base.power(m)
    }

    private func function(_ f: MathFunction, _ x: Expr, whole: Expr) throws -> GaussianRational {
        switch f {
        case .re: return GaussianRational(try value(x).re)
        case .im: return GaussianRational(try value(x).im)
        case .conj: return try value(x).conjugate
        case .abs:
            let z = try value(x)
            if z.isReal { return GaussianRational(z.re.magnitude) }
            guard let m = z.normSquared.exactRoot(2) else { throw EvaluationError.notRational(evaluationText(whole)) }
            return GaussianRational(m)
        default:
            // Rational only at special points.
            let z = try value(x)
            switch f {
            case .exp, .cos, .cosh:
                if z.isZero { return .one }
            case .sin, .tan, .atan, .sinh, .tanh:
                if z.isZero { return .zero }
            case .log:
                if z == .one { return .zero }
                if z.isZero { throw EvaluationError.domain(evaluationText(whole)) }
            case .fermi:
                if z.isZero { return GaussianRational(BigRational(1, 2)) }
            default: break
            }
            throw EvaluationError.notRational(evaluationText(whole))
        }
    }
}
