import Foundation

/// Splits text into index terms, identically to the browser client (`layouts/search.js`):
///
/// - text is folded with NFKC (full-width to half-width) and lower-cased;
/// - a run of Han characters gives every character and every pair of neighbours, so any
///   Han substring of two or more characters is found through its pairs;
/// - a run of ASCII letters and digits gives one term (USCCs, document numbers, years), and a
///   longer one its prefixes from four characters on as well (`^9135`…, up to ten; see
///   ``prefixes(of:)``);
/// - two such runs with only punctuation between them (`〔2026〕2号`, `0000-12345678`) also
///   give the two joined, `2026~2`, so that a document number or a phone number is found
///   only where its parts stand together (the terms of `〔2026〕2号` are otherwise also those
///   of `〔2026〕23号` beside a 2 elsewhere);
/// - everything else separates terms.
public enum SearchTokenizer {
    /// A query term.
    public enum QueryTerm: Hashable, Sendable {
        /// A term of the hashed shards, matched exactly: a Han character or pair, two joined
        /// words (`2026~2`), or a filter term (`#k:record`).
        case han(String)
        /// An ASCII word, matched exactly or, with `prefix`, as the beginning of a term.
        case word(String, prefix: Bool)

        /// The term's text.
        public var text: String {
            switch self {
            case .han(let text), .word(let text, _): return text
            }
        }
    }

    /// NFKC and lower case.
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Whether a scalar is a Han character (CJK Unified Ideographs and extensions, compatibility).
    @inline(__always)
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Whether a scalar is punctuation (general category P), which joins the words around it.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Runs of Han characters and of ASCII words in normalised text, and the pairs of words
    /// with only punctuation between them, joined with `~`.
    static func runs(_ normalized: String) -> (han: [[Unicode.Scalar]], words: [String], joined: [String]) {
        var han: [[Unicode.Scalar]] = []
        var words: [String] = []
        var joined: [String] = []
        var currentHan: [Unicode.Scalar] = []
        var currentWord = String.UnicodeScalarView()
        // The last word, while only punctuation has followed it.
        var previousWord: String?
        func flushWord() {
            guard !currentWord.isEmpty else { return }
            let word = String(currentWord)
            if let previousWord { joined.append(previousWord + "~" + word) }
            words.append(word)
            previousWord = word
            currentWord = String.UnicodeScalarView()
        }
        for scalar in normalized.unicodeScalars {
            if isHan(scalar) {
                flushWord()
                previousWord = nil
                currentHan.append(scalar)
            } else if isWordScalar(scalar) {
                if !currentHan.isEmpty { han.append(currentHan); currentHan = [] }
                currentWord.append(scalar)
            } else {
                if !currentHan.isEmpty { han.append(currentHan); currentHan = [] }
                flushWord()
                if !isPunctuation(scalar) { previousWord = nil }
            }
        }
        if !currentHan.isEmpty { han.append(currentHan) }
        flushWord()
        return (han, words, joined)
    }

    /// The index terms of a text.
    public static func terms(_ text: String) -> Set<String> {
        let (han, words) = indexTerms(text)
        return words.union(han.map(HanTerm.string))
    }

    /// The index terms of a text: Han characters and pairs as ``HanTerm`` keys (hashing
    /// integers instead of non-ASCII strings is most of the index's speed), ASCII words as text.
    public static func indexTerms(_ text: String) -> (han: Set<UInt64>, words: Set<String>) {
        let (runs, words, joined) = runs(normalize(text))
        var han = Set<UInt64>(minimumCapacity: runs.reduce(0) { $0 + 2 * $1.count })
        for run in runs {
            for index in run.indices {
                han.insert(HanTerm.key(run[index]))
                if index + 1 < run.count { han.insert(HanTerm.key(run[index], run[index + 1])) }
            }
        }
        return (han, Set(words).union(joined))
    }

    /// The prefix terms of a word (`^9135`, `^91350`…, from ``SearchShards/wordKeyLength``
    /// characters to ``SearchShards/longestPrefix`` and shorter than the word), under which
    /// the index also lists it, so that a prefix query reads one list rather than the lists
    /// of every word it begins. Made when a document is added, not kept with it.
    public static func prefixes(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        guard bytes.count > SearchShards.wordKeyLength, bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "~") && $0 != UInt8(ascii: "#") })
        else { return [] }
        return (SearchShards.wordKeyLength...min(bytes.count - 1, SearchShards.longestPrefix)).map {
            "^" + String(decoding: bytes[..<$0], as: UTF8.self)
        }
    }

    /// The terms a query needs, all of which a document must have: pairs of each Han run that
    /// cover every character (every other pair and the last one: every document holding the
    /// run holds them, so recall stays complete), its one character for a run of one, and each
    /// ASCII word as a prefix from four characters on (shorter words exactly).
    public static func queryTerms(_ query: String) -> [QueryTerm] {
        let (han, words, joined) = runs(normalize(query))
        var terms: [QueryTerm] = []
        for run in han {
            if run.count == 1 {
                terms.append(.han(String(run[0])))
            } else {
                var starts = Array(stride(from: 0, to: run.count - 1, by: 2))
                if starts.last != run.count - 2 { starts.append(run.count - 2) }
                for index in starts {
                    var pair = String.UnicodeScalarView()
                    pair.append(run[index])
                    pair.append(run[index + 1])
                    terms.append(.han(String(pair)))
                }
            }
        }
        for word in words {
            terms.append(.word(word, prefix: word.count >= SearchShards.wordKeyLength))
        }
        // A pair whose second word may be unfinished (the query's last, long enough to be a
        // prefix) is left out: its words alone are asked for.
        for (index, pair) in joined.enumerated() {
            let isLast = index == joined.count - 1 && words.last.map { pair.hasSuffix("~" + $0) } == true
                && normalize(query).unicodeScalars.last.map(isWordScalar) == true
            if isLast && (words.last?.count ?? 0) >= SearchShards.wordKeyLength { continue }
            terms.append(.han(pair))
        }
        var seen = Set<QueryTerm>()
        return terms.filter { seen.insert($0).inserted }
    }
}
