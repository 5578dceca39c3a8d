import XCTest
import Dispatch
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
}
