import PageCache

/// A page of an incremental build: made now, or published again from the cache.
enum PageResult: Sendable {
    /// Made from its inputs; `digest` names them (nil for pages that are never cached).
    case made(RenderedPage, digest: [UInt8]?)
    /// Unchanged since the published build: its file is kept as it is.
    case kept(CachedPage)
}
