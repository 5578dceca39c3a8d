import Foundation
import Symbolic

/// Reading the keys of the dynamics check kinds (`parameters:`, `seeds:`, `tolerance:`, the number in
/// `printed:`), with errors that name the place and the fix.
enum DynamicsClaimInputs {
    /// `parameters: jAB = 5; T = 9; ratio = 1.1` → the figure-caption parameters with these overrides,
    /// and the γ_B/(α_B|g_B|) ratio if given. Names: jAA jBB jAB alphaA alphaB gB n T ratio.
    static func bilayer(_ claim: Claim) throws -> (BilayerParameters, ratio: Double?, extra: [String: Double]) {
        var p = BilayerParameters.figureCaption
        var ratio: Double? = nil
        var extra: [String: Double] = [:]
        for (name, value, location) in try pairs(claim, key: "parameters") {
            switch name {
            case "jAA": p.jAA = value
            case "jBB": p.jBB = value
            case "jAB": p.jAB = value
            case "alphaA": p.alphaA = value
            case "alphaB": p.alphaB = value
            case "gB": p.gB = value
            case "n": p.filling = value
            case "T": p.temperature = value
            case "ratio": ratio = value
            default:
                if name.hasPrefix("_") { extra[String(name.dropFirst())] = value; continue }
                throw DerivationError(location, "unknown mean-field parameter `\(name)`",
                                      fix: "use jAA, jBB, jAB, alphaA, alphaB, gB, n, T, ratio (= γ_B/(α_B|g_B|))")
            }
        }
        do { try p.validate() } catch let e as ModelInputError {
            throw DerivationError(claim.spec["parameters"]?.location ?? claim.spec.location, e.description, fix: e.fix)
        }
        return (p, ratio, extra)
    }

    /// `name = number` pairs of a key, separated by `;` or `,`.
    static func pairs(_ claim: Claim, key: String) throws -> [(String, Double, SourceLocation)] {
        guard let field = claim.spec[key] else { return [] }
        var out: [(String, Double, SourceLocation)] = []
        for part in field.value.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, let v = Double(pieces[1]) else {
                throw DerivationError(field.location, "expected `name = number` in `\(key):`, found `\(part)`",
                                      fix: "write e.g. `\(key): jAB = 5; T = 9`")
            }
            out.append((pieces[0], v, field.location))
        }
        return out
    }

    /// A plain number key (`seeds: 8`, `ratio-max: 20`).
    static func number(_ claim: Claim, key: String, default value: Double) throws -> Double {
        guard let field = claim.spec[key] else { return value }
        guard let v = Double(field.value.trimmingCharacters(in: .whitespaces)) else {
            throw DerivationError(field.location, "`\(key):` must be a number, found `\(field.value)`", fix: "write e.g. `\(key): 8`")
        }
        return v
    }

    /// `tolerance: 5%` → 0.05 (relative); a bare number is taken as relative too.
    static func tolerance(_ claim: Claim, default value: Double) throws -> Double {
        guard let field = claim.spec["tolerance"] else { return value }
        var text = field.value.trimmingCharacters(in: .whitespaces)
        let percent = text.hasSuffix("%")
        if percent { text.removeLast() }
        guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v >= 0 else {
            throw DerivationError(field.location, "`tolerance:` must be a relative tolerance such as `5%`", fix: "write e.g. `tolerance: 5%`")
        }
        return percent ? v / 100 : v
    }

    /// The number after the last relation sign of `printed:` (`gamma_B/(alpha_B*abs(g_B)) = 1` → 1).
    static func printedNumber(_ claim: Claim) throws -> Double {
        let text = claim.printed.value
        let signs: Set<Character> = ["=", "≃", "≳", "≲", ">", "<", "≈", "~"]
        guard let index = text.lastIndex(where: { signs.contains($0) }),
              let v = Double(text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)) else {
            throw DerivationError(claim.printed.location, "expected `quantity ≃ number` in `printed:`",
                                  fix: "write the paper's statement as e.g. `gamma_B/(alpha_B*abs(g_B)) = 1`")
        }
        return v
    }

    /// "12.3%" style relative deviation.
    static func percent(_ x: Double) -> String { String(format: "%.3g%%", 100 * x) }
    static func fmt(_ x: Double, _ digits: Int = 6) -> String { String(format: "%.\(digits)g", x) }
}
