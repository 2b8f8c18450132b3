import CreditVocabulary

/// A report's line in lists. Made only by ``Redactor``.
public struct PublicReportSummary: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The case's path segment.
    public let casePath: String
    /// Title.
    public let title: RedactedText
    /// Conclusion.
    public let conclusion: ReportConclusion
    /// 牵头单位.
    public let leadDepartment: RedactedText
    /// Approved on.
    public let approvedOn: CivilDate?
}
