/// Text that may reach an output file: redacted snapshot text or operator-authored site
/// text. Only ``RedactedText`` and ``SiteText`` conform, so nothing else can be rendered or
/// indexed.
public protocol PublishableText: Sendable {
    /// The text to publish.
    var publishableValue: String { get }
    /// Whether ``publishableValue`` is Markdown source (its `\*` is a literal `*`).
    var isMarkdownSource: Bool { get }
}

extension RedactedText: PublishableText {
    public var publishableValue: String { value }
    public var isMarkdownSource: Bool { isMarkdown }
}

extension SiteText: PublishableText {
    public var publishableValue: String { value }
    public var isMarkdownSource: Bool { false }
}
