import Markdown
import Redaction
import SnapshotModel
import Testing

@Suite("Markdown (cmark-gfm, safe mode)")
struct MarkdownTests {
    func render(_ markdown: String) -> String {
        MarkdownRenderer.render(SiteText(operatorAuthored: markdown)).html
    }

    @Test("raw HTML never passes", arguments: [
        "<script>alert(1)</script>", "正文<img src=x onerror=alert(1)>", "<iframe src=\"https://evil\"></iframe>",
        "<a href=\"#\" onclick=\"x()\">点</a>", "<style>body{display:none}</style>",
    ])
    func rawHTML(markdown: String) {
        let html = render(markdown)
        for needle in ["<script", "<img", "<iframe", "onerror", "onclick", "<style", "<a "] {
            #expect(!html.lowercased().contains(needle), "\(needle) in \(html)")
        }
    }

    @Test("no javascript:, vbscript: or data: links survive", arguments: [
        "[点我](javascript:alert(1))", "[点我](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>", "[x](&#106;avascript:alert(1))",
        "[x]( javascript:alert(1))",
    ])
    func dangerousLinks(markdown: String) {
        let html = render(markdown).lowercased()
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("href=\"vbscript"))
        #expect(!html.contains("href=\"data:"))
    }

    @Test("GFM: tables, strikethrough, autolinks")
    func extensions() {
        #expect(render("| 项目 | 金额 |\n|---|---|\n| 罚款 | 3000 |").contains("<table>"))
        #expect(render("~~已撤销~~").contains("<del>已撤销</del>"))
        #expect(render("见 https://www.creditchina.gov.cn 公示").contains("<a href=\"https://www.creditchina.gov.cn\">"))
        #expect(render("# 标题\n\n正文").contains("<h1>标题</h1>"))
        // A snapshot's headings sit below the page's own sections (h2); operators' pages keep theirs.
        var log = RedactionLog()
        let body: RedactedText = makeRedactor().text("# 一\n\n## 一、基本情况\n\n##### 五\n\n###### 六", row: RowRef(.verificationReports, "V1"),
                                                   field: "body_md", markdown: true, log: &log)
        let html = MarkdownRenderer.render(body).html
        #expect(html.contains("<h3>一</h3>") && html.contains("<h4>一、基本情况</h4>") && html.contains("<h6>五</h6>")
            && html.contains("<h6>六</h6>") && !html.contains("<h2>"), "\(html)")
    }

    @Test("plain text is escaped")
    func escaping() {
        #expect(SafeHTML.escaping(SiteText(operatorAuthored: "<b>\"x\" & 'y'</b>")).html == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;")
        // A quote with a combining mark after it is still escaped; text without any is kept as it is.
        #expect(HTMLEscaping.escape("\"\u{301}a<") == "&quot;\u{301}a&lt;")
        #expect(HTMLEscaping.escape("罚款 3000 元") == "罚款 3000 元")
    }
}
