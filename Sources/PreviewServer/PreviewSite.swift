import BuildPipeline
import Foundation
import HTTPTypes
import Hummingbird
import JSONText
import Markdown
import Messages
import Redaction
import SnapshotModel

/// The preview's pages by address: the index, the reports, each row's page, the login form
/// and the originals a reviewer reveals. A failure is logged with its cause and answered with
/// a page in Chinese, not a blank 500.
struct PreviewSite: Sendable {
    let cache: RendererCache
    let gate: ReviewerGate

    func respond(to request: Request, context: PreviewContext) async -> Response {
        do {
            return try await route(request, context: context)
        } catch {
            FileHandle.standardError.write(Data(("gongshi: " + Message("preview_failed", ["path": request.uri.path, "cause": MessageLanguage.current.text(of: error)]).coded() + "\n").utf8))
            return PreviewResponses.page(status: .internalServerError, title: "预览出错", body: """
                <p>这一页暂时无法生成。原因：</p>
                <pre>\(HTMLEscaping.escape("\(error)"))</pre>
                <p>快照若正在重新导出，请稍候刷新；问题持续时，请把这段原因交给系统管理员。</p>
                """)
        }
    }

    private func route(_ request: Request, context: PreviewContext) async throws -> Response {
        let path = request.uri.path
        let parts = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let query = request.uri.queryParameters
        var account = ReviewerPages.accountBar(reviewer: context.reviewer, loginRequired: gate.requiresLogin)
        switch path {
        case PreviewPaths.siteStylesheet:
            return PreviewResponses.text(try await cache.current().renderer.stylesheet, type: "text/css; charset=utf-8")
        case PreviewPaths.stylesheet:
            return PreviewResponses.text(PreviewAssets.stylesheet, type: "text/css; charset=utf-8")
        case PreviewPaths.script:
            return PreviewResponses.text(PreviewAssets.script, type: "text/javascript; charset=utf-8")
        case PreviewPaths.login:
            return ReviewerPages.loginResponse(status: .ok, next: PreviewPaths.safeNext(query["next"].map(String.init)), name: "",
                                               message: gate.requiresLogin ? nil : "本预览在本机运行，无需登录。")
        default:
            break
        }
        let current = try await cache.current()
        let (renderer, generation) = (current.renderer, current.generation)
        if let notice = current.notice {
            account += "<span class=\"preview-notice\" role=\"status\">\(HTMLEscaping.escape(notice))</span>"
        }
        switch parts.count {
        case 0:
            let kind = query["kind"].map(String.init) ?? ""
            let authority = query["authority"].map(String.init) ?? ""
            let text = (query["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            let order = query["sort"].flatMap { PreviewRenderer.PendingOrder(rawValue: String($0)) } ?? .id
            let number = query["page"].flatMap { Int(String($0)) } ?? 1
            return PreviewResponses.html(ReviewerPages.index(renderer.pendingRows(kind: kind, authority: authority, query: text, order: order),
                                                             kind: kind, authority: authority, query: text, order: order, page: number,
                                                             account: account))
        case 2 where parts == ["_preview", "redactions"]:
            let rule = query["rule"].flatMap { RedactionRule(rawValue: String($0)) }
            let number = query["page"].flatMap { Int(String($0)) } ?? 1
            return PreviewResponses.html(ReviewerPages.snapshotReport(try renderer.snapshotRedactions(), rule: rule, page: number,
                                                                      renderer: renderer, account: account))
        case 4 where parts[0] == "_preview" && parts[1] == "redactions":
            guard let table = SnapshotTable(rawValue: parts[2]), let page = try renderer.page(for: table, id: parts[3]),
                  let source = renderer.previewPath(for: page.row) else {
                return PreviewResponses.notFound()
            }
            return PreviewResponses.html(ReviewerPages.rowReport(page, originals: Self.originalsPath(source, generation),
                                                                 publicNames: renderer.publicNameKeys, account: account))
        case 4 where parts[0] == "_preview" && parts[1] == "originals":
            return try await originals(kind: parts[2], segment: parts[3], generation: query["v"].flatMap { Int(String($0)) },
                                       renderer: renderer, current: generation, reviewer: context.reviewer ?? "?",
                                       client: context.client(of: request))
        case 2:
            guard let kind = PreviewRenderer.Kind(rawValue: parts[0]) else { return sectionNotPreviewed(parts, account: account) }
            guard let page = try renderer.page(kind, segment: parts[1]) else { return PreviewResponses.notFound() }
            return PreviewResponses.html(PreviewDecorator.decorate(page, originals: Self.originalsPath("\(parts[0])/\(parts[1])", generation),
                                                                   publicNames: renderer.publicNameKeys, account: account))
        default:
            return sectionNotPreviewed(parts, account: account)
        }
    }

    /// Where the originals of the page at `path` (`records/R1`) are fetched from.
    static func originalsPath(_ path: String, _ generation: Int) -> String {
        let parts = path.split(separator: "/").map { PreviewDecorator.percentEncode(String($0)) }
        return "/\(PreviewPaths.originals)/\(parts.joined(separator: "/"))/?v=\(generation)"
    }

    /// `{"originals": [...]}`, indexed as the page's replacements, for the renderer that made
    /// the page (409 when the snapshot changed since); the reveal is logged first.
    private func originals(kind: String, segment: String, generation: Int?, renderer: PreviewRenderer, current: Int,
                           reviewer: String, client: String) async throws -> Response {
        guard let kindValue = PreviewRenderer.Kind(rawValue: kind), let page = try renderer.page(kindValue, segment: segment) else {
            return PreviewResponses.notFound()
        }
        guard generation == current else {
            return PreviewResponses.text(#"{"error":"snapshot_changed","message":"快照已更新，请刷新页面后再显示原文"}"#,
                                         type: "application/json; charset=utf-8", status: .conflict)
        }
        var fields: [String] = []
        for replacement in page.replacements {
            let field = "\(replacement.row.table.rawValue)/\(replacement.row.id)/\(replacement.field)"
            if !fields.contains(field) { fields.append(field) }
        }
        await gate.log.write(event: "reveal", reviewer: reviewer, address: client,
                             table: page.row.table.rawValue, id: page.row.id, fields: fields)
        let list = page.replacements.map { JSONText.quoted($0.original) }.joined(separator: ",")
        return PreviewResponses.text("{\"originals\":[\(list)]}", type: "application/json; charset=utf-8")
    }

    /// The public site's sections a page header links to (lists, the search, the column's
    /// own pages): the preview shows rows one by one, and says so instead of "没有这条信息".
    static let sections: Set<String> = ["cases", "reports", "records", "subjects", "lists", "commitments", "search",
                                        "about", "objection", "index.html", "feed.xml", "sitemap.xml"]

    func sectionNotPreviewed(_ parts: [String], account: String) -> Response {
        guard let first = parts.first, Self.sections.contains(first) else { return PreviewResponses.notFound() }
        return PreviewResponses.html(ReviewerPages.page(title: "栏目页面不在预览中", account: account, body: """
            <p>审核预览只显示单条信息（信用记录、核查报告、失信案例、信用承诺、主体）及其技术处理情况。\
            栏目列表、站内搜索和栏目说明由正式构建生成，请在构建后的网站中查看。</p>
            <p><a href="/">返回待审核信息</a> · <a href="/_preview/redactions/">全库技术处理报告</a></p>
            """))
    }
}
