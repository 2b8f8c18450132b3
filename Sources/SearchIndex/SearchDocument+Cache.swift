import CreditVocabulary

extension SearchDocument {
    /// A document as the page cache stored it. The page cache is the only caller: it stores
    /// documents that were made from redacted text by ``init(kind:path:title:date:regions:list:texts:)``
    /// and gives them back unchanged.
    public init(
        cachedKind kind: Kind, path: String, title: String, date: CivilDate, regions: [String], list: ListKind?,
        cachedText text: String
    ) {
        self.kind = kind
        self.path = path
        self.title = title
        self.date = date
        self.regions = regions
        self.list = list
        self.text = text
    }
}
