import BuildPipeline
import Foundation
import HTTPTypes
import Hummingbird
import SnapshotModel

/// `gongshi preview`: a local web server that renders any row of the snapshot for reviewers.
/// GET only, small requests only, loopback unless explicitly allowed; it never writes files.
public enum PreviewServer {
    /// Whether `host` is a loopback address.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Runs the server until cancelled; `onRunning` gets the bound port.
    public static func run(_ options: PreviewOptions, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        guard isLoopback(options.host) || options.allowRemote else {
            throw PreviewError(description: "\(options.host) is not a loopback address; pass --allow-remote to expose unpublished data on the network")
        }
        // Fail early on a bad snapshot or site folder.
        let cache = RendererCache(snapshot: options.snapshot, site: options.site)
        _ = try await cache.current()
        let router = Router()
        router.add(middleware: RequestGuard())
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let response = try await respond(to: request, cache: cache)
            // HEAD: the same status and headers, no body.
            return request.method == .head ? Response(status: response.status, headers: response.headers) : response
        }
        router.get("/", use: handler)
        router.get("**", use: handler)
        router.head("/", use: handler)
        router.head("**", use: handler)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: "gongshi-preview"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) })
        try await app.run()
    }

    static func respond(to request: Request, cache: RendererCache) async throws -> Response {
        let renderer = try await cache.current()
        let parts = request.uri.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let query = request.uri.queryParameters
        switch parts.count {
        case 0:
            let kind = query["kind"].map(String.init) ?? ""
            let authority = query["authority"].map(String.init) ?? ""
            let text = (query["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            return html(ReviewerPages.index(renderer.pendingRows(kind: kind, authority: authority, query: text),
                                            kind: kind, authority: authority, query: text))
        case 2 where parts == ["assets", "style.css"]:
            return text(renderer.stylesheet, type: "text/css; charset=utf-8")
        case 2 where parts == ["_preview", "preview.css"]:
            return text(PreviewAssets.stylesheet, type: "text/css; charset=utf-8")
        case 2 where parts == ["_preview", "preview.js"]:
            return text(PreviewAssets.script, type: "text/javascript; charset=utf-8")
        case 2 where parts == ["_preview", "redactions"]:
            let (counts, rows) = try renderer.snapshotRedactions()
            return html(ReviewerPages.snapshotReport(counts: counts, rows: rows, renderer: renderer))
        case 4 where parts[0] == "_preview" && parts[1] == "redactions":
            guard let table = SnapshotTable(rawValue: parts[2]), let page = try renderer.page(for: table, id: parts[3]) else {
                return notFound()
            }
            return html(ReviewerPages.rowReport(page))
        case 2:
            guard let kind = PreviewRenderer.Kind(rawValue: parts[0]) else { return sectionNotPreviewed(parts) }
            guard let page = try renderer.page(kind, segment: parts[1]) else { return notFound() }
            return html(PreviewDecorator.decorate(page))
        default:
            return sectionNotPreviewed(parts)
        }
    }

    /// The public site's sections a page header links to (lists, the search, the column's
    /// own pages): the preview shows rows one by one, and says so instead of "没有这条信息".
    static let sections: Set<String> = ["cases", "reports", "records", "subjects", "lists", "commitments", "search",
                                        "about", "objection", "index.html", "feed.xml", "sitemap.xml"]

    static func sectionNotPreviewed(_ parts: [String]) -> Response {
        guard let first = parts.first, sections.contains(first) else { return notFound() }
        return html(ReviewerPages.page(title: "栏目页面不在预览中", body: """
            <p>审核预览只显示单条信息（信用记录、核查报告、失信案例、信用承诺、主体）及其技术处理情况。\
            栏目列表、站内搜索和栏目说明由正式构建生成，请在构建后的网站中查看。</p>
            <p><a href="/">返回待审核信息</a> · <a href="/_preview/redactions/">全库技术处理报告</a></p>
            """))
    }

    static func html(_ body: String) -> Response {
        text(body, type: "text/html; charset=utf-8")
    }

    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func notFound() -> Response {
        text(ReviewerPages.page(title: "未找到", body: "<p>没有这条信息。</p>"), type: "text/html; charset=utf-8", status: .notFound)
    }
}

/// GET and HEAD only; no request body; URIs of at most 2,048 bytes; every response marked
/// not to be cached or indexed.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    static var maxURILength: Int { 2048 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard request.uri.description.utf8.count <= Self.maxURILength else {
            return Response(status: .uriTooLong)
        }
        if let length = request.headers[.contentLength], (Int(length) ?? 1) > 0 {
            return Response(status: .contentTooLarge)
        }
        if request.headers[.transferEncoding] != nil {
            return Response(status: .contentTooLarge)
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("X-Robots-Tag")!] = "noindex, nofollow"
        return response
    }
}
