import CMPFR
#if canImport(Glibc)
import Glibc
#endif

/// Sets up every thread that uses MPFR: the full exponent range (`useFullExponentRange`), and
/// frees MPFR's per-thread caches (constants such as log 2 and π, and internal pools) when a
/// thread that used MPFR exits.
///
/// MPFR keeps these caches in thread-local storage and frees them only on request
/// (`mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE)`, MPFR manual "Memory Handling"); a worker thread that
/// exits without the call leaks them. Every `MPFRStorage` registers its thread here: the first
/// registration on a thread sets a pthread key whose destructor runs that call at thread exit.
/// The main thread's caches stay reachable until the process ends.
enum MPFRThreadCache {
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { _ in mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE) }
        precondition(status == 0, "pthread_key_create failed")
        return key
    }()

    /// Widens this thread's exponent range to the largest MPFR allows (about ±2^62 on 64-bit
    /// Linux instead of the default ±2^30), so that e^(10^10) is a finite number, not an overflow.
    /// MPFR keeps emin/emax per thread; this runs once on every thread that creates a number.
    static func useFullExponentRange() {
        mpfr_set_emax(mpfr_get_emax_max())
        mpfr_set_emin(mpfr_get_emin_min())
    }

    /// Makes sure the current thread's MPFR caches are freed when it exits (cheap after the first call).
    @inline(__always) static func registerCurrentThread() {
        if pthread_getspecific(key) == nil {
            pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1))
            useFullExponentRange()
        }
    }
}
