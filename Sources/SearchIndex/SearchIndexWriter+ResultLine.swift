import CreditVocabulary

extension SearchIndexWriter {
    /// What the index keeps of a document: its result line, not its text.
    public struct ResultLine: Sendable, Equatable {
        /// Result title.
        public var title: String
        /// Link relative to the site root.
        public var path: String
        /// The kind.
        public var kind: SearchDocument.Kind
        /// Date that orders results.
        public var date: CivilDate
        /// Province-level regions, joined with `、`.
        public var regions: String
        /// The first 90 characters of the text.
        public var snippet: String

        /// A result line.
        public init(kind: SearchDocument.Kind, path: String, title: String, date: CivilDate, regions: String, snippet: String) {
            self.title = title
            self.path = path
            self.kind = kind
            self.date = date
            self.regions = regions
            self.snippet = snippet
        }
    }
}
