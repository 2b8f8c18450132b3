import HTTPTypes
import Hummingbird

/// The preview's responses: pages, plain texts, redirects.
enum PreviewResponses {
    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "text/html; charset=utf-8", status: status)
    }

    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A page of the preview's own layout.
    static func page(status: HTTPResponse.Status, title: String, banner: Bool = true, body: String) -> Response {
        html(ReviewerPages.page(title: title, banner: banner, body: body), status: status)
    }

    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func notFound() -> Response {
        page(status: .notFound, title: "未找到", body: "<p>没有这条信息。</p>")
    }
}
