import CreditVocabulary

/// An entry of `feed.xml`.
public struct FeedItem: Hashable, Sendable {
    /// Entry title (from a page title, so already redacted).
    public var title: String
    /// Page folder relative to the site root, ending in `/`.
    public var path: String
    /// The date that orders the feed (approval or report date).
    public var date: CivilDate

    /// A feed entry.
    public init(title: String, path: String, date: CivilDate) {
        self.title = title
        self.path = path
        self.date = date
    }
}
