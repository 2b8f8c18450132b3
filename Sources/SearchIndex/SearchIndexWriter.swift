import CreditVocabulary
import Foundation
import JSONText
import StableDigest

/// Builds the static search index under `search/`:
///
/// - `manifest.json`: document count, shard count, chunk size and the filter values;
/// - `h/N.json`: postings of Han terms and filter terms (`#k:record`, `#r:湖北`, `#y:2026`,
///   `#l:black`), sharded by hash;
/// - `w/KEY.json`: postings of ASCII words, sharded by their first two characters;
/// - `d/N.json`: title, link, kind, date, region and snippet of each document, in chunks.
///
/// Document numbers are given newest first, so ranking by number is ranking by recency.
/// Postings are `[all, title]`, each a list of gaps between ascending document numbers.
public struct SearchIndexWriter: Sendable {
    /// Aimed-at size of a hashed shard file.
    public var targetShardBytes: Int
    /// Documents per `d/` chunk.
    public var documentsPerChunk: Int

    /// Each document's date and link (its rank), in the order added.
    private var keys: [(date: CivilDate, path: String)] = []
    /// Each document's result line, in the order added.
    private let lines: ResultLineStore
    /// The fingerprint of each document's result line, in the order added (a `d/` chunk's
    /// fingerprint is made of them; see ``Layout/fingerprint(of:)``).
    private var lineFingerprints: [ContentFingerprint] = []
    /// Postings of Han terms, by ``HanTerm`` key: all text, and titles.
    private var hanPostings = HanPostingTable()
    private var titleHanPostings = HanPostingTable()
    /// Postings of ASCII words and filter terms: all text, and titles.
    private var wordPostings: [String: PostingList] = [:]
    private var titleWordPostings: [String: PostingList] = [:]
    private var facets: [String: [String: Int]] = ["k": [:], "r": [:], "y": [:], "l": [:]]

    /// A writer whose result lines are kept in `lines` (in memory unless told otherwise).
    public init(targetShardBytes: Int = 8_000, documentsPerChunk: Int = 16, lines: ResultLineStore = ResultLineStore()) {
        self.targetShardBytes = targetShardBytes
        self.documentsPerChunk = documentsPerChunk
        self.lines = lines
    }

    /// Number of documents added.
    public var count: Int { keys.count }

    /// Adds a document: its terms go to the postings at once, its text is not kept.
    public mutating func add(_ document: SearchDocument) {
        add(PreparedDocument(document))
    }

    /// Adds a tokenised document.
    public mutating func add(_ document: PreparedDocument) {
        let index = Int32(keys.count)
        keys.append((document.line.date, document.line.path))
        lines.append(document.line)
        var line = ContentFingerprinter()
        for text in [document.line.kind.rawValue, document.line.path, document.line.title, document.line.date.iso,
                     document.line.regions, document.line.snippet] {
            line.write(text)
        }
        lineFingerprints.append(line.fingerprint)
        for filter in document.filters {
            facets[String(filter.prefix(1))]![String(filter.dropFirst(2)), default: 0] += 1
        }
        for term in document.han { hanPostings.append(index, to: term) }
        for term in document.words { wordPostings[term, default: PostingList()].append(index) }
        for term in document.titleHan { titleHanPostings.append(index, to: term) }
        for term in document.titleWords { titleWordPostings[term, default: PostingList()].append(index) }
    }

    /// Adds documents.
    public mutating func add(contentsOf documents: [SearchDocument]) {
        for document in documents { add(document) }
    }

    /// The files, by path relative to `search/`, sorted by path.
    public func files() -> [(path: String, content: String)] {
        let layout = self.layout()
        return layout.paths.map { ($0, layout.content(of: $0)) }
    }

    /// Where every term and document goes; each file's text is then made on its own
    /// (``Layout/content(of:)``, safe on any thread), so that a large index is never held
    /// whole as text.
    public func layout() -> Layout {
        // Newest first: a document's number is its rank by date, then by link.
        lines.finishWriting()
        let order = keys.indices.sorted { (keys[$0].date, keys[$1].path) > (keys[$1].date, keys[$0].path) }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        // Han and filter terms go to shards by hash, ASCII words by their first characters.
        var estimated = 0
        var hashed: [(term: String, key: Layout.Term)] = []
        hashed.reserveCapacity(hanPostings.count)
        for (key, postings) in zip(hanPostings.keys, hanPostings.lists) {
            let term = HanTerm.string(key)
            estimated += term.utf8.count + 6 + (postings.count + (titleHanPostings[key]?.count ?? 0)) * 3
            hashed.append((term, .han(key)))
        }
        var shards: [String: [Layout.Term]] = [:]
        for (term, postings) in wordPostings {
            if term.unicodeScalars.allSatisfy(SearchTokenizer.isWordScalar) {
                shards[SearchShards.wordShard(term), default: []].append(.word(term))
            } else {
                estimated += term.utf8.count + 6 + (postings.count + (titleWordPostings[term]?.count ?? 0)) * 3
                hashed.append((term, .word(term)))
            }
        }
        var shardCount = 1
        while shardCount < 4096 && estimated / shardCount > targetShardBytes { shardCount *= 2 }
        for (term, key) in hashed {
            shards[SearchShards.hanShard(term, shardCount: shardCount), default: []].append(key)
        }
        var paths = Array(shards.keys)
        for start in stride(from: 0, to: order.count, by: documentsPerChunk) {
            paths.append("d/\(start / documentsPerChunk).json")
        }
        paths.append("manifest.json")
        // What every file depends on besides its own terms or lines: the format, the shard
        // count and chunk size, and which document has which number.
        var whole = ContentFingerprinter()
        whole.write("gongshi search files 1")
        whole.write(UInt64(shardCount))
        whole.write(UInt64(documentsPerChunk))
        order.withUnsafeBytes { whole.write(bytes: $0) }
        return Layout(writer: self, order: order, rank: rank, shards: shards, shardCount: shardCount, paths: paths.sorted(),
                      whole: whole.fingerprint)
    }

    /// The index's files, laid out: their paths, and the text of each on demand.
    public struct Layout: Sendable {
        /// A term of a shard: Han (by key) or a word or filter term.
        enum Term: Sendable {
            case han(UInt64)
            case word(String)
        }

        fileprivate let writer: SearchIndexWriter
        /// Document indices, newest first.
        fileprivate let order: [Int]
        /// Each document's number.
        fileprivate let rank: [Int32]
        fileprivate let shards: [String: [Term]]
        fileprivate let shardCount: Int
        /// Every file's path relative to `search/`, sorted.
        public let paths: [String]
        /// The fingerprint of the document numbering and the format (part of every file's).
        fileprivate let whole: ContentFingerprint

        /// A fingerprint of everything the file at `path` is made from: equal fingerprints
        /// (from the same program) mean equal bytes, so an unchanged file need not be made
        /// again. For a postings shard, its terms and their document indices; for a `d/`
        /// chunk, its documents' result lines; both with the document numbering. Nil for
        /// `manifest.json`, which is always made (it is small).
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
                        Self.write(writer.hanPostings[key], to: &one)
                        Self.write(writer.titleHanPostings[key], to: &one)
                    case .word(let word):
                        one.write(1)
                        one.write(word)
                        Self.write(writer.wordPostings[word], to: &one)
                        Self.write(writer.titleWordPostings[word], to: &one)
                    }
                    sum = sum &+ one.fingerprint
                }
                file.write(UInt64(terms.count))
                file.write(sum.high)
                file.write(sum.low)
                return file.fingerprint
            }
            if let documents = chunkDocuments(path) {
                for index in documents {
                    let line = writer.lineFingerprints[index]
                    file.write(line.high)
                    file.write(line.low)
                }
                return file.fingerprint
            }
            return nil
        }

        private static func write(_ postings: PostingList?, to fingerprinter: inout ContentFingerprinter) {
            guard let postings else { return fingerprinter.write(UInt64.max) }
            postings.write(to: &fingerprinter)
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
            if let documents = chunkDocuments(path) {
                return chunkJSON(documents)
            }
            return path == "manifest.json" ? Array(manifestJSON().utf8) : []
        }

        /// The documents (indices, in rank order) of the `d/` chunk at `path`; nil for any
        /// other path.
        private func chunkDocuments(_ path: String) -> ArraySlice<Int>? {
            guard path.hasPrefix("d/"), let chunk = Int(path.dropFirst(2).dropLast(5)) else { return nil }
            let start = chunk * writer.documentsPerChunk
            return order[start..<min(start + writer.documentsPerChunk, order.count)]
        }

        /// A `d/` chunk: `[[title,link,kind,date,regions,snippet],...]` for its documents,
        /// written byte by byte.
        private func chunkJSON(_ documents: ArraySlice<Int>) -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (position, index) in documents.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                let row = writer.lines.line(index)
                for (field, text) in [row.title, row.path, row.kind.rawValue, row.date.iso, row.regions, row.snippet].enumerated() {
                    out.append(field == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                    JSONText.appendQuoted(text, to: &out, escapingMarkup: true)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            return out
        }

        /// A shard file: `{"term":[[gaps],[title gaps]],...}` with terms in `String` order,
        /// written byte by byte (its numbers were most of the index's cost).
        private func shardJSON(_ terms: [Term]) -> [UInt8] {
            let named = terms.map { term -> (String, Term) in
                switch term {
                case .han(let key): return (HanTerm.string(key), term)
                case .word(let word): return (word, term)
                }
            }.sorted { $0.0 < $1.0 }
            var out: [UInt8] = [UInt8(ascii: "{")]
            var scratch: [Int32] = []
            for (position, (name, term)) in named.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(name, to: &out, escapingMarkup: true)
                out.append(contentsOf: ":[".utf8)
                switch term {
                case .han(let key):
                    appendGaps(writer.hanPostings[key], to: &out, scratch: &scratch)
                    out.append(UInt8(ascii: ","))
                    appendGaps(writer.titleHanPostings[key], to: &out, scratch: &scratch)
                case .word(let word):
                    appendGaps(writer.wordPostings[word], to: &out, scratch: &scratch)
                    out.append(UInt8(ascii: ","))
                    appendGaps(writer.titleWordPostings[word], to: &out, scratch: &scratch)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
            return out
        }

        /// Appends `[g1,g2,...]`: the gaps between the ascending numbers of the documents in
        /// `postings` (the first gap is the first number).
        private func appendGaps(_ postings: PostingList?, to out: inout [UInt8], scratch: inout [Int32]) {
            scratch.removeAll(keepingCapacity: true)
            let count = postings?.count ?? 0
            if count > 0 && count >= rank.count / 256 {
                // A frequent term: its numbers are marked in a bitmap of all documents and read
                // back in order, which costs a pass over the bitmap instead of a sort.
                var bits = [UInt64](repeating: 0, count: (rank.count + 63) / 64)
                postings?.forEach { index in
                    let number = Int(rank[Int(index)])
                    bits[number >> 6] |= 1 << UInt64(number & 63)
                }
                for (word, value) in bits.enumerated() where value != 0 {
                    var remaining = value
                    while remaining != 0 {
                        scratch.append(Int32(word << 6 + remaining.trailingZeroBitCount))
                        remaining &= remaining - 1
                    }
                }
            } else {
                postings?.forEach { scratch.append(rank[Int($0)]) }
                scratch.sort()
            }
            out.append(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (position, number) in scratch.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendDecimal(Int(number - previous), to: &out)
                previous = number
            }
            out.append(UInt8(ascii: "]"))
        }

        /// `manifest.json`: document count, shard count, chunk size and the filter values.
        private func manifestJSON() -> String {
            let facets = writer.facets
            let manifest: [String: Any] = [
                "version": 1, "documents": writer.keys.count, "hanShards": shardCount, "chunk": writer.documentsPerChunk,
                "kinds": facets["k"]!, "regions": facets["r"]!, "years": facets["y"]!, "lists": facets["l"]!,
            ]
            return SearchIndexWriter.json(manifest)
        }

    }

    /// The first 90 characters of the text, white space folded.
    /// Reads only as far as the snippet goes (texts can be long).
    static func snippet(_ text: String) -> String {
        let limit = 90
        var snippet = ""
        var length = 0
        var space = false
        for character in text {
            if character.isWhitespace {
                space = length > 0
                continue
            }
            if space {
                if length == limit { return snippet + "…" }
                snippet.append(" ")
                length += 1
                space = false
            }
            if length == limit { return snippet + "…" }
            snippet.append(character)
            length += 1
        }
        return snippet
    }

    /// Deterministic compact JSON (sorted keys, UTF-8, no escaped slashes). `<`, `>` and `&`
    /// are written as `\u003c`, `\u003e` and `\u0026`, so that no index file holds markup even
    /// if a web server were to serve it as HTML.
    static func json(_ object: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }
}
