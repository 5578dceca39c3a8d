import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a long command on standard error, never on standard output: a bar redrawn in place when
/// standard error is a terminal, otherwise a plain line at most every `interval` seconds
/// (`referee: audit 40/131 claims (12 s)`), so logs of batch jobs stay short. Thread-safe.
final class Progress: @unchecked Sendable {
    let total: Int
    let what: String
    let terminal: Bool
    let interval: Double
    private let start = Date()
    private var lastLine = Date()
    private var lastDone = -1
    private let lock = NSLock()

    init(total: Int, what: String, interval: Double = 5) {
        self.total = max(total, 0)
        self.what = what
        self.interval = interval
        terminal = isatty(STDERR_FILENO) != 0
    }

    /// `done` items of `total` are finished.
    func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        guard done != lastDone else { return }
        lastDone = done
        let elapsed = Date().timeIntervalSince(start)
        if terminal {
            let width = 40, filled = total == 0 ? width : width * min(done, total) / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) \(what) (\(Int(elapsed)) s)".utf8))
        } else if Date().timeIntervalSince(lastLine) >= interval || done == total {
            lastLine = Date()
            FileHandle.standardError.write(Data("referee: \(done)/\(total) \(what) (\(Int(elapsed)) s)\n".utf8))
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if terminal && lastDone >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// A progress indicator created once the total is known (set before any update, read from the workers).
final class ProgressBox: @unchecked Sendable {
    var progress: Progress?
}
