import CreditVocabulary
import Foundation
import JSONText
import StableDigest

/// Builds the static search index under `search/`:
///
/// - `manifest.json`: document count, number span, shard count, chunk size and the filter values;
/// - `h/N.json`: postings of every term (Han characters and pairs, ASCII words and their
///   prefixes, joined words, filter terms `#k:record`, `#r:湖北`, `#y:2026`, `#l:black`),
///   sharded by hash;
/// - `x/FILE-LIST-BLOCK.json`: the older blocks of frequent terms' lists (``BlockedList``);
/// - `d/N.json`: title, link, kind, date, region and snippet of the documents numbered
///   `N × chunk` to `N × chunk + chunk - 1`, `null` for a number no document has.
///
/// Document numbers come from a ``SearchNumbering``, kept from build to build: they ascend
/// with the documents' dates, so ranking by number, highest first, is ranking by recency, and
/// a document keeps its number while it is shown, so that one document changing rewrites
/// only its chunk and the shards of its terms. Postings are `[all, title]`, or
/// `[all, title, name]` for a term of a subject's name or USCC, each a list of gaps between
/// ascending document numbers.
public struct SearchIndexWriter: Sendable {
    /// Aimed-at size of a hashed shard file.
    public var targetShardBytes: Int
    /// Numbers per `d/` chunk (about half of them are documents: numbers are given two apart;
    /// eight result lines, some 3 KB, of which a first page of results reads up to ten).
    public var numbersPerChunk: Int
    /// Postings in a list read whole from its shard; a longer list is split into blocks of
    /// about ``blockPostings`` (see ``BlockedList``).
    public var inlinePostings: Int
    public var blockPostings: Int

    /// Each document's date and link, in the order added.
    private(set) var keys: [(date: CivilDate, path: String)] = []
    /// Each document's result line, in the order added.
    let lines: ResultLineStore
    /// The fingerprint of each document's result line, in the order added (a `d/` chunk's
    /// fingerprint is made of them; see ``Layout/fingerprint(of:)``).
    private(set) var lineFingerprints: [ContentFingerprint] = []
    /// Postings of Han terms, by ``HanTerm`` key: all text, titles, and subjects' names.
    private(set) var hanPostings = HanPostingTable()
    private(set) var titleHanPostings = HanPostingTable()
    private(set) var nameHanPostings = HanPostingTable()
    /// Postings of ASCII words and filter terms: all text, titles, and subjects' names.
    private(set) var wordPostings: [String: PostingList] = [:]
    private(set) var titleWordPostings: [String: PostingList] = [:]
    private(set) var nameWordPostings: [String: PostingList] = [:]
    private(set) var facets: [String: [String: Int]] = ["k": [:], "r": [:], "y": [:], "l": [:]]

    /// A writer whose result lines are kept in `lines` (in memory unless told otherwise).
    public init(
        targetShardBytes: Int = 8_000, numbersPerChunk: Int = 16, inlinePostings: Int = 3_000, blockPostings: Int = 1_500,
        lines: ResultLineStore = ResultLineStore()
    ) {
        self.targetShardBytes = targetShardBytes
        self.numbersPerChunk = numbersPerChunk
        self.inlinePostings = inlinePostings
        self.blockPostings = blockPostings
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
        // Words, each with its prefix terms (a prefix shared by two words lists the document once).
        for term in document.words.flatMap(Self.withPrefixes) { wordPostings[term, default: PostingList()].append(index) }
        for term in document.titleHan { titleHanPostings.append(index, to: term) }
        for term in document.titleWords.flatMap(Self.withPrefixes) {
            titleWordPostings[term, default: PostingList()].append(index)
        }
        for term in document.nameHan { nameHanPostings.append(index, to: term) }
        for term in document.nameWords.flatMap(Self.withPrefixes) {
            nameWordPostings[term, default: PostingList()].append(index)
        }
    }

    /// A word and its prefix terms.
    static func withPrefixes(_ word: String) -> [String] {
        [word] + SearchTokenizer.prefixes(of: word)
    }

    /// Adds documents.
    public mutating func add(contentsOf documents: [SearchDocument]) {
        for document in documents { add(document) }
    }

    /// The files, by path relative to `search/`, sorted by path, for documents numbered
    /// after `numbering`.
    public func files(numbering: SearchNumbering = SearchNumbering()) -> [(path: String, content: String)] {
        let layout = self.layout(numbering: numbering)
        return layout.paths.map { ($0, layout.content(of: $0)) }
    }

    /// The first 90 characters of the text, white space folded, and `…` when there is more.
    /// Reads only as far as the snippet goes (texts can be long). A number or Latin word the
    /// 90th character cuts is left out whole: half a USCC glued to the digits before it read
    /// as a bank card number to the build's last check (which refused a national build), and
    /// half an identifier says nothing to a reader.
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
            if length == limit { return cut(snippet, before: character) }
            snippet.append(character)
            length += 1
        }
        return snippet
    }

    /// `snippet` and `…`, without the run of word characters that `next` would continue.
    private static func cut(_ snippet: String, before next: Character) -> String {
        var snippet = snippet
        if isWordCharacter(next) {
            while let last = snippet.last, isWordCharacter(last) { snippet.removeLast() }
            if snippet.last == " " { snippet.removeLast() }
        }
        return snippet + "…"
    }

    /// Digits of any form, and Latin letters half- or full-width: what numbers and codes are
    /// made of.
    static func isWordCharacter(_ character: Character) -> Bool {
        if character.isNumber { return true }
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
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
