import CreditVocabulary

/// A verification report as it may be published. Made only by ``Redactor``.
public struct PublicReport: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// The case's path segment.
    public let casePath: String
    /// Title.
    public let title: RedactedText
    /// 牵头单位.
    public let leadDepartment: RedactedText
    /// 参与核查的信用服务机构.
    public let serviceAgency: RedactedText?
    /// 核查方式.
    public let methods: [VerificationMethod]
    /// Conclusion.
    public let conclusion: ReportConclusion
    /// Measures.
    public let measures: [Measure]
    /// The report (Markdown).
    public let body: RedactedText
    /// Concluded on.
    public let concludedOn: CivilDate
    /// Approved on.
    public let approvedOn: CivilDate?
    /// The path segment of the report this one corrects.
    public let supersedesPath: String?
    /// The title of the report this one corrects.
    public let supersedesTitle: RedactedText?
}
