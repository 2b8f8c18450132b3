import CreditVocabulary
import Foundation
import PageCache
import Redaction
import SearchIndex
import SiteOutput
import SiteRender

/// Writes rendered pages into the staging folder, or keeps the published copies of pages
/// the cache says are unchanged, and keeps what the site-wide files need: page folders for
/// the sitemap, feed entries, the merged redaction log, the search index and what the next
/// build's page cache holds.
struct PageWriter {
    let output: StagedOutput
    var failAfterWrittenPages: Int?
    private(set) var pagePaths: [String] = []
    private(set) var feedItems: [FeedItem] = []
    private(set) var events = Set<RedactionEvent>()
    private(set) var files = 0
    private(set) var search = SearchIndexWriter()
    /// Pages made or kept, for the next build's cache.
    private(set) var cached: [CachedPage] = []
    /// Pages made and pages kept.
    private(set) var made = 0
    private(set) var kept = 0

    init(output: StagedOutput) {
        self.output = output
    }

    /// Writes pages that are never cached (home, search, content pages).
    mutating func write(_ pages: [RenderedPage]) throws {
        try write(pages.map { .made($0, digest: nil) })
    }

    /// Writes made pages and keeps unchanged ones, in order.
    mutating func write(_ results: [PageResult]) throws {
        if let limit = failAfterWrittenPages, files + results.count > limit {
            throw OutputError("failpoint: stopped after \(files) pages")
        }
        let output = self.output
        let entries = try parallelMap(results) { result -> DeployManifest.Entry in
            switch result {
            case .made(let page, _):
                return try output.write(page.path, text: page.html)
            case .kept(let page):
                // Staged already by `CacheablePages`.
                return DeployManifest.Entry(sha256: page.sha256, size: page.size)
            }
        }
        let prepared = try parallelMap(results) { $0.searchDocuments.map(SearchIndexWriter.PreparedDocument.init) }
        for (documents, (result, entry)) in zip(prepared, zip(results, entries)) {
            for document in documents { search.add(document) }
            let page: CachedPage
            switch result {
            case .made(let rendered, let digest):
                made += 1
                guard let digest else {
                    add(path: rendered.path, feedItem: rendered.feedItem, events: rendered.log.events)
                    continue
                }
                page = CachedPage(
                    digest: digest, path: rendered.path, sha256: entry.sha256, size: entry.size,
                    feedItem: rendered.feedItem, searchDocuments: rendered.searchDocuments, events: rendered.log.events)
            case .kept(let cachedPage):
                kept += 1
                page = cachedPage
            }
            add(path: page.path, feedItem: page.feedItem, events: page.events)
            cached.append(page)
        }
        files += results.count
    }

    private mutating func add(path: String, feedItem: FeedItem?, events: [RedactionEvent]) {
        pagePaths.append(String(path.dropLast("index.html".count)))
        if let feedItem { feedItems.append(feedItem) }
        self.events.formUnion(events)
    }

    /// The site-wide files: stylesheet, feed, sitemap(s), robots.txt.
    mutating func finish(
        stylesheet: String, title: String, baseURL: String, asOf: CivilDate, audience: Audience, feedItems limit: Int
    ) throws {
        try output.write("assets/style.css", text: stylesheet)
        try output.write("feed.xml", text: SiteFeeds.atom(title: title, baseURL: baseURL, asOf: asOf, items: feedItems, limit: limit))
        let sitemaps = SiteFeeds.sitemaps(baseURL: baseURL, paths: pagePaths)
        for (name, content) in sitemaps { try output.write(name, text: content) }
        try output.write("robots.txt", text: SiteFeeds.robots(baseURL: baseURL, audience: audience))
        files += 3 + sitemaps.count
        let index = search.files()
        let output = self.output
        _ = try parallelMap(index) { try output.write("search/" + $0.path, text: $0.content) }
        try output.write("search/search.js", text: TemplateSet.asset("search.js") ?? "")
        files += index.count + 1
    }
}
