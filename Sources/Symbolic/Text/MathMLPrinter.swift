/// Printing formulas as MathML (presentation markup), for pages that show formulas as a paper does
/// without JavaScript (browsers render MathML natively).
///
/// Two entry points:
/// - `Expr.mathML`: an expression (printed through its text syntax, so the layout is that of `Expr.text`).
/// - `MathML.formula(_:calls:)`: a formula *as written* in the text syntax — an expression or a relation
///   `lhs REL rhs` — typeset from its parse tree, without resolving names or reordering terms, so that a
///   claim's `printed:` line looks the way its author wrote it. Returns nil when the text does not parse.
///
/// Conventions (shared with `LatexPrinter` where both apply):
/// - Names: `_` starts a subscript (`gamma_B` → γ_B, `J_AB` → J_AB, `eps_d` → ε_d; several parts are joined
///   by commas: `d_dn_a` → d_{↓,a}); spelled-out Greek names become letters (`eps`, `lam` → ε, λ); trailing
///   digits of a name are a subscript (`omega0` → ω₀, `chi2` → χ₂); a head ending in `dot`, `bar`, `hat`,
///   `tilde` takes that accent (`Sdot` → Ṡ, `psibar` → ψ̄); `up`/`dn` in a subscript are the spin arrows ↑/↓.
/// - `I` → i, `pi` → π, `E` → e, `oo` → ∞; `abs(x)` → |x|, `sqrt(x)` → √x, `conj(x)` → x̄, `exp(x)` → e^x
///   (exp(…) for long arguments), `re`/`im` → Re/Im, `fermi(x)` → f(x).
/// - Division `a/b` is a fraction; in a product, factors that are sums stay outside the fraction
///   (`J/2*(x + y)` → (J/2)(x + y)). Minus signs are U+2212.
/// - Calls not listed take the form name(args), unless `calls` gives them a style (see `CallStyle`).
public enum MathML {
    /// Typesets a call `name(args)`: receives the argument trees and a function that typesets a tree
    /// (as an operand: sums come back parenthesised when `operand` is true); returns nil to fall back to name(args).
    public typealias CallStyle = @Sendable (_ arguments: [SyntaxNode], _ typeset: (SyntaxNode, _ operand: Bool) -> String) -> String?

    /// A `<math>` element around `content` (`display`: block layout).
    public static func math(_ content: String, display: Bool = false) -> String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(display ? " display=\"block\"" : "")>" + content + "</math>"
    }

    /// The formula in `text` (an expression or one relation) as a `<math>` element, or nil when it does not parse.
    public static func formula(_ text: String, calls: [String: CallStyle] = [:]) -> String? {
        guard let content = formulaContent(text, calls: calls) else { return nil }
        return math(content)
    }

    /// The inner markup of `formula` (no `<math>` element).
    /// Hyphenated lower-case words without spaces (`chase-and-run`) are words, not differences: nil.
    public static func formulaContent(_ text: String, calls: [String: CallStyle] = [:]) -> String? {
        let words = text.split(separator: "-", omittingEmptySubsequences: false)
        if words.count > 1 && words.allSatisfy({ w in !w.isEmpty && w.allSatisfy { $0.isLetter && $0.isLowercase } }) { return nil }
        let writer = MathMLWriter(calls: calls)
        if var parser = try? Parser(text, origin: .start, maximumDepth: 200), let tree = try? parser.parseWholeExpression() {
            return writer.node(tree)
        }
        if var parser = try? Parser(text, origin: .start, maximumDepth: 200), let (lhs, kind, _, rhs) = try? parser.parseWholeRelation() {
            return writer.node(lhs) + "<mo>\(kind.mathML)</mo>" + writer.node(rhs)
        }
        return nil
    }

    /// A symbol name typeset as an identifier with its subscripts, accents and Greek letters (`gamma_B` → γ_B).
    public static func identifier(_ name: String) -> String { MathMLWriter.identifier(name) }

    /// Escapes `&`, `<`, `>` for text inside MathML elements.
    public static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// `<mi>`, `<mn>`, `<mo>` helpers.
    public static func mi(_ s: String, upright: Bool = false) -> String {
        upright && s.count == 1 ? "<mi mathvariant=\"normal\">\(escaped(s))</mi>" : "<mi>\(escaped(s))</mi>"
    }
    public static func mo(_ s: String) -> String { "<mo>\(escaped(s))</mo>" }
    public static func mn(_ s: String) -> String { "<mn>\(escaped(s))</mn>" }
    public static func row(_ parts: String...) -> String { "<mrow>" + parts.joined() + "</mrow>" }
    /// `(content)` with stretchy parentheses.
    public static func parenthesized(_ content: String) -> String { "<mrow><mo>(</mo>" + content + "<mo>)</mo></mrow>" }
}

extension Expr {
    /// The expression as a MathML `<math>` element (layout of `Expr.text`).
    public var mathML: String { MathML.formula(text) ?? MathML.math(MathML.mi(text)) }
}

extension RelationKind {
    /// The MathML operator (≤, ≥, ≲, ≳, ≃, =, <, >), escaped.
    public var mathML: String {
        switch self {
        case .equal: return "="
        case .less: return "&lt;"
        case .lessOrEqual: return "≤"
        case .greater: return "&gt;"
        case .greaterOrEqual: return "≥"
        case .lessOrApproximatelyEqual: return "≲"
        case .greaterOrApproximatelyEqual: return "≳"
        case .approximatelyEqual: return "≃"
        }
    }
}

/// The typesetter behind `MathML`: one method per kind of syntax node.
struct MathMLWriter {
    let calls: [String: MathML.CallStyle]

    static let invisibleTimes = "<mo>&#x2062;</mo>"
    static let functionApplication = "<mo>&#x2061;</mo>"

    /// Greek names → letters (text-syntax spellings, as in `LatexPrinter.greek`).
    static let greek: [String: String] = {
        var map: [String: String] = [:]
        for (scalar, name) in NameSuggestion.greekNames where map[name] == nil { map[name] = String(scalar) }
        map["eps"] = "ε"; map["epsilon"] = "ε"; map["varepsilon"] = "ε"; map["lambda"] = "λ"; map["Lam"] = "Λ"
        map["pi"] = "π"; map["phi"] = "φ"; map["Gamma"] = "Γ"; map["Delta"] = "Δ"; map["Omega"] = "Ω"; map["Sigma"] = "Σ"
        return map
    }()

    static let accents: [(suffix: String, mark: String)] = [("dot", "˙"), ("bar", "¯"), ("hat", "^"), ("tilde", "~")]

    /// One part of a name: a Greek name, a spin arrow (subscripts only), or the characters as written.
    static func part(_ p: String, inSubscript: Bool) -> String {
        if let g = greek[p] { return g }
        if inSubscript && p == "up" { return "↑" }
        if inSubscript && (p == "dn" || p == "down") { return "↓" }
        return p
    }

    static func identifier(_ rawName: String) -> String {
        if rawName == "oo" || rawName == "∞" { return "<mi>∞</mi>" }
        // Unicode subscript digits: κ₁₂ → κ_12.
        var name = "", inDigits = false
        for s in rawName.unicodeScalars {
            if s.value >= 0x2080 && s.value <= 0x2089 {
                if !inDigits { name += "_" }
                name.unicodeScalars.append(Unicode.Scalar(s.value - 0x2080 + 0x30)!)
                inDigits = true
            } else {
                name.unicodeScalars.append(s)
                inDigits = false
            }
        }
        var parts = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
        guard var head = parts.first else { return MathML.mi(rawName) }
        parts.removeFirst()
        // Trailing digits of the head are a subscript: omega0 → ω_0 (not for a head that is all digits).
        if let firstDigit = head.firstIndex(where: { $0.isASCII && $0.isNumber }), firstDigit != head.startIndex,
           head[firstDigit...].allSatisfy({ $0.isASCII && $0.isNumber }) {
            parts.insert(String(head[firstDigit...]), at: 0)
            head = String(head[..<firstDigit])
        }
        var accent: String? = nil
        for (suffix, mark) in accents where head.count > suffix.count && head.hasSuffix(suffix) {
            head = String(head.dropLast(suffix.count)); accent = mark
            break
        }
        var base = MathML.mi(part(head, inSubscript: false))
        if let accent { base = "<mover accent=\"true\">\(base)<mo>\(accent)</mo></mover>" }
        guard !parts.isEmpty else { return base }
        let sub = parts.map { p -> String in
            let t = part(p, inSubscript: true)
            return t.allSatisfy({ $0.isASCII && $0.isNumber }) ? MathML.mn(t) : MathML.mi(t)
        }.joined(separator: "<mo>,</mo>")
        return "<msub>\(base)<mrow>\(sub)</mrow></msub>"
    }

    // MARK: Nodes

    /// Binding of a printed node: sums need parentheses as factors, products and negations as powers' bases.
    enum Level: Int, Comparable { case sum = 1, product = 2, signed = 3, power = 4, atom = 5
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    static func level(_ n: SyntaxNode) -> Level {
        switch n.kind {
        case .sum(let terms): return terms.count > 1 ? .sum : (terms.first.map { $0.negative ? .signed : level($0.term) } ?? .atom)
        case .product(let fs): return fs.contains { $0.divided } ? .atom : (fs.count > 1 ? .product : (fs.first.map { level($0.factor) } ?? .atom))
        case .negate: return .signed
        case .power: return .power
        case .number(let q): return q.isNegative ? .signed : .atom
        case .name, .call: return .atom
        }
    }

    func node(_ n: SyntaxNode) -> String {
        switch n.kind {
        case .number(let q): return Self.number(q)
        case .name(let s): return Self.name(s)
        case .negate(let x):
            return "<mrow><mo>−</mo>" + (Self.level(x) <= .sum ? MathML.parenthesized(node(x)) : node(x)) + "</mrow>"
        case .sum(let terms):
            var out = ""
            for (k, t) in terms.enumerated() {
                // Only a term that is itself a sum or carries its own sign needs parentheses after an operator.
                let level = Self.level(t.term)
                let body = (level == .sum || level == .signed) && (k > 0 || t.negative) ? MathML.parenthesized(node(t.term)) : node(t.term)
                if k == 0 { out += (t.negative ? "<mo>−</mo>" : "") + body } else { out += (t.negative ? "<mo>−</mo>" : "<mo>+</mo>") + body }
            }
            return "<mrow>" + out + "</mrow>"
        case .product(let factors): return product(factors)
        case .power(let base, let exponent):
            let b = Self.level(base) < .atom ? MathML.parenthesized(node(base)) : node(base)
            return "<msup>" + b + "<mrow>" + node(exponent) + "</mrow></msup>"
        case .call(let name, let args): return call(name, args)
        }
    }

    /// A node as a factor or an argument of an operator: sums (and signed terms) in parentheses.
    func operand(_ n: SyntaxNode, _ parenthesize: Bool = true) -> String {
        parenthesize && Self.level(n) <= .signed ? MathML.parenthesized(node(n)) : node(n)
    }

    static func name(_ s: String) -> String {
        switch s {
        case "I": return "<mi mathvariant=\"normal\">i</mi>"
        case "pi", "π": return "<mi>π</mi>"
        case "E": return "<mi mathvariant=\"normal\">e</mi>"
        default: return identifier(s)
        }
    }

    /// An exact decimal as written (`0.25`, `1.3`); large round numbers as m·10ⁿ (`1e8` → 10⁸).
    static func number(_ q: BigRational) -> String {
        let sign = q.isNegative ? "<mo>−</mo>" : ""
        let m = q.magnitude
        if m.isInteger {
            var digits = m.numerator.description
            var zeros = 0
            while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast(); zeros += 1 }
            if zeros >= 5 {
                let power = "<msup><mn>10</mn><mn>\(zeros)</mn></msup>"
                return "<mrow>" + sign + (digits == "1" ? power : "<mn>\(digits)</mn><mo>·</mo>" + power) + "</mrow>"
            }
            return sign.isEmpty ? "<mn>\(m.numerator)</mn>" : "<mrow>" + sign + "<mn>\(m.numerator)</mn></mrow>"
        }
        // A terminating decimal: denominator 2^a 5^b.
        var d = m.denominator, twos = 0, fives = 0
        while !d.isZero && (d % BigInt(2)).isZero { d = d / BigInt(2); twos += 1 }
        while !d.isZero && (d % BigInt(5)).isZero { d = d / BigInt(5); fives += 1 }
        if d == BigInt(1) {
            let places = max(twos, fives)
            var scale = BigInt(1)
            for _ in 0..<places { scale = scale * BigInt(10) }
            let scaled = (m * BigRational(scale)).numerator.description
            let padded = String(repeating: "0", count: max(0, places + 1 - scaled.count)) + scaled
            let text = padded.dropLast(places) + "." + padded.suffix(places)
            return "<mrow>" + sign + "<mn>\(text)</mn></mrow>"
        }
        return "<mrow>" + sign + "<mfrac><mn>\(m.numerator)</mn><mn>\(m.denominator)</mn></mfrac></mrow>"
    }

    /// Factors multiplied and divided: one fraction of the simple factors, sums multiplied after it.
    /// A name printed as a word of several letters (`eF`, `nfill`): set apart from its neighbours in a product,
    /// so that `U*eF*ed` reads U eF ed, not UeFed.
    static func isWord(_ n: SyntaxNode) -> Bool {
        guard case .name(let s) = n.kind else { return false }
        let head = s.split(separator: "_").first.map(String.init) ?? s
        let letters = head.prefix { !($0.isASCII && $0.isNumber) }
        return letters.count > 1 && greek[String(letters)] == nil && !accents.contains { letters.hasSuffix($0.suffix) }
    }

    func product(_ factors: [(divided: Bool, factor: SyntaxNode)]) -> String {
        let numerator = factors.filter { !$0.divided }.map(\.factor)
        let denominator = factors.filter { $0.divided }.map(\.factor)
        func joined(_ xs: [SyntaxNode], parenthesize: Bool) -> String {
            var out = ""
            for (k, x) in xs.enumerated() {
                if k > 0 {
                    let numbers = { (n: SyntaxNode) -> Bool in if case .number = n.kind { return true }; return false }
                    if numbers(xs[k - 1]) && numbers(x) {
                        out += "<mo>·</mo>"
                    } else if Self.isWord(xs[k - 1]) || Self.isWord(x) {
                        out += Self.invisibleTimes + "<mspace width=\"0.22em\"/>"
                    } else {
                        out += Self.invisibleTimes
                    }
                }
                out += operand(x, parenthesize)
            }
            return out
        }
        if denominator.isEmpty { return "<mrow>" + joined(numerator, parenthesize: true) + "</mrow>" }
        // Sums stay outside the fraction: J/2*(a + b) → (J/2)(a + b); over a number, so do calls:
        // 1/2*gr(…) → ½ ψ̄…, alpha/4*f(x) → (α/4) f(x).
        let overNumber = denominator.allSatisfy { if case .number = $0.kind { return true }; return false }
        func outsideFraction(_ n: SyntaxNode) -> Bool {
            if Self.level(n) <= .sum { return true }
            if overNumber, case .call = n.kind { return true }
            return false
        }
        let inside = numerator.filter { !outsideFraction($0) }, outside = numerator.filter(outsideFraction)
        let top = inside.isEmpty ? "<mn>1</mn>" : joined(inside, parenthesize: inside.count > 1)
        let bottom = joined(denominator, parenthesize: denominator.count > 1)
        let fraction = "<mfrac><mrow>\(top)</mrow><mrow>\(bottom)</mrow></mfrac>"
        if outside.isEmpty { return fraction }
        return "<mrow>" + fraction + Self.invisibleTimes + joined(outside, parenthesize: true) + "</mrow>"
    }

    func call(_ name: String, _ args: [SyntaxNode]) -> String {
        if let style = calls[name], let out = style(args, { operand($0, $1) }) { return out }
        if args.count == 1 {
            let x = args[0], a = node(x)
            switch name {
            case "abs": return "<mrow><mo>|</mo>" + a + "<mo>|</mo></mrow>"
            case "sqrt": return "<msqrt>" + a + "</msqrt>"
            case "conj": return "<mover accent=\"true\"><mrow>" + a + "</mrow><mo>¯</mo></mover>"
            case "exp":
                if Self.level(x) > .sum && a.count < 260 && !a.contains("<mfrac>") {
                    return "<msup><mi mathvariant=\"normal\">e</mi><mrow>" + a + "</mrow></msup>"
                }
                return "<mi>exp</mi>" + Self.functionApplication + MathML.parenthesized(a)
            case "re": return "<mi>Re</mi>" + Self.functionApplication + MathML.parenthesized(a)
            case "im": return "<mi>Im</mi>" + Self.functionApplication + MathML.parenthesized(a)
            case "fermi": return "<mi mathvariant=\"normal\">f</mi>" + Self.functionApplication + MathML.parenthesized(a)
            case "ln", "log", "sin", "cos", "tan", "sinh", "cosh", "tanh":
                return "<mi>\(name)</mi>" + Self.functionApplication + MathML.parenthesized(a)
            case "atan": return "<mi>arctan</mi>" + Self.functionApplication + MathML.parenthesized(a)
            default: break
            }
        }
        let list = args.map { node($0) }.joined(separator: "<mo>,</mo>")
        return "<mrow>" + Self.identifier(name) + Self.functionApplication + MathML.parenthesized(list) + "</mrow>"
    }
}
