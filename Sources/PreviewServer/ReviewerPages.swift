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
        let navigation = pagination(number, of: pages, link: link)
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

    /// 首页 · 上一页 · 第 N / M 页 · 下一页 · 末页, nothing when there is one page; `link` gives
    /// a page's address, HTML-escaped.
    static func pagination(_ number: Int, of pages: Int, link: (Int) -> String) -> String {
        guard pages > 1 else { return "" }
        return """
            <nav class="pagination" aria-label="分页"><p>\
            \(number > 1 ? "<a href=\"\(link(1))\">首页</a> <a href=\"\(link(number - 1))\" rel=\"prev\">上一页</a>" : "")
            第 \(number) / \(pages) 页
            \(number < pages ? "<a href=\"\(link(number + 1))\" rel=\"next\">下一页</a> <a href=\"\(link(pages))\">末页</a>" : "")</p></nav>
            """
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
