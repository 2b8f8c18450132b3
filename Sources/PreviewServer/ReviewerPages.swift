import BuildPipeline
import Foundation
import HTTPTypes
import Hummingbird
import Markdown
import Redaction
import SnapshotModel

/// The preview's own pages: the index of rows waiting for approval and the redaction reports.
enum ReviewerPages {
    /// A page of the preview's own layout; `banner` false for the login form, whose links
    /// would only lead back to it.
    static func page(title: String, account: String = "", banner: Bool = true, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>\(HTMLEscaping.escape(title)) - 审核预览</title>
        <link rel="stylesheet" href="/assets/style.css">
        <link rel="stylesheet" href="/_preview/preview.css">
        </head>
        <body class="gongshi-preview">
        <div class="preview-watermark" aria-hidden="true">预览 · 非公开</div>
        <section class="preview-banner" role="note"><p><strong>审核预览 · 非公开页面</strong>\(banner ? "　<a href=\"/\">待审核信息</a> · <a href=\"/_preview/redactions/\">全库技术处理报告</a>" + account : "")</p></section>
        <main id="main">
        <h1>\(HTMLEscaping.escape(title))</h1>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static let kinds: [(String, String)] = [("", "全部"), ("records", "信用记录"), ("verification_reports", "核查报告"),
                                            ("list_entries", "名单信息"), ("commitments", "信用承诺")]

    static let orders: [(PreviewRenderer.PendingOrder, String)] = [(.id, "编号"), (.date, "日期（新的在前）"),
                                                                    (.kind, "类别"), (.authority, "部门")]
    /// Rows on one page of the index.
    static let pageSize = 100

    /// The index of rows waiting for approval: a filter form, then one page of rows with what
    /// approving each would mean for the public, then the page links.
    static func index(_ rows: [PreviewRenderer.PendingRow], kind: String, authority: String, query: String = "",
                      order: PreviewRenderer.PendingOrder = .id, page number: Int = 1, account: String = "") -> String {
        let options = kinds.map { value, label in
            "<option value=\"\(value)\"\(value == kind ? " selected" : "")>\(label)</option>"
        }.joined()
        let orderOptions = orders.map { value, label in
            "<option value=\"\(value.rawValue)\"\(value == order ? " selected" : "")>\(label)</option>"
        }.joined()
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        let number = min(max(1, number), pages)
        let shown = rows.dropFirst((number - 1) * pageSize).prefix(pageSize)
        let lines = shown.map { row in
            """
            <tr><td><a href="/\(row.path)">\(HTMLEscaping.escape(row.label))</a></td><td>\(HTMLEscaping.escape(row.row.table.chineseLabel))</td>\
            <td>\(HTMLEscaping.escape(row.subject))</td><td>\(row.date.map { HTMLEscaping.escape($0.chinese) } ?? "")</td>\
            <td>\(HTMLEscaping.escape(row.authority))</td><td>\(HTMLEscaping.escape(row.status.label))</td>\
            <td>\(HTMLEscaping.escape(row.ifApprovedToday))</td></tr>
            """
        }.joined(separator: "\n")
        func link(_ page: Int) -> String {
            var items = [URLQueryItem]()
            if !kind.isEmpty { items.append(.init(name: "kind", value: kind)) }
            if !query.isEmpty { items.append(.init(name: "q", value: query)) }
            if !authority.isEmpty { items.append(.init(name: "authority", value: authority)) }
            if order != .id { items.append(.init(name: "sort", value: order.rawValue)) }
            if page > 1 { items.append(.init(name: "page", value: String(page))) }
            var components = URLComponents()
            components.path = "/"
            components.queryItems = items.isEmpty ? nil : items
            return HTMLEscaping.escape(components.string ?? "/")
        }
        let navigation = pages == 1 ? "" : """
            <nav class="pagination" aria-label="分页"><p>\
            \(number > 1 ? "<a href=\"\(link(1))\">首页</a> <a href=\"\(link(number - 1))\" rel=\"prev\">上一页</a>" : "")
            第 \(number) / \(pages) 页
            \(number < pages ? "<a href=\"\(link(number + 1))\" rel=\"next\">下一页</a> <a href=\"\(link(pages))\">末页</a>" : "")</p></nav>
            """
        let never = rows.filter { $0.ifApprovedToday.hasPrefix("不会公示") }.count
        return page(title: "待审核信息", account: account, body: """
            <form method="get" action="/" class="preview-filter"><p>
            <label for="q">查找</label> <input id="q" name="q" value="\(HTMLEscaping.escape(query))" placeholder="编号、标题、主体名称、统一社会信用代码、文书编号">
            <label for="kind">类别</label> <select id="kind" name="kind">\(options)</select>
            <label for="authority">部门</label> <input id="authority" name="authority" value="\(HTMLEscaping.escape(authority))">
            <label for="sort">排序</label> <select id="sort" name="sort">\(orderOptions)</select>
            <button type="submit">筛选</button></p></form>
            <p>共 \(rows.count) 条草稿或待审核信息，其中 \(never) 条即使今日审核通过也不会公示。</p>
            <div class="table-wrap"><table class="preview-table">
            <thead><tr><th scope="col">信息</th><th scope="col">类别</th><th scope="col">主体</th><th scope="col">日期</th>\
            <th scope="col">部门</th><th scope="col">状态</th><th scope="col">若今日审核通过（公开性）</th></tr></thead>
            <tbody>
            \(lines)
            </tbody></table></div>
            \(navigation)
            """)
    }

    /// One row's replacements, with an empty 原文 column the toggle fills from `originals`.
    static func rowReport(_ preview: PreviewRenderer.Page, originals: String, publicNames: Set<String>, account: String = "") -> String {
        let numbered = preview.replacements.enumerated().map { (number: $0.offset, item: $0.element) }
        let own = numbered.filter { $0.item.row == preview.row }
        let related = numbered.filter { $0.item.row != preview.row }
        func table(_ replacements: [(number: Int, item: PreviewReplacement)]) -> String {
            let lines = replacements.map { number, item in
                """
                <tr><td>\(HTMLEscaping.escape(item.row.chineseDescription)) · <span title="\(HTMLEscaping.escape(item.field))">\
                \(HTMLEscaping.escape(item.row.table.chineseLabel(ofColumn: item.field)))</span></td>\
                <td><span class="redaction" data-rule="\(item.rule.rawValue)">\(HTMLEscaping.escape(item.rule.label))</span></td>\
                <td>\(HTMLEscaping.escape(Self.unescapedMarkdown(item.replacement)))</td><td><span class="original" hidden data-n="\(number)"></span></td></tr>
                """
            }.joined(separator: "\n")
            return """
                <div class="table-wrap"><table class="preview-table"><thead><tr><th scope="col">字段</th><th scope="col">规则</th>\
                <th scope="col">公示文本</th><th scope="col">原文</th></tr></thead><tbody>
                \(lines)
                </tbody></table></div>
                """
        }
        // Already HTML text: taken from the page's text, between its tags.
        let doubts = PreviewDoubts.flag(preview.html, publicNames: publicNames).found
        let doubtTable = doubts.isEmpty ? "<p>没有发现。</p>" : """
            <p>以下文字没有任何规则处理，但看起来像个人信息，请逐一核对；需要隐去的，请在平台上添加技术处理标注。</p>
            <div class="table-wrap"><table class="preview-table"><thead><tr><th scope="col">文字</th><th scope="col">类型</th>\
            <th scope="col">上下文</th></tr></thead><tbody>
            \(doubts.map { "<tr><td><mark class=\"doubt\">\($0.text)</mark></td><td>\($0.kind.label)</td><td>…\($0.context)…</td></tr>" }.joined(separator: "\n"))
            </tbody></table></div>
            """
        return page(title: "技术处理报告：\(preview.row.chineseDescription)", account: account, body: """
            <p><button type="button" id="preview-toggle" aria-pressed="false" data-originals="\(HTMLEscaping.escape(originals))">显示原文</button>
            <span class="preview-toggle-message" role="status"></span></p>
            <script src="/_preview/preview.js" defer></script>
            <h2>本条信息（\(own.count) 处）</h2>
            \(table(own))
            <h2>页面上的相关信息（\(related.count) 处）</h2>
            \(table(related))
            <h2>看似个人信息、未作处理的文字（\(doubts.count) 处）</h2>
            \(doubtTable)
            """)
    }

    static func snapshotReport(counts: [RedactionRule: Int], rows: [RowRef: Set<RedactionRule>], renderer: PreviewRenderer,
                               account: String = "") -> String {
        let countLines = counts.sorted { $0.key < $1.key }.map { rule, count in
            "<tr><td><span class=\"redaction\" data-rule=\"\(rule.rawValue)\">\(HTMLEscaping.escape(rule.label))</span> (\(rule.rawValue))</td><td>\(count)</td></tr>"
        }.joined(separator: "\n")
        let detectorRules: Set<RedactionRule> = [.idNumber, .mobile, .landline, .bankCard, .email, .personName, .contextName, .address, .override]
        // Typed: with GRDB in the build, an untyped string literal here became GRDB's `SQL`
        // (its `joined(separator:)` matched), and the page printed that value's debug dump.
        let rowLines = rows.filter { !$0.value.isDisjoint(with: detectorRules) }.sorted { $0.key < $1.key }.map { row, rules -> String in
            let link = renderer.previewPath(for: row).map { "<a href=\"/\($0)\">\(HTMLEscaping.escape(row.chineseDescription))</a>" }
                ?? HTMLEscaping.escape(row.chineseDescription)
            return "<tr><td>\(link)</td><td>\(rules.intersection(detectorRules).sorted().map { HTMLEscaping.escape($0.label) }.joined(separator: "、"))</td></tr>"
        }.joined(separator: "\n")
        return page(title: "全库技术处理报告", account: account, body: """
            <h2>各规则处理次数</h2>
            <table class="preview-table"><thead><tr><th scope="col">规则</th><th scope="col">次数</th></tr></thead><tbody>
            \(countLines)
            </tbody></table>
            <h2>自由文本中检出个人信息或标注内容的信息</h2>
            <table class="preview-table"><thead><tr><th scope="col">信息</th><th scope="col">检出</th></tr></thead><tbody>
            \(rowLines)
            </tbody></table>
            """)
    }

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

    /// A mask as a reader sees it: the backslashes that keep it from being Markdown
    /// (`139\*\*\*\*7661`) removed.
    static func unescapedMarkdown(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if !escaped, character == "\\" {
                escaped = true
                continue
            }
            if escaped, !(character.isASCII && (character.isPunctuation || character.isSymbol)) { result.append("\\") }
            result.append(character)
            escaped = false
        }
        if escaped { result.append("\\") }
        return result
    }
}
