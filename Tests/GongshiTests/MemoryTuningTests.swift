import CMemoryTuning
import Testing

/// The build command maps large allocations on their own (so that memory they free goes back
/// to the system at once); on Debian's glibc the setting must take.
struct MemoryTuningTests {
    @Test("glibc accepts the mapped-allocation threshold the build command sets")
    func thresholdTakes() {
        #if os(Linux)
        #expect(gongshi_map_large_allocations(256 * 1024) == 1)
        #endif
    }
}
