import CreditVocabulary

/// A row of `list_entries`: a subject on the red, black or watch list (the reason is streamed separately).
public struct ListEntryRow: Hashable, Sendable, Encodable {
    /// Entry id.
    public var id: String
    /// The subject.
    public var subjectID: String
    /// red, black or watch.
    public var list: ListKind
    /// 领域.
    public var domain: String?
    /// 认定部门.
    public var authority: String
    /// 列入依据.
    public var basis: String?
    /// The record that led to the listing.
    public var recordID: String?
    /// 列入日期.
    public var listedOn: CivilDate
    /// 有效期届满.
    public var validUntil: CivilDate?
    /// 移出日期.
    public var removedOn: CivilDate?
    /// 移出原因.
    public var removalReason: String?
    /// Review state.
    public var review: Review

    /// A row with every field given.
    public init(id: String, subjectID: String, list: ListKind, domain: String? = nil, authority: String, basis: String? = nil, recordID: String? = nil, listedOn: CivilDate, validUntil: CivilDate? = nil, removedOn: CivilDate? = nil, removalReason: String? = nil, review: Review) {
        self.id = id
        self.subjectID = subjectID
        self.list = list
        self.domain = domain
        self.authority = authority
        self.basis = basis
        self.recordID = recordID
        self.listedOn = listedOn
        self.validUntil = validUntil
        self.removedOn = removedOn
        self.removalReason = removalReason
        self.review = review
    }
}
