import Symbolic
import Grassmann

/// A polynomial in contour fields with `Expr` coefficients — the form of a Keldysh action's
/// integrand (∫dt implied). Words are ordered products of fields; nothing is reordered until
/// `grassmann(_:)` hands the words to the Grassmann algebra, the one place where signs arise.
public struct FieldPolynomial: Sendable, Equatable, CustomStringConvertible {
    public var terms: [(word: [ContourField], coefficient: Expr)]

    public init(_ terms: [(word: [ContourField], coefficient: Expr)] = []) { self.terms = terms }
    /// A single field.
    public init(_ field: ContourField) { terms = [([field], Expr(1))] }
    /// A scalar.
    public init(scalar c: Expr) { terms = [([], c)] }

    /// Equality as elements of the Grassmann algebra: a − b, its words reordered with their signs and
    /// its coefficients expanded over a common denominator (`grassmann(_:)`), is zero. So ψ̄ψ = −ψψ̄,
    /// (x + x²)ψ̄ψ = x(1 + x)ψ̄ψ and ψψ = 0; a coefficient that vanishes only by a transcendental
    /// identity (sin² + cos² − 1) is not recognised as zero, and the polynomials then compare unequal.
    public static func == (a: FieldPolynomial, b: FieldPolynomial) -> Bool {
        let d = a - b
        return d.grassmann(FieldAlphabet(d.fields)).terms.isEmpty
    }

    public static func + (a: FieldPolynomial, b: FieldPolynomial) -> FieldPolynomial { FieldPolynomial(a.terms + b.terms) }
    public static prefix func - (a: FieldPolynomial) -> FieldPolynomial { FieldPolynomial(a.terms.map { ($0.word, -$0.coefficient) }) }
    public static func - (a: FieldPolynomial, b: FieldPolynomial) -> FieldPolynomial { a + (-b) }
    public static func * (c: Expr, a: FieldPolynomial) -> FieldPolynomial { FieldPolynomial(a.terms.map { ($0.word, c * $0.coefficient) }) }
    /// Ordered product: words concatenate.
    public static func * (a: FieldPolynomial, b: FieldPolynomial) -> FieldPolynomial {
        var out: [(word: [ContourField], coefficient: Expr)] = []
        for x in a.terms { for y in b.terms { out.append((x.word + y.word, x.coefficient * y.coefficient)) } }
        return FieldPolynomial(out)
    }

    /// Every word has even length (the element commutes with all fields).
    public var isEven: Bool { terms.allSatisfy { $0.word.count % 2 == 0 } }
    /// Every word has odd length.
    public var isOdd: Bool { terms.allSatisfy { $0.word.count % 2 == 1 } }

    /// Replaces each field by a field polynomial (order kept).
    public func substituting(_ f: (ContourField) -> FieldPolynomial) -> FieldPolynomial {
        var out = FieldPolynomial()
        for t in terms {
            var p = FieldPolynomial(scalar: t.coefficient)
            for field in t.word { p = p * f(field) }
            out = out + p
        }
        return out
    }

    /// d/dt by the Leibniz rule (d/dt is even, so no signs): each field in turn gets one more derivative.
    public var timeDerivative: FieldPolynomial {
        var out: [(word: [ContourField], coefficient: Expr)] = []
        for t in terms {
            for k in t.word.indices {
                var w = t.word
                w[k] = w[k].differentiated
                out.append((w, t.coefficient))
            }
        }
        return FieldPolynomial(out)
    }

    /// All fields that occur.
    public var fields: Set<ContourField> { Set(terms.flatMap(\.word)) }

    /// The element of the Grassmann algebra, with generators numbered by `alphabet` (fields in
    /// increasing order); coefficients are expanded and combined, so an identically vanishing
    /// polynomial gives zero.
    public func grassmann(_ alphabet: FieldAlphabet) -> GrassmannPolynomial<Expr> {
        var collected: [GrassmannMonomial: Expr] = [:]
        for t in terms {
            let p = GrassmannPolynomial<Expr>.product(t.word.map { alphabet.index($0) }, Expr(1))
            for (m, c) in p.terms { collected[m] = (collected[m] ?? Expr(0)) + c * t.coefficient }
        }
        return GrassmannPolynomial(terms: collected.mapValues { $0.expanded().together() })
    }

    public var description: String {
        if terms.isEmpty { return "0" }
        return terms.map { "(\($0.coefficient.text))" + ($0.word.isEmpty ? "" : "·" + $0.word.map(\.description).joined(separator: " ")) }
            .joined(separator: " + ")
    }
}

/// Numbering of contour fields as Grassmann generators (increasing field order).
public struct FieldAlphabet: Sendable {
    public let fields: [ContourField]
    let position: [ContourField: Int]
    public init<S: Sequence>(_ fields: S) where S.Element == ContourField {
        let sorted = Set(fields).sorted()
        self.fields = sorted
        var p: [ContourField: Int] = [:]
        for (i, f) in sorted.enumerated() { p[f] = i }
        position = p
    }
    public func index(_ f: ContourField) -> Int { position[f]! }
}
