import CreditVocabulary

/// A row of `cases`: a typical 失信案例 (the summary body is streamed separately).
public struct CaseRow: Hashable, Sendable, Encodable {
    /// Case id, e.g. `27-1`.
    public var id: String
    /// 案例标题.
    public var title: String
    /// 地区, free text.
    public var region: String
    /// 发布时间.
    public var reportedOn: CivilDate
    /// 信息来源.
    public var source: String?
    /// Link to the source.
    public var sourceURL: String?
    /// 领域.
    public var domain: String?
    /// 拟办意见.
    public var proposedAction: String?
    /// 标签.
    public var tags: [String]

    /// A row with every field given.
    public init(id: String, title: String, region: String, reportedOn: CivilDate, source: String? = nil, sourceURL: String? = nil, domain: String? = nil, proposedAction: String? = nil, tags: [String]) {
        self.id = id
        self.title = title
        self.region = region
        self.reportedOn = reportedOn
        self.source = source
        self.sourceURL = sourceURL
        self.domain = domain
        self.proposedAction = proposedAction
        self.tags = tags
    }
}
