import Foundation

/// CPU time of the calling thread: what a growth test compares, since the other tests and
/// processes on the machine take wall time from it but not this.
enum ThreadCPUClock {
    /// Seconds of CPU the calling thread has used.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The best of `runs` CPU times of `body`, and its last result.
    static func best<T>(runs: Int, _ body: () -> T) -> (seconds: Double, result: T) {
        var best = Double.infinity
        var result: T?
        for _ in 0..<max(1, runs) {
            let start = now()
            let value = body()
            best = min(best, now() - start)
            result = value
        }
        return (best, result!)
    }
}
