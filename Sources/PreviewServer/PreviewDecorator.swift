import Foundation
import BuildPipeline
import Markdown
import Redaction

/// Turns a rendered preview into the reviewer's page: each marked replacement becomes a
/// highlight naming its rule, with an empty place for its original, which the toggle fetches
/// from `originals` (the page itself holds none); text that no rule changed but that looks
/// like personal data gets a mark of its own (``PreviewDoubts``); the page gets `noindex`, a
/// watermark and a banner with the row's status.
enum PreviewDecorator {
    static func decorate(_ page: PreviewRenderer.Page, originals: String, publicNames: Set<String>, account: String = "") -> String {
        let (flagged, doubts) = PreviewDoubts.flag(page.html, publicNames: publicNames)
        var html = highlight(flagged, page.replacements)
        let head = """
            <meta name="robots" content="noindex, nofollow">
            <link rel="stylesheet" href="/_preview/preview.css">
            <script src="/_preview/preview.js" defer></script>
            </head>
            """
        html = html.replacingOccurrences(of: "</head>", with: head)
        let rules = Set(page.replacements.map(\.rule)).sorted()
        let legend = rules.map { "<li><span class=\"redaction\" data-rule=\"\($0.rawValue)\" title=\"已作技术处理：\(HTMLEscaping.escape($0.label))\">\(HTMLEscaping.escape($0.label))</span></li>" }
            .joined()
            + (doubts.isEmpty ? "" : "<li><mark class=\"doubt\" title=\"未作处理，请核对\">疑似个人信息（未作处理）</mark></li>")
        let doubtNote = doubts.isEmpty ? "" : "，另有 \(doubts.count) 处疑似个人信息未作处理"
        let status = page.status
        let banner = """
            <body class="gongshi-preview">
            <div class="preview-watermark" aria-hidden="true">预览 · 非公开</div>
            <section class="preview-banner" role="note" aria-label="预览说明">
            <p><strong>审核预览 · 非公开页面</strong>　\(HTMLEscaping.escape(page.row.chineseDescription))　审核状态：<strong class="preview-review">\(HTMLEscaping.escape(status.review))</strong>\(status.scope.map { "　范围：" + HTMLEscaping.escape($0) } ?? "")</p>
            <p class="preview-window">\(HTMLEscaping.escape(status.window))</p>
            <p class="preview-today">\(HTMLEscaping.escape(status.today))</p>
            <p><button type="button" id="preview-toggle" aria-pressed="false" data-originals="\(HTMLEscaping.escape(originals))">显示原文</button>
            <span class="preview-toggle-message" role="status"></span>
            <a href="/_preview/redactions/\(page.row.table.rawValue)/\(percentEncode(page.row.id))/">本条信息的技术处理报告（\(page.replacements.count) 处\(doubtNote)）</a>
            · <a href="/">待审核信息</a>\(account)</p>
            \(legend.isEmpty ? "" : "<details><summary>处理规则图例</summary><ul class=\"preview-legend\">\(legend)</ul></details>")
            </section>
            """
        html = html.replacingOccurrences(of: "<body>", with: banner)
        return html
    }

    /// Replaces the preview markers: in text, a highlight; inside a tag or the title, the
    /// replacement alone.
    static func highlight(_ html: String, _ replacements: [PreviewReplacement]) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + replacements.count * 120)
        var insideTag = false
        var insideTitle = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == PreviewMarker.start,
               let separator = html[index...].firstIndex(of: PreviewMarker.separator),
               let end = html[separator...].firstIndex(of: PreviewMarker.end),
               let number = Int(html[html.index(after: index)..<separator]), replacements.indices.contains(number) {
                let shown = String(html[html.index(after: separator)..<end])
                if insideTag || insideTitle {
                    output += shown
                } else {
                    let replacement = replacements[number]
                    output += "<span class=\"redaction\" data-rule=\"\(replacement.rule.rawValue)\" title=\"已作技术处理：\(HTMLEscaping.escape(replacement.rule.label))\">"
                    output += "<span class=\"masked\">\(shown)</span>"
                    output += "<span class=\"original\" hidden data-n=\"\(number)\"></span></span>"
                }
                index = html.index(after: end)
                continue
            }
            if character == "<" {
                insideTag = true
                if html[index...].hasPrefix("<title>") { insideTitle = true }
                if html[index...].hasPrefix("</title>") { insideTitle = false }
            } else if character == ">" {
                insideTag = false
            }
            output.append(character)
            index = html.index(after: index)
        }
        return output
    }

    static func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(.init(charactersIn: "/"))) ?? text
    }
}
