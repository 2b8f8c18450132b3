import CreditVocabulary
import Foundation
import Redaction
import SearchIndex
import SiteOutput
import SiteRender

/// Writes rendered pages into the staging folder and keeps what the site-wide files need:
/// page folders for the sitemap, feed entries, the merged redaction log.
struct PageWriter {
    let output: StagedOutput
    var failAfterWrittenPages: Int?
    private(set) var pagePaths: [String] = []
    private(set) var feedItems: [FeedItem] = []
    private(set) var events = Set<RedactionEvent>()
    private(set) var files = 0
    private(set) var search = SearchIndexWriter()

    init(output: StagedOutput) {
        self.output = output
    }

    mutating func write(_ pages: [RenderedPage]) throws {
        if let limit = failAfterWrittenPages, files + pages.count > limit {
            throw OutputError("failpoint: stopped after \(files) pages")
        }
        let output = self.output
        _ = try parallelMap(pages) { try output.write($0.path, text: $0.html) }
        for page in pages {
            pagePaths.append(String(page.path.dropLast("index.html".count)))
            if let item = page.feedItem { feedItems.append(item) }
            events.formUnion(page.log.events)
            search.add(contentsOf: page.searchDocuments)
        }
        files += pages.count
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
