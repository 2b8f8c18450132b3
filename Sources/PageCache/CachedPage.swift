import CreditVocabulary
import Redaction
import SearchIndex
import SiteRender
import StableDigest

/// What a build keeps of a page so that the next build can publish it again without making
/// it: the digest of its inputs, its file's SHA-256 and size, and what the site-wide files
/// take from it (feed entry, search documents, redaction log).
public struct CachedPage: Sendable, Equatable {
    /// The SHA-256 of the page's inputs and of everything build-wide it depends on.
    public var digest: [UInt8]
    /// Output path, e.g. `records/R1/index.html`.
    public var path: String
    /// SHA-256 of the page's bytes.
    public var sha256: FileDigest
    /// Size of the page in bytes.
    public var size: Int
    /// The page's feed entry.
    public var feedItem: FeedItem?
    /// The page's search documents, tokenised.
    public var searchDocuments: [SearchIndexWriter.PreparedDocument]
    /// The page's redaction log (rules, offsets and lengths; no text).
    public var events: [RedactionEvent]
    /// The page's bytes in the cache file it was read from, which the next cache takes as they
    /// are (not part of the page's value: ignored by `==`).
    var encoded: [UInt8]?

    /// A cached page.
    public init(
        digest: [UInt8], path: String, sha256: FileDigest, size: Int, feedItem: FeedItem?,
        searchDocuments: [SearchIndexWriter.PreparedDocument], events: [RedactionEvent]
    ) {
        self.digest = digest
        self.path = path
        self.sha256 = sha256
        self.size = size
        self.feedItem = feedItem
        self.searchDocuments = searchDocuments
        self.events = events
    }

    /// Pages are equal when their values are, however they were read.
    public static func == (left: CachedPage, right: CachedPage) -> Bool {
        (left.digest, left.path, left.sha256, left.size, left.feedItem) == (right.digest, right.path, right.sha256, right.size, right.feedItem)
            && left.searchDocuments == right.searchDocuments && left.events == right.events
    }
}
