import Foundation

/// Results computed in parallel (`DispatchQueue.concurrentPerform`), stored by index and read back
/// in index order, so that a parallel run gives exactly the result of a serial one. The one
/// lock-protected container of the package: the audit's claims, the mutants of `referee mutate`,
/// the points of a sweep all use it.
final class ParallelSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private var done = 0
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores slot i; returns how many slots are filled (for progress reports).
    @discardableResult
    func set(_ i: Int, _ value: Value) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[i] = value
        done += 1
        return done
    }

    /// Every slot, in index order (all must be filled).
    var values: [Value] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }

    /// How many slots are filled.
    var count: Int { lock.lock(); defer { lock.unlock() }; return done }
}
