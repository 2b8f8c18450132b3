import CreditVocabulary

/// A commitment as it may be published. Made only by ``Redactor``.
public struct PublicCommitment: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The subject's slug.
    public let subjectSlug: String
    /// Kind.
    public let kind: CommitmentKind
    /// The record's path segment.
    public let recordPath: String?
    /// Made on.
    public let madeOn: CivilDate
    /// Valid until.
    public let validUntil: CivilDate?
    /// Status.
    public let status: CommitmentStatus
    /// The commitment (Markdown).
    public let body: RedactedText
}
