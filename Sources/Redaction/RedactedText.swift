/// Text that has been through redaction. Only the `Redaction` module can make one, so a
/// value of this type can never hold a snapshot's raw text.
public struct RedactedText: Hashable, Sendable, CustomStringConvertible {
    /// The publishable text (Markdown source for Markdown fields).
    public let value: String
    /// Whether ``value`` is CommonMark + GFM source rather than plain text.
    public let isMarkdown: Bool

    init(value: String, isMarkdown: Bool) {
        self.value = value
        self.isMarkdown = isMarkdown
    }

    /// Whether the text is empty.
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { value }
}
