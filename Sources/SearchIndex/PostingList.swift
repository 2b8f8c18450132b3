/// The ascending document indices of one term, held as gaps in LEB128 bytes: about a
/// quarter of the memory of an `[Int32]` for the common terms of a large index.
struct PostingList: Sendable {
    private var bytes: [UInt8] = []
    private var last: Int32 = -1
    /// Number of indices.
    private(set) var count = 0

    /// Adds `index`, which is above every index added before (a repeat of the last is ignored).
    mutating func append(_ index: Int32) {
        guard index != last else { return }
        precondition(index > last, "documents are added in order")
        var gap = UInt32(index - last)
        last = index
        count += 1
        while gap >= 0x80 {
            bytes.append(UInt8(gap & 0x7f) | 0x80)
            gap >>= 7
        }
        bytes.append(UInt8(gap))
    }

    /// The indices, ascending.
    var indices: [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    /// Calls `body` with each index, ascending.
    func forEach(_ body: (Int32) -> Void) {
        var value: Int32 = -1
        var gap: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes {
            gap |= UInt32(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                value += Int32(gap)
                body(value)
                gap = 0
                shift = 0
            } else {
                shift += 7
            }
        }
    }
}
