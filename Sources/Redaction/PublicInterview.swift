import CreditVocabulary

/// An interview as it may be published. Made only by ``Redactor``.
public struct PublicInterview: Hashable, Sendable {
    /// Kind.
    public let kind: InterviewKind
    /// Held on.
    public let heldOn: CivilDate
    /// The subject refused to attend.
    public let refused: Bool
    /// Summary (Markdown).
    public let summary: RedactedText?
}
