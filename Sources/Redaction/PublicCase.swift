import CreditVocabulary

/// A case as it may be published. Made only by ``Redactor``.
public struct PublicCase: Hashable, Sendable {
    /// Path segment.
    public let path: String
    /// 案例标题.
    public let title: RedactedText
    /// 地区.
    public let region: RedactedText
    /// 发布时间.
    public let reportedOn: CivilDate
    /// 信息来源.
    public let source: RedactedText?
    /// Source link (http or https only).
    public let sourceURL: RedactedText?
    /// 领域.
    public let domain: RedactedText?
    /// Summary (Markdown).
    public let summary: RedactedText?
    /// 拟办意见.
    public let proposedAction: RedactedText?
    /// 标签.
    public let tags: [RedactedText]
}
