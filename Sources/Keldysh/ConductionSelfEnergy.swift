import Symbolic
import Grassmann

/// The conduction-electron self-energy read off the sd part of a Keldysh action, AX(S149)–(S164).
///
/// The action of the conduction electrons is S_c = ∫dt Ψ̄ (G₀⁻¹ − Σ) Ψ (AX(S149), (S150)), so in the sd
/// part S_sd = −∫dt Σ_{s s′ σ′ σ} c̄^s_{σ′} Σ^{s s′}_{σ′σ} c^{s′}_σ the matrix element −Σ^{s s′}_{σ′σ} is
/// the (Grassmann-even) coefficient X of c̄^s_{σ′} … c^{s′}_σ, obtained with left derivatives:
/// X = ∂/∂c^{s′}_σ ∂/∂c̄^s_{σ′} S_sd (for S = c̄ X c with X even, ∂_{c̄} S = X c = c X and ∂_c(c X) = X).
///
/// The self-energy of site a is then written Σ_a^{s s′} = C^{s s′} 𝔻_a^{s s′} with the matrices of
/// AX(S162)–(S164), (𝔻_a^{s s′})_{σ′σ} = d^s_{σ′,a} d̄^{s′}_{σ,a} at the shifts t + sδ, t − s′δ for equal
/// branches (d at t ± δ, d̄ at t ∓ δ) and t for 𝔻^{−+}; `coefficient` returns C^{s s′} and throws when
/// Σ^{s s′} is not proportional to 𝔻^{s s′} for all four spin pairs.
///
/// Conventions: the conduction fields are named `c_up`, `c_dn` (their momentum labels k + q, k and
/// the Fourier factor e^{iq·R_a} of AX(S192) are factored out, and their t ± δ shifts dropped, as in
/// the matrix form AX(S149)); the localized ones `d_up_<site>`, `d_dn_<site>`.
public enum ConductionSelfEnergy {
    public static let conductionNames = ["c_up", "c_dn"]

    /// (𝔻_site^{s s′})_{σ′σ} as a field polynomial, AX(S162)–(S164).
    public static func bilinear(site: String, _ s: Int, _ sp: Int, _ sigmaPrime: Int, _ sigma: Int) -> FieldPolynomial {
        let names = ["d_up_" + site, "d_dn_" + site]
        let (dShift, dbarShift) = s == sp ? (s, -s) : (0, 0)
        let d = ContourField(names[sigmaPrime], conjugate: false, branch: s == 1 ? .plus : .minus, shift: dShift)
        let dbar = ContourField(names[sigma], conjugate: true, branch: sp == 1 ? .plus : .minus, shift: dbarShift)
        return FieldPolynomial(d) * FieldPolynomial(dbar)
    }

    /// C^{s s′} with Σ_site^{s s′} = C^{s s′} 𝔻_site^{s s′}, from the sd action.
    public static func coefficient(action: FieldPolynomial, site: String, _ s: Int, _ sp: Int) throws -> Expr {
        let conduction = Set(conductionNames)
        let unshifted = action.substituting { f in
            var g = f
            if conduction.contains(f.name) { g.shift = 0 }
            return FieldPolynomial(g)
        }
        var fields = unshifted.fields
        for sigmaPrime in 0..<2 { for sigma in 0..<2 { fields.formUnion(bilinear(site: site, s, sp, sigmaPrime, sigma).fields) } }
        for name in conductionNames { for b in [ContourField.Branch.plus, .minus] {
            fields.insert(ContourField(name, conjugate: false, branch: b))
            fields.insert(ContourField(name, conjugate: true, branch: b))
        } }
        let alphabet = FieldAlphabet(fields)
        let g = unshifted.grassmann(alphabet)
        var found: Expr? = nil
        for sigmaPrime in 0..<2 {
            for sigma in 0..<2 {
                let cbar = ContourField(conductionNames[sigmaPrime], conjugate: true, branch: s == 1 ? .plus : .minus)
                let c = ContourField(conductionNames[sigma], conjugate: false, branch: sp == 1 ? .plus : .minus)
                let minusSigma = g.leftDerivative(alphabet.index(cbar)).leftDerivative(alphabet.index(c))
                let basis = bilinear(site: site, s, sp, sigmaPrime, sigma).grassmann(alphabet)
                guard let (monomial, sign) = basis.terms.first, basis.terms.count == 1 else {
                    throw OperationError("internal: 𝔻 is not a single Grassmann monomial")
                }
                let c0 = (-(minusSigma.coefficient(of: monomial)) / sign).expanded().together()
                let remainder = (minusSigma + c0 * basis).mapCoefficients { $0.expanded().together() }
                guard remainder.isZero else {
                    throw OperationError("Σ^{\(s),\(sp)} is not proportional to 𝔻^{\(s),\(sp)} of site \(site): it also contains \(FieldPolynomial(remainder, alphabet))",
                                         fix: "check the sd action (fields c_up, c_dn and d_up_\(site), d_dn_\(site))")
                }
                if let f = found, (f - c0).expanded().together() != .zero {
                    throw OperationError("Σ^{\(s),\(sp)} has different coefficients for different spin components (\(f.text) and \(c0.text)): it is not C·𝔻",
                                         fix: "check the spin sums of the sd action")
                }
                found = found ?? c0
            }
        }
        return found ?? .zero
    }
}
