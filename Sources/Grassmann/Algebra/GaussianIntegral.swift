/// Gaussian Berezin integrals ∫∏_i dη̄_i dη_i e^{−η̄ A η} = det A, with the convention of
/// `BerezinIntegral` (∫dη̄ dη e^{−η̄ a η} = a). Three independent routes, so each checks the others:
/// `bruteForce` expands the exponential completely (small n), `berezin` integrates factor by factor
/// in the algebra (n up to ~14), `determinant` eliminates exactly (any n).
public enum GaussianIntegral {
    /// Generator numbering used here: η̄_i = 2i, η_i = 2i + 1.
    public static func bar(_ i: Int) -> Int { 2 * i }
    public static func plain(_ i: Int) -> Int { 2 * i + 1 }

    /// The action η̄ A η = Σ_ij η̄_i A_ij η_j as a Grassmann element.
    public static func bilinear<C: OperatorCoefficient>(_ a: [[C]]) -> GrassmannPolynomial<C> {
        var s = GrassmannPolynomial<C>.zero
        for (i, row) in a.enumerated() {
            for (j, x) in row.enumerated() where !x.isKnownZero {
                s = s + x * GrassmannPolynomial.product([bar(i), plain(j)])
            }
        }
        return s
    }

    /// The measure ∏_i dη̄_i dη_i.
    public static func measure(_ n: Int) -> [Int] {
        BerezinIntegral.pairMeasure(bar: (0..<n).map(bar), plain: (0..<n).map(plain))
    }

    /// ∫∏ dη̄ dη e^{−η̄Aη} by expanding e^{−η̄Aη} completely (C(2n, n) monomials: n ≤ 7).
    public static func bruteForce<C: OperatorCoefficient>(_ a: [[C]]) throws -> C {
        let e = try (-bilinear(a)).exponential()
        return try BerezinIntegral.integrate(e, measure: measure(a.count)).constantTerm
    }

    /// ∫∏ dη̄ dη e^{−η̄Aη} in the algebra, one row at a time: e^{−η̄Aη} = ∏_i (1 − η̄_i Σ_j A_ij η_j), and
    /// η̄_i occurs only in factor i, so ∂_{η̄_i} is taken as soon as factor i is multiplied in; the
    /// intermediate elements have at most C(n, k) monomials. The measure is reordered to
    /// (dη₁ … dη_n)(dη̄₁ … dη̄_n) with the sign of that permutation.
    ///
    /// `insertion` B (any element, placed to the right of the exponential) gives
    /// ∫∏ dη̄ dη e^{−η̄Aη} B: each factor is even and free of the other rows' η̄, so the derivatives
    /// can still be taken one row at a time.
    public static func berezin<C: OperatorCoefficient>(_ a: [[C]], insertion: GrassmannPolynomial<C> = .one) -> C {
        let n = a.count
        var p = insertion
        for i in stride(from: n - 1, through: 0, by: -1) {
            var linear = GrassmannPolynomial<C>.zero
            for (j, x) in a[i].enumerated() where !x.isKnownZero { linear = linear + x * .generator(plain(j)) }
            let factor = GrassmannPolynomial<C>.one - GrassmannPolynomial.generator(bar(i)) * linear
            p = (factor * p).leftDerivative(bar(i))
        }
        for j in stride(from: n - 1, through: 0, by: -1) { p = p.leftDerivative(plain(j)) }
        let reordered = (0..<n).map(plain) + (0..<n).map(bar)
        let sign = BerezinIntegral.reorderingSign(from: measure(n), to: reordered)
        return sign == 1 ? p.constantTerm : -p.constantTerm
    }

    /// det A by exact sparse elimination.
    public static func determinant<C: OperatorCoefficient>(_ a: [[C]]) -> C {
        var entries: [(Int, Int, C)] = []
        for (i, row) in a.enumerated() { for (j, x) in row.enumerated() where !x.isKnownZero { entries.append((i, j, x)) } }
        return SparseElimination(size: a.count, entries: entries).determinant()
    }
}
