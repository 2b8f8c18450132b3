import Redaction

/// Text that may reach a page: redacted snapshot text or operator-authored site text.
/// Nothing else conforms, so nothing else can be rendered.
public protocol RedactedTextLike: Sendable {
    /// The text to publish.
    var publishableValue: String { get }
}

extension RedactedText: RedactedTextLike {
    public var publishableValue: String { value }
}

extension SiteText: RedactedTextLike {
    public var publishableValue: String { value }
}
