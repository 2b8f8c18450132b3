/// The posting lists of Han terms, by ``HanTerm`` key: an open-addressing table of list
/// numbers over two dense arrays, the keys and their lists.
///
/// A national index has millions of Han terms (most of them pairs of characters in names).
/// As a `Dictionary` of lists, each bucket held a key and a list, and doubling the table
/// once it passed three quarters of a power of two cost 130 MB at a stroke; here a bucket
/// is four bytes, and a key is found with a multiplication rather than SipHash.
struct HanPostingTable: Sendable {
    /// For each bucket, the number of its list in `keys` and `lists`, or -1.
    private var buckets = [Int32](repeating: -1, count: 16)
    /// `64 - log2(buckets.count)`: a key's first bucket is the top bits of its product.
    private var shift: UInt64 = 60
    /// The keys, in the order first added.
    private(set) var keys: [UInt64] = []
    /// The list of each of `keys`.
    private(set) var lists: [PostingList] = []

    /// Number of terms.
    var count: Int { keys.count }

    /// The first bucket to look in for `key` (Fibonacci hashing).
    @inline(__always)
    private func firstBucket(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The list of `key`, if it has one.
    subscript(key: UInt64) -> PostingList? {
        let mask = buckets.count - 1
        var bucket = firstBucket(key)
        while true {
            let list = buckets[bucket]
            if list < 0 { return nil }
            if keys[Int(list)] == key { return lists[Int(list)] }
            bucket = (bucket + 1) & mask
        }
    }

    /// Adds document `index` to the list of `key` (see ``PostingList/append(_:)``).
    mutating func append(_ index: Int32, to key: UInt64) {
        let mask = buckets.count - 1
        var bucket = firstBucket(key)
        while true {
            let list = buckets[bucket]
            if list < 0 { break }
            if keys[Int(list)] == key {
                lists[Int(list)].append(index)
                return
            }
            bucket = (bucket + 1) & mask
        }
        buckets[bucket] = Int32(keys.count)
        keys.append(key)
        var list = PostingList()
        list.append(index)
        lists.append(list)
        if keys.count * 4 > buckets.count * 3 { grow() }
    }

    /// Doubles the buckets and places every list again.
    private mutating func grow() {
        buckets = [Int32](repeating: -1, count: buckets.count * 2)
        shift -= 1
        let mask = buckets.count - 1
        for (number, key) in keys.enumerated() {
            var bucket = firstBucket(key)
            while buckets[bucket] >= 0 { bucket = (bucket + 1) & mask }
            buckets[bucket] = Int32(number)
        }
    }
}
