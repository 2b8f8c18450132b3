import CreditVocabulary

/// A commitment's line in lists. Made only by ``Redactor``.
public struct PublicCommitmentSummary: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The subject's slug.
    public let subjectSlug: String
    /// Kind.
    public let kind: CommitmentKind
    /// Made on.
    public let madeOn: CivilDate
    /// Valid until.
    public let validUntil: CivilDate?
    /// Status.
    public let status: CommitmentStatus
}
