import Foundation
import Grassmann

/// Where the time of the floating Liouvillian construction goes (issue 3): the bit-mask Fock matrices of
/// the reference construction (`AndersonImpurityMatrices`) and the CSR assembly of AX(S14), each timed
/// alone. `referee-bench liouvillian-steps 3` runs N = 3 only (for a profiler).
func runLiouvillianStepsBenchmark(levelCounts: [Int] = [1, 2, 3]) {
    for n in levelCounts {
        let matrices = AndersonImpurityMatrices(epsD: ComplexDouble(-1.0), hubbardU: ComplexDouble(3.0), kappa: ComplexDouble(0.5),
                                                v: ComplexDouble(0.1), levelEnergies: (0..<n).map { ComplexDouble(0.1 * Double($0 + 1)) })
        let h = matrices.hamiltonian(), jumps = matrices.jumps()
        let tBitH = Clock.measure(minimum: 0.3) { _ = matrices.hamiltonian() }
        let tBitJ = Clock.measure(minimum: 0.3) { _ = matrices.jumps() }
        let tA = Clock.measure(minimum: levelCounts == [3] ? 5 : 0.5) { _ = LiouvillianAssembly.matrix(hamiltonian: h, jumps: jumps) }
        // Thread CPU time per assembly (robust against other processes on a shared machine), with the
        // jumps and with H alone (−i[H, ·]).
        var cpu0 = timespec(), cpu1 = timespec()
        let reps = n == 3 ? 200 : 2000
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0)
        for _ in 0..<reps { _ = LiouvillianAssembly.matrix(hamiltonian: h, jumps: jumps) }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1)
        let tACPU = (Double(cpu1.tv_sec - cpu0.tv_sec) + Double(cpu1.tv_nsec - cpu0.tv_nsec) / 1e9) / Double(reps)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0)
        for _ in 0..<reps { _ = LiouvillianAssembly.matrix(hamiltonian: h, jumps: []) }
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1)
        let tHCPU = (Double(cpu1.tv_sec - cpu0.tv_sec) + Double(cpu1.tv_nsec - cpu0.tv_nsec) / 1e9) / Double(reps)
        var line = "{\"name\": \"liouvillian-steps\", \"levels\": \(n)"
        line += ", \"bitmask_h_s\": \(tBitH), \"bitmask_jumps_s\": \(tBitJ), \"assembly_s\": \(tA), \"assembly_cpu_s\": \(tACPU), \"assembly_without_jumps_cpu_s\": \(tHCPU)}"
        print(line)
        fflush(nil)
    }
}
