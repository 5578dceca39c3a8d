/// Finds how two sides that differ are related: a constant factor (identified exactly when it is a
/// Gaussian rational times 1, π, π², 1/π, 1/π² or √2), a constant difference, complex conjugation
/// (i ↔ −i), or else the symbols on which their ratio depends.
struct RelationFinder {
    /// Names of the two sides: the relation expresses `names.second` in terms of `names.first`.
    let names: (first: String, second: String)
    /// Relative tolerance for "equal" between values at different points.
    let tolerance: BigFloat
    /// Working precision of the values (for the constants π, √2 in the recognition).
    let precision: Int

    struct Found {
        var relation: String
        var detail: String
        /// When the relation is an identity between the sides (second = c·first, second = first + c,
        /// second = ±conj(first)): builds the expression that vanishes if it holds exactly, from
        /// (first, second).
        var residual: ((Expr, Expr) -> Expr)? = nil
    }

    /// `values`: (first, second) at the sample points. `varied(s)`: values at the first point and at
    /// a point differing from it only in `s` (nil when not computable).
    func find(values: [(BigComplex, BigComplex)], symbols: [Symbol],
              varied: (Symbol) -> (base: (BigComplex, BigComplex), moved: (BigComplex, BigComplex))?) -> Found {
        let (f, s) = names
        guard !values.isEmpty else {
            return Found(relation: "\(s) ≠ \(f)", detail: "no point where both sides could be compared")
        }
        let needed = symbols.isEmpty ? 1 : 2
        if values.allSatisfy({ isNegligible($0.1, against: $0.0) }) {
            return Found(relation: "\(s) = 0", detail: "\(s) vanishes at every sample point while \(f) does not")
        }
        if values.allSatisfy({ isNegligible($0.0, against: $0.1) }) {
            return Found(relation: "\(f) = 0", detail: "\(f) vanishes at every sample point while \(s) does not")
        }
        // Constant ratio second/first. A point where both sides vanish is consistent with any ratio
        // (e.g. a common factor 1 − 2f at f = 1/2) and says nothing: it is left out.
        let informative = values.filter { !($0.0.isZero && $0.1.isZero) }
        let ratios = informative.filter { !$0.0.isZero }.map { $0.1 / $0.0 }
        if ratios.count >= needed, ratios.count == informative.count, allEqual(ratios) {
            let c = ratios[0]
            let name = Self.recognize(c, tolerance: tolerance, precision: precision)
            let shown = name?.text ?? c.toString(digits: 15)
            var found = Found(relation: "\(s) = \(shown) × \(f)",
                              detail: "the ratio \(s)/\(f) is the same at all \(ratios.count) sample point(s) where the sides do not both vanish: "
                                  + (name.map { "\($0.text) (to the working precision)" } ?? "\(shown), not a recognised constant"))
            if let k = name?.value { found.residual = { a, b in b - k * a } }
            return found
        }
        // Constant difference second − first.
        let differences = values.map { $0.1 - $0.0 }
        if differences.count >= needed, allEqual(differences) {
            let c = differences[0]
            let recognized = Self.recognize(c, tolerance: tolerance, precision: precision)
            let name = recognized?.text ?? c.toString(digits: 15)
            let relation = name.hasPrefix("-") ? "\(s) = \(f) - \(name.dropFirst())" : "\(s) = \(f) + \(name)"
            var found = Found(relation: relation, detail: "the difference \(s) − \(f) is the same at all \(values.count) sample points: \(name)")
            if let k = recognized?.value { found.residual = { a, b in b - a - k } }
            return found
        }
        // Complex conjugation.
        if !values.allSatisfy({ $0.0.im.isZero }) {
            if values.allSatisfy({ close($0.1, $0.0.conjugate) }) {
                return Found(relation: "\(s) = conj(\(f))", detail: "\(s) is the complex conjugate of \(f) at every sample point (i ↔ −i)",
                             residual: { a, b in b - .conj(a) })
            }
            if values.allSatisfy({ close($0.1, -$0.0.conjugate) }) {
                return Found(relation: "\(s) = -conj(\(f))", detail: "\(s) is minus the complex conjugate of \(f) at every sample point",
                             residual: { a, b in b + .conj(a) })
            }
        }
        // Which symbols does the ratio (or, where a side vanishes, the difference) depend on?
        var dependsOn: [String] = []
        for sym in symbols {
            guard let (b, m) = varied(sym) else { continue }
            let useRatio = !b.0.isZero && !m.0.isZero
            let u = useRatio ? b.1 / b.0 : b.1 - b.0
            let v = useRatio ? m.1 / m.0 : m.1 - m.0
            if !close(u, v) { dependsOn.append(sym.name) }
        }
        let list = dependsOn.isEmpty ? "the sample point" : dependsOn.joined(separator: ", ")
        return Found(relation: "\(s)/\(f) depends on \(list)",
                     detail: "neither the ratio nor the difference of \(s) and \(f) is constant; the ratio \(s)/\(f) depends on \(list)")
    }

    private func close(_ a: BigComplex, _ b: BigComplex) -> Bool {
        let scale = BigFloat.maximum(a.magnitude, b.magnitude)
        return (a - b).magnitude <= scale * tolerance
    }
    private func allEqual(_ xs: [BigComplex]) -> Bool { xs.allSatisfy { close($0, xs[0]) } }
    private func isNegligible(_ a: BigComplex, against b: BigComplex) -> Bool {
        a.isZero || a.magnitude <= b.magnitude * tolerance
    }

    // MARK: Constant recognition

    /// "−2", "1/2*I", "2*pi", "-sqrt(2)", "3/pi^2": c = q·basis with q ∈ Q(i) of denominator ≤ 10⁶
    /// agreeing with c to the relative tolerance; nil when none fits.
    static func recognize(_ c: BigComplex, tolerance: BigFloat, precision p: Int) -> (text: String, value: Expr)? {
        if c.isZero { return ("0", .zero) }
        let pi = BigFloat.pi(precision: p)
        let bases: [(String, BigFloat, Bool, Expr)] = [
            ("", BigFloat(1, precision: p), false, .one), ("pi", pi, false, .pi), ("pi^2", pi * pi, false, .pow(.pi, 2)),
            ("pi", pi, true, .pow(.pi, -1)), ("pi^2", pi * pi, true, .pow(.pi, -2)),
            ("sqrt(2)", BigFloat(2, precision: p).sqrt(), false, .sqrt(Expr(2))),
        ]
        for (name, value, divides, expr) in bases {
            let w = divides ? c * value : BigComplex(c.re / value, c.im / value)
            let bound = w.magnitude * tolerance
            guard let re = rational(near: w.re, within: bound), let im = rational(near: w.im, within: bound) else { continue }
            let q = GaussianRational(re, im)
            return (format(q, basis: name, divides: divides), Expr.number(q) * expr)
        }
        return nil
    }

    static func format(_ q: GaussianRational, basis: String, divides: Bool) -> String {
        if basis.isEmpty { return q.description }
        if divides {
            // n/(d·basis), in the text syntax: "1/(2*pi)", "-3/pi^2", "(1 + I)/pi".
            guard q.isReal else { return "(\(q.description))/\(basis)" }
            let n = q.re.numerator, d = q.re.denominator
            return d == BigInt(1) ? "\(n)/\(basis)" : "\(n)/(\(d)*\(basis))"
        }
        if q == .one { return basis }
        if q == GaussianRational(-1) { return "-" + basis }
        if q.isReal || q.re.isZero { return q.description + "*" + basis }
        return "(\(q.description))*" + basis
    }

    /// The rational of smallest denominator (≤ 10⁶) within `bound` of x, by continued fractions.
    static func rational(near x: BigFloat, within bound: BigFloat) -> BigRational? {
        guard let exact = x.exactRational else { return nil }
        if x.magnitude <= bound { return .zero }
        let limit = BigInt(1_000_000)
        var (h0, h1) = (BigInt(0), BigInt(1))
        var (k0, k1) = (BigInt(1), BigInt(0))
        var r = exact
        for _ in 0..<64 {
            let a = r.floor
            (h0, h1) = (h1, a * h1 + h0)
            (k0, k1) = (k1, a * k1 + k0)
            if limit < k1 { return nil }
            let candidate = BigRational(h1, k1)
            if (BigFloat(exact - candidate, precision: 64)).magnitude <= bound { return candidate }
            let frac = r - BigRational(a)
            if frac.isZero { return nil }
            r = frac.reciprocal
        }
        return nil
    }
}
