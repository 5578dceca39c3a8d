import CMPFR

/// A complex ball: a rectangle re + i·im of two `RealBall`s. Every operation encloses the exact
/// result when its inputs enclose the exact operands (see `RealBall`); complex functions are
/// composed from enclosing real operations, so no separate error analysis is needed.
///
/// Branch cuts (principal branches: `log`, `sqrt`, non-integer powers cut along the negative real
/// axis, arg ∈ (−π, π]): a ball whose imaginary part is exactly 0 lies on the real axis and a
/// negative real gets arg = +π; a ball that meets the cut with a non-zero imaginary radius
/// straddles the discontinuity and the operation throws `BallError.branchCut` (more precision
/// may shrink the ball off the cut; a point exactly on the cut reached through rounded
/// arithmetic stays undecided, which is the honest answer).
public struct ComplexBall: Sendable {
    public var re: RealBall
    public var im: RealBall

    public init(_ re: RealBall, _ im: RealBall) {
        self.re = re
        self.im = im
    }
    /// A real ball (imaginary part exactly 0).
    public init(_ re: RealBall) { self.init(re, RealBall(exactly: BigFloat(0, precision: re.precision))) }
    /// The Gaussian rational z at `precision` bits, its rounding error in the radii.
    public init(_ z: GaussianRational, precision: Int) {
        self.init(RealBall(z.re, precision: precision), RealBall(z.im, precision: precision))
    }
    public init(_ n: Int, precision: Int) { self.init(RealBall(n, precision: precision)) }
    /// A number known exactly (radius 0).
    public init(exactly z: BigComplex) { self.init(RealBall(exactly: z.re), RealBall(exactly: z.im)) }

    public var precision: Int { Swift.max(re.precision, im.precision) }
    /// The midpoint.
    public var mid: BigComplex { BigComplex(re.mid, im.mid) }
    /// A bound of |exact − mid|: r_re + r_im (≥ the Euclidean distance).
    public var radius: BigFloat { Radius.add(re.rad, im.rad) }
    /// True when the imaginary part is exactly 0: the ball lies on the real axis.
    public var isReal: Bool { im.isExactZero }
    public var isExactZero: Bool { re.isExactZero && im.isExactZero }
    /// True when 0 may lie in the ball.
    public var containsZero: Bool { re.containsZero && im.containsZero }
    public var isFinite: Bool { re.mid.isFinite && im.mid.isFinite && re.rad.isFinite && im.rad.isFinite }
    /// Upper and lower bounds of |z| over the ball.
    public var magnitudeUpper: BigFloat { Radius.binary(re.magnitudeUpper, im.magnitudeUpper, mpfr_hypot) }
    public var magnitudeLower: BigFloat { Radius.binaryDown(re.magnitudeLower, im.magnitudeLower, mpfr_hypot) }

    public var conjugate: ComplexBall { ComplexBall(re, -im) }
    public static prefix func - (a: ComplexBall) -> ComplexBall { ComplexBall(-a.re, -a.im) }
    public static func + (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        ComplexBall(a.re + b.re, a.isReal && b.isReal ? a.im : a.im + b.im)
    }
    public static func - (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        ComplexBall(a.re - b.re, a.isReal && b.isReal ? a.im : a.im - b.im)
    }
    public static func * (a: ComplexBall, b: ComplexBall) -> ComplexBall {
        if a.isReal && b.isReal { return ComplexBall(a.re * b.re) }
        if b.isReal { return ComplexBall(a.re * b.re, a.im * b.re) }
        if a.isReal { return ComplexBall(a.re * b.re, a.re * b.im) }
        return ComplexBall(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    public static func * (a: ComplexBall, b: RealBall) -> ComplexBall { ComplexBall(a.re * b, a.isReal ? a.im : a.im * b) }
    /// a/b = a·b̄/|b|². Throws when b may be 0.
    public static func / (a: ComplexBall, b: ComplexBall) throws -> ComplexBall {
        if b.isReal {
            guard !b.re.containsZero else { throw BallError.containsZero("divisor") }
            return ComplexBall(try a.re / b.re, a.isReal ? a.im : try a.im / b.re)
        }
        guard !b.containsZero else { throw BallError.containsZero("divisor") }
        let norm = b.re * b.re + b.im * b.im
        let n = a * b.conjugate
        return ComplexBall(try n.re / norm, try n.im / norm)
    }

    /// zⁿ by repeated squaring (exact balls stay tight; any n, also huge).
    public func pow(_ n: Int) throws -> ComplexBall {
        if isReal { return ComplexBall(try re.pow(n)) }
        if n < 0 { return try (ComplexBall(1, precision: precision) / self).pow(-n) }
        var result = ComplexBall(1, precision: precision), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// True when the ball meets the closed negative real axis (−∞, 0] while not lying on the
    /// real axis exactly: the principal arg jumps there.
    var straddlesCut: Bool { !isReal && im.containsZero && !re.isPositive }

    public func exp() -> ComplexBall {
        let m = re.exp()
        if isReal { return ComplexBall(m) }
        return ComplexBall(m * im.cos(), m * im.sin())
    }
    /// Principal logarithm log|z| + i arg z.
    public func log() throws -> ComplexBall {
        if isReal {
            if re.isPositive { return ComplexBall(try re.log()) }
            if re.isNegative { return ComplexBall(try (-re).log(), RealBall.pi(precision: precision)) }
            throw BallError.containsZero("logarithm argument")
        }
        guard !straddlesCut else { throw BallError.branchCut("logarithm") }
        let modulus = RealBall.hypot(re, im)
        return ComplexBall(try modulus.log(), try RealBall.atan2(im, re))
    }
    /// Principal square root (Re ≥ 0).
    public func sqrt() throws -> ComplexBall {
        if isExactZero { return self }
        if isReal {
            if re.isPositive { return ComplexBall(try re.sqrt()) }
            if re.isNegative { return ComplexBall(RealBall(exactly: BigFloat(0, precision: precision)), try (-re).sqrt()) }
            throw BallError.containsZero("square-root argument")
        }
        guard !straddlesCut else { throw BallError.branchCut("square root") }
        // √z = e^{(log z)/2}: enclosing by composition.
        let l = try log()
        let half = RealBall(exactly: BigFloat(1, precision: precision).scaled(byPowerOf2: -1))
        return (l * half).exp()
    }
    /// Principal power z^w = e^{w log z}; 0^w = 0 for Re w > 0.
    public func pow(_ w: ComplexBall) throws -> ComplexBall {
        if isExactZero {
            guard w.re.isPositive else { throw BallError.containsZero("base of a power with Re(exponent) ≤ 0") }
            return self
        }
        return (w * (try log())).exp()
    }
    public func sin() -> ComplexBall {
        if isReal { return ComplexBall(re.sin()) }
        return ComplexBall(re.sin() * im.cosh(), re.cos() * im.sinh())
    }
    public func cos() -> ComplexBall {
        if isReal { return ComplexBall(re.cos()) }
        return ComplexBall(re.cos() * im.cosh(), -(re.sin() * im.sinh()))
    }
    public func tan() throws -> ComplexBall { try sin() / cos() }
    public func sinh() -> ComplexBall {
        if isReal { return ComplexBall(re.sinh()) }
        // sinh(x + iy) = sinh x cos y + i cosh x sin y
        return ComplexBall(re.sinh() * im.cos(), re.cosh() * im.sin())
    }
    public func cosh() -> ComplexBall {
        if isReal { return ComplexBall(re.cosh()) }
        return ComplexBall(re.cosh() * im.cos(), re.sinh() * im.sin())
    }
    /// tanh z = (1 − e^{−2w})/(1 + e^{−2w}) with w = ±z, Re w ≥ 0 (odd).
    public func tanh() throws -> ComplexBall {
        if isReal { return ComplexBall(re.tanh()) }
        let flip = re.mid.isNegative
        let w = flip ? -self : self
        let t = (w * RealBall(-2, precision: precision)).exp()
        let one = ComplexBall(1, precision: precision)
        let r = try (one - t) / (one + t)
        return flip ? -r : r
    }
    /// atan z = (i/2)[log(1 − iz) − log(1 + iz)] (cuts on the imaginary axis beyond ±i).
    public func atan() throws -> ComplexBall {
        if isReal { return ComplexBall(re.atan()) }
        let one = ComplexBall(1, precision: precision)
        let iz = ComplexBall(-im, re)
        let d = try (one - iz).log() - (one + iz).log()
        let half = RealBall(exactly: BigFloat(1, precision: precision).scaled(byPowerOf2: -1))
        return ComplexBall(-(d.im * half), d.re * half)
    }
    /// 1/(e^z + 1), as e^{−z}/(1 + e^{−z}) for Re z ≥ 0 (no overflow).
    public func fermi() throws -> ComplexBall {
        let one = ComplexBall(1, precision: precision)
        if re.mid.isNegative { return try one / (exp() + one) }
        let t = (-self).exp()
        return try t / (t + one)
    }
    /// |z|.
    public var magnitude: ComplexBall {
        isReal ? ComplexBall(re.magnitude) : ComplexBall(RealBall.hypot(re, im))
    }
}

