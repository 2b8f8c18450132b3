import BuildPipeline
import Foundation
import Markdown
import Redaction
import SnapshotModel

/// The preview's own pages: the index of rows waiting for approval and the redaction reports.
enum ReviewerPages {
    static func page(title: String, body: String) -> String {
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
        <section class="preview-banner" role="note"><p><strong>审核预览 · 非公开页面</strong>　<a href="/">待审核信息</a> · <a href="/_preview/redactions/">全库技术处理报告</a></p></section>
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

    static func index(_ rows: [PreviewRenderer.PendingRow], kind: String, authority: String, query: String = "") -> String {
        let options = kinds.map { value, label in
            "<option value=\"\(value)\"\(value == kind ? " selected" : "")>\(label)</option>"
        }.joined()
        let lines = rows.map { row in
            """
            <tr><td><a href="/\(row.path)">\(HTMLEscaping.escape(row.label))</a></td><td>\(HTMLEscaping.escape(row.row.table.chineseLabel))</td>\
            <td>\(HTMLEscaping.escape(row.authority))</td><td>\(HTMLEscaping.escape(row.status.label))</td>\
            <td>\(HTMLEscaping.escape(row.ifApprovedToday))</td></tr>
            """
        }.joined(separator: "\n")
        return page(title: "待审核信息", body: """
            <form method="get" action="/"><p>
            <label for="kind">类别</label> <select id="kind" name="kind">\(options)</select>
            <label for="q">标题或编号</label> <input id="q" name="q" value="\(HTMLEscaping.escape(query))">
            <label for="authority">部门</label> <input id="authority" name="authority" value="\(HTMLEscaping.escape(authority))">
            <button type="submit">筛选</button></p></form>
            <p>共 \(rows.count) 条草稿或待审核信息，其中 \(rows.filter { $0.ifApprovedToday.hasPrefix("不会公示") }.count) 条即使今日审核通过也不会公示。</p>
            <div class="table-wrap"><table class="preview-table">
            <thead><tr><th scope="col">信息</th><th scope="col">类别</th><th scope="col">部门</th><th scope="col">状态</th><th scope="col">若今日审核通过</th></tr></thead>
            <tbody>
            \(lines)
            </tbody></table></div>
            """)
    }

    static func rowReport(_ preview: PreviewRenderer.Page) -> String {
        let own = preview.replacements.filter { $0.row == preview.row }
        let related = preview.replacements.filter { $0.row != preview.row }
        func table(_ replacements: [PreviewReplacement]) -> String {
            let lines = replacements.map { item in
                """
                <tr><td>\(HTMLEscaping.escape(item.row.chineseDescription)) · \(HTMLEscaping.escape(item.field))</td>\
                <td><span class="redaction" data-rule="\(item.rule.rawValue)">\(HTMLEscaping.escape(item.rule.label))</span></td>\
                <td>\(HTMLEscaping.escape(Self.unescapedMarkdown(item.replacement)))</td><td><span class="original" hidden>\(HTMLEscaping.escape(item.original))</span></td></tr>
                """
            }.joined(separator: "\n")
            return """
                <div class="table-wrap"><table class="preview-table"><thead><tr><th scope="col">字段</th><th scope="col">规则</th>\
                <th scope="col">公示文本</th><th scope="col">原文</th></tr></thead><tbody>
                \(lines)
                </tbody></table></div>
                """
        }
        return page(title: "技术处理报告：\(preview.row.chineseDescription)", body: """
            <p><button type="button" id="preview-toggle" aria-pressed="false">显示原文</button></p>
            <script src="/_preview/preview.js" defer></script>
            <h2>本条信息（\(own.count) 处）</h2>
            \(table(own))
            <h2>页面上的相关信息（\(related.count) 处）</h2>
            \(table(related))
            """)
    }

    static func snapshotReport(counts: [RedactionRule: Int], rows: [RowRef: Set<RedactionRule>], renderer: PreviewRenderer) -> String {
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
        return page(title: "全库技术处理报告", body: """
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
