import Foundation
import HTTPTypes
import Hummingbird
import Messages

/// The login of a preview that asks for one: the accounts file (re-read when it changes), the
/// sessions, the throttle and the access log. Without accounts, every request is the local
/// reviewer's and only reveals are logged.
final class ReviewerGate: Sendable {
    /// The name logged for requests of a preview without login (loopback only).
    static let localReviewer = "本机审核人员"

    let accounts: AccountsFile?
    let sessions: SessionStore
    let throttle: LoginThrottle
    let log: AccessLog
    let sessionLifetime: Duration

    init(options: PreviewOptions) throws {
        accounts = try options.users.map(AccountsFile.init)
        sessions = SessionStore(idle: options.sessionIdle, lifetime: options.sessionLifetime)
        throttle = LoginThrottle(options.throttle)
        log = try AccessLog(path: options.accessLog)
        sessionLifetime = options.sessionLifetime
    }

    var requiresLogin: Bool { accounts != nil }

    /// The reviewer of the request's session cookie, if it has a live one.
    func reviewer(of request: Request) async -> String? {
        guard let token = Self.cookie(PreviewPaths.cookie, in: request.headers[values: .cookie]) else { return nil }
        return await sessions.reviewer(for: token)
    }

    /// The value of cookie `name` among `Cookie` header values.
    static func cookie(_ name: String, in values: [String]) -> String? {
        for value in values {
            for pair in value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// The session cookie: not readable by scripts, never sent with a request another site
    /// starts, only over TLS (browsers treat `http://127.0.0.1` as secure for this).
    func sessionCookie(_ token: String) -> String {
        "\(PreviewPaths.cookie)=\(token); Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=\(sessionLifetime.components.seconds)"
    }

    static let expiredCookie = "\(PreviewPaths.cookie)=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0"

    /// POST /_preview/login: the form's name and password checked, throttled, logged.
    func login(_ request: Request, context: PreviewContext) async throws -> Response {
        guard let accounts else { return PreviewResponses.redirect(to: "/") }
        var request = request
        let body = try await request.collectBody(upTo: RequestGuard.maxBodyBytes)
        let form = Self.formFields(String(buffer: body))
        let name = form["name"] ?? ""
        let next = PreviewPaths.safeNext(form["next"])
        let client = context.client(of: request)
        let keys = ["user:" + name, "addr:" + client]
        if await throttle.isLocked(keys) {
            await log.write(event: "login_locked", reviewer: name, address: client)
            try await Task.sleep(for: throttle.delay)
            return ReviewerPages.loginResponse(status: .tooManyRequests, next: next, name: name,
                                              message: "登录失败次数过多，请稍后再试。")
        }
        let known = try await accounts.current()
        let password = form["password"] ?? ""
        guard known.verify(name, password: password) else {
            await throttle.refused(keys)
            await log.write(event: "login_refused", reviewer: name, address: client)
            try await Task.sleep(for: throttle.delay)
            return ReviewerPages.loginResponse(status: .unauthorized, next: next, name: name, message: "账号或密码不正确。")
        }
        await throttle.succeeded(["user:" + name])
        let token = await sessions.open(for: name)
        await log.write(event: "login", reviewer: name, address: client)
        return PreviewResponses.redirect(to: next, headers: [.setCookie: sessionCookie(token)])
    }

    /// POST /_preview/logout.
    func logout(_ request: Request, context: PreviewContext) async -> Response {
        if let token = Self.cookie(PreviewPaths.cookie, in: request.headers[values: .cookie]) {
            if let reviewer = await sessions.reviewer(for: token) {
                await log.write(event: "logout", reviewer: reviewer, address: context.client(of: request))
            }
            await sessions.close(token)
        }
        return PreviewResponses.redirect(to: PreviewPaths.login, headers: [.setCookie: Self.expiredCookie])
    }

    /// An `application/x-www-form-urlencoded` body's fields.
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decoded(parts[0])] = parts.count == 2 ? decoded(parts[1]) : ""
        }
        return fields
    }
}

/// The accounts file, read again when it changes, so that `gongshi preview-user add` takes
/// effect without a restart.
actor AccountsFile {
    private let path: String
    private var stamp: FileStamp
    private var accounts: ReviewerAccounts

    init(path: String) throws {
        self.path = path
        accounts = try ReviewerAccounts(contentsOf: path)
        stamp = FileStamp(of: path)
        guard !accounts.hashes.isEmpty else {
            throw PreviewError(Message("users_empty", ["path": path]))
        }
    }

    func current() throws -> ReviewerAccounts {
        let now = FileStamp(of: path)
        if now != stamp {
            accounts = try ReviewerAccounts(contentsOf: path)
            stamp = now
        }
        return accounts
    }

}

/// Lets a request through when it carries a live session (or is for the login form and its
/// stylesheets); sends a browser to the login form otherwise, keeping where it was going.
struct LoginGate: RouterMiddleware {
    typealias Context = PreviewContext
    let gate: ReviewerGate

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        guard gate.requiresLogin else {
            context.reviewer = ReviewerGate.localReviewer
            return try await next(request, context)
        }
        let path = request.uri.path
        if PreviewPaths.open.contains(path) || path == PreviewPaths.logout { return try await next(request, context) }
        guard let reviewer = await gate.reviewer(of: request) else {
            if request.method == .get, !path.hasPrefix("/" + PreviewPaths.originals) {
                return PreviewResponses.redirect(to: PreviewPaths.login + "?next=" + Self.encoded(request.uri.description))
            }
            return PreviewResponses.page(status: .unauthorized, title: "需要登录", body: "<p>请先<a href=\"\(PreviewPaths.login)\">登录</a>。</p>")
        }
        context.reviewer = reviewer
        return try await next(request, context)
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~/"))) ?? "/"
    }
}
