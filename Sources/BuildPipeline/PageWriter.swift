import CreditVocabulary
import Foundation
import PageCache
import Redaction
import SearchIndex
import SiteOutput
import SiteRender

/// Writes rendered pages into the staging folder, or keeps the published copies of pages
/// the cache says are unchanged, and keeps what the site-wide files need: page folders for
/// the sitemap, the newest feed entries, the merged redaction log and the search index. Every
/// cacheable page goes to the next build's page cache as it is written.
struct PageWriter {
    let output: StagedOutput
    var failAfterWrittenPages: Int?
    private(set) var pagePaths: [String] = []
    /// The newest feed entries (at most twice the feed's length between trims).
    private(set) var feedItems: [FeedItem] = []
    private let feedLimit: Int
    private(set) var events = Set<RedactionEvent>()
    private(set) var files = 0
    private(set) var search = SearchIndexWriter()
    /// Where pages made or kept go, for the next build; nil once writing it failed.
    private(set) var cache: PageCacheWriter?
    /// Why the next build's page cache is not being written.
    private(set) var cacheProblem: String?
    /// Pages made and pages kept.
    private(set) var made = 0
    private(set) var kept = 0

    /// A writer into `output` whose feed holds `feedLimit` entries; pages go to `cache` too.
    init(output: StagedOutput, cache: PageCacheWriter?, feedLimit: Int) {
        self.output = output
        self.cache = cache
        self.feedLimit = max(feedLimit, 0)
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
        // Kept pages bring their documents tokenised; made ones are tokenised here.
        let prepared = try parallelMap(results) { result -> [SearchIndexWriter.PreparedDocument] in
            switch result {
            case .made(let page, _): return page.searchDocuments.map(SearchIndexWriter.PreparedDocument.init)
            case .kept(let page): return page.searchDocuments
            }
        }
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
                    feedItem: rendered.feedItem, searchDocuments: documents, events: rendered.log.events)
            case .kept(let cachedPage):
                kept += 1
                page = cachedPage
            }
            add(path: page.path, feedItem: page.feedItem, events: page.events)
            cacheNext(page)
        }
        files += results.count
    }

    /// Appends to the next build's cache; a failure there stops the cache, not the build.
    private mutating func cacheNext(_ page: CachedPage) {
        guard let cache else { return }
        do {
            try cache.append(page)
        } catch {
            cache.abandon()
            self.cache = nil
            cacheProblem = "\(error)"
        }
    }

    private mutating func add(path: String, feedItem: FeedItem?, events: [RedactionEvent]) {
        pagePaths.append(String(path.dropLast("index.html".count)))
        if let feedItem {
            feedItems.append(feedItem)
            if feedItems.count >= 2 * feedLimit + 64 { feedItems = SiteFeeds.newest(feedItems, limit: feedLimit) }
        }
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
        // Each index file is made and written on its own, a batch at a time on all cores.
        let index = search.layout()
        let output = self.output
        for start in stride(from: 0, to: index.paths.count, by: 256) {
            let batch = Array(index.paths[start..<min(start + 256, index.paths.count)])
            _ = try parallelMap(batch) { try output.write("search/" + $0, text: index.content(of: $0)) }
        }
        try output.write("search/search.js", text: TemplateSet.asset("search.js") ?? "")
        files += index.paths.count + 1
    }
}
