/// The ascending document indices of one term, held as gaps in LEB128 bytes: about a
/// quarter of the memory of an `[Int32]` for the common terms of a large index. The first two
/// indices are held in the list itself: most terms (names, numbers, words of one page) have
/// one or two, and an array of their own cost them some 60 bytes each.
struct PostingList: Sendable {
    /// Gaps from the second index on, for the third and later.
    private var bytes: [UInt8] = []
    private var first: Int32 = -1
    private var second: Int32 = -1
    private var last: Int32 = -1
    /// Number of indices.
    private var stored: Int32 = 0

    /// Number of indices.
    var count: Int { Int(stored) }

    /// Adds `index`, which is above every index added before (a repeat of the last is ignored).
    mutating func append(_ index: Int32) {
        guard index != last else { return }
        precondition(index > last, "documents are added in order")
        switch stored {
        case 0: first = index
        case 1: second = index
        default:
            var gap = UInt32(index - last)
            while gap >= 0x80 {
                bytes.append(UInt8(gap & 0x7f) | 0x80)
                gap >>= 7
            }
            bytes.append(UInt8(gap))
        }
        last = index
        stored += 1
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
        guard stored > 0 else { return }
        body(first)
        guard stored > 1 else { return }
        body(second)
        var value = second
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
