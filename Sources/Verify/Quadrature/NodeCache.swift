import Synchronization

/// A thread-safe memo table for quadrature nodes and weights, keyed by rule parameters and
/// precision. Values are computed outside the lock (two threads may compute the same entry once
/// each; the first stored wins), so a slow node computation never blocks other keys.
final class NodeCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])

    func value(for key: Key, compute: () -> Value) -> Value {
        if let v = table.withLock({ $0[key] }) { return v }
        let v = compute()
        return table.withLock { t in
            if let existing = t[key] { return existing }
            t[key] = v
            return v
        }
    }

    var count: Int { table.withLock { $0.count } }
}
