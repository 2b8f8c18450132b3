import CreditVocabulary

/// A row of `verification_reports` (the body is streamed separately).
public struct ReportRow: Hashable, Sendable, Encodable {
    /// Report id.
    public var id: String
    /// The verified case.
    public var caseID: String
    /// Report title.
    public var title: String
    /// 牵头单位.
    public var leadDepartment: String
    /// 参与核查的信用服务机构.
    public var serviceAgency: String?
    /// 核查方式.
    public var methods: [VerificationMethod]
    /// 属实 / 部分属实 / 不属实.
    public var conclusion: ReportConclusion
    /// Follow-up measures.
    public var measures: [Measure]
    /// Date of the conclusion.
    public var concludedOn: CivilDate
    /// The report this one corrects (更正).
    public var supersedes: String?
    /// Review state.
    public var review: Review

    /// A row with every field given.
    public init(id: String, caseID: String, title: String, leadDepartment: String, serviceAgency: String? = nil, methods: [VerificationMethod], conclusion: ReportConclusion, measures: [Measure], concludedOn: CivilDate, supersedes: String? = nil, review: Review) {
        self.id = id
        self.caseID = caseID
        self.title = title
        self.leadDepartment = leadDepartment
        self.serviceAgency = serviceAgency
        self.methods = methods
        self.conclusion = conclusion
        self.measures = measures
        self.concludedOn = concludedOn
        self.supersedes = supersedes
        self.review = review
    }
}
