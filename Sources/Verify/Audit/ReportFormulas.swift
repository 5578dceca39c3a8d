import Keldysh
import Symbolic

/// How a report shows the formulas of a claim (`printed`, `computed`, `correction`, `relation`): typeset when the
/// text is a formula of the text syntax (MathML for the HTML page, LaTeX `$…$` for Markdown), as text otherwise
/// (classifications such as `chase-and-run`, numbers with units, prose).
enum ReportFormulas {
    /// Typesetting of the field functions of Keldysh derivation files.
    static let calls: [String: MathML.CallStyle] = KeldyshTextSyntax.mathMLStyles

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// MathML content for a formula or a field polynomial (as `FieldPolynomial.description` prints it), else nil.
    static func mathMLContent(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        // Hyphenated lower-case words (`chase-and-run`) are words, not differences (as in `MathML.formulaContent`).
        let words = t.split(separator: "-", omittingEmptySubsequences: false)
        if words.count > 1 && words.allSatisfy({ w in !w.isEmpty && w.allSatisfy { $0.isLetter && $0.isLowercase } }) { return nil }
        if ModelFormulaMathML.isModelFormula(t), let m = ModelFormulaMathML.content(t) { return m }
        if let m = MathML.formulaContent(t, calls: calls) { return m }
        if let m = FieldPolynomial.mathML(description: t) { return m }
        return ModelFormulaMathML.content(t)
    }

    /// The HTML for one formula: `<math>` (with the source text as a tooltip) or `<code>`.
    /// A leading prose part ending in ` = ` (`computed − printed = …`, `S[ψ+ = ψ-] = …`) stays text and the rest is typeset.
    static func html(_ text: String) -> String {
        if let m = mathMLContent(text) {
            return "<span class=\"formula\" title=\"\(escaped(text))\">" + MathML.math(m) + "</span>"
        }
        if let split = text.range(of: " = ", options: .backwards) {
            let head = String(text[..<split.lowerBound]), tail = String(text[split.upperBound...])
            if let m = mathMLContent(tail) {
                return "<span class=\"prose\">\(escaped(head)) =</span> <span class=\"formula\" title=\"\(escaped(tail))\">" + MathML.math(m) + "</span>"
            }
        }
        return "<code>\(escaped(text))</code>"
    }

    /// Markdown: `$…$` (LaTeX of the canonical form) when the text parses as an expression or relation, else a code span.
    /// Text with decimals (numeric results such as `-0.164936 - 0.645942*I`) stays a code span: the canonical form
    /// would turn its decimals into fractions.
    static func markdown(_ text: String) -> String {
        let code = "`" + text.replacingOccurrences(of: "`", with: "'") + "`"
        guard mathMLContent(text) != nil, text.range(of: "[0-9][.][0-9]", options: .regularExpression) == nil else { return code }
        var context = ParseContext.lenient
        context.operations = KeldyshTextSyntax.operations
        if let e = try? context.parse(text) { return "$" + e.latex + "$" }
        if let r = try? context.parseRelation(text) { return "$" + r.latex + "$" }
        return "`" + text.replacingOccurrences(of: "`", with: "'") + "`"
    }
}
