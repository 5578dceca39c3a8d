/// The syntax of model expressions in derivation files: everything the scalar text syntax has,
/// plus what operators need —
///
/// | form | meaning |
/// |---|---|
/// | `d[up]`, `c[k, s]`, `n[s]` | a mode of an indexed family, an indexed definition |
/// | `X'` | adjoint, the same as `dag(X)` |
/// | `f(a, right: r)`, `ket(d[up]=1)` | labelled arguments (`label: value`, `mode = occupation`) |
/// | `sum(s in {up, dn}: X)`, `sum(k in 0..3: X)` | a finite sum over an index set |
/// | `[A, B, C]` | a list (slow states, fit states) |
/// | `fit(…).g` | a field of a record |
///
/// A node keeps the character range of its source text, so that a part without any operator
/// syntax is handed to the scalar parser verbatim (the scalar semantics stay exactly those of
/// derivations/README.md) and errors point at file:line:column.
indirect enum ModelNode: Sendable {
    case number(String, Range<Int>)
    case name(String, Range<Int>)
    case call(String, [ModelArgument], Range<Int>)
    case index(ModelNode, [ModelNode], Range<Int>)
    case adjoint(ModelNode, Range<Int>)
    case member(ModelNode, String, Range<Int>)
    case negate(ModelNode, Range<Int>)
    case binary(Character, ModelNode, ModelNode, Range<Int>)
    case list([ModelNode], Range<Int>)
    case set([ModelNode], Range<Int>)
    case span(ModelNode, ModelNode, Range<Int>)
    case membership(String, ModelNode, Range<Int>)

    var range: Range<Int> {
        switch self {
        case .number(_, let r), .name(_, let r), .call(_, _, let r), .index(_, _, let r), .adjoint(_, let r),
             .member(_, _, let r), .negate(_, let r), .binary(_, _, _, let r), .list(_, let r), .set(_, let r),
             .span(_, _, let r), .membership(_, _, let r):
            return r
        }
    }
}

/// An argument of a call: positional (`label` nil), `label: value` or `mode = value`.
struct ModelArgument: Sendable {
    enum Label: Sendable {
        case word(String)
        case node(ModelNode)
    }
    var label: Label?
    var value: ModelNode
}

/// A syntax error at a character offset of the parsed text.
struct ModelSyntaxError: Error {
    var offset: Int
    var message: String
    var fix: String?
}

struct ModelToken: Equatable {
    enum Kind: Equatable { case number, name, symbol, end }
    var kind: Kind
    var text: String
    var range: Range<Int>
}

/// Pratt parser for model expressions (same binding as the scalar syntax: `+ -` < prefix `-` <
/// `* /` < `^`/`**` (right-associative) < postfix `'`, `[…]`, `.field`).
struct ModelParser {
    let characters: [Character]
    var tokens: [ModelToken] = []
    var position = 0

    init(_ text: String) throws {
        characters = Array(text)
        tokens = try Self.lex(characters)
    }

    static func lex(_ c: [Character]) throws -> [ModelToken] {
        var out: [ModelToken] = []
        var i = 0
        func isNameStart(_ ch: Character) -> Bool { ch.isLetter || ch == "_" }
        func isNameBody(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber || ch == "_" }
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            let start = i
            if ch.isNumber && ch.isASCII || (ch == "." && i + 1 < c.count && c[i + 1].isNumber && c[i + 1].isASCII && !(i > 0 && c[i - 1] == ".")) {
                while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 }
                if i + 1 < c.count, c[i] == ".", c[i + 1] != "." { i += 1; while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 } }
                if i < c.count, c[i] == "e" || c[i] == "E" {
                    var j = i + 1
                    if j < c.count, c[j] == "+" || c[j] == "-" { j += 1 }
                    if j < c.count, c[j].isASCII, c[j].isNumber {
                        i = j
                        while i < c.count, c[i].isASCII, c[i].isNumber { i += 1 }
                    }
                }
                out.append(ModelToken(kind: .number, text: String(c[start..<i]), range: start..<i))
            } else if isNameStart(ch) {
                while i < c.count, isNameBody(c[i]) { i += 1 }
                out.append(ModelToken(kind: .name, text: String(c[start..<i]), range: start..<i))
            } else {
                let two = i + 1 < c.count ? String(c[i...(i + 1)]) : ""
                if two == "**" || two == ".." || two == "==" {
                    out.append(ModelToken(kind: .symbol, text: two == "**" ? "^" : two, range: i..<(i + 2)))
                    i += 2
                } else if "+-*/^()[]{},:='.".contains(ch) {
                    out.append(ModelToken(kind: .symbol, text: String(ch), range: i..<(i + 1)))
                    i += 1
                } else if ch == "−" || ch == "–" {
                    out.append(ModelToken(kind: .symbol, text: "-", range: i..<(i + 1)))
                    i += 1
                } else if ch == "†" {
                    out.append(ModelToken(kind: .symbol, text: "'", range: i..<(i + 1)))
                    i += 1
                } else if ch == "×" || ch == "·" {
                    out.append(ModelToken(kind: .symbol, text: "*", range: i..<(i + 1)))
                    i += 1
                } else {
                    throw ModelSyntaxError(offset: i, message: "unexpected character `\(ch)`", fix: "see derivations/README.md for the model syntax")
                }
            }
        }
        out.append(ModelToken(kind: .end, text: "", range: c.count..<c.count))
        return out
    }

    var current: ModelToken { tokens[position] }
    mutating func advance() -> ModelToken {
        let t = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return t
    }
    func isSymbol(_ s: String) -> Bool { current.kind == .symbol && current.text == s }
    mutating func expect(_ s: String, _ what: String) throws {
        guard isSymbol(s) else {
            throw ModelSyntaxError(offset: current.range.lowerBound, message: "expected `\(s)` \(what)" + (current.kind == .end ? ", found the end" : ", found `\(current.text)`"))
        }
        _ = advance()
    }

    mutating func parseWhole() throws -> ModelNode {
        if current.kind == .end { throw ModelSyntaxError(offset: 0, message: "empty expression", fix: "write an expression") }
        let node = try parseExpression(0)
        guard current.kind == .end else {
            throw ModelSyntaxError(offset: current.range.lowerBound, message: "unexpected `\(current.text)`")
        }
        return node
    }

    static func infixPower(_ t: ModelToken) -> Int {
        guard t.kind == .symbol else { return 0 }
        switch t.text {
        case "+", "-": return 10
        case "*", "/": return 20
        case "^": return 40
        default: return 0
        }
    }

    mutating func parseExpression(_ minimum: Int) throws -> ModelNode {
        var lhs = try parsePrefix()
        while true {
            let t = current
            let power = Self.infixPower(t)
            guard power > minimum else { break }
            _ = advance()
            // `^` is right-associative and its right operand may carry a sign.
            let rhs = t.text == "^" ? try parseExpression(power - 1) : try parseExpression(power)
            lhs = .binary(Character(t.text), lhs, rhs, lhs.range.lowerBound..<rhs.range.upperBound)
        }
        return lhs
    }

    mutating func parsePrefix() throws -> ModelNode {
        if isSymbol("-") || isSymbol("+") {
            let sign = advance()
            let operand = try parseExpression(15)
            return sign.text == "-" ? .negate(operand, sign.range.lowerBound..<operand.range.upperBound) : operand
        }
        return try parsePostfix(try parseOperand())
    }

    mutating func parsePostfix(_ base: ModelNode) throws -> ModelNode {
        var node = base
        while true {
            if isSymbol("'") {
                let t = advance()
                node = .adjoint(node, node.range.lowerBound..<t.range.upperBound)
            } else if isSymbol("[") {
                _ = advance()
                var indices: [ModelNode] = []
                while true {
                    indices.append(try parseExpression(0))
                    if isSymbol(",") { _ = advance(); continue }
                    break
                }
                let close = current
                try expect("]", "to close the index")
                node = .index(node, indices, node.range.lowerBound..<close.range.upperBound)
            } else if isSymbol("."), tokens[position + 1].kind == .name {
                _ = advance()
                let field = advance()
                node = .member(node, field.text, node.range.lowerBound..<field.range.upperBound)
            } else {
                return node
            }
        }
    }

    mutating func parseOperand() throws -> ModelNode {
        let t = advance()
        switch t.kind {
        case .number:
            return .number(t.text, t.range)
        case .name:
            if isSymbol("(") {
                _ = advance()
                var arguments: [ModelArgument] = []
                if !isSymbol(")") {
                    while true {
                        arguments.append(try parseArgument())
                        if isSymbol(",") { _ = advance(); continue }
                        break
                    }
                }
                let close = current
                try expect(")", "to close the call of `\(t.text)`")
                return .call(t.text, arguments, t.range.lowerBound..<close.range.upperBound)
            }
            return .name(t.text, t.range)
        case .symbol where t.text == "(":
            let inner = try parseExpression(0)
            let close = current
            try expect(")", "to close the parenthesis")
            // Keep the parentheses in the range, so that the scalar text of `(a+b)` stays grouped.
            return Self.regrouped(inner, t.range.lowerBound..<close.range.upperBound)
        case .symbol where t.text == "[" || t.text == "{":
            let closing = t.text == "[" ? "]" : "}"
            var items: [ModelNode] = []
            if !isSymbol(closing) {
                while true {
                    items.append(try parseExpression(0))
                    if isSymbol(",") { _ = advance(); continue }
                    break
                }
            }
            let close = current
            try expect(closing, "to close the \(t.text == "[" ? "list" : "set")")
            return t.text == "[" ? .list(items, t.range.lowerBound..<close.range.upperBound) : .set(items, t.range.lowerBound..<close.range.upperBound)
        case .end:
            throw ModelSyntaxError(offset: t.range.lowerBound, message: "unexpected end of the expression", fix: "complete the expression")
        default:
            throw ModelSyntaxError(offset: t.range.lowerBound, message: "unexpected `\(t.text)`")
        }
    }

    /// `label: value`, `mode = value`, `i in S: body`, `lo..hi`, or a plain value.
    mutating func parseArgument() throws -> ModelArgument {
        if current.kind == .name, tokens[position + 1].kind == .name, tokens[position + 1].text == "in" {
            let variable = advance()
            _ = advance()
            let set = try parseRange()
            try expect(":", "after `\(variable.text) in …` (write `sum(\(variable.text) in S: expression)`)")
            let body = try parseExpression(0)
            return ModelArgument(label: .node(.membership(variable.text, set, variable.range.lowerBound..<set.range.upperBound)), value: body)
        }
        if current.kind == .name, tokens[position + 1].kind == .symbol, tokens[position + 1].text == ":" {
            let label = advance()
            _ = advance()
            return ModelArgument(label: .word(label.text), value: try parseRange())
        }
        let value = try parseRange()
        if isSymbol("=") {
            _ = advance()
            return ModelArgument(label: .node(value), value: try parseExpression(0))
        }
        return ModelArgument(label: nil, value: value)
    }

    mutating func parseRange() throws -> ModelNode {
        let lo = try parseExpression(0)
        if isSymbol("..") {
            _ = advance()
            let hi = try parseExpression(0)
            return .span(lo, hi, lo.range.lowerBound..<hi.range.upperBound)
        }
        return lo
    }

    static func regrouped(_ node: ModelNode, _ range: Range<Int>) -> ModelNode {
        switch node {
        case .number(let s, _): return .number(s, range)
        case .name(let s, _): return .name(s, range)
        case .call(let n, let a, _): return .call(n, a, range)
        case .index(let b, let i, _): return .index(b, i, range)
        case .adjoint(let x, _): return .adjoint(x, range)
        case .member(let x, let f, _): return .member(x, f, range)
        case .negate(let x, _): return .negate(x, range)
        case .binary(let o, let l, let r, _): return .binary(o, l, r, range)
        case .list(let i, _): return .list(i, range)
        case .set(let i, _): return .set(i, range)
        case .span(let l, let h, _): return .span(l, h, range)
        case .membership(let v, let s, _): return .membership(v, s, range)
        }
    }
}
