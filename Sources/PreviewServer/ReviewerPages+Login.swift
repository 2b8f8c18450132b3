import HTTPTypes
import Hummingbird
import Markdown

/// The login form and the banner's account part.
extension ReviewerPages {
    /// The banner's account part: who is logged in and a logout button; nothing without login.
    static func accountBar(reviewer: String?, loginRequired: Bool) -> String {
        guard loginRequired, let reviewer else { return "" }
        return """
             · 审核人员：\(HTMLEscaping.escape(reviewer)) <form class="preview-logout" method="post" action="\(PreviewPaths.logout)">\
            <button type="submit">退出登录</button></form>
            """
    }

    /// The login form, with `message` above it (a refusal, a lockout).
    static func loginResponse(status: HTTPResponse.Status, next: String, name: String, message: String?) -> Response {
        let note = message.map { "<p class=\"preview-login-message\" role=\"alert\">\(HTMLEscaping.escape($0))</p>" } ?? ""
        return PreviewResponses.page(status: status, title: "审核人员登录", banner: false, body: """
            \(note)
            <form class="preview-login" method="post" action="\(PreviewPaths.login)">
            <input type="hidden" name="next" value="\(HTMLEscaping.escape(next))">
            <p><label for="name">账号</label><br><input id="name" name="name" autocomplete="username" required value="\(HTMLEscaping.escape(name))"></p>
            <p><label for="password">密码</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">登录</button></p>
            </form>
            <p>预览含未公开信息和原文，仅供审核人员使用；每次显示原文都会记入访问日志。</p>
            """)
    }
}
