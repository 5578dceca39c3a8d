/// Gaussian Berezin integrals over real (Majorana-type) generators, ∫dθ_{2n} ⋯ dθ₁ e^{½ θᵀAθ} = Pf(A)
/// for an antisymmetric 2n × 2n matrix A, with the convention of `BerezinIntegral` (the differential
/// next to the integrand acts first): for n = 1, ½θᵀAθ = A₁₂θ₁θ₂ and ∫dθ₂dθ₁ A₁₂θ₁θ₂ = A₁₂ = Pf(A).
/// Two independent routes: `berezin` expands the exponential in the algebra (small n), `pfaffian`
/// eliminates exactly; Pf(A)² = det A ties them to `GaussianIntegral.determinant`.
public enum PfaffianIntegral {
    /// ½ θᵀAθ = Σ_{i<j} A_ij θ_i θ_j (generator i is θ_{i+1}).
    public static func quadraticForm<C: OperatorCoefficient>(_ a: [[C]]) -> GrassmannPolynomial<C> {
        var s = GrassmannPolynomial<C>.zero
        for i in a.indices { for j in (i + 1)..<max(i + 1, a.count) where !a[i][j].isKnownZero {
            s = s + a[i][j] * GrassmannPolynomial.product([i, j])
        } }
        return s
    }

    /// Throws unless A is square, of even size and antisymmetric.
    public static func validate<C: OperatorCoefficient>(_ a: [[C]]) throws {
        guard a.allSatisfy({ $0.count == a.count }) else { throw GrassmannError("the matrix of a Pfaffian must be square", fix: "give a 2n × 2n matrix") }
        guard a.count % 2 == 0 else { throw GrassmannError("a Pfaffian needs an even dimension, got \(a.count)", fix: "pair the generators: 2n rows") }
        for i in a.indices { for j in a.indices where !(a[i][j] + a[j][i]).isKnownZero {
            throw GrassmannError("the matrix is not antisymmetric at (\(i + 1), \(j + 1))", fix: "use A_ji = −A_ij and A_ii = 0")
        } }
    }

    /// ∫dθ_{2n} ⋯ dθ₁ e^{½θᵀAθ}, expanding the exponential in the Grassmann algebra (2n ≤ 14).
    public static func berezin<C: OperatorCoefficient>(_ a: [[C]]) throws -> C {
        try validate(a)
        let e = try quadraticForm(a).exponential()
        return try BerezinIntegral.integrate(e, measure: Array(a.indices.reversed())).constantTerm
    }

    /// Pf(A) by exact skew-symmetric elimination: with the pivot block B = [[0, p], [−p, 0]] of rows
    /// k, k+1, Pf(A) = p · Pf(D + CᵀB⁻¹C), i.e. A′_ij = A_ij + (A_{k+1,i}A_{k,j} − A_{k,i}A_{k+1,j})/p;
    /// a swap of rows and columns k+1 ↔ j to find a non-zero pivot changes the sign.
    public static func pfaffian<C: OperatorCoefficient>(_ a: [[C]]) throws -> C {
        try validate(a)
        var m = a
        let n = m.count
        var result = C.one
        var k = 0
        while k < n {
            guard let j = ((k + 1)..<n).first(where: { !m[k][$0].isKnownZero }) else { return .zero }
            if j != k + 1 {
                m.swapAt(k + 1, j)
                for r in m.indices { m[r].swapAt(k + 1, j) }
                result = -result
            }
            let p = m[k][k + 1]
            result = result * p
            for i in (k + 2)..<max(k + 2, n) {
                for jj in (k + 2)..<n {
                    m[i][jj] = m[i][jj] + (m[k + 1][i] * m[k][jj] - m[k][i] * m[k + 1][jj]) / p
                }
            }
            k += 2
        }
        return result
    }
}
