extension SearchIndexWriter {
    /// A document tokenised, ready to be added: the costly half of ``add(_:)``, which can
    /// run on any thread. The page cache keeps it, so that a page published again is not
    /// tokenised again.
    public struct PreparedDocument: Sendable, Equatable {
        /// The result line.
        public var line: ResultLine
        /// Han terms of the whole document (text and title).
        public var han: [UInt64]
        /// ASCII words and `#`-prefixed filter terms of the whole document.
        public var words: [String]
        /// Han terms of the title.
        public var titleHan: [UInt64]
        /// ASCII words of the title.
        public var titleWords: [String]
        /// Han terms and ASCII words of a subject's name and USCC (they rank it first).
        public var nameHan: [UInt64]
        public var nameWords: [String]
        /// Filter values (`k:record`, `y:2026`, `r:湖北`, `l:black`).
        public var filters: [String]

        /// Tokenises `document`.
        public init(_ document: SearchDocument) {
            line = ResultLine(
                kind: document.kind, path: document.path, title: document.title, date: document.date,
                regions: document.regions.joined(separator: "、"), snippet: SearchIndexWriter.snippet(document.text))
            let title = SearchTokenizer.indexTerms(document.title)
            var filters = ["k:" + document.kind.rawValue, "y:\(document.date.year)"]
            filters += document.regions.map { "r:" + $0 }
            if let list = document.list { filters.append("l:" + list.rawValue) }
            var (han, words) = SearchTokenizer.indexTerms(document.text)
            han.formUnion(title.han)
            words.formUnion(title.words)
            for filter in filters { words.insert("#" + filter) }
            self.han = han.sorted()
            self.words = words.sorted()
            self.titleHan = title.han.sorted()
            self.titleWords = title.words.sorted()
            let name = document.name.map(SearchTokenizer.indexTerms)
            self.nameHan = name?.han.sorted() ?? []
            self.nameWords = name?.words.sorted() ?? []
            self.filters = filters
        }

        /// A document as the page cache stored it; only the page cache calls this, with
        /// what ``init(_:)`` made in an earlier build.
        public init(
            cachedLine line: ResultLine, han: [UInt64], words: [String], titleHan: [UInt64], titleWords: [String],
            nameHan: [UInt64], nameWords: [String], filters: [String]
        ) {
            self.line = line
            self.han = han
            self.words = words
            self.titleHan = titleHan
            self.titleWords = titleWords
            self.nameHan = nameHan
            self.nameWords = nameWords
            self.filters = filters
        }
    }
}
