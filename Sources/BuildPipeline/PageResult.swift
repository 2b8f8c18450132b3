import PageCache

/// A page of an incremental build: made now, or published again from the cache.
enum PageResult: Sendable {
    /// Made from its inputs; `digest` names them (nil for pages that are never cached).
    case made(RenderedPage, digest: [UInt8]?)
    /// Unchanged since the published build: its file is kept as it is.
    case kept(CachedPage)

    /// The file's path in the output.
    var path: String {
        switch self {
        case .made(let page, _): return page.path
        case .kept(let page): return page.path
        }
    }

    /// Whether it is a page (an `index.html`, in the sitemap), not a download beside them.
    var isPage: Bool { Self.isPage(path) }

    /// Whether the file at `path` is a page: every page is an `index.html`, and every
    /// `index.html` a page.
    static func isPage(_ path: String) -> Bool { path == "index.html" || path.hasSuffix("/index.html") }
}
