import Foundation

/// Splits text into index terms, identically to the browser client (`layouts/search.js`):
///
/// - text is folded with NFKC (full-width to half-width) and lower-cased;
/// - a run of Han characters gives every character and every pair of neighbours, so any
///   Han substring of two or more characters is found through its pairs;
/// - a run of ASCII letters and digits gives one term (USCCs, document numbers, years);
/// - everything else separates terms.
public enum SearchTokenizer {
    /// A query term.
    public enum QueryTerm: Hashable, Sendable {
        /// A Han character or pair, matched exactly.
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

    /// Runs of Han characters and of ASCII words in normalised text.
    static func runs(_ normalized: String) -> (han: [[Unicode.Scalar]], words: [String]) {
        var han: [[Unicode.Scalar]] = []
        var words: [String] = []
        var currentHan: [Unicode.Scalar] = []
        var currentWord = String.UnicodeScalarView()
        func flush() {
            if !currentHan.isEmpty { han.append(currentHan); currentHan = [] }
            if !currentWord.isEmpty { words.append(String(currentWord)); currentWord = String.UnicodeScalarView() }
        }
        for scalar in normalized.unicodeScalars {
            if isHan(scalar) {
                if !currentWord.isEmpty { words.append(String(currentWord)); currentWord = String.UnicodeScalarView() }
                currentHan.append(scalar)
            } else if isWordScalar(scalar) {
                if !currentHan.isEmpty { han.append(currentHan); currentHan = [] }
                currentWord.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return (han, words)
    }

    /// The index terms of a text.
    public static func terms(_ text: String) -> Set<String> {
        let (han, words) = indexTerms(text)
        return words.union(han.map(HanTerm.string))
    }

    /// The index terms of a text: Han characters and pairs as ``HanTerm`` keys (hashing
    /// integers instead of non-ASCII strings is most of the index's speed), ASCII words as text.
    public static func indexTerms(_ text: String) -> (han: Set<UInt64>, words: Set<String>) {
        let (runs, words) = runs(normalize(text))
        var han = Set<UInt64>(minimumCapacity: runs.reduce(0) { $0 + 2 * $1.count })
        for run in runs {
            for index in run.indices {
                han.insert(HanTerm.key(run[index]))
                if index + 1 < run.count { han.insert(HanTerm.key(run[index], run[index + 1])) }
            }
        }
        return (han, Set(words))
    }

    /// The terms a query needs, all of which a document must have: pairs of each Han run that
    /// cover every character (every other pair and the last one: every document holding the
    /// run holds them, so recall stays complete), its one character for a run of one, and each
    /// ASCII word as a prefix from four characters on (shorter words exactly).
    public static func queryTerms(_ query: String) -> [QueryTerm] {
        let (han, words) = runs(normalize(query))
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
        var seen = Set<QueryTerm>()
        return terms.filter { seen.insert($0).inserted }
    }
}
