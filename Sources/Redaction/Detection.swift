/// A span of text a detector wants replaced.
struct Detection: Sendable {
    /// Scalar offsets in the original text.
    var range: Range<Int>
    /// The rule that found it.
    var rule: RedactionRule
    /// The replacement before Markdown escaping.
    var replacement: String
}
