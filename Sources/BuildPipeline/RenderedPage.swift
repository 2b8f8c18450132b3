import CreditVocabulary
import Redaction
import SearchIndex
import SiteRender

/// A page rendered by a worker, ready to be written.
struct RenderedPage: Sendable {
    /// Output path, e.g. `records/R1/index.html`.
    var path: String
    /// The HTML.
    var html: String
    /// The feed entry for the page, if it belongs in the feed.
    var feedItem: FeedItem?
    /// The replacements made for the page.
    var log: RedactionLog
    /// What the page adds to the search index (made of the same redacted values).
    var searchDocuments: [SearchDocument] = []
}
