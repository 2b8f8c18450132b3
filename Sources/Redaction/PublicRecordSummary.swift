import CreditVocabulary

/// A record's line in lists. Made only by ``Redactor``.
public struct PublicRecordSummary: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The subject's slug.
    public let subjectSlug: String
    /// Kind.
    public let kind: RecordKind
    /// Severity.
    public let severity: Severity
    /// 决定文书号.
    public let documentNo: RedactedText?
    /// 决定机关.
    public let authority: RedactedText
    /// 决定日期.
    public let decidedOn: CivilDate
    /// Penalty types.
    public let penaltyTypes: [PenaltyType]
}
