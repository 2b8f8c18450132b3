/// Text that has been through redaction. Only the `Redaction` module can make one, so a
/// value of this type can never hold a snapshot's raw text.
public struct RedactedText: Hashable, Sendable, CustomStringConvertible {
    /// A replacement inside ``value``.
    public struct Mark: Hashable, Sendable {
        /// Scalar offsets of the replacement in ``RedactedText/value``.
        public var range: Range<Int>
        /// The rule that made it.
        public var rule: RedactionRule
    }

    /// The publishable text (Markdown source for Markdown fields).
    public let value: String
    /// Where replacements were made, for the reviewer preview.
    public let marks: [Mark]
    /// Whether ``value`` is CommonMark + GFM source rather than plain text.
    public let isMarkdown: Bool

    init(value: String, marks: [Mark], isMarkdown: Bool) {
        self.value = value
        self.marks = marks
        self.isMarkdown = isMarkdown
    }

    /// Whether the text is empty.
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { value }
}
