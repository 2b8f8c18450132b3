import Redaction

/// HTML that is safe to insert into a page unescaped: rendered by cmark-gfm in safe mode
/// from redacted or operator text, or escaped plain text.
public struct SafeHTML: Hashable, Sendable, CustomStringConvertible {
    /// The HTML.
    public let html: String

    init(html: String) {
        self.html = html
    }

    public var description: String { html }

    /// Plain redacted text, HTML-escaped, line breaks kept.
    public static func escaping(_ text: some PublishableText) -> SafeHTML {
        SafeHTML(html: HTMLEscaping.escape(text.publishableValue).replacingOccurrences(of: "\n", with: "<br>\n"))
    }
}
