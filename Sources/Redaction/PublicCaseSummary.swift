import CreditVocabulary

/// A case's line in lists. Made only by ``Redactor``.
public struct PublicCaseSummary: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// Title.
    public let title: RedactedText
    /// Region.
    public let region: RedactedText
    /// Reported on.
    public let reportedOn: CivilDate
}
