import Symbolic

/// The microscopic inputs of one local moment a of the model NC(3) = AX(1)–(2): the d level ε_d,a, the
/// Hubbard repulsion U_a, the light-induced two-particle loss κ_a and the c–d mixing v_a (energies in meV,
/// measured from the bottom of the parabolic conduction band, the origin of ε_F in the integrals).
///
/// Exact rationals: g_a, γ_a (`SdLightDependence`) are computed in exact arithmetic. Double inputs are
/// converted exactly (`BigRational(exactly:)`), so a site built from 0.1 carries the binary value of 0.1.
public struct ImpuritySite: Sendable, Equatable {
    public var epsD: BigRational
    public var hubbardU: BigRational
    public var kappa: BigRational
    public var v: BigRational

    public init(epsD: BigRational, hubbardU: BigRational, kappa: BigRational, v: BigRational) {
        self.epsD = epsD
        self.hubbardU = hubbardU
        self.kappa = kappa
        self.v = v
    }

    /// From Doubles (exact binary values); throws `ModelInputError` for non-finite values.
    public static func meV(epsD: Double, hubbardU: Double, kappa: Double, v: Double) throws -> ImpuritySite {
        func exact(_ name: String, _ x: Double) throws -> BigRational {
            guard let q = BigRational(exactly: x) else {
                throw ModelInputError(parameter: name, value: x, fix: "give a finite number in meV")
            }
            return q
        }
        return ImpuritySite(epsD: try exact("eps_d", epsD), hubbardU: try exact("U", hubbardU),
                  kappa: try exact("kappa", kappa), v: try exact("v", v))
    }

    /// The same site under a different light intensity κ_a.
    public func lit(_ kappa: BigRational) -> ImpuritySite {
        var s = self
        s.kappa = kappa
        return s
    }
}
