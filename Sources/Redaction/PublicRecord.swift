import CreditVocabulary

/// A credit record as it may be published. Made only by ``Redactor``.
public struct PublicRecord: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The subject's slug.
    public let subjectSlug: String
    /// The verification report's path segment.
    public let reportPath: String?
    /// Kind.
    public let kind: RecordKind
    /// Severity.
    public let severity: Severity
    /// Procedure.
    public let procedure: Procedure?
    /// Penalty types.
    public let penaltyTypes: [PenaltyType]
    /// Fine.
    public let fineYuan: Int?
    /// 决定文书号.
    public let documentNo: RedactedText?
    /// 决定日期.
    public let decidedOn: CivilDate
    /// 决定机关.
    public let authority: RedactedText
    /// 依据.
    public let basis: RedactedText?
    /// 失信事实 (Markdown).
    public let facts: RedactedText
    /// 处理结果.
    public let outcome: RedactedText?
    /// 信用修复完成.
    public let repairedOn: CivilDate?
    /// Revoked on.
    public let revokedOn: CivilDate?
    /// Approved on.
    public let approvedOn: CivilDate?
}
