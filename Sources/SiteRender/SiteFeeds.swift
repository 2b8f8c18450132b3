import CreditVocabulary
import Markdown

/// `feed.xml` (Atom), `sitemap.xml` and `robots.txt`.
public enum SiteFeeds {
    /// URLs per sitemap file (the sitemap protocol's limit).
    public static let sitemapLimit = 50_000

    /// The `limit` newest items: latest date first, then by path. Keeping only these of a
    /// longer list never changes the feed.
    public static func newest(_ items: [FeedItem], limit: Int) -> [FeedItem] {
        Array(items.sorted { ($0.date, $1.path) > ($1.date, $0.path) }.prefix(limit))
    }

    /// An Atom feed of the newest `limit` items, newest first; deterministic for equal dates.
    public static func atom(
        title: String, baseURL: String, asOf: CivilDate, items: [FeedItem], limit: Int
    ) -> String {
        let newest = Self.newest(items, limit: limit)
        let updated = newest.map(\.date).max() ?? asOf
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(HTMLEscaping.escape(title))</title>
            <id>\(HTMLEscaping.escape(baseURL))</id>
            <link rel="alternate" href="\(HTMLEscaping.escape(baseURL))"/>
            <link rel="self" href="\(HTMLEscaping.escape(baseURL + "feed.xml"))"/>
            <updated>\(timestamp(updated))</updated>

            """
        for item in newest {
            let url = HTMLEscaping.escape(baseURL + item.path)
            xml += """
                <entry>
                <title>\(HTMLEscaping.escape(item.title))</title>
                <id>\(url)</id>
                <link rel="alternate" href="\(url)"/>
                <updated>\(timestamp(item.date))</updated>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    private static func timestamp(_ date: CivilDate) -> String { "\(date.iso)T00:00:00+08:00" }

    /// Writes the sitemap files for `paths` (folders relative to the root) through `write`
    /// (name, content): one `sitemap.xml`, or a sitemap index with `sitemap-N.xml` files when
    /// there are more than ``sitemapLimit``. Each file is made just before it is written, so
    /// that a national site's dozen files of 50,000 addresses are never all held at once.
    /// - Returns: the number of files written.
    @discardableResult
    public static func writeSitemaps(
        baseURL: String, paths: [String], _ write: (_ name: String, _ content: String) throws -> Void
    ) rethrows -> Int {
        let sorted = paths.sorted()
        func urlset(_ slice: ArraySlice<String>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in slice { xml += "<url><loc>\(HTMLEscaping.escape(baseURL + path))</loc></url>\n" }
            return xml + "</urlset>\n"
        }
        guard sorted.count > sitemapLimit else {
            try write("sitemap.xml", urlset(sorted[...]))
            return 1
        }
        var index = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var files = 1
        for (number, start) in stride(from: 0, to: sorted.count, by: sitemapLimit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            try write(name, urlset(sorted[start..<min(start + sitemapLimit, sorted.count)]))
            index += "<sitemap><loc>\(HTMLEscaping.escape(baseURL + name))</loc></sitemap>\n"
            files += 1
        }
        try write("sitemap.xml", index + "</sitemapindex>\n")
        return files
    }

    /// robots.txt: everything allowed with the sitemap for a public build; nothing for an
    /// internal one.
    public static func robots(baseURL: String, audience: Audience) -> String {
        switch audience {
        case .public: return "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
        case .internal: return "User-agent: *\nDisallow: /\n"
        }
    }
}
