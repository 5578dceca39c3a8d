import Symbolic

/// MathML of contour fields and field polynomials, and the call styles that typeset the field functions of
/// `KeldyshTextSyntax` in formulas as written (`MathML.formula(_:calls:)`).
///
/// Conventions: ψ_x^s(t ± δ) with s the branch label (+, −) or the Keldysh component (c, q); ψ̄ with a bar;
/// ∂_t^n for derivatives; the spin bilinear m̂_{a,j}^{l₁l₂} and the dot products Σ_j m̂_{a,j} m̂_{b,j} as
/// m̂_a^{l₁l₂}·m̂_b^{l₃l₄} (AX(S211)).
extension ContourField {
    /// The branch label as printed: +, −, c, q.
    static func label(_ b: Branch) -> String { ["+", "−", "c", "q"][b.rawValue] }

    /// The field as MathML content (no `<math>` element), e.g. ∂_t d̄_{↓,a}^{+}(t+δ).
    public var mathML: String {
        var base = MathML.identifier(isConjugate ? Self.barred(name) : name)
        base = "<msup>\(base)<mo>\(Self.label(branch))</mo></msup>"
        if shift != 0 { base += "<mrow><mo>(</mo><mi>t</mi><mo>\(shift > 0 ? "+" : "−")</mo><mi>δ</mi><mo>)</mo></mrow>" }
        if derivative > 0 {
            let d = derivative == 1 ? "<msub><mo>∂</mo><mi>t</mi></msub>" : "<msubsup><mo>∂</mo><mi>t</mi><mn>\(derivative)</mn></msubsup>"
            base = d + base
        }
        return "<mrow>\(base)</mrow>"
    }

    /// `d_dn_a` → `dbar_dn_a` (the bar goes on the head letter; see `MathML.identifier`).
    static func barred(_ name: String) -> String {
        guard let underscore = name.firstIndex(of: "_") else { return name + "bar" }
        return name[..<underscore] + "bar" + name[underscore...]
    }
}

extension FieldPolynomial {
    /// The polynomial as MathML content: coefficient then the ordered fields, terms joined by + and −.
    public var mathML: String {
        if terms.isEmpty { return "<mn>0</mn>" }
        var out = ""
        for (k, t) in terms.enumerated() {
            var c = t.coefficient
            let negative = c.text.hasPrefix("-") && !(MathML.formulaContent(c.text)?.isEmpty ?? true) && Self.isSingleTerm(c)
            if negative { c = -c }
            out += negative ? "<mo>−</mo>" : (k > 0 ? "<mo>+</mo>" : "")
            let fields = t.word.map(\.mathML).joined()
            if c.isOne && !fields.isEmpty {
                out += fields
            } else {
                let coefficient = MathML.formulaContent(c.text) ?? MathML.mi(c.text)
                out += (Self.isSingleTerm(c) || fields.isEmpty ? coefficient : MathML.parenthesized(coefficient)) + fields
            }
        }
        return "<mrow>\(out)</mrow>"
    }

    static func isSingleTerm(_ e: Expr) -> Bool {
        if case .sum = e { return false }
        return true
    }

    /// Reads the `description` form back (`(c)·bar d_dn_a^+ ∂t^1 d_up_a^-(t+δ) + …`) and typesets it; nil when the
    /// text is not in that form. For reports, whose verdicts keep computed polynomials as text.
    public static func mathML(description text: String) -> String? {
        if text == "0" { return "<mn>0</mn>" }
        var terms: [Substring] = [], depth = 0, start = text.startIndex, i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if depth == 0 && text[i...].hasPrefix(" + ") {
                terms.append(text[start..<i])
                i = text.index(i, offsetBy: 3)
                start = i
                continue
            }
            i = text.index(after: i)
        }
        terms.append(text[start...])
        var polynomial = FieldPolynomial()
        for term in terms {
            guard term.hasPrefix("(") else { return nil }
            var depth = 0, close: Substring.Index? = nil
            for j in term.indices {
                if term[j] == "(" { depth += 1 } else if term[j] == ")" { depth -= 1; if depth == 0 { close = j; break } }
            }
            guard let close, let coefficient = try? Expr(parsing: String(term[term.index(after: term.startIndex)..<close])) else { return nil }
            var rest = term[term.index(after: close)...]
            var word: [ContourField] = []
            if !rest.isEmpty {
                guard rest.hasPrefix("·") else { return nil }
                rest = rest.dropFirst()
                var conjugate = false, derivative = 0
                for token in rest.split(separator: " ") {
                    if token == "bar" { conjugate = true; continue }
                    if token.hasPrefix("∂t^"), let n = Int(token.dropFirst(3)) { derivative = n; continue }
                    guard let caret = token.lastIndex(of: "^") else { return nil }
                    let name = String(token[..<caret])
                    var label = token[token.index(after: caret)...]
                    var shift = 0
                    if label.hasSuffix("(t+δ)") { shift = 1; label = label.dropLast(5) } else if label.hasSuffix("(t-δ)") { shift = -1; label = label.dropLast(5) }
                    guard let b = ["+", "-", "c", "q"].firstIndex(of: String(label)), let branch = ContourField.Branch(rawValue: b), !name.isEmpty else { return nil }
                    word.append(ContourField(name, conjugate: conjugate, branch: branch, shift: shift, derivative: derivative))
                    conjugate = false; derivative = 0
                }
            }
            polynomial.terms.append((word, coefficient))
        }
        return polynomial.mathML
    }
}

extension KeldyshTextSyntax {
    /// Call styles for `MathML.formula`: psi, psibar, gr, ddt, spin_m, spin_dot, spin_dot_dt.
    public static let mathMLStyles: [String: MathML.CallStyle] = [
        "psi": { args, typeset in field(args, conjugate: false, typeset) },
        "psibar": { args, typeset in field(args, conjugate: true, typeset) },
        "gr": { args, typeset in "<mrow>" + args.map { typeset($0, true) }.joined() + "</mrow>" },
        "ddt": { args, typeset in args.count == 1 ? "<mrow><msub><mo>∂</mo><mi>t</mi></msub>" + typeset(args[0], true) + "</mrow>" : nil },
        "spin_m": { args, _ in
            guard args.count == 4, let a = name(args[0]), let j = integer(args[1]), let l1 = label(args[2]), let l2 = label(args[3]) else { return nil }
            return "<msubsup>\(mHat)<mrow>\(MathML.identifier(a))<mo>,</mo><mn>\(j)</mn></mrow><mrow><mo>\(l1)</mo><mo>\(l2)</mo></mrow></msubsup>"
        },
        "spin_dot": { args, _ in dot(args, derivative: false) },
        "spin_dot_dt": { args, _ in dot(args, derivative: true) },
    ]

    static let mHat = "<mover accent=\"true\"><mi>m</mi><mo>^</mo></mover>"

    static func name(_ n: SyntaxNode) -> String? { if case .name(let s) = n.kind { return s }; return nil }
    static func integer(_ n: SyntaxNode) -> Int? {
        switch n.kind {
        case .number(let q): return q.isInteger ? q.numerator.intValue : nil
        case .negate(let x): return integer(x).map { -$0 }
        case .sum(let terms) where terms.count == 1: return integer(terms[0].term).map { terms[0].negative ? -$0 : $0 }
        default: return nil
        }
    }
    /// 1 → +, −1 → −, c, q.
    static func label(_ n: SyntaxNode) -> String? {
        if let s = name(n), s == "c" || s == "q" { return s }
        switch integer(n) { case 1: return "+"; case -1: return "−"; default: return nil }
    }

    static func field(_ args: [SyntaxNode], conjugate: Bool, _ typeset: (SyntaxNode, Bool) -> String) -> String? {
        guard args.count == 3, let x = name(args[0]), let s = label(args[1]), let tau = integer(args[2]), (-1...1).contains(tau) else { return nil }
        let base = conjugate ? "<mover accent=\"true\"><mi>ψ</mi><mo>¯</mo></mover>" : "<mi>ψ</mi>"
        var out = "<msubsup>\(base)\(MathML.identifier(x))<mo>\(s)</mo></msubsup>"
        if tau != 0 { out += "<mrow><mo>(</mo><mi>t</mi><mo>\(tau > 0 ? "+" : "−")</mo><mi>δ</mi><mo>)</mo></mrow>" }
        return "<mrow>\(out)</mrow>"
    }

    static func dot(_ args: [SyntaxNode], derivative: Bool) -> String? {
        guard args.count == 6, let a = name(args[0]), let b = name(args[3]),
              let l1 = label(args[1]), let l2 = label(args[2]), let l3 = label(args[4]), let l4 = label(args[5]) else { return nil }
        func m(_ site: String, _ x: String, _ y: String) -> String {
            "<msubsup>\(mHat)\(MathML.identifier(site))<mrow><mo>\(x)</mo><mo>\(y)</mo></mrow></msubsup>"
        }
        let right = (derivative ? "<msub><mo>∂</mo><mi>t</mi></msub>" : "") + m(b, l3, l4)
        return "<mrow>" + m(a, l1, l2) + "<mo>·</mo>" + right + "</mrow>"
    }
}
