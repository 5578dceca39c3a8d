#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
/// glibc's `pthread_getattr_np` (a GNU extension the Glibc module does not export): the
/// attributes of a running thread, including its actual stack.
@_silgen_name("pthread_getattr_np")
private func currentThreadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// How much of the current thread's stack a recursive parse may use, so that deep nesting ends
/// in "nesting too deep" instead of a stack overflow on any thread (the main thread's 8 MB, a
/// 512 KB secondary thread, debug builds with large frames alike).
///
/// The budget is a fraction of the stack remaining when parsing starts; the parser checks the
/// distance from its starting frame at each level. If the stack bounds cannot be read, the
/// budget is unlimited and only `ParseContext.maximumNesting` applies.
struct StackBudget {
    let start: UInt
    let fraction: Double
    /// Computed on first use (reading the stack bounds can cost a read of /proc/self/maps).
    private var limit: UInt? = nil

    /// A budget of `fraction` of the stack remaining below the caller's frame.
    @inline(never)
    init(fraction: Double) {
        var marker: UInt8 = 0
        start = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        self.fraction = fraction
    }

    /// True when the caller's frame is deeper than the budget allows.
    @inline(never)
    mutating func exhausted() -> Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if limit == nil {
            if let low = StackBudget.lowestStackAddress(), start > low {
                limit = UInt(Double(start - low) * fraction)
            } else {
                limit = UInt.max
            }
        }
        return here < start && start - here > limit!
    }

    /// The lowest address of the current thread's stack (stacks grow down), when available.
    static func lowestStackAddress() -> UInt? {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard currentThreadAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return UInt(bitPattern: address)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        return top > size ? top - size : nil
        #else
        return nil
        #endif
    }
}
