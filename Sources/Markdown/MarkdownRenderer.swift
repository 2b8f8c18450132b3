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
    /// Headings of a snapshot's Markdown start below the page's own sections (h2): a report's
    /// `## 一、基本情况` is an h4 under the page's 核查报告 heading, not its equal.
    public static let snapshotHeadingOffset = 2

    public static func render(_ text: some PublishableText) -> SafeHTML {
        SafeHTML(html: renderHTML(text.publishableValue, headingOffset: text is RedactedText ? snapshotHeadingOffset : 0))
    }

    /// Options: safe (no `CMARK_OPT_UNSAFE`), smart punctuation off, GFM-style tables.
    private static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    static func renderHTML(_ markdown: String, headingOffset: Int = 0) -> String {
        let plan = MarkdownSafety.plan(for: markdown)
        let html = parseAndRender(MarkdownSafety.apply(plan, to: markdown), autolinks: plan.autolinks, headingOffset: headingOffset)
        // The last bound, for an amplification nobody has found yet: a page many times its
        // source shows the source as plain text instead.
        if html.utf8.count > 16 * markdown.utf8.count + 65_536 {
            return "<p>" + HTMLEscaping.escape(markdown).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>\n"
        }
        return html
    }

    /// cmark-gfm's parse and HTML rendering, with the autolink extension or without.
    private static func parseAndRender(_ markdown: String, autolinks: Bool, headingOffset: Int) -> String {
        precondition(registered)
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames where autolinks || name != "autolink" {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.withCString { pointer in
            cmark_parser_feed(parser, pointer, strlen(pointer))
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        replaceImagesWithAltText(document)
        if headingOffset > 0 { lowerHeadings(document, by: headingOffset) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Replaces every image by its alt text (its children), so that a snapshot's Markdown
    /// never makes a page load something from another host: the site promises no external
    /// assets, and an image address can carry data out of the page or track its readers.
    private static func replaceImagesWithAltText(_ document: OpaquePointer) {
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                images.append(node)
            }
        }
        cmark_iter_free(iterator)
        // Innermost last in document order: an image inside another's alt text is moved out
        // with its parent's children first, then replaced in turn.
        for image in images {
            while let child = cmark_node_first_child(image) {
                cmark_node_insert_before(image, child)
            }
            cmark_node_free(image)
        }
    }

    /// Moves every heading `offset` levels down, to h6 at most.
    private static func lowerHeadings(_ document: OpaquePointer, by offset: Int) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                cmark_node_set_heading_level(node, min(Int32(6), cmark_node_get_heading_level(node) + Int32(offset)))
            }
        }
    }
}
