import BuildPipeline
import Foundation
import HTTPTypes
import Hummingbird
import Markdown
import Redaction
import SnapshotModel

/// The redaction reports: one row's replacements and doubts, and the whole snapshot's.
extension ReviewerPages {
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

    /// Lines on one page of the global report.
    static let reportPageSize = 200

    /// The global redaction report: replacements per rule, then the detectors' hits row by
    /// row (row, field, rule, count), `reportPageSize` to a page, optionally of one rule.
    static func snapshotReport(_ report: PreviewRenderer.SnapshotRedactions, rule: RedactionRule?, page number: Int,
                               renderer: PreviewRenderer, account: String = "") -> String {
        let countLines: String = report.counts.sorted { $0.key < $1.key }.map { rule, count -> String in
            let name = "<span class=\"redaction\" data-rule=\"\(rule.rawValue)\">\(HTMLEscaping.escape(rule.label))</span>"
            let link = PreviewRenderer.detectorRules.contains(rule) ? "<a href=\"/_preview/redactions/?rule=\(rule.rawValue)\">\(name)</a>" : name
            return "<tr><td>\(link)</td><td>\(count)</td></tr>"
        }.joined(separator: "\n")
        let lines = report.lines.filter { rule == nil || $0.rule == rule }
        let pages = max(1, (lines.count + reportPageSize - 1) / reportPageSize)
        let number = min(max(1, number), pages)
        // Typed: with GRDB in the build, an untyped string literal here became GRDB's `SQL`
        // (its `joined(separator:)` matched), and the page printed that value's debug dump.
        let rowLines: [String] = lines.dropFirst((number - 1) * reportPageSize).prefix(reportPageSize).map { line -> String in
            let label = HTMLEscaping.escape(line.row.chineseDescription)
            let link = renderer.previewPath(for: line.row).map { "<a href=\"/\($0)\">\(label)</a>" } ?? label
            let field = "<span title=\"\(HTMLEscaping.escape(line.field))\">\(HTMLEscaping.escape(line.row.table.chineseLabel(ofColumn: line.field)))</span>"
            let rule = "<span class=\"redaction\" data-rule=\"\(line.rule.rawValue)\">\(HTMLEscaping.escape(line.rule.label))</span>"
            return "<tr><td>\(link)</td><td>\(field)</td><td>\(rule)</td><td>\(line.count)</td></tr>"
        }
        func link(_ page: Int) -> String {
            "/_preview/redactions/?" + [rule.map { "rule=\($0.rawValue)" }, "page=\(page)"].compactMap { $0 }.joined(separator: "&amp;")
        }
        let navigation = pagination(number, of: pages, link: link)
        let heading = rule.map { "检出“\(HTMLEscaping.escape($0.label))”的信息（\(lines.count) 处）　<a href=\"/_preview/redactions/\">全部规则</a>" }
            ?? "自由文本中检出个人信息或标注内容的信息（\(lines.count) 处）"
        return page(title: "全库技术处理报告", account: account, body: """
            <h2>各规则处理次数</h2>
            <table class="preview-table"><thead><tr><th scope="col">规则</th><th scope="col">次数</th></tr></thead><tbody>
            \(countLines)
            </tbody></table>
            <h2>\(heading)</h2>
            <div class="table-wrap"><table class="preview-table"><thead><tr><th scope="col">信息</th><th scope="col">字段</th>\
            <th scope="col">规则</th><th scope="col">处数</th></tr></thead><tbody>
            \(rowLines.joined(separator: "\n"))
            </tbody></table></div>
            \(navigation)
            """)
    }
}
