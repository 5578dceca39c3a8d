/// Berezin integration over Grassmann generators.
///
/// Convention: ∫dη 1 = 0, ∫dη η = 1, i.e. ∫dη is the left derivative ∂/∂η; a multiple integral
/// ∫dθ₁ dθ₂ … dθ_k f = ∂_{θ₁}(∂_{θ₂}(… ∂_{θ_k} f)) — the differential written next to f acts first.
/// With this convention, for one pair, ∫dη̄ dη e^{−η̄ a η} = ∫dη̄ dη (1 + a η η̄) = a, and for n pairs
/// ∫∏_i dη̄_i dη_i e^{−η̄ A η} = det A (`GaussianIntegral`).
public enum BerezinIntegral {
    /// ∫dθ_{measure[0]} dθ_{measure[1]} … f (the last differential acts first).
    /// Throws when a generator appears twice in the measure.
    public static func integrate<C: OperatorCoefficient>(_ f: GrassmannPolynomial<C>, measure: [Int]) throws -> GrassmannPolynomial<C> {
        guard Set(measure).count == measure.count else {
            throw GrassmannError("a generator appears twice in the Berezin measure \(measure)",
                                 fix: "list each differential once")
        }
        var p = f
        for g in measure.reversed() { p = p.leftDerivative(g) }
        return p
    }

    /// The pair measure ∏_i dη̄_i dη_i as a list [η̄₁, η₁, η̄₂, η₂, …] (the convention of AX(S40)).
    public static func pairMeasure(bar: [Int], plain: [Int]) -> [Int] {
        precondition(bar.count == plain.count, "pair measure needs as many barred as plain generators")
        return zip(bar, plain).flatMap { [$0, $1] }
    }

    /// Sign of the permutation that reorders the differentials `from` into `to` (differentials
    /// anticommute, so ∫_{from} = sign · ∫_{to}). Both lists must hold the same generators.
    public static func reorderingSign(from: [Int], to: [Int]) -> Int {
        var position: [Int: Int] = [:]
        for (k, g) in to.enumerated() { position[g] = k }
        let p = from.map { position[$0]! }
        var inversions = 0
        for i in 0..<p.count { for j in (i + 1)..<max(i + 1, p.count) where p[i] > p[j] { inversions += 1 } }
        return inversions % 2 == 0 ? 1 : -1
    }
}
