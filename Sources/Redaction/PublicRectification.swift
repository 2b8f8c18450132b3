import CreditVocabulary

/// A rectification deadline as it may be published. Made only by ``Redactor``.
public struct PublicRectification: Hashable, Sendable {
    /// 整改要求 (Markdown).
    public let requirement: RedactedText
    /// 整改期限.
    public let deadline: CivilDate
    /// Status.
    public let status: RectificationStatus
    /// Completed on.
    public let completedOn: CivilDate?
}
