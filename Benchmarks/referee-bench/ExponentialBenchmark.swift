import Symbolic
import Foundation

/// e^{−y} per call: `FixedPointExponential` against MPFR's `mpfr_exp` (through the in-place
/// `setExp`), on the same 64 arguments y ∈ (0, 40), at the precisions the Fermi-layer quadrature
/// uses for 15 to 150 digits.
func runExponentialBenchmark() {
    print("exponential: e^{-y}, y in (0, 40), per call")
    print("bits    fixed-point    mpfr_exp    speed-up")
    let bits = ProcessInfo.processInfo.environment["REFEREE_BENCH_BITS"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [128, 192, 256, 320, 384, 512]
    for p in bits {
        let ys = (1...64).map { BigFloat(2, precision: p).sqrt() * $0 * 37 / 64 - BigFloat($0 % 5, precision: p) / 7 }
        let fixed = FixedPointExponential(precision: p)
        var a = BigFloat(0, precision: p), b = a, minusY = a
        let tFixed = Clock.measure { for y in ys { fixed.setExpOfMinus(&a, y) } } / Double(ys.count)
        let tMPFR = Clock.measure { for y in ys { minusY.setNegation(y); b.setExp(minusY) } } / Double(ys.count)
        func us(_ t: Double) -> String { String(format: "%8.3f µs", t * 1e6) }
        print(String(format: "%4d", p), "  ", us(tFixed), "  ", us(tMPFR), "  ", String(format: "%6.2f×", tMPFR / tFixed))
    }
}
