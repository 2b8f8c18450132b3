import HTTPTypes
import Hummingbird

/// What reaches the preview at all: a `Host` header naming it (a page served under another
/// name that reached the port, as DNS rebinding does, gets 421); GET and HEAD, and POST to the
/// login and logout forms only, from the preview's own pages (`Origin`, when sent, must name
/// it too: a browser sends `null` from another site's page that hides its origin); URIs of at
/// most 2,048 bytes and bodies of at most 4 KB. Every response is marked not to be cached,
/// indexed or framed, and to name its origin only to the preview itself (`same-origin`: with
/// `no-referrer` the preview's own form would arrive with `Origin: null`).
struct RequestGuard: RouterMiddleware {
    typealias Context = PreviewContext

    static var maxURILength: Int { 2048 }
    static var maxBodyBytes: Int { 4096 }
    /// The paths a form posts to.
    static let formPaths: Set<String> = [PreviewPaths.login, PreviewPaths.logout]

    let address: ListeningAddress

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await check(request, context: context, next: next)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("X-Robots-Tag")!] = "noindex, nofollow"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }

    private func check(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, address.accepts(hostHeader: authority) else {
            return PreviewResponses.page(status: .misdirectedRequest, title: "地址不符",
                                         body: "<p>本预览服务不以这个地址提供。请使用启动时显示的地址访问。</p>")
        }
        let isForm = request.method == .post && Self.formPaths.contains(request.uri.path)
        guard request.method == .get || request.method == .head || isForm else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        guard request.uri.description.utf8.count <= Self.maxURILength else {
            return Response(status: .uriTooLong)
        }
        if isForm {
            if let origin = request.headers[.origin], !address.accepts(hostHeader: Self.authority(ofOrigin: origin)) {
                return PreviewResponses.page(status: .forbidden, title: "来源不符", body: "<p>表单须从本预览的页面提交。</p>")
            }
            if let length = request.headers[.contentLength], (Int(length) ?? .max) > Self.maxBodyBytes {
                return Response(status: .contentTooLarge)
            }
        } else {
            if let length = request.headers[.contentLength], (Int(length) ?? 1) > 0 {
                return Response(status: .contentTooLarge)
            }
            if request.headers[.transferEncoding] != nil {
                return Response(status: .contentTooLarge)
            }
        }
        return try await next(request, context)
    }

    /// `host[:port]` of an `Origin` value (`https://host:port`); empty for `null`.
    static func authority(ofOrigin origin: String) -> String {
        guard let scheme = origin.range(of: "://") else { return "" }
        return String(origin[scheme.upperBound...].prefix { $0 != "/" })
    }
}
