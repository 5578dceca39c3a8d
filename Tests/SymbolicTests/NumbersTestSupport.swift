@testable import Symbolic

/// SplitMix64: a small seeded generator so that every property test is repeatable.
struct NumbersRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random integer of up to `maxBits` bits with a random sign; small values are over-represented
    /// (zero, ±1 and single limbs occur often) because they are where edge cases live.
    mutating func bigInt(maxBits: Int = 256) -> BigInt {
        let bits: Int
        switch Int.random(in: 0..<8, using: &self) {
        case 0: return BigInt(Int.random(in: -2...2, using: &self))
        case 1: bits = Int.random(in: 1...64, using: &self)
        default: bits = Int.random(in: 1...maxBits, using: &self)
        }
        var value = BigInt(0)
        var remaining = bits
        let two64 = BigInt(UInt64.max) + BigInt(1)
        while remaining > 0 {
            let take = Swift.min(64, remaining)
            let word = take == 64 ? next() : next() & ((UInt64(1) << UInt64(take)) - 1)
            value = value * (take == 64 ? two64 : BigInt(1 << take)) + BigInt(word)
            remaining -= take
        }
        return Bool.random(using: &self) ? -value : value
    }

    mutating func nonzeroBigInt(maxBits: Int = 256) -> BigInt {
        while true { let b = bigInt(maxBits: maxBits); if !b.isZero { return b } }
    }

    mutating func bigRational(maxBits: Int = 128) -> BigRational {
        BigRational(bigInt(maxBits: maxBits), nonzeroBigInt(maxBits: maxBits))
    }

    /// A random float in ±[2^-scale, 2^scale] at `precision` bits (every bit random).
    mutating func bigFloat(precision: Int, scale: Int = 4) -> BigFloat {
        let mantissa = bigInt(maxBits: precision)
        let x = BigFloat(mantissa, precision: precision)
        if x.isZero { return BigFloat(1, precision: precision) }
        let e = Int.random(in: -scale...scale, using: &self) - x.exponent
        return x.scaled(byPowerOf2: e)
    }

    mutating func precision() -> Int { Int.random(in: 53...2000, using: &self) }
}

/// |a − b| ≤ k · 2^(−p) · max(|b|, floor): a bound in units of the precision p.
func numbersClose(_ a: BigFloat, _ b: BigFloat, ulps k: Int, precision p: Int, floor: BigFloat? = nil) -> Bool {
    var scale = b.magnitude
    if let f = floor, scale < f { scale = f }
    let bound = scale * BigFloat.power2(-p, precision: 64) * k
    return (a - b).magnitude <= bound
}
