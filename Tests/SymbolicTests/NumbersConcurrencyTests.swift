import XCTest
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
@testable import Symbolic

/// Numbers carry their precision and MPFR state is per thread: results computed concurrently on
/// many threads equal the serial ones bit for bit.
final class NumbersConcurrencyTests: XCTestCase {
    func testConcurrentResultsEqualSerial() {
        let precisions = (0..<32).map { 53 + 61 * $0 }
        @Sendable func work(_ p: Int) -> [BigFloat] {
            let x = BigFloat(BigRational(p, 7), precision: p)
            return [BigFloat.pi(precision: p), x.exp(), x.log(), x.sin(), BigFloat.atan2(x, -x), x.fermi(),
                    BigFloat(BigInt(p).power(20), precision: p).sqrt()]
        }
        let serial = precisions.map(work)
        final class Box: @unchecked Sendable { var results = [[BigFloat]?](repeating: nil, count: 32) }
        let box = Box()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: precisions.count) { i in
            let r = work(precisions[i])
            lock.lock(); box.results[i] = r; lock.unlock()
        }
        for i in precisions.indices {
            XCTAssertEqual(box.results[i]!, serial[i], "precision \(precisions[i])")
            XCTAssertEqual(box.results[i]!.map(\.precision), Array(repeating: precisions[i], count: serial[i].count))
        }
    }

    /// Threads that use MPFR and exit (joined here) must not leak MPFR's thread-local caches
    /// (log 2, π, pools): checked by scripts/valgrind-numbers.sh, which fails on a definite leak.
    func testExitedThreadsFreeTheirMPFRCaches() {
        final class Work: @unchecked Sendable {
            let precision: Int
            var result: BigFloat?
            init(precision: Int) { self.precision = precision }
        }
        let jobs = (0..<4).map { Work(precision: 200 + 500 * $0) }
        var threads: [pthread_t] = []
        for job in jobs {
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { raw in
                let job = Unmanaged<Work>.fromOpaque(raw!).takeUnretainedValue()
                let x = BigFloat(BigRational(22, 7), precision: job.precision)
                job.result = x.exp() * x.log() + BigFloat.pi(precision: job.precision) + x.sin()
                return nil
            }, Unmanaged.passUnretained(job).toOpaque())
            XCTAssertEqual(status, 0)
            threads.append(thread)
        }
        for t in threads { pthread_join(t, nil) }
        for job in jobs {
            let x = BigFloat(BigRational(22, 7), precision: job.precision)
            XCTAssertEqual(job.result, x.exp() * x.log() + BigFloat.pi(precision: job.precision) + x.sin())
        }
    }
}
