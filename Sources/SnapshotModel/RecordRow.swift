import CreditVocabulary

/// A row of `records`: one disclosed fact about one subject (facts are streamed separately).
public struct RecordRow: Hashable, Sendable, Encodable {
    /// Record id.
    public var id: String
    /// The subject.
    public var subjectID: String
    /// The verification report that found it.
    public var reportID: String?
    /// Kind of record.
    public var kind: RecordKind
    /// 轻微 / 一般 / 严重.
    public var severity: Severity
    /// 简易程序 / 普通程序.
    public var procedure: Procedure?
    /// 处罚种类.
    public var penaltyTypes: [PenaltyType]
    /// Fine in yuan.
    public var fineYuan: Int?
    /// 决定文书号.
    public var documentNo: String?
    /// 决定日期.
    public var decidedOn: CivilDate
    /// 认定 / 决定机关.
    public var authority: String
    /// 依据.
    public var basis: String?
    /// 处理结果.
    public var outcome: String?
    /// An end the authority fixed.
    public var publishUntil: CivilDate?
    /// 信用修复完成.
    public var repairedOn: CivilDate?
    /// Decision revoked or changed.
    public var revokedOn: CivilDate?
    /// Review state.
    public var review: Review

    /// A row with every field given.
    public init(id: String, subjectID: String, reportID: String? = nil, kind: RecordKind, severity: Severity, procedure: Procedure? = nil, penaltyTypes: [PenaltyType], fineYuan: Int? = nil, documentNo: String? = nil, decidedOn: CivilDate, authority: String, basis: String? = nil, outcome: String? = nil, publishUntil: CivilDate? = nil, repairedOn: CivilDate? = nil, revokedOn: CivilDate? = nil, review: Review) {
        self.id = id
        self.subjectID = subjectID
        self.reportID = reportID
        self.kind = kind
        self.severity = severity
        self.procedure = procedure
        self.penaltyTypes = penaltyTypes
        self.fineYuan = fineYuan
        self.documentNo = documentNo
        self.decidedOn = decidedOn
        self.authority = authority
        self.basis = basis
        self.outcome = outcome
        self.publishUntil = publishUntil
        self.repairedOn = repairedOn
        self.revokedOn = revokedOn
        self.review = review
    }
}
