import CreditVocabulary
import Foundation
import JSONText
import StableDigest

extension SearchIndexWriter {
    /// Where every term and document goes, the documents numbered after `numbering` (the
    /// last build's); each file's text is then made on its own (``Layout/content(of:)``,
    /// safe on any thread), so that a large index is never held whole as text.
    public func layout(numbering: SearchNumbering = SearchNumbering()) -> Layout {
        lines.finishWriting()
        let assignment = numbering.assign(keys.map { ($0.path, Int32($0.date.dayNumber)) })
        let numbers = assignment.numbers
        let span = Int(numbers.max().map { $0 + 1 } ?? 0)
        var documentAt = [Int32](repeating: -1, count: span)
        for (index, number) in numbers.enumerated() { documentAt[Int(number)] = Int32(index) }
        // Every term goes to a shard by hash; the shard count follows the shards' estimated size.
        var estimated = 0
        var hashed: [(term: String, key: Layout.Term)] = []
        hashed.reserveCapacity(hanPostings.count + wordPostings.count)
        func add(_ term: String, _ key: Layout.Term, all: PostingList, title: PostingList?) {
            estimated += term.utf8.count + 6 + (shardShare(all) + shardShare(title)) * 3
            hashed.append((term, key))
        }
        for (key, postings) in zip(hanPostings.keys, hanPostings.lists) {
            add(HanTerm.string(key), .han(key), all: postings, title: titleHanPostings[key])
        }
        for (term, postings) in wordPostings { add(term, .word(term), all: postings, title: titleWordPostings[term]) }
        var shards: [String: [Layout.Term]] = [:]
        let shardCount = Self.shardCount(estimated: estimated, target: targetShardBytes, previous: numbering.shardCount)
        for (term, key) in hashed {
            shards[SearchShards.hanShard(term, shardCount: shardCount), default: []].append(key)
        }
        var paths = Array(shards.keys)
        let blocked = blockedLists(numbers: numbers, span: span, previous: numbering.blockShifts)
        var blockFiles: [String: (list: ListKey, position: Int)] = [:]
        for (key, list) in blocked {
            for (position, block) in list.blocks.enumerated().dropFirst() {
                blockFiles[PostingCursor.blockFile(list.file, list: key.list, block: block.block)] = (key, position)
            }
        }
        paths += blockFiles.keys
        var chunks = Set<Int>()
        for number in numbers { chunks.insert(Int(number) / numbersPerChunk) }
        for chunk in chunks { paths.append("d/\(chunk).json") }
        paths.append("manifest.json")
        // What every file depends on besides its own terms or lines: the format, the shard
        // count and the chunk size (not the numbering: each file's fingerprint has the numbers
        // of its own documents).
        var whole = ContentFingerprinter()
        whole.write("gongshi search files 3")
        whole.write(UInt64(shardCount))
        whole.write(UInt64(numbersPerChunk))
        whole.write(UInt64(inlinePostings))
        whole.write(UInt64(blockPostings))
        var next = assignment.next
        next.shardCount = shardCount
        next.blockShifts = Dictionary(uniqueKeysWithValues: blocked.map { (Self.shiftKey($0.key), $0.value.shift) })
        return Layout(writer: self, numbers: numbers, documentAt: documentAt, shards: shards, shardCount: shardCount,
                      blocked: blocked, blockFiles: blockFiles, sorted: SortedListCache(),
                      paths: paths.sorted(), whole: whole.fingerprint, numbering: next,
                      moved: assignment.moved)
    }

    /// The most hashed shards: every query term reads one, so at a million records (some
    /// 150 MB of shards) they stay near 10 KB each.
    static let maximumShards = 16_384

    /// The number of hashed shards, a power of two up to ``maximumShards``, for `estimated`
    /// bytes: the last index's while its shards stay between a quarter of `target` and twice
    /// it, else the fewest that keep them at `target` or below.
    static func shardCount(estimated: Int, target: Int, previous: Int) -> Int {
        if previous > 0, previous & (previous - 1) == 0, previous <= maximumShards,
           estimated / previous <= 2 * target || previous == maximumShards, estimated / previous >= target / 4 || previous == 1 {
            return previous
        }
        var count = 1
        while count < maximumShards && estimated / count > target { count *= 2 }
        return count
    }

    /// The postings of a list that its shard holds (for a blocked list, about one block).
    private func shardShare(_ postings: PostingList?) -> Int {
        let count = postings?.count ?? 0
        return count > inlinePostings ? blockPostings : count
    }

    /// The index's files, laid out: their paths, and the text of each on demand.
    public struct Layout: Sendable {
        /// A term of a shard: Han (by key) or a word or filter term.
        enum Term: Hashable, Sendable {
            case han(UInt64)
            case word(String)
        }

        fileprivate let writer: SearchIndexWriter
        /// Each document's number, in the order added.
        fileprivate let numbers: [Int32]
        /// For each number, the document (in the order added) that has it, or -1.
        fileprivate let documentAt: [Int32]
        fileprivate let shards: [String: [Term]]
        fileprivate let shardCount: Int
        /// The lists split into blocks, and the `x/` file of each block but the newest (its
        /// list, and its place in the list's blocks).
        fileprivate let blocked: [ListKey: BlockedList]
        fileprivate let blockFiles: [String: (list: ListKey, position: Int)]
        fileprivate let sorted: SortedListCache
        /// Every file's path relative to `search/`, sorted.
        public let paths: [String]
        /// The fingerprint of the format, the shard count and the chunk size (part of every file's).
        fileprivate let whole: ContentFingerprint
        /// The numbering to keep for the next build.
        public let numbering: SearchNumbering
        /// Documents shown before that were given another number (a window spread out, or a
        /// compaction).
        public let moved: Int

        /// A fingerprint of everything the file at `path` is made from: equal fingerprints
        /// (from the same program) mean equal bytes, so an unchanged file need not be made
        /// again. For a postings shard, its terms and their documents' numbers; for a `d/`
        /// chunk, its documents' numbers and result lines. Nil for `manifest.json`, which is
        /// always made (it is small).
        public func fingerprint(of path: String) -> ContentFingerprint? {
            var file = ContentFingerprinter()
            file.write(whole.high)
            file.write(whole.low)
            file.write(path)
            if let terms = shards[path] {
                // The shard's terms are in no set order: their fingerprints are summed.
                var sum = ContentFingerprint.zero
                for term in terms {
                    var one = ContentFingerprinter()
                    switch term {
                    case .han(let key):
                        one.write(0)
                        one.write(key)
                    case .word(let word):
                        one.write(1)
                        one.write(word)
                    }
                    for list in 0..<3 {
                        let key = ListKey(term: term, list: list)
                        write(writer.postings(key), to: &one)
                        if let blocked = blocked[key] {
                            one.write(blocked.file)
                            one.write(UInt64(blocked.shift))
                            for block in blocked.blocks { one.write(UInt64(block.block)) }
                        }
                    }
                    sum = sum &+ one.fingerprint
                }
                file.write(UInt64(terms.count))
                file.write(sum.high)
                file.write(sum.low)
                return file.fingerprint
            }
            if let (key, position) = blockFiles[path], let block = blocked[key]?.blocks[position] {
                file.write(UInt64(block.count))
                file.write(block.fingerprint.high)
                file.write(block.fingerprint.low)
                return file.fingerprint
            }
            if let range = chunkNumbers(path) {
                for number in range where documentAt[number] >= 0 {
                    let line = writer.lineFingerprints[Int(documentAt[number])]
                    file.write(UInt64(number))
                    file.write(line.high)
                    file.write(line.low)
                }
                return file.fingerprint
            }
            return nil
        }

        /// Writes the numbers of a list's documents, in no order (a sum of their mixes: the
        /// same set of numbers gives the same words whatever order the documents were added in).
        private func write(_ postings: PostingList?, to fingerprinter: inout ContentFingerprinter) {
            guard let postings else { return fingerprinter.write(UInt64.max) }
            var sum = ContentFingerprint.zero
            postings.forEach { index in sum = sum &+ ContentFingerprint.word(UInt64(numbers[Int(index)])) }
            fingerprinter.write(UInt64(postings.count))
            fingerprinter.write(sum.high)
            fingerprinter.write(sum.low)
        }

        /// The text of the file at `path` (one of ``paths``).
        public func content(of path: String) -> String {
            String(decoding: bytes(of: path), as: UTF8.self)
        }

        /// The bytes of the file at `path` (one of ``paths``), UTF-8.
        public func bytes(of path: String) -> [UInt8] {
            if let terms = shards[path] {
                return shardJSON(terms)
            }
            if let range = chunkNumbers(path) {
                return chunkJSON(range)
            }
            if let (key, position) = blockFiles[path], let list = blocked[key] {
                var out: [UInt8] = []
                appendGaps(blockNumbers(key, list, block: list.blocks[position].block), to: &out)
                return out
            }
            return path == "manifest.json" ? Array(manifestJSON().utf8) : []
        }

        /// The numbers of the `d/` chunk at `path`; nil for any other path.
        private func chunkNumbers(_ path: String) -> Range<Int>? {
            guard path.hasPrefix("d/"), let chunk = Int(path.dropFirst(2).dropLast(5)) else { return nil }
            let start = chunk * writer.numbersPerChunk
            return start..<min(start + writer.numbersPerChunk, documentAt.count)
        }

        /// A `d/` chunk: `[[title,link,kind,date,regions,snippet],null,...]`, one item per
        /// number up to its last document, written byte by byte.
        private func chunkJSON(_ range: Range<Int>) -> [UInt8] {
            let last = range.last { documentAt[$0] >= 0 } ?? range.lowerBound
            var out: [UInt8] = [UInt8(ascii: "[")]
            for number in range.lowerBound...last {
                if number > range.lowerBound { out.append(UInt8(ascii: ",")) }
                guard documentAt[number] >= 0 else {
                    out.append(contentsOf: "null".utf8)
                    continue
                }
                let row = writer.lines.line(Int(documentAt[number]))
                for (field, text) in [row.title, row.path, row.kind.rawValue, row.date.iso, row.regions, row.snippet].enumerated() {
                    out.append(field == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                    JSONText.appendQuoted(text, to: &out, escapingMarkup: true)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            return out
        }

        /// A shard file: `{"term":[[gaps],[title gaps]],...}` (a third list, of name gaps, for
        /// a term of a subject's name) with terms in `String` order, written byte by byte (its
        /// numbers were most of the index's cost). A blocked list is written
        /// `{"c":count,"f":file,"k":[blocks, newest first],"r":numbers per block,"h":[gaps of the newest block]}`.
        private func shardJSON(_ terms: [Term]) -> [UInt8] {
            let named = terms.map { (SearchIndexWriter.name($0), $0) }.sorted { $0.0 < $1.0 }
            var out: [UInt8] = [UInt8(ascii: "{")]
            for (position, (name, term)) in named.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(name, to: &out, escapingMarkup: true)
                out.append(contentsOf: ":[".utf8)
                for list in 0..<3 {
                    let key = ListKey(term: term, list: list)
                    let postings = writer.postings(key)
                    guard list < 2 || postings != nil else { continue }
                    if list > 0 { out.append(UInt8(ascii: ",")) }
                    if let blocked = blocked[key] {
                        out.append(contentsOf: "{\"c\":".utf8)
                        JSONText.appendDecimal(postings?.count ?? 0, to: &out)
                        out.append(contentsOf: ",\"f\":".utf8)
                        JSONText.appendQuoted(blocked.file, to: &out, escapingMarkup: true)
                        out.append(contentsOf: ",\"k\":[".utf8)
                        for (index, block) in blocked.blocks.enumerated() {
                            if index > 0 { out.append(UInt8(ascii: ",")) }
                            JSONText.appendDecimal(block.block, to: &out)
                        }
                        out.append(contentsOf: "],\"r\":".utf8)
                        JSONText.appendDecimal(1 << blocked.shift, to: &out)
                        out.append(contentsOf: ",\"h\":".utf8)
                        appendGaps(blockNumbers(key, blocked, block: blocked.blocks[0].block), to: &out)
                        out.append(UInt8(ascii: "}"))
                    } else {
                        appendGaps(sortedNumbers(postings), to: &out)
                    }
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
            return out
        }

        /// The numbers of one block of a blocked list, ascending.
        private func blockNumbers(_ key: ListKey, _ list: BlockedList, block: Int) -> ArraySlice<Int32> {
            let all = sorted.numbers(key) { sortedNumbers(writer.postings(key)) }
            let low = Int32(block << list.shift), high = Int32((block + 1) << list.shift)
            return all[lowerBound(all, low)..<lowerBound(all, high)]
        }

        /// The first index of `numbers` (ascending) holding `value` or more.
        private func lowerBound(_ numbers: [Int32], _ value: Int32) -> Int {
            var low = 0, high = numbers.count
            while low < high {
                let middle = (low + high) / 2
                if numbers[middle] < value { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The numbers of the documents in `postings`, ascending.
        private func sortedNumbers(_ postings: PostingList?) -> [Int32] {
            var numbers: [Int32] = []
            let count = postings?.count ?? 0
            numbers.reserveCapacity(count)
            if count > 0 && count >= documentAt.count / 256 {
                // A frequent term: its numbers are marked in a bitmap of all numbers and read
                // back in order, which costs a pass over the bitmap instead of a sort.
                var bits = [UInt64](repeating: 0, count: (documentAt.count + 63) / 64)
                postings?.forEach { index in
                    let number = Int(self.numbers[Int(index)])
                    bits[number >> 6] |= 1 << UInt64(number & 63)
                }
                for (word, value) in bits.enumerated() where value != 0 {
                    var remaining = value
                    while remaining != 0 {
                        numbers.append(Int32(word << 6 + remaining.trailingZeroBitCount))
                        remaining &= remaining - 1
                    }
                }
            } else {
                postings?.forEach { numbers.append(self.numbers[Int($0)]) }
                numbers.sort()
            }
            return numbers
        }

        /// Appends `[g1,g2,...]`: the gaps between ascending numbers (the first gap is the
        /// first number).
        private func appendGaps<Numbers: Collection<Int32>>(_ numbers: Numbers, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (position, number) in numbers.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendDecimal(Int(number - previous), to: &out)
                previous = number
            }
            out.append(UInt8(ascii: "]"))
        }

        /// `manifest.json`: document count, number span (one above the highest number), shard
        /// count, chunk size and the filter values.
        private func manifestJSON() -> String {
            let facets = writer.facets
            let manifest: [String: Any] = [
                "version": 2, "documents": writer.keys.count, "span": documentAt.count, "hanShards": shardCount,
                "chunk": writer.numbersPerChunk,
                "kinds": facets["k"]!, "regions": facets["r"]!, "years": facets["y"]!, "lists": facets["l"]!,
            ]
            return SearchIndexWriter.json(manifest)
        }
    }
}
