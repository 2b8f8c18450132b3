import CCmarkGFM
import Redaction
import Foundation

/// CommonMark + GFM to HTML through the system's libcmark-gfm, in safe mode: raw HTML is
/// dropped and `javascript:`, `vbscript:`, `file:` and non-image `data:` links are emptied.
/// Extensions: table, strikethrough, autolink, tagfilter.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Registers the GFM extensions once per process (thread-safe through `static let`).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Renders Markdown text (redacted snapshot text or operator text) to safe HTML.
    public static func render(_ text: some PublishableText) -> SafeHTML {
        SafeHTML(html: renderHTML(text.publishableValue))
    }

    /// Options: safe (no `CMARK_OPT_UNSAFE`), smart punctuation off, GFM-style tables.
    private static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    static func renderHTML(_ markdown: String) -> String {
        precondition(registered)
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
