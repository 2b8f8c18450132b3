import PageCache
import SearchIndex

/// A page of an incremental build: made now, or published again from the cache.
enum PageResult: Sendable {
    /// Made from its inputs; `digest` names them (nil for pages that are never cached).
    case made(RenderedPage, digest: [UInt8]?)
    /// Unchanged since the published build: its file is kept as it is.
    case kept(CachedPage)
}

extension PageResult {
    /// The page's search documents, made now or kept from the cache.
    var searchDocuments: [SearchDocument] {
        switch self {
        case .made(let page, _): return page.searchDocuments
        case .kept(let page): return page.searchDocuments
        }
    }
}
