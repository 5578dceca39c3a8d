/// Printing an expression in the text syntax, with minimal parentheses.
///
/// Round trip: for every canonical `e` whose symbols are declared in a context (or created as
/// complex symbols), `context.parse(e.text) == e`. Sums lead with a positive term when there is
/// one (`eF - ed`, not `-ed + eF`), differences print as `x - y`, reciprocal powers go to a
/// denominator (`x/(2*y^2)`), x^(1/2) prints as `sqrt(x)`.
extension Expr {
    /// The expression in the text syntax, e.g. `-abs(v)^2*(1/(eF - ed) + 1/(U - eF + ed))`.
    public var text: String { TextPrinter.render(self).text }
}

extension Expr: CustomStringConvertible {
    /// The text syntax (`Expr.text`).
    public var description: String { text }
}

/// Binding levels of printed forms, loosest first.
enum PrintLevel: Int, Comparable {
    /// a + b
    case sum = 1
    /// a*b, a/b
    case product = 2
    /// -a (a leading minus sign)
    case signed = 3
    /// a^b
    case power = 4
    /// names, positive integers, calls, parenthesised forms
    case atom = 5

    static func < (a: PrintLevel, b: PrintLevel) -> Bool { a.rawValue < b.rawValue }
}

enum TextPrinter {
    typealias Rendered = (text: String, level: PrintLevel)

    static func parenthesized(_ r: Rendered) -> String { "(" + r.text + ")" }

    static func render(_ e: Expr) -> Rendered {
        switch e {
        case .number(let z): return number(z)
        case .symbol(let s): return (s.name, .atom)
        case .constant(.pi): return ("pi", .atom)
        case .constant(.e): return ("E", .atom)
        case .sum(let terms): return sum(terms)
        case .product: return product(e)
        case .power(let b, let x):
            if isNegative(x) { return product(e) }
            return power(b, x)
        case .function(let f, let x): return ("\(f.rawValue)(\(render(x).text))", .atom)
        case .call(let name, let args): return ("\(name)(\(args.map { render($0).text }.joined(separator: ", ")))", .atom)
        }
    }

    /// True when the leading coefficient is a negative rational or a negative multiple of i:
    /// such a term prints with a leading minus.
    static func isNegative(_ e: Expr) -> Bool {
        let c: GaussianRational
        switch e {
        case .number(let z): c = z
        case .product: c = e.coefficientAndRest.0
        default: return false
        }
        return c.im.isZero ? c.re.isNegative : (c.re.isZero && c.im.isNegative)
    }

    static func rational(_ q: BigRational) -> Rendered {
        let magnitude = q.magnitude
        let body = magnitude.isInteger ? (magnitude.numerator.description, PrintLevel.atom)
                                       : ("\(magnitude.numerator)/\(magnitude.denominator)", PrintLevel.product)
        return q.isNegative ? ("-" + body.0, .signed) : body
    }

    static func number(_ z: GaussianRational) -> Rendered {
        if z.im.isZero { return rational(z.re) }
        if z.re.isZero { return imaginary(z.im) }
        let real = rational(z.re).text
        let im = imaginary(z.im.magnitude).text
        return (real + (z.im.isNegative ? " - " : " + ") + im, .sum)
    }

    /// b·i: `I`, `-I`, `2*I`, `I/2`, `3*I/2`.
    static func imaginary(_ b: BigRational) -> Rendered {
        let m = b.magnitude
        var text = m.numerator == BigInt(1) ? "I" : "\(m.numerator)*I"
        var level: PrintLevel = m.numerator == BigInt(1) ? .atom : .product
        if m.denominator != BigInt(1) { text += "/\(m.denominator)"; level = .product }
        return b.isNegative ? ("-" + text, .signed) : (text, level)
    }

    static func sum(_ terms: [Expr]) -> Rendered {
        // Numbers last (split into real and imaginary parts), the rest in canonical order.
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
            let negative = isNegative(t)
            let r = render(negative ? -t : t)
            return (negative, r.level <= .sum ? parenthesized(r) : r.text)
        }
        if signed.first?.0 == true, let k = signed.firstIndex(where: { !$0.0 }) {
            signed.insert(signed.remove(at: k), at: 0)
        }
        var text = signed[0].0 ? "-" + signed[0].1 : signed[0].1
        for (negative, body) in signed.dropFirst() {
            text += (negative ? " - " : " + ") + body
        }
        return (text, .sum)
    }

    /// A product (or a power with negative exponent) as numerator/denominator.
    static func product(_ e: Expr) -> Rendered {
        let (c, rest) = e.coefficientAndRest
        let factors: [Expr]
        if case .product(let fs) = rest { factors = fs } else { factors = [rest] }
        var numerator: [Rendered] = []
        var denominator: [Rendered] = []
        var negative = false
        // A numeric denominator beside a single sum is printed apart, `x/3/(y + z)`: the text
        // `x/(3*(y + z))` would read back as x/(3y + 3z), a different canonical form.
        var separateDenominator = false
        if c.im.isZero || c.re.isZero {
            let q = c.im.isZero ? c.re : c.im
            negative = q.isNegative
            let m = q.magnitude
            if m.numerator != BigInt(1) { numerator.append((m.numerator.description, .atom)) }
            if !c.im.isZero { numerator.append(("I", .atom)) }
            if m.denominator != BigInt(1) { denominator.append((m.denominator.description, .atom)) }
        } else {
            numerator.append((parenthesized(number(c)), .atom))
        }
        var reciprocalSums = 0, reciprocals = 0
        for f in factors where !f.isOne {
            if case .power(let b, let x) = f, isNegative(x) {
                denominator.append(power(b, -x))
                reciprocals += 1
                if case .sum = b, x == .minusOne { reciprocalSums += 1 }
            } else {
                let r = render(f)
                numerator.append(r.level <= .product ? (parenthesized(r), .atom) : r)
            }
        }
        separateDenominator = reciprocals == 1 && reciprocalSums == 1 && denominator.count == 2
        var text: String
        var level: PrintLevel
        if numerator.isEmpty {
            text = "1"; level = .atom
        } else if numerator.count == 1 {
            (text, level) = numerator[0]
        } else {
            text = numerator.map(\.text).joined(separator: "*"); level = .product
        }
        if !denominator.isEmpty {
            let denominatorText: String
            if separateDenominator {
                denominatorText = denominator[0].text + "/" + parenthesized(denominator[1])
            } else if denominator.count == 1 && denominator[0].level > .product {
                denominatorText = denominator[0].text
            } else if denominator.count == 1 {
                denominatorText = parenthesized(denominator[0])
            } else {
                denominatorText = "(" + denominator.map { $0.level <= .product ? parenthesized($0) : $0.text }.joined(separator: "*") + ")"
            }
            text += "/" + denominatorText
            level = .product
        }
        if negative { return ("-" + text, .signed) }
        return (text, level)
    }

    /// base^exponent for a non-negative exponent: `x^2`, `sqrt(x)`, `(x + 1)^(1/3)`, `(-2)^x`.
    static func power(_ base: Expr, _ exponent: Expr) -> Rendered {
        if exponent.isOne { return render(base) }
        let b = render(base)
        if exponent == .half { return ("sqrt(\(b.text))", .atom) }
        let baseText = b.level == .atom ? b.text : parenthesized(b)
        let x = render(exponent)
        // `^` is right-associative, so a power exponent needs no parentheses: a^b^c = a^(b^c). Printing
        // them doubled the nesting of a power chain, and a chain the parser accepted printed deeper
        // than its nesting limit (libFuzzer, issue 20).
        let exponentText = x.level == .atom || x.level == .power ? x.text : parenthesized(x)
        return (baseText + "^" + exponentText, .power)
    }
}
