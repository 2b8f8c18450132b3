import CreditVocabulary

/// A row of `interviews`: a 提示约谈 or 警示约谈 on a record.
public struct InterviewRow: Hashable, Sendable, Encodable {
    /// Interview id.
    public var id: String
    /// The record.
    public var recordID: String
    /// reminder or warning.
    public var kind: InterviewKind
    /// Date held.
    public var heldOn: CivilDate
    /// The subject refused to attend.
    public var refused: Bool
    /// Summary (Markdown, may hold personal data).
    public var summaryMarkdown: String?
    /// public or internal.
    public var scope: Scope

    /// A row with every field given.
    public init(id: String, recordID: String, kind: InterviewKind, heldOn: CivilDate, refused: Bool, summaryMarkdown: String? = nil, scope: Scope) {
        self.id = id
        self.recordID = recordID
        self.kind = kind
        self.heldOn = heldOn
        self.refused = refused
        self.summaryMarkdown = summaryMarkdown
        self.scope = scope
    }
}
