import Foundation
import Symbolic
import Grassmann
import Keldysh

/// Keldysh benchmarks (issue 4), one JSON object per line:
/// - Z of the one-mode chain for N slices, exactly (two sparse eliminations of the 2N × 2N kernel);
/// - a Gaussian Berezin integral ∫∏dη̄dη e^{−η̄Aη} computed in the Grassmann algebra (row by row)
///   against its determinant by exact elimination, for n = 8…12 pairs of random Q(i) entries.
func runKeldyshBenchmark() {
    for n in [100, 1000, 2000] {
        let chain = try! OneModeKeldyshChain.unitary(slices: n, energy: BigRational(1), timeStep: BigRational(1, n))
        var z: AffineInOccupation? = nil
        let seconds = Clock.measure(minimum: 0.5) { z = chain.partitionFunction() }
        print("{\"name\": \"partition_unitary\", \"slices\": \(n), \"seconds\": \(seconds), \"Z\": \"\(z!.isIdenticallyOne ? "1" : "not 1")\"}")
        fflush(nil)
    }
    var state: UInt64 = 12345
    func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % 19) - 9 }
    for n in 8...12 {
        let a = (0..<n).map { _ in (0..<n).map { _ in GaussianRational(BigRational(next()), BigRational(next(), 2)) } }
        var berezin = GaussianRational.zero, det = GaussianRational.zero
        let tb = Clock.measure(minimum: 0.3) { berezin = GaussianIntegral.berezin(a) }
        let td = Clock.measure(minimum: 0.3) { det = GaussianIntegral.determinant(a) }
        print("{\"name\": \"gaussian_berezin_vs_det\", \"pairs\": \(n), \"berezin_s\": \(tb), \"determinant_s\": \(td), \"equal\": \(berezin == det)}")
        fflush(nil)
    }
}
