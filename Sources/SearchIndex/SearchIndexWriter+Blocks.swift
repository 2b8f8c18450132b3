import Dispatch
import Foundation
import StableDigest

extension SearchIndexWriter {
    /// A posting list too long to be read whole for every query (a frequent character, a
    /// pair like 公司, a filter): split into blocks by number, each block the numbers from
    /// `block << shift` up to the next block's, so that a document coming or going changes
    /// only its own block. The newest block is in the shard; the client reads older ones
    /// (`x/FILE-LIST-BLOCK.json`) only while a query needs more results.
    struct BlockedList: Sendable {
        /// The stem of the list's `x/` files (its term's FNV-1a, made unique among them).
        var file: String
        /// log2 of the numbers a block covers.
        var shift: Int
        /// The blocks holding documents, newest first: their numbers, sizes and fingerprints
        /// (sums of their numbers' mixes).
        var blocks: [(block: Int, count: Int, fingerprint: ContentFingerprint)]
    }

    /// One list of one term: list 0 (all text), 1 (titles) or 2 (subjects' names).
    struct ListKey: Hashable, Sendable {
        var term: Layout.Term
        var list: Int
    }

    /// The postings of `key`, if the term has that list.
    func postings(_ key: ListKey) -> PostingList? {
        switch (key.term, key.list) {
        case (.han(let han), 0): return hanPostings[han]
        case (.han(let han), 1): return titleHanPostings[han]
        case (.han(let han), _): return nameHanPostings[han]
        case (.word(let word), 0): return wordPostings[word]
        case (.word(let word), 1): return titleWordPostings[word]
        case (.word(let word), _): return nameWordPostings[word]
        }
    }

    /// The term's text.
    static func name(_ term: Layout.Term) -> String {
        switch term {
        case .han(let key): return HanTerm.string(key)
        case .word(let word): return word
        }
    }

    /// The key of a list in ``SearchNumbering/blockShifts``.
    static func shiftKey(_ key: ListKey) -> String { name(key.term) + "\u{0}" + String(key.list) }

    /// The lists longer than ``inlinePostings``, split into blocks of about
    /// ``blockPostings`` (the last index's block size while its blocks hold between a quarter
    /// and four times that; `previous`), worked out on all cores: one pass over each list's
    /// postings.
    func blockedLists(numbers: [Int32], span: Int, previous: [String: Int]) -> [ListKey: BlockedList] {
        var long: [(ListKey, PostingList)] = []
        // A term's title and name lists are shorter than its list of all text.
        func addLong(_ term: Layout.Term, all: PostingList) {
            guard all.count > inlinePostings else { return }
            long.append((ListKey(term: term, list: 0), all))
            for index in 1..<3 {
                let key = ListKey(term: term, list: index)
                if let postings = postings(key), postings.count > inlinePostings { long.append((key, postings)) }
            }
        }
        for (key, list) in zip(hanPostings.keys, hanPostings.lists) { addLong(.han(key), all: list) }
        for (word, list) in wordPostings { addLong(.word(word), all: list) }
        // File stems: the term's hash, with a suffix for the second and later terms of a hash.
        var stems: [String: String] = [:]
        let named = Set(long.map { Self.name($0.0.term) }).sorted()
        var taken: [String: Int] = [:]
        for name in named {
            let hash = String(SearchShards.fnv1a(name), radix: 16)
            let stem = String(repeating: "0", count: 8 - hash.count) + hash
            let seen = taken[stem, default: 0]
            taken[stem] = seen + 1
            stems[name] = seen == 0 ? stem : "\(stem)_\(seen)"
        }
        let target = blockPostings
        let lists = long, fileStems = stems
        let shifts = lists.map { previous[Self.shiftKey($0.0)] }
        var results = [BlockedList?](repeating: nil, count: long.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: long.count) { index in
                let (key, postings) = lists[index]
                // Blocks of a power of two numbers, about `target` documents each.
                let perBlock = { (shift: Int) -> Int in postings.count * (1 << shift) / max(span, 1) }
                var shift = 0
                if let kept = shifts[index], kept < 31, perBlock(kept) >= target / 4, perBlock(kept) <= target * 4 {
                    shift = kept
                } else {
                    while (1 << (shift + 1)) * postings.count <= target * max(span, 1) { shift += 1 }
                }
                var blocks: [Int: (count: Int, sum: ContentFingerprint)] = [:]
                postings.forEach { document in
                    let number = Int(numbers[Int(document)])
                    let entry = blocks[number >> shift] ?? (0, .zero)
                    blocks[number >> shift] = (entry.count + 1, entry.sum &+ ContentFingerprint.word(UInt64(number)))
                }
                output[index] = BlockedList(
                    file: fileStems[Self.name(key.term)]!, shift: shift,
                    blocks: blocks.sorted { $0.key > $1.key }.map { ($0.key, $0.value.count, $0.value.sum) })
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(long.map(\.0), results.map { $0! }))
    }
}
