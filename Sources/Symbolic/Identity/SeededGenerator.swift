/// A deterministic random number generator (SplitMix64, Steele–Lea–Flood 2014): the same seed
/// gives the same sequence on every platform and run, so verdicts that use random points can be
/// repeated from the seed they report.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in lo…hi (both included), independent of the standard library's algorithm.
    public mutating func integer(_ lo: Int, _ hi: Int) -> Int {
        precondition(lo <= hi)
        let width = UInt64(hi - lo) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) }
        // Rejection sampling removes the modulo bias.
        let limit = UInt64.max - UInt64.max % width
        var r = next()
        while r >= limit { r = next() }
        return lo + Int(r % width)
    }
}
