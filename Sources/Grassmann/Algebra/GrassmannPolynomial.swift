import Symbolic

/// An element of the Grassmann algebra Λ(η₀, η₁, …) over the coefficient ring `C`:
/// Σ_m c_m · m with each m a canonical ordered monomial (`GrassmannMonomial`). Generators
/// anticommute, η_i η_j = −η_j η_i, η_i² = 0; products are reduced to canonical order by
/// `GrassmannMonomial.times`, the one place where signs arise.
///
/// Coefficients: `GaussianRational` (exact, fast), `Expr` (symbolic), `ComplexDouble` (floating).
public struct GrassmannPolynomial<C: OperatorCoefficient>: Hashable, Sendable, CustomStringConvertible {
    /// Coefficient per monomial; zero coefficients are never stored.
    public private(set) var terms: [GrassmannMonomial: C]

    public init() { terms = [:] }
    public init(terms: [GrassmannMonomial: C]) { self.terms = terms.filter { !$0.value.isKnownZero } }
    /// c · 1.
    public init(_ c: C) { terms = c.isKnownZero ? [:] : [.one: c] }
    /// The generator η_i.
    public static func generator(_ i: Int) -> GrassmannPolynomial {
        GrassmannPolynomial(terms: [GrassmannMonomial(generator: i): .one])
    }
    /// c · η_{i₁} η_{i₂} … in the order given (the sign of reordering is applied).
    public static func product(_ generators: [Int], _ c: C = .one) -> GrassmannPolynomial {
        var p = GrassmannPolynomial(c)
        for g in generators { p = p * .generator(g) }
        return p
    }

    public static var zero: GrassmannPolynomial { GrassmannPolynomial() }
    public static var one: GrassmannPolynomial { GrassmannPolynomial(.one) }
    public var isZero: Bool { terms.isEmpty }

    /// The coefficient of the empty monomial (the "body").
    public var constantTerm: C { terms[.one] ?? .zero }
    /// Coefficient of a monomial.
    public func coefficient(of m: GrassmannMonomial) -> C { terms[m] ?? .zero }
    /// Highest degree present (−1 for zero).
    public var degree: Int { terms.keys.map(\.degree).max() ?? -1 }
    /// True when every monomial has even degree.
    public var isEven: Bool { terms.keys.allSatisfy(\.isEven) }
    /// True when every monomial has odd degree.
    public var isOdd: Bool { terms.keys.allSatisfy { !$0.isEven } }
    /// Generators that occur.
    public var generators: Set<Int> { Set(terms.keys.flatMap(\.generators)) }

    public static func + (a: GrassmannPolynomial, b: GrassmannPolynomial) -> GrassmannPolynomial {
        var t = a.terms
        for (m, c) in b.terms {
            let s = (t[m] ?? .zero) + c
            t[m] = s.isKnownZero ? nil : s
        }
        var r = GrassmannPolynomial()
        r.terms = t
        return r
    }
    public static prefix func - (a: GrassmannPolynomial) -> GrassmannPolynomial {
        var r = GrassmannPolynomial()
        r.terms = a.terms.mapValues { -$0 }
        return r
    }
    public static func - (a: GrassmannPolynomial, b: GrassmannPolynomial) -> GrassmannPolynomial { a + (-b) }
    public static func * (c: C, a: GrassmannPolynomial) -> GrassmannPolynomial {
        if c.isKnownZero { return .zero }
        return GrassmannPolynomial(terms: a.terms.mapValues { c * $0 })
    }
    /// The algebra product, bilinear, with the anticommutation signs.
    public static func * (a: GrassmannPolynomial, b: GrassmannPolynomial) -> GrassmannPolynomial {
        var t: [GrassmannMonomial: C] = [:]
        t.reserveCapacity(a.terms.count * b.terms.count)
        for (ma, ca) in a.terms {
            for (mb, cb) in b.terms {
                guard let (sign, m) = ma.times(mb) else { continue }
                let p = ca * cb
                let s = (t[m] ?? .zero) + (sign == 1 ? p : -p)
                t[m] = s
            }
        }
        return GrassmannPolynomial(terms: t)
    }
    public static func += (a: inout GrassmannPolynomial, b: GrassmannPolynomial) { a = a + b }

    /// Xⁿ, n ≥ 0.
    public func power(_ n: Int) -> GrassmannPolynomial {
        var r = GrassmannPolynomial.one
        for _ in 0..<n { r = r * self }
        return r
    }

    /// exp(X) = Σ_k X^k / k! for X with no constant term (then X is nilpotent and the series ends).
    /// Throws when X has a constant term (its exponential is not in the coefficient ring in general).
    public func exponential() throws -> GrassmannPolynomial {
        guard constantTerm.isKnownZero else {
            throw GrassmannError("exp of a Grassmann element with constant term \(constantTerm)",
                                 fix: "split off the constant: exp(c + X) = e^c · exp(X), and pass X")
        }
        var result = GrassmannPolynomial.one
        var term = GrassmannPolynomial.one
        var k = 1
        while true {
            term = C(rational: BigRational(1, k)) * (term * self)
            if term.isZero { break }
            result = result + term
            k += 1
        }
        return result
    }

    /// The left derivative ∂/∂η_i: ∂/∂η_i (η_i m) = m for m free of η_i; it anticommutes with odd elements.
    public func leftDerivative(_ i: Int) -> GrassmannPolynomial {
        var t: [GrassmannMonomial: C] = [:]
        for (m, c) in terms {
            guard let (sign, rest) = m.removingGenerator(i) else { continue }
            let s = (t[rest] ?? .zero) + (sign == 1 ? c : -c)
            t[rest] = s
        }
        return GrassmannPolynomial(terms: t)
    }

    /// Replaces generators by odd elements, η_i ↦ φ_i (an algebra homomorphism; generators not in the
    /// map stay). Each monomial is rebuilt as the ordered product of the images. Throws when an image
    /// is not odd (the map would not respect anticommutation).
    public func substituting(_ map: [Int: GrassmannPolynomial]) throws -> GrassmannPolynomial {
        for (g, image) in map where !image.isOdd {
            throw GrassmannError("the image of generator \(g) is not odd: \(image)",
                                 fix: "substitute generators only by linear (odd) combinations of generators")
        }
        var result = GrassmannPolynomial.zero
        var cache: [GrassmannMonomial: GrassmannPolynomial] = [:]
        for (m, c) in terms {
            let image: GrassmannPolynomial
            if let cached = cache[m] { image = cached } else {
                var p = GrassmannPolynomial.one
                for g in m.generators { p = p * (map[g] ?? .generator(g)) }
                cache[m] = p
                image = p
            }
            result = result + c * image
        }
        return result
    }

    /// Applies f to every coefficient (e.g. simplification or a change of ring).
    public func mapCoefficients<D: OperatorCoefficient>(_ f: (C) throws -> D) rethrows -> GrassmannPolynomial<D> {
        var t: [GrassmannMonomial: D] = [:]
        for (m, c) in terms { t[m] = try f(c) }
        return GrassmannPolynomial<D>(terms: t)
    }

    public var description: String {
        if terms.isEmpty { return "0" }
        return terms.sorted { $0.key < $1.key }
            .map { m, c in m == .one ? "(\(c))" : "(\(c))·\(m)" }
            .joined(separator: " + ")
    }
}
