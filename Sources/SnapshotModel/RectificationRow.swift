import CreditVocabulary

/// A row of `rectifications`: a 限期整改 deadline on a record.
public struct RectificationRow: Hashable, Sendable, Encodable {
    /// Rectification id.
    public var id: String
    /// The record.
    public var recordID: String
    /// 整改要求 (Markdown, may hold personal data).
    public var requirementMarkdown: String
    /// 整改期限.
    public var deadline: CivilDate
    /// open, completed or overdue.
    public var status: RectificationStatus
    /// Completion date.
    public var completedOn: CivilDate?

    /// A row with every field given.
    public init(id: String, recordID: String, requirementMarkdown: String, deadline: CivilDate, status: RectificationStatus, completedOn: CivilDate? = nil) {
        self.id = id
        self.recordID = recordID
        self.requirementMarkdown = requirementMarkdown
        self.deadline = deadline
        self.status = status
        self.completedOn = completedOn
    }
}
