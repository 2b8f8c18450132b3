import CAllocator
import Testing

/// gongshi links jemalloc, and it must be the allocator the whole process uses (the Swift
/// runtime and Foundation included), not only a library beside the C library's.
struct AllocatorTests {
    @Test("linking jemalloc makes it the process's malloc")
    func jemallocServesMalloc() {
        #if os(Linux)
        #expect(String(cString: gongshi_allocator()) == "jemalloc")
        #expect(String(cString: gongshi_jemalloc_version()).hasPrefix("5."))
        #endif
    }
}
