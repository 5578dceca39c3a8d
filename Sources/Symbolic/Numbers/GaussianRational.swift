/// An exact element of Q(i): re + i·im with re, im ∈ Q. Used for exact evaluation of rational
/// functions at random points (the identity checker) and as the exact coefficient field of operators.
public struct GaussianRational: Sendable, Hashable {
    public var re: BigRational
    public var im: BigRational

    public init(_ re: BigRational, _ im: BigRational = .zero) {
        self.re = re
        self.im = im
    }
    public init(_ n: Int) { self.init(BigRational(n)) }

    public static var zero: GaussianRational { GaussianRational(.zero) }
    public static var one: GaussianRational { GaussianRational(.one) }
    public static var i: GaussianRational { GaussianRational(.zero, .one) }

    public var isZero: Bool { re.isZero && im.isZero }
    public var isReal: Bool { im.isZero }
    public var conjugate: GaussianRational { GaussianRational(re, -im) }
    /// |z|² = re² + im², exact.
    public var normSquared: BigRational { re * re + im * im }

    public var reciprocal: GaussianRational {
        let n = normSquared
        precondition(!n.isZero, "division by zero")
        return GaussianRational(re / n, -im / n)
    }

    /// zⁿ for any integer n, by repeated squaring.
    public func power(_ n: Int) -> GaussianRational {
        if n < 0 { return reciprocal.power(-n) }
        var result = GaussianRational.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    public static func + (a: Self, b: Self) -> Self { Self(a.re + b.re, a.im + b.im) }
    public static func - (a: Self, b: Self) -> Self { Self(a.re - b.re, a.im - b.im) }
    public static prefix func - (a: Self) -> Self { Self(-a.re, -a.im) }
    public static func * (a: Self, b: Self) -> Self {
        Self(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    public static func / (a: Self, b: Self) -> Self { a * b.reciprocal }
    public static func += (a: inout Self, b: Self) { a = a + b }
    public static func -= (a: inout Self, b: Self) { a = a - b }
    public static func *= (a: inout Self, b: Self) { a = a * b }
}

extension GaussianRational: CustomStringConvertible {
    /// "3/2", "-I", "1/2 + 3/4*I".
    public var description: String {
        if im.isZero { return re.description }
        let imPart: String
        if im == .one { imPart = "I" } else if im == -BigRational.one { imPart = "-I" } else { imPart = "\(im)*I" }
        if re.isZero { return imPart }
        return im.isNegative ? "\(re) - \(imPart.dropFirst())" : "\(re) + \(imPart)"
    }
}

extension GaussianRational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
