import Symbolic

/// The paper's momentum integrals as numeric functions for `Expr.call` nodes, so that a derivation
/// claim can write `computed: J_integral(x)` and compare it with a printed closed form through the
/// generic numeric machinery. All are dimensionless (`IntegralConventions.text`):
///
/// | name | arguments | value |
/// |---|---|---|
/// | `rkky_sum` | x [, t] | (ε_F/n²) Σ_{k,q} cos(q·R)(f₊−f₋)/(ε₊−ε₋), the sum in NC(30)–(31) (= −2 J_integral) |
/// | `alpha_sum` | [t] | (ε_F²/n²) Σ_{k,q} (f₊−f₋)/(ε₊−ε₋) δ(ε₊−ε₋), the sum in NC(32) |
/// | `alpha_S222_line` | [t] | the intermediate line of AX(S222) as printed, in units g_a² n²/ε_F² |
/// | `J_integral` | x [, t] | ε_F f_RKKY/n²: J_ab = g_a g_b (n²/ε_F)·J_integral, NC(30), AX(S205), AX(S214) |
/// | `Omega_integral` | x [, t] | ε_F Ω_ab/(γ_a|g_b| n²), NC(31), AX(S215) (the same sum as J) |
/// | `alpha_integral` | [t] | α_a ε_F²/(g_a² n²), NC(32), AX(S221)–(S222) |
/// | `m_dis_integral` | x, t | ε_F m_dis/n², AX(S206) |
/// | `h_dis_integral` | x, t | ε_F h_dis/n², AX(S207) |
/// | `fermi_dirac_half` | t | ∫₀^∞ √x/(e^{(x−1)/t}+1) dx |
///
/// x = 2k_F R > 0, t = k_B T/ε_F ≥ 0 (default 0). Each function evaluates to the requested
/// precision and throws when the quadrature's error estimate does not support it (so a claim
/// becomes inconclusive instead of receiving wrong digits).
public enum IntegralFunctions {
    public static let all: [String: NumericFunction] = [
        "J_integral": { args, prec in try rkky(args, prec, name: "J_integral") },
        "rkky_sum": { args, prec in
            // ε_F/n² Σ_{k,q} cos(q·R)(f₊−f₋)/(ε₊−ε₋) = −2 J_integral (AX(S205))
            let j = try rkky(args, prec + 2, name: "rkky_sum")
            return BigComplex((j.re * -2).rounded(toPrecision: prec))
        },
        "alpha_sum": { args, prec in
            // ε_F²/n² Σ_{k,q} (f₊−f₋)/(ε₊−ε₋) δ(ε₊−ε₋) = −(9/16) ∫₀^∞ ε(−∂f/∂ε) dε
            guard args.count <= 1 else { throw arity("alpha_sum", "alpha_sum() or alpha_sum(t)", args.count) }
            let t = try args.first.map { try real($0, "t", "alpha_sum") } ?? BigFloat(0, precision: prec)
            let r = try accept(GilbertDampingIntegral.energyIntegral(t: t, digits: digits(prec)), prec, "alpha_sum")
            return BigComplex((r.re * -9 / 16).rounded(toPrecision: prec))
        },
        "alpha_S222_line": { args, prec in
            guard args.count <= 1 else { throw arity("alpha_S222_line", "alpha_S222_line() or alpha_S222_line(t)", args.count) }
            let t = try args.first.map { try real($0, "t", "alpha_S222_line") } ?? BigFloat(0, precision: prec)
            return try accept(GilbertDampingS222Line.value(t: t, digits: digits(prec)), prec, "alpha_S222_line")
        },
        "Omega_integral": { args, prec in try rkky(args, prec, name: "Omega_integral") },
        "alpha_integral": { args, prec in
            guard args.count <= 1 else { throw arity("alpha_integral", "alpha_integral() or alpha_integral(t)", args.count) }
            let t = try args.first.map { try real($0, "t", "alpha_integral") } ?? BigFloat(0, precision: prec)
            return try accept(GilbertDampingIntegral.value(t: t, digits: digits(prec)), prec, "alpha_integral")
        },
        "m_dis_integral": { args, prec in
            guard args.count == 2 else { throw arity("m_dis_integral", "m_dis_integral(x, t)", args.count) }
            let x = try real(args[0], "x", "m_dis_integral"), t = try real(args[1], "t", "m_dis_integral")
            return try accept(DissipativeKernelIntegral.value(x: x, t: t, digits: digits(prec)), prec, "m_dis_integral")
        },
        "h_dis_integral": { args, prec in
            guard args.count == 2 else { throw arity("h_dis_integral", "h_dis_integral(x, t)", args.count) }
            let x = try real(args[0], "x", "h_dis_integral"), t = try real(args[1], "t", "h_dis_integral")
            return try accept(DissipativeFieldIntegral.value(x: x, t: t, digits: digits(prec)), prec, "h_dis_integral")
        },
        "fermi_dirac_half": { args, prec in
            guard args.count == 1 else { throw arity("fermi_dirac_half", "fermi_dirac_half(t)", args.count) }
            return try accept(FermiDiracIntegral.value(t: real(args[0], "t", "fermi_dirac_half"), digits: digits(prec)), prec, "fermi_dirac_half")
        },
    ]

    /// The physical domain of each function's arguments, checked when a derivation file is read.
    public static let domains: [String: [ArgumentDomain]] = {
        let x = ArgumentDomain("x = 2 k_F R", .positive, "the on-site sum R = 0 diverges",
                               fix: "give the distance between the moments, x = 2 k_F R > 0 (e.g. 13/5)")
        let t = ArgumentDomain("t = k_B T/ε_F", .nonnegative, "an absolute temperature is ≥ 0",
                               fix: "give t = k_B T/ε_F ≥ 0 (0 for the zero-temperature value)")
        let tPositive = ArgumentDomain("t = k_B T/ε_F", .positive, "the integral is defined for T > 0 only",
                                       fix: "give a positive temperature, e.g. t = 1/100; take the T → 0 limit with decreasing t")
        return ["J_integral": [x, t], "Omega_integral": [x, t], "rkky_sum": [x, t], "m_dis_integral": [x, t], "h_dis_integral": [x, t],
                "alpha_sum": [t], "alpha_S222_line": [t], "alpha_integral": [t], "fermi_dirac_half": [tPositive]]
    }()

    static func rkky(_ args: [BigComplex], _ prec: Int, name: String) throws -> BigComplex {
        guard args.count == 1 || args.count == 2 else { throw arity(name, "\(name)(x) or \(name)(x, t)", args.count) }
        let x = try real(args[0], "x", name)
        let t = args.count == 2 ? try real(args[1], "t", name) : BigFloat(0, precision: prec)
        return try accept(RKKYIntegral.value(x: x, t: t, digits: digits(prec)), prec, name)
    }

    /// Decimal digits that `prec` bits stand for.
    static func digits(_ prec: Int) -> Int { Swift.max(5, Int(Double(prec) * 0.30103)) }

    static func accept(_ r: QuadratureResult, _ prec: Int, _ name: String) throws -> BigComplex {
        let wanted = digits(prec) - 1
        guard r.digits >= wanted else {
            throw OperationError("\(name): quadrature reached \(r.digits) of \(wanted) digits (\(r.rule))",
                                 fix: "request fewer digits")
        }
        return BigComplex(r.value.rounded(toPrecision: prec))
    }

    static func real(_ z: BigComplex, _ param: String, _ name: String) throws -> BigFloat {
        guard z.im.isZero, z.re.isFinite else {
            throw OperationError("\(name): argument \(param) = \(z) must be a finite real number",
                                 fix: "substitute a real value for \(param)")
        }
        return z.re
    }

    static func arity(_ name: String, _ usage: String, _ n: Int) -> OperationError {
        OperationError("\(name) takes \(usage), got \(n) argument(s)", fix: "call it as \(usage)")
    }
}
