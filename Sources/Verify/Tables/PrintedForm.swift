import Symbolic

/// A closed form as printed in the paper, transcribed in the text syntax of derivations/README.md
/// and evaluated only by parsing (never hand-coded), in the dimensionless units stated beside it.
/// These are the *printed* formulas, shown next to what the engine computes; they never feed a
/// computation.
public struct PrintedForm: Sendable {
    public let name: String
    /// Where the paper prints it.
    public let equation: String
    /// The transcription.
    public let text: String
    /// The units in which `text` is written (e.g. "g_a g_b n²/ε_F").
    public let units: String

    /// NC main text after Eq. (6) (= AX main text): J_ab = −9π (g_a g_b/ε_F) n² F(2k_F R_ab),
    /// F(x) = (−x cos x + sin x)/x⁴; here x = 2k_F R_ab, units g_a g_b n²/ε_F.
    public static let J = PrintedForm(name: "J", equation: "NC/AX main text after Eq. (6)",
                                      text: "-9*pi*(-x*cos(x) + sin(x))/x^4", units: "g_a g_b n^2/eps_F")
    /// NC/AX main text: Ω_ab = (γ_a/|g_a|) J_ab with the printed J_ab and g_a, g_b < 0, i.e.
    /// −9π γ_a |g_b| n² F(2k_F R)/ε_F; units γ_a |g_b| n²/ε_F.
    public static let Omega = PrintedForm(name: "Omega", equation: "NC/AX main text after Eq. (6), with the printed J_ab",
                                          text: "-9*pi*(-x*cos(x) + sin(x))/x^4", units: "gamma_a |g_b| n^2/eps_F")
    /// NC/AX main text and AX(S222): α_a = (9π²/2) n² (g_a/ε_F)²; units g_a² n²/ε_F².
    public static let alpha = PrintedForm(name: "alpha", equation: "NC/AX main text after Eq. (6), AX(S222)",
                                          text: "9*pi^2/2", units: "g_a^2 n^2/eps_F^2")
    /// NC(17): g_a = −|v_a|²[(ε_d + U − ε_F)/((ε_d + U − ε_F)² + κ²/4) + 1/(ε_F − ε_d)].
    public static let g = PrintedForm(name: "g", equation: "NC(17), AX(15)",
                                      text: "-abs(v)^2*((ed + U - eF)/((ed + U - eF)^2 + kappa^2/4) + 1/(eF - ed))",
                                      units: "energy (units of the inputs)")
    /// NC(18): γ_a = |v_a|² κ_a/((ε_d + U − ε_F)² + κ²/4).
    public static let gamma = PrintedForm(name: "gamma", equation: "NC(18), AX(16)",
                                          text: "abs(v)^2*kappa/((ed + U - eF)^2 + kappa^2/4)",
                                          units: "energy (units of the inputs)")

    public static let all: [String: PrintedForm] = ["J": J, "Omega": Omega, "alpha": alpha, "g": g, "gamma": gamma]

    /// The parsed expression (every name becomes a real symbol).
    public func expression() throws -> Expr {
        do { return try ParseContext(undeclaredNames: .create(.real)).parse(text) } catch {
            throw IntegralError.invalidParameter(name: "printed form \(name)", value: text, requirement: "must parse: \(error)")
        }
    }

    /// Free symbol names of the transcription, sorted.
    public func variables() throws -> [String] { try expression().freeSymbols.map(\.name).sorted() }

    /// The printed form evaluated at exact values, to `digits` digits.
    public func evaluate(at values: [String: BigRational], digits: Int) throws -> DigitsEvaluation {
        let e = try expression()
        var bound: [Symbol: Expr] = [:]
        for s in e.freeSymbols {
            guard let v = values[s.name] else {
                throw IntegralError.invalidParameter(name: s.name, value: "missing",
                                                     requirement: "\(name) needs a value for \(s.name) (give it with --over or --set)")
            }
            bound[s] = Expr(v)
        }
        return try e.evaluate(digits: digits, at: bound)
    }
}
