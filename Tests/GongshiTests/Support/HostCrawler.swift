import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StableDigest

/// What a reader reaches on the web host: every address linked from the base URL's pages, the
/// sitemap and the feed, followed within the base URL, with each answer's SHA-256.
struct HostCrawler {
    let base: URL

    /// Fetches `url`: status and body.
    static func fetch(_ url: URL, session: URLSession) async -> (Int, Data) {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: 30)
        request.setValue("no-cache", forHTTPHeaderField: "Cache-Control")
        guard let (data, response) = try? await session.data(for: request) else { return (0, Data()) }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The site path (`records/R1/index.html`) of a link found in the page at `page`, or nil
    /// when it leads outside the base URL.
    func sitePath(of link: String, on page: URL) -> String? {
        guard !link.hasPrefix("#"), !link.hasPrefix("mailto:"), !link.hasPrefix("javascript:"),
              let resolved = URL(string: link, relativeTo: page)?.absoluteURL,
              var components = URLComponents(url: resolved, resolvingAgainstBaseURL: true) else { return nil }
        components.query = nil
        components.fragment = nil
        guard let url = components.url, url.absoluteString.hasPrefix(base.absoluteString) else { return nil }
        var path = String(url.absoluteString.dropFirst(base.absoluteString.count)).removingPercentEncoding ?? ""
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    /// The links of a page or list: `href="…"`, `src="…"` and `<loc>…</loc>`.
    static func links(in body: Data) -> [String] {
        let text = String(decoding: body, as: UTF8.self)
        var links: [String] = []
        for pattern in [#"(?:href|src)="([^"]*)""#, #"<loc>([^<]*)</loc>"#] {
            let expression = try! NSRegularExpression(pattern: pattern)
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) {
                    links.append(text[range].replacingOccurrences(of: "&amp;", with: "&"))
                }
            }
        }
        return links
    }

    /// Every reachable path with its status and SHA-256; `also` are fetched too (files only
    /// scripts reach, such as the search index).
    func crawl(also extra: [String] = []) async -> [String: (status: Int, sha256: FileDigest)] {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        var found: [String: (status: Int, sha256: FileDigest)] = [:]
        var queue = ["index.html", "sitemap.xml", "feed.xml"] + extra
        var seen = Set(queue)
        while !queue.isEmpty {
            let wave = queue
            queue = []
            let answers = await withTaskGroup(of: (String, Int, Data).self) { group in
                var results: [(String, Int, Data)] = []
                var next = 0
                func add() {
                    guard next < wave.count else { return }
                    let path = wave[next]
                    next += 1
                    let url = URL(string: path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!, relativeTo: base)!
                    group.addTask { let (status, body) = await Self.fetch(url, session: session); return (path, status, body) }
                }
                for _ in 0..<16 { add() }
                for await result in group {
                    results.append(result)
                    add()
                }
                return results
            }
            for (path, status, body) in answers {
                found[path] = (status, FileDigest(of: body))
                guard status == 200, path.hasSuffix(".html") || path.hasSuffix(".xml") else { continue }
                let page = URL(string: path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!, relativeTo: base)!
                for link in Self.links(in: body) {
                    if let target = sitePath(of: link, on: page), seen.insert(target).inserted { queue.append(target) }
                }
            }
        }
        return found
    }
}
