import Foundation
import Symbolic

/// MathML of a formula of the model language (operators and superoperators, `ModelSyntax`), for reports:
/// d[up] → d_↑, X' → X†, comm(A, B) → [A, B], anticomm → {A, B}, sum(i in 0..3: X) → Σ_{i=0}^{3} X,
/// kron(A, B) → A ⊗ B, transpose(A) → Aᵀ, conj(A) → A*, dag(X) → X†, trace(X) → tr X, expect(X, ρ) → ⟨X⟩_ρ,
/// ket(d[up]=1) → |d_↑ = 1⟩, bra → ⟨…|, outer(k, l) → |k⟩⟨l|; other calls upright name(args).
/// Names follow `MathML.identifier` (Greek letters, subscripts, spin arrows).
enum ModelFormulaMathML {
    /// Functions of the model language: a formula that calls one is typeset here, not by the scalar printer.
    static let functions: Set<String> = ["dag", "comm", "anticomm", "sum", "ket", "bra", "outer", "proj", "trace", "expect",
                                         "normal_order", "liouvillian", "dissipator", "lindblad", "apply", "adjoint", "left", "right",
                                         "sandwich", "steady_state", "vec", "kron", "transpose", "inner", "nonzero", "eigenvalue",
                                         "effective", "second_order", "fit", "spectrum", "sx", "sy", "sz", "sp", "sm"]

    /// True when the text uses the model syntax (`'`, `[…]`, a model function).
    static func isModelFormula(_ text: String) -> Bool {
        if text.contains("'") || text.contains("[") { return true }
        return functions.contains { text.range(of: "(^|[^A-Za-z0-9_])\($0)\\(", options: .regularExpression) != nil }
    }

    /// The formula's MathML content, or nil when the text is not a model expression.
    static func content(_ text: String) -> String? {
        guard var parser = try? ModelParser(text), let node = try? parser.parseWhole() else { return nil }
        return render(node)
    }

    enum Level: Int, Comparable { case sum = 1, product = 2, signed = 3, power = 4, atom = 5
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    static func level(_ n: ModelNode) -> Level {
        switch n {
        case .binary(let op, _, _, _):
            switch op { case "+", "-": return .sum; case "*": return .product; case "/": return .atom; default: return .power }
        case .negate: return .signed
        case .call("sum", _, _): return .product
        case .call("kron", _, _): return .sum  // A ⊗ B is bracketed as a factor: (A ⊗ B) vec(R)
        default: return .atom
        }
    }

    static func operand(_ n: ModelNode, below: Level) -> String {
        level(n) < below ? MathML.parenthesized(render(n)) : render(n)
    }

    static let upright = "<mi mathvariant=\"normal\">"

    static func render(_ n: ModelNode) -> String {
        switch n {
        case .number(let s, _): return MathML.mn(s)
        case .name(let s, _):
            switch s {
            case "I": return upright + "i</mi>"
            case "pi": return "<mi>π</mi>"
            case "E": return upright + "e</mi>"
            default: return MathML.identifier(s)
            }
        case .index(let base, let indices, _):
            let sub = indices.map(indexLabel).joined(separator: "<mo>,</mo>")
            return "<msub>" + operand(base, below: .atom) + "<mrow>" + sub + "</mrow></msub>"
        case .adjoint(let x, _): return "<msup>" + operand(x, below: .atom) + "<mo>†</mo></msup>"
        case .member(let x, let field, _): return "<mrow>" + render(x) + "<mo>.</mo>" + MathML.mi(field) + "</mrow>"
        case .negate(let x, _): return "<mrow><mo>−</mo>" + operand(x, below: .product) + "</mrow>"
        case .binary(let op, let l, let r, _):
            switch op {
            case "+": return "<mrow>" + render(l) + "<mo>+</mo>" + operand(r, below: .product) + "</mrow>"
            case "-": return "<mrow>" + render(l) + "<mo>−</mo>" + operand(r, below: .product) + "</mrow>"
            case "*": return "<mrow>" + operand(l, below: .product) + "<mo>&#x2062;</mo>" + operand(r, below: .signed) + "</mrow>"
            case "/": return "<mfrac><mrow>" + render(l) + "</mrow><mrow>" + render(r) + "</mrow></mfrac>"
            default: return "<msup>" + operand(l, below: .atom) + "<mrow>" + render(r) + "</mrow></msup>"
            }
        case .list(let items, _): return "<mrow><mo>[</mo>" + items.map(render).joined(separator: "<mo>,</mo>") + "<mo>]</mo></mrow>"
        case .set(let items, _): return "<mrow><mo>{</mo>" + items.map(render).joined(separator: "<mo>,</mo>") + "<mo>}</mo></mrow>"
        case .span(let lo, let hi, _): return "<mrow>" + render(lo) + "<mo>,</mo><mo>…</mo><mo>,</mo>" + render(hi) + "</mrow>"
        case .membership(let v, let set, _): return "<mrow>" + MathML.identifier(v) + "<mo>∈</mo>" + render(set) + "</mrow>"
        case .call(let name, let args, _): return call(name, args)
        }
    }

    /// An index: spin labels as arrows, everything else as typeset.
    static func indexLabel(_ n: ModelNode) -> String {
        if case .name(let s, _) = n, s == "up" || s == "dn" { return "<mi>\(s == "up" ? "↑" : "↓")</mi>" }
        return render(n)
    }

    static func argument(_ a: ModelArgument) -> String {
        switch a.label {
        case nil: return render(a.value)
        case .word(let w)?: return "<mrow><mi mathvariant=\"normal\">\(MathML.escaped(w))</mi><mo>:</mo>" + render(a.value) + "</mrow>"
        case .node(let n)?: return "<mrow>" + render(n) + "<mo>=</mo>" + render(a.value) + "</mrow>"
        }
    }

    static func call(_ name: String, _ args: [ModelArgument]) -> String {
        let plain = args.allSatisfy { $0.label == nil }
        let xs = args.map(\.value)
        func upright(_ s: String) -> String { "<mi mathvariant=\"normal\">\(s)</mi>" }
        if plain {
            switch (name, xs.count) {
            case ("dag", 1): return "<msup>" + operand(xs[0], below: .atom) + "<mo>†</mo></msup>"
            case ("comm", 2): return "<mrow><mo>[</mo>" + render(xs[0]) + "<mo>,</mo>" + render(xs[1]) + "<mo>]</mo></mrow>"
            case ("anticomm", 2): return "<mrow><mo>{</mo>" + render(xs[0]) + "<mo>,</mo>" + render(xs[1]) + "<mo>}</mo></mrow>"
            case ("kron", 2): return "<mrow>" + operand(xs[0], below: .product) + "<mo>⊗</mo>" + operand(xs[1], below: .product) + "</mrow>"
            case ("transpose", 1): return "<msup>" + operand(xs[0], below: .atom) + upright("T") + "</msup>"
            case ("conj", 1): return "<msup>" + operand(xs[0], below: .atom) + "<mo>*</mo></msup>"
            case ("abs", 1): return "<mrow><mo>|</mo>" + render(xs[0]) + "<mo>|</mo></mrow>"
            case ("sqrt", 1): return "<msqrt>" + render(xs[0]) + "</msqrt>"
            case ("trace", 1): return "<mrow><mi>tr</mi><mo>&#x2061;</mo>" + operand(xs[0], below: .atom) + "</mrow>"
            case ("expect", 2): return "<msub><mrow><mo>⟨</mo>" + render(xs[0]) + "<mo>⟩</mo></mrow>" + operand(xs[1], below: .atom) + "</msub>"
            case ("outer", 2):
                // |k⟩⟨l|: a ket as the second argument is written as its bra.
                if case .call("ket", let kArgs, _) = xs[1] { return "<mrow>" + render(xs[0]) + call("bra", kArgs) + "</mrow>" }
                return "<mrow>" + render(xs[0]) + "<msup>" + operand(xs[1], below: .atom) + "<mo>†</mo></msup></mrow>"
            case ("vec", 1), ("exp", 1), ("log", 1), ("sin", 1), ("cos", 1):
                return "<mrow><mi>\(name)</mi><mo>&#x2061;</mo>" + MathML.parenthesized(render(xs[0])) + "</mrow>"
            default: break
            }
        }
        if name == "sum", args.count == 1, case .node(.membership(let v, let set, _))? = args[0].label {
            let limits: String
            if case .span(let lo, let hi, _) = set {
                limits = "<munderover><mo>∑</mo><mrow>" + MathML.identifier(v) + "<mo>=</mo>" + render(lo) + "</mrow><mrow>" + render(hi) + "</mrow></munderover>"
            } else {
                limits = "<munder><mo>∑</mo><mrow>" + MathML.identifier(v) + "<mo>∈</mo>" + render(set) + "</mrow></munder>"
            }
            return "<mrow>" + limits + operand(args[0].value, below: .product) + "</mrow>"
        }
        if name == "ket" || name == "bra" {
            let inside = args.map(argument).joined(separator: "<mo>,</mo>")
            return name == "ket" ? "<mrow><mo>|</mo>" + inside + "<mo>⟩</mo></mrow>" : "<mrow><mo>⟨</mo>" + inside + "<mo>|</mo></mrow>"
        }
        let list = args.map(argument).joined(separator: "<mo>,</mo>")
        return "<mrow><mi>\(MathML.escaped(name))</mi><mo>&#x2061;</mo>" + MathML.parenthesized(list) + "</mrow>"
    }
}
