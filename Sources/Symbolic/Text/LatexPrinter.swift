/// Printing an expression as LaTeX (math mode, no surrounding `$`).
///
/// Conventions: `\frac{a}{b}` for denominators, `^{…}`, `\left( \right)`; `\mathrm{i}` for I,
/// `\mathrm{e}` for E, `\pi`, `\infty` for `oo`; Greek names mapped (`kappa` → `\kappa`,
/// `eps_d` → `\varepsilon_{d}`, `lam` → `\lambda`, Unicode `κ` → `\kappa`); `_` starts a subscript;
/// multi-letter names upright (`\mathrm{ek}`); `\sqrt{x}`; `\left\lvert z \right\rvert` for abs,
/// `\operatorname{Re}`, `\operatorname{Im}`, `\overline{z}` for conj, `\mathrm{f}` for the Fermi function.
extension Expr {
    /// The expression as LaTeX, e.g. `-\left\lvert v \right\rvert^{2} \left(\frac{1}{…} + …\right)`.
    public var latex: String { LatexPrinter.render(self).text }
}

enum LatexPrinter {
    typealias Rendered = (text: String, level: PrintLevel)

    /// Spelled-out Greek names (as written in the text syntax) and their LaTeX commands.
    static let greek: [String: String] = {
        var map: [String: String] = [:]
        for name in ["alpha", "beta", "gamma", "delta", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
                     "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
                     "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"] {
            map[name] = "\\" + name
        }
        map["eps"] = "\\varepsilon"
        map["epsilon"] = "\\varepsilon"
        map["lam"] = "\\lambda"
        map["Lam"] = "\\Lambda"
        return map
    }()

    /// Greek letters typed directly.
    static let greekScalars: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [:]
        for (scalar, name) in NameSuggestion.greekNames { map[scalar] = greek[name] ?? "\\" + name }
        map["π"] = "\\pi"
        return map
    }()

    /// One part of a name: a Greek letter name, a single character, or an upright word.
    static func namePart(_ part: String, upright: Bool) -> String {
        if let g = greek[part] { return g }
        var out = "", word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let plain = word.unicodeScalars.count == 1 || word.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
            out += plain ? word : "\\mathrm{\(word)}"
            word = ""
        }
        for s in part.unicodeScalars {
            if let g = greekScalars[s] { flush(); out += out.isEmpty ? g : g + " "; continue }
            if s == "∞" { flush(); out += "\\infty"; continue }
            word.unicodeScalars.append(s)
        }
        flush()
        return out
    }

    /// A symbol or function name: `eps_d` → `\varepsilon_{d}`, `lam_ap` → `\lambda_{\mathrm{ap}}`,
    /// `ek` → `\mathrm{ek}`, `x` → `x`, `oo` → `\infty`.
    static func name(_ rawName: String) -> String {
        if rawName == "oo" { return "\\infty" }
        // Subscript digits become a subscript: κ₁₂ → κ_12.
        var name = "", inSubscript = false
        for s in rawName.unicodeScalars {
            if s.value >= 0x2080 && s.value <= 0x2089 {
                if !inSubscript { name += "_" }
                name.unicodeScalars.append(Unicode.Scalar(s.value - 0x2080 + 0x30)!)
                inSubscript = true
            } else {
                name.unicodeScalars.append(s)
                inSubscript = false
            }
        }
        let parts = name.split(separator: "_", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, !head.isEmpty else { return "\\mathrm{\(escaped(name))}" }
        var out = namePart(escaped(head), upright: true)
        let subscripts = parts.dropFirst().filter { !$0.isEmpty }.map { namePart(escaped($0), upright: true) }
        if !subscripts.isEmpty { out += "_{" + subscripts.joined(separator: ",") + "}" }
        return out
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "#", "$", "%", "&", "{", "}": out += "\\\(ch)"
            case "\\": out += "\\backslash "
            case "'": out += "'"
            default: out.append(ch)
            }
        }
        return out
    }

    static func group(_ r: Rendered) -> String { "\\left(" + r.text + "\\right)" }

    static func render(_ e: Expr) -> Rendered {
        switch e {
        case .number(let z): return number(z)
        case .symbol(let s): return (name(s.name), .atom)
        case .constant(.pi): return ("\\pi", .atom)
        case .constant(.e): return ("\\mathrm{e}", .atom)
        case .sum(let terms): return sum(terms)
        case .product: return product(e)
        case .power(let b, let x):
            if TextPrinter.isNegative(x) { return product(e) }
            return power(b, x)
        case .function(let f, let x): return function(f, x)
        case .call(let n, let args):
            return (name(n) + "\\left(" + args.map { render($0).text }.joined(separator: ", ") + "\\right)", .atom)
        }
    }

    static func rational(_ q: BigRational) -> Rendered {
        let m = q.magnitude
        let body: Rendered = m.isInteger ? (m.numerator.description, .atom) : ("\\frac{\(m.numerator)}{\(m.denominator)}", .atom)
        return q.isNegative ? ("-" + body.text, .signed) : body
    }

    static func number(_ z: GaussianRational) -> Rendered {
        if z.im.isZero { return rational(z.re) }
        if z.re.isZero { return imaginary(z.im) }
        let im = imaginary(z.im.magnitude).text
        return (rational(z.re).text + (z.im.isNegative ? " - " : " + ") + im, .sum)
    }

    static func imaginary(_ b: BigRational) -> Rendered {
        let m = b.magnitude
        var text = m.numerator == BigInt(1) ? "\\mathrm{i}" : "\(m.numerator) \\mathrm{i}"
        if m.denominator != BigInt(1) { text = "\\frac{\(text)}{\(m.denominator)}" }
        return b.isNegative ? ("-" + text, .signed) : (text, m.numerator == BigInt(1) && m.denominator == BigInt(1) ? .atom : .product)
    }

    static func sum(_ terms: [Expr]) -> Rendered {
        var ordered: [Expr] = []
        var constant: GaussianRational? = nil
        for t in terms {
            if case .number(let z) = t { constant = z } else { ordered.append(t) }
        }
        if let z = constant {
            if !z.re.isZero { ordered.append(.number(GaussianRational(z.re))) }
            if !z.im.isZero { ordered.append(.number(GaussianRational(.zero, z.im))) }
        }
        var signed = ordered.map { t -> (Bool, String) in
            let negative = TextPrinter.isNegative(t)
            let r = render(negative ? -t : t)
            return (negative, r.level <= .sum ? group(r) : r.text)
        }
        if signed.first?.0 == true, let k = signed.firstIndex(where: { !$0.0 }) {
            signed.insert(signed.remove(at: k), at: 0)
        }
        var text = signed[0].0 ? "-" + signed[0].1 : signed[0].1
        for (negative, body) in signed.dropFirst() { text += (negative ? " - " : " + ") + body }
        return (text, .sum)
    }

    static func product(_ e: Expr) -> Rendered {
        let (c, rest) = e.coefficientAndRest
        let factors: [Expr]
        if case .product(let fs) = rest { factors = fs } else { factors = [rest] }
        var numerator: [Rendered] = []
        var denominator: [Rendered] = []
        var negative = false
        if c.im.isZero || c.re.isZero {
            let q = c.im.isZero ? c.re : c.im
            negative = q.isNegative
            let m = q.magnitude
            if m.numerator != BigInt(1) { numerator.append((m.numerator.description, .atom)) }
            if !c.im.isZero { numerator.append(("\\mathrm{i}", .atom)) }
            if m.denominator != BigInt(1) { denominator.append((m.denominator.description, .atom)) }
        } else {
            numerator.append((group(number(c)), .atom))
        }
        var grouped: [String: String] = [:]
        for f in factors where !f.isOne {
            if case .power(let b, let x) = f, TextPrinter.isNegative(x) {
                let r = power(b, -x)
                if r.level <= .product { grouped[group(r)] = r.text }
                denominator.append(r)
            } else {
                let r = render(f)
                if r.level <= .product { grouped[group(r)] = r.text }
                numerator.append(r.level <= .product ? (group(r), .atom) : r)
            }
        }
        func joined(_ parts: [Rendered]) -> String {
            var out = ""
            for (k, p) in parts.enumerated() {
                if k > 0 {
                    // Two numbers side by side need an explicit product sign.
                    let previousIsDigit = parts[k - 1].text.last?.isNumber == true
                    let nextIsDigit = p.text.first?.isNumber == true
                    out += previousIsDigit && nextIsDigit ? " \\cdot " : " "
                }
                out += p.text
            }
            return out
        }
        var text: String
        var level: PrintLevel = .product
        if denominator.isEmpty {
            text = joined(numerator)
            if numerator.count == 1 { level = numerator[0].level }
        } else {
            // Inside \frac a lone sum needs no parentheses: (a+b)/(c+d) → \frac{a + b}{c + d}.
            func part(_ items: [Rendered]) -> String {
                if items.count == 1 { return grouped[items[0].text] ?? items[0].text }
                return joined(items.map { $0.level <= .product ? (group($0), .atom) : $0 })
            }
            let top = numerator.isEmpty ? "1" : part(numerator)
            let bottom = part(denominator)
            text = "\\frac{\(top)}{\(bottom)}"
            level = .atom
        }
        if negative { return ("-" + text, .signed) }
        return (text, level)
    }

    static func power(_ base: Expr, _ exponent: Expr) -> Rendered {
        if exponent.isOne { return render(base) }
        let b = render(base)
        if exponent == .half { return ("\\sqrt{\(b.text)}", .atom) }
        if let q = exponent.rationalValue, q.numerator == BigInt(1), let n = q.denominator.intValue, n > 2 {
            return ("\\sqrt[\(n)]{\(b.text)}", .atom)
        }
        let baseText: String
        switch base {
        case .symbol, .constant, .call: baseText = b.text
        case .number(let z) where z.isReal && !z.re.isNegative && z.re.isInteger: baseText = b.text
        case .function(.abs, _), .function(.conj, _): baseText = b.text
        default: baseText = group(b)
        }
        // Rational exponents inline: x^{2/3}.
        let exponentText: String
        if let q = exponent.rationalValue, !q.isInteger {
            exponentText = (q.isNegative ? "-" : "") + "\(q.magnitude.numerator)/\(q.magnitude.denominator)"
        } else {
            exponentText = render(exponent).text
        }
        return ("\(baseText)^{\(exponentText)}", .power)
    }

    static func function(_ f: MathFunction, _ x: Expr) -> Rendered {
        let a = render(x)
        switch f {
        case .abs: return ("\\left\\lvert " + a.text + " \\right\\rvert", .atom)
        case .conj: return ("\\overline{" + a.text + "}", .atom)
        case .re: return ("\\operatorname{Re}" + group(a), .atom)
        case .im: return ("\\operatorname{Im}" + group(a), .atom)
        case .fermi: return ("\\mathrm{f}" + group(a), .atom)
        case .exp:
            // e^{x} for short arguments, \exp(…) for sums and fractions.
            if case .sum = x { return ("\\exp" + group(a), .atom) }
            if a.text.contains("\\frac") || a.text.count > 24 { return ("\\exp" + group(a), .atom) }
            return ("\\mathrm{e}^{" + a.text + "}", .power)
        case .atan: return ("\\arctan" + group(a), .atom)
        case .log, .sin, .cos, .tan, .sinh, .cosh, .tanh: return ("\\" + f.rawValue + group(a), .atom)
        }
    }
}
