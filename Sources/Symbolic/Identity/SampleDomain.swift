/// Where a variable may be sampled: inside its assumptions, so that a counterexample found at a
/// sample point is a genuine one.
struct SampleDomain: Hashable, Sendable {
    var positive = false
    var real = false
    var nonzero = false
    var integer = false

    init(_ s: Symbol) {
        positive = s.isPositive
        real = s.isReal
        nonzero = s.isNonzero || s.isPositive
        integer = s.isInteger
    }

    /// The domain of a compound atom from what is known about it (positive, real, or complex).
    init(atom e: Expr) {
        positive = e.isKnownPositive
        real = e.isKnownReal
        nonzero = positive || e.isKnownNonzero
    }

    // MARK: Exact sampling (Schwartz–Zippel)

    /// Half-width M of the integer box [−M, M] used for exact sample points.
    static let exactHalfWidth = 1 << 30

    /// Size of the finite set this domain samples from in the exact test.
    var exactSetSize: Double {
        let m = Double(Self.exactHalfWidth)
        if positive { return m }
        if real { return 2 * m + (nonzero ? 0 : 1) }
        return (2 * m + 1) * (2 * m + 1) - (nonzero ? 1 : 0)
    }

    /// A uniform point of the exact sample set: integers, positive integers, or Gaussian integers.
    func exactSample(_ g: inout SeededGenerator) -> GaussianRational {
        let m = Self.exactHalfWidth
        if positive { return GaussianRational(g.integer(1, m)) }
        while true {
            let a = g.integer(-m, m)
            let b = real ? 0 : g.integer(-m, m)
            if nonzero && a == 0 && b == 0 { continue }
            return GaussianRational(BigRational(a), BigRational(b))
        }
    }

    // MARK: Numeric sampling

    /// A moderate rational point (magnitudes in about 0.2…3, denominator 1009, so that no special
    /// value is hit by accident). `sign` forces the sign of the real part: −1, +1, or 0 for random.
    /// `gentle` draws magnitudes in about 0.02…0.3 and puts complex symbols on the real axis (a
    /// subset of their domain), so that polynomials inside exp and sin stay moderate and a small
    /// absolute difference is not hidden behind huge values.
    func numericSample(_ g: inout SeededGenerator, sign: Int, gentle: Bool = false) -> GaussianRational {
        func magnitude() -> BigRational {
            if integer { return BigRational(g.integer(1, gentle ? 2 : 5)) }
            return gentle ? BigRational(g.integer(20, 300), 1009) : BigRational(g.integer(200, 3000), 1009)
        }
        func signed(_ forced: Int) -> BigRational {
            let s = forced != 0 ? forced : (g.integer(0, 1) == 0 ? -1 : 1)
            return s < 0 ? -magnitude() : magnitude()
        }
        if positive { return GaussianRational(magnitude()) }
        if real || gentle { return GaussianRational(signed(sign)) }
        return GaussianRational(signed(sign), signed(0))
    }
}

/// Regions of the numeric sample, so that the points cover the whole domain the assumptions
/// allow rather than a neighbourhood of 1 (issue 20: |sin x| = sin x for x > 0 holds for x < π,
/// log(e^x) = x for |Im x| < π, √(x² − 16) = √(x − 4)√(x + 4) for x > −4 — points of magnitude
/// ≤ 3 never see the difference).
enum SampleRegion: CaseIterable {
    /// Magnitudes 0.2…3, real part negative / positive.
    case moderateNegative, moderatePositive
    /// Magnitudes 0.02…0.3, complex symbols on the real axis (values stay moderate).
    case gentle
    /// Magnitudes log-uniform in 2^−6…2^6, signs and quadrants at random.
    case wide
    /// Complex symbols just above / below the negative real axis (Im = ±|Re|/1009), both sides of
    /// the principal branch cut; real symbols negative / positive with magnitudes 4…40.
    case aboveCut, belowCut
    /// Complex symbols with |Im| in 3.2…12 (beyond ±π: the strip where log e^z = z ends); real
    /// symbols with magnitudes 3.2…12 (past π, where periodic functions change sign).
    case largeImaginary
    /// Complex symbols deep in the second / third quadrant (Re in −40…−4, Im of one sign in
    /// 0.2…3), all on the same side: arguments near ±π add up beyond the principal range, so
    /// log(xy) = log x + log y and (xy)^a = x^a y^a fail there, also after adding a moderate
    /// positive shift; real symbols negative with magnitudes 4…40, positive ones moderate.
    case secondQuadrant, thirdQuadrant

    /// The region of point `index`: the first nine visit each region once, later points
    /// alternate wide and moderate ones.
    static func forPoint(_ index: Int) -> SampleRegion {
        let order: [SampleRegion] = [.moderateNegative, .moderatePositive, .gentle, .wide, .aboveCut, .belowCut, .largeImaginary,
                                     .secondQuadrant, .thirdQuadrant]
        if index < order.count { return order[index] }
        switch index % 4 {
        case 0: return .moderateNegative
        case 1: return .wide
        case 2: return .largeImaginary
        default: return .wide
        }
    }
}

extension SampleDomain {
    /// A point of `region` inside the assumptions (rationals with denominator 1009 or 1024, so
    /// that no special value is hit by accident). Integers alternate parity with `parity`
    /// (0 even, 1 odd), with magnitudes up to 40 in the wide regions.
    func numericSample(_ g: inout SeededGenerator, region: SampleRegion, parity: Int) -> GaussianRational {
        func randomSign() -> Int { g.integer(0, 1) == 0 ? -1 : 1 }
        func moderate() -> BigRational { BigRational(g.integer(200, 3000), 1009) }
        func wideMagnitude() -> BigRational {
            let k = g.integer(-6, 5)
            let m = BigRational(g.integer(1024, 2047), 1024)
            return k >= 0 ? m * BigRational(1 << k) : m / BigRational(1 << -k)
        }
        func large() -> BigRational { BigRational(g.integer(4036, 40360), 1009) }
        func beyondPi() -> BigRational { BigRational(g.integer(3229, 12108), 1009) }
        func signed(_ x: BigRational, _ s: Int) -> BigRational { s < 0 ? -x : x }
        if integer {
            let wideRange = region != .moderateNegative && region != .moderatePositive && region != .gentle
            var n = g.integer(1, wideRange ? 20 : 3) * 2 - (parity == 1 ? 1 : 0)
            if n == 0 { n = 2 }
            let negativeRegions: [SampleRegion] = [.moderateNegative, .aboveCut, .secondQuadrant, .thirdQuadrant]
            let s = positive ? 1 : (negativeRegions.contains(region) ? -1 : (region == .moderatePositive || region == .belowCut ? 1 : randomSign()))
            return GaussianRational(BigRational(s * n))
        }
        switch region {
        case .moderateNegative, .moderatePositive:
            let s = region == .moderateNegative ? -1 : 1
            if positive { return GaussianRational(moderate()) }
            if real { return GaussianRational(signed(moderate(), s)) }
            return GaussianRational(signed(moderate(), s), signed(moderate(), randomSign()))
        case .gentle:
            return numericSample(&g, sign: positive ? 1 : 0, gentle: true)
        case .wide:
            if positive { return GaussianRational(wideMagnitude()) }
            if real { return GaussianRational(signed(wideMagnitude(), randomSign())) }
            return GaussianRational(signed(wideMagnitude(), randomSign()), signed(wideMagnitude(), randomSign()))
        case .aboveCut, .belowCut:
            if positive { return GaussianRational(large()) }
            if real { return GaussianRational(signed(large(), region == .aboveCut ? -1 : 1)) }
            let re = moderate()
            let im = re / BigRational(1009)
            return GaussianRational(-re, region == .aboveCut ? im : -im)
        case .secondQuadrant, .thirdQuadrant:
            if positive { return GaussianRational(moderate()) }
            if real { return GaussianRational(-large()) }
            let im = moderate()
            return GaussianRational(-large(), region == .secondQuadrant ? im : -im)
        case .largeImaginary:
            if positive { return GaussianRational(beyondPi()) }
            if real { return GaussianRational(signed(beyondPi(), randomSign())) }
            return GaussianRational(signed(moderate(), randomSign()), signed(beyondPi(), randomSign()))
        }
    }
}

/// A point: exact values for the symbols (and, in the exact test, for the compound atoms).
struct SamplePoint {
    var symbols: [Symbol: GaussianRational]
    var atoms: [Expr: GaussianRational] = [:]

    /// "x = 3, y = -1/2" in symbol order.
    var text: String {
        symbols.keys.sorted().map { "\($0.name) = \(symbols[$0]!)" }.joined(separator: ", ")
    }
}
