import Foundation
import Symbolic
import Grassmann
import Keldysh
import Verify

/// Keldysh benchmarks (issue 4), one JSON object per line:
/// - Z of the one-mode chain for N slices, exactly (two sparse eliminations of the 2N × 2N kernel);
/// - a Gaussian Berezin integral ∫∏dη̄dη e^{−η̄Aη} computed in the Grassmann algebra (row by row)
///   against its determinant by exact elimination, for n = 8…12 pairs of random Q(i) entries;
/// - the Keldysh-rotation check of AX(S228) with two sites (the claim `keldysh.rotation.S228` of
///   derivations/keldysh-action.md: parse, rotate ψ± = (ψc ± ψq)/√2, compare in the Grassmann algebra);
/// - the second-order Markovian action AX(S197) from the self-energies (`keldysh2.S197.with-S213-trace`).
func runKeldyshBenchmark() {
    for (id, file) in [("keldysh.rotation.S228", "derivations/keldysh-action.md"), ("keldysh2.S197.with-S213-trace", "derivations/keldysh-second-order.md")] {
        do {
            let loaded = try AuditRunner(engine: .standard).load(files: [file])
            guard let (claim, context) = loaded.first(where: { $0.0.id == id }) else { print("{\"name\": \"\(id)\", \"failure\": \"claim not found\"}"); continue }
            let check = Engine.standard.checks[claim.check]!
            var verdict: Verdict? = nil
            let seconds = Clock.measure(minimum: 1) { verdict = try? check.run(claim, in: context) }
            print("{\"name\": \"\(id)\", \"seconds\": \(seconds), \"verdict\": \"\(verdict?.kind.rawValue ?? "error")\"}")
        } catch {
            print("{\"name\": \"\(id)\", \"failure\": \"\(error)\"}")
        }
        fflush(nil)
    }
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
