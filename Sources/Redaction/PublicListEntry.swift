import CreditVocabulary

/// A list entry as it may be published. Made only by ``Redactor``.
public struct PublicListEntry: Hashable, Sendable {
    /// Path segment (anchor on the subject page).
    public let path: String
    /// The subject's slug.
    public let subjectSlug: String
    /// red, black or watch.
    public let list: ListKind
    /// 领域.
    public let domain: RedactedText?
    /// 认定部门.
    public let authority: RedactedText
    /// 列入依据.
    public let basis: RedactedText?
    /// 列入事由 (Markdown).
    public let reason: RedactedText?
    /// The record's path segment.
    public let recordPath: String?
    /// 列入日期.
    public let listedOn: CivilDate
    /// 有效期届满.
    public let validUntil: CivilDate?
}
