import CreditVocabulary

/// A row of `repair_actions`: one step of 信用修复.
public struct RepairActionRow: Hashable, Sendable, Encodable {
    /// Step id.
    public var id: String
    /// The record.
    public var recordID: String
    /// training, credit report, commitment or public service.
    public var kind: RepairActionKind
    /// Completion date.
    public var completedOn: CivilDate
    /// 行业协会 / 信用服务机构.
    public var provider: String?
    /// Class hours (training).
    public var hours: Double?

    /// A row with every field given.
    public init(id: String, recordID: String, kind: RepairActionKind, completedOn: CivilDate, provider: String? = nil, hours: Double? = nil) {
        self.id = id
        self.recordID = recordID
        self.kind = kind
        self.completedOn = completedOn
        self.provider = provider
        self.hours = hours
    }
}
