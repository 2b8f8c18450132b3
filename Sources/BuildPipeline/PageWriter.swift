import BackgroundWork
import CreditVocabulary
import Foundation
import PageCache
import Redaction
import SearchIndex
import SiteOutput
import SiteRender

/// Writes rendered pages into the staging folder, or keeps the published copies of pages
/// the cache says are unchanged, and keeps what the site-wide files need: the newest feed
/// entries, the merged redaction log and the search index (the sitemap's page folders are
/// the staged `index.html` files). Every cacheable page goes to the next build's page cache
/// as it is written.
///
/// That bookkeeping runs beside the making of the next batch (it was half of an incremental
/// build's page phase, one core idle meanwhile), in two ``OrderedLane``s: one adds the
/// batches' documents to the search index, the other keeps the feed, the redaction log and
/// the next cache (one lane for both made the making of pages wait for it). At most two
/// batches wait in each, so that pages made faster than they are recorded are not all held.
/// Every value read below waits for the batches written so far.
final class PageWriter: @unchecked Sendable {
    let output: StagedOutput
    var failAfterWrittenPages: Int?
    /// The feed, the redaction log and the next cache.
    private let bookkeeping = OrderedLane(label: "gongshi.page-writer")
    /// The search index.
    private let indexing = OrderedLane(label: "gongshi.page-writer.search")
    /// The newest feed entries (at most twice the feed's length between trims).
    private var _feedItems: [FeedItem] = []
    private let feedLimit: Int
    private var _events = RedactionEventSet()
    private var _search: SearchIndexWriter
    private var _cache: PageCacheWriter?
    private var _cacheProblem: String?
    /// Files written or kept (counted as batches are handed over).
    private(set) var files = 0
    /// Where the counts are shown as they grow.
    var progress: BuildProgress?
    /// Pages made and pages kept.
    private(set) var made = 0
    private(set) var kept = 0

    /// Pages written or kept (each has a folder in the sitemap).
    var pageCount: Int { made + kept }
    /// Every redaction of every page, each once, in no order; the writer keeps none of them
    /// after this (the report holds them, sorted, from there on).
    func takeEvents() async -> [RedactionEvent] {
        await bookkeeping.after {
            defer { self._events = RedactionEventSet() }
            return self._events.events
        }
    }
    /// Where pages made or kept go, for the next build; nil once writing it failed.
    var cache: PageCacheWriter? { get async { await bookkeeping.after { self._cache } } }
    /// Why the next build's page cache is not being written.
    var cacheProblem: String? { get async { await bookkeeping.after { self._cacheProblem } } }

    /// A writer into `output` whose feed holds `feedLimit` entries; pages go to `cache` too,
    /// and the search index keeps its result lines in `searchLines` and splits lists into
    /// blocks of `searchBlockPostings`.
    init(
        output: StagedOutput, cache: PageCacheWriter?, feedLimit: Int, searchLines: ResultLineStore = ResultLineStore(),
        searchBlockPostings: Int
    ) {
        self.output = output
        self._cache = cache
        self.feedLimit = max(feedLimit, 0)
        self._search = SearchIndexWriter(
            inlinePostings: 2 * searchBlockPostings, blockPostings: searchBlockPostings, lines: searchLines)
    }

    deinit {
        releaseInBackground(_search, _events)
    }

    /// Writes pages that are never cached (home, search, content pages).
    func write(_ pages: [RenderedPage]) async throws {
        try await write(pages.map { .made($0, digest: nil) })
    }

    /// Writes made pages and keeps unchanged ones, in order.
    func write(_ results: [PageResult]) async throws {
        if let limit = failAfterWrittenPages, files + results.count > limit {
            throw OutputError("failpoint: stopped after \(files) pages")
        }
        let output = self.output
        // Kept pages bring their documents tokenised; made ones are tokenised here.
        let written = try await parallelMap(results) { result -> (DeployManifest.Entry, [SearchIndexWriter.PreparedDocument]) in
            switch result {
            case .made(let page, _):
                return (try output.write(page.path, text: page.html),
                        page.searchDocuments.map(SearchIndexWriter.PreparedDocument.init))
            case .kept(let page):
                // Staged already by `CacheablePages`.
                return (DeployManifest.Entry(sha256: page.sha256, size: page.size), page.searchDocuments)
            }
        }
        files += results.count
        // Pages, not the downloads beside them, are counted as pages.
        let pages = results.filter(\.isPage)
        let keptNow = pages.reduce(0) { count, result in if case .kept = result { count + 1 } else { count } }
        kept += keptNow
        made += pages.count - keptNow
        progress?.counted(made: pages.count - keptNow, kept: keptNow)
        await indexing.submit {
            for (_, documents) in written {
                for document in documents { self._search.add(document) }
            }
        }
        await bookkeeping.submit { self.record(results, written) }
    }

    /// The feed, redaction log and cache of one batch (on the bookkeeping lane).
    private func record(_ results: [PageResult], _ written: [(DeployManifest.Entry, [SearchIndexWriter.PreparedDocument])]) {
        for (result, (entry, documents)) in zip(results, written) {
            let page: CachedPage
            switch result {
            case .made(let rendered, let digest):
                guard let digest else {
                    add(feedItem: rendered.feedItem, events: rendered.log.events)
                    continue
                }
                page = CachedPage(
                    digest: digest, path: rendered.path, sha256: entry.sha256, size: entry.size,
                    feedItem: rendered.feedItem, searchDocuments: documents, events: rendered.log.events)
            case .kept(let cachedPage):
                page = cachedPage
            }
            add(feedItem: page.feedItem, events: page.events)
            cacheNext(page)
        }
    }

    /// Appends to the next build's cache; a failure there stops the cache, not the build.
    private func cacheNext(_ page: CachedPage) {
        guard let cache = _cache else { return }
        do {
            try cache.append(page)
        } catch {
            cache.abandon()
            _cache = nil
            _cacheProblem = "\(error)"
        }
    }

    private func add(feedItem: FeedItem?, events: [RedactionEvent]) {
        if let feedItem {
            _feedItems.append(feedItem)
            if _feedItems.count >= 2 * feedLimit + 64 { _feedItems = SiteFeeds.newest(_feedItems, limit: feedLimit) }
        }
        _events.formUnion(events)
    }

    /// The search index files written or kept by ``finish(stylesheet:title:baseURL:asOf:audience:feedItems:searchFiles:numbering:)``,
    /// for the next build's ``SearchFileCache``.
    private(set) var searchFiles: [String: SearchFileCache.File] = [:]
    /// The search documents' numbers, for the next build.
    private(set) var searchNumbering = SearchNumbering()

    /// The site-wide files: stylesheet, feed, sitemap(s), robots.txt, and the search index,
    /// whose files that `searchFiles` (the last build's) shows unchanged are kept, not made.
    func finish(
        stylesheet: String, title: String, baseURL: String, asOf: CivilDate, audience: Audience, feedItems limit: Int,
        searchFiles previous: SearchFileCache? = nil, numbering: SearchNumbering = SearchNumbering()
    ) async throws {
        // The search postings are taken, not copied: they are freed once their files are
        // written, before the commit and the report.
        let feedItems = await bookkeeping.after { self._feedItems }
        let search = await indexing.after {
            defer { self._search = SearchIndexWriter() }
            return self._search
        }
        defer { releaseInBackground(search) }
        // Every page is an `index.html` (and every `index.html` a page): the sitemap's folders
        // come from the staged files rather than a list of their own, which a national site's
        // 600,000 pages made 50 MB.
        let sitemaps = try SiteFeeds.writeSitemaps(
            baseURL: baseURL,
            paths: output.writtenPaths(where: PageResult.isPage)
                .map { String($0.dropLast("index.html".count)) }
        ) { name, content in
            _ = try self.output.write(name, text: content)
        }
        try output.write("assets/style.css", text: stylesheet)
        try output.write("feed.xml", text: SiteFeeds.atom(title: title, baseURL: baseURL, asOf: asOf, items: feedItems, limit: limit))
        try output.write("robots.txt", text: SiteFeeds.robots(baseURL: baseURL, audience: audience))
        files += 3 + sitemaps
        // Each index file is made and written on its own, a batch at a time on all cores;
        // one whose fingerprint is the last build's is kept as published.
        let index = search.layout(numbering: numbering)
        searchNumbering = index.numbering
        let output = self.output
        let previousFiles = previous?.files ?? [:]
        var written: [String: SearchFileCache.File] = [:]
        for start in stride(from: 0, to: index.paths.count, by: 256) {
            let batch = Array(index.paths[start..<min(start + 256, index.paths.count)])
            let files = try await parallelMap(batch) { path -> SearchFileCache.File? in
                let fingerprint = index.fingerprint(of: path)
                if let fingerprint, let old = previousFiles[path], old.fingerprint == fingerprint,
                   try output.keep("search/" + path, entry: DeployManifest.Entry(sha256: old.sha256, size: old.size)) {
                    return old
                }
                let entry = try output.write("search/" + path, Data(index.bytes(of: path)))
                return fingerprint.map { SearchFileCache.File(fingerprint: $0, sha256: entry.sha256, size: entry.size) }
            }
            for (path, file) in zip(batch, files) where file != nil { written[path] = file }
        }
        searchFiles = written
        try output.write("search/search.js", text: ScriptText.compact(TemplateSet.asset("search.js") ?? ""))
        files += index.paths.count + 1
    }
}
