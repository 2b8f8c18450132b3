import CreditVocabulary

/// A row of `commitments`: a 信用承诺书 (the body is streamed separately).
public struct CommitmentRow: Hashable, Sendable, Encodable {
    /// Commitment id.
    public var id: String
    /// The subject.
    public var subjectID: String
    /// Kind of commitment.
    public var kind: CommitmentKind
    /// The record it relates to.
    public var recordID: String?
    /// Date made.
    public var madeOn: CivilDate
    /// End of validity.
    public var validUntil: CivilDate?
    /// in force, fulfilled, breached or withdrawn.
    public var status: CommitmentStatus
    /// Review state.
    public var review: Review

    /// A row with every field given.
    public init(id: String, subjectID: String, kind: CommitmentKind, recordID: String? = nil, madeOn: CivilDate, validUntil: CivilDate? = nil, status: CommitmentStatus, review: Review) {
        self.id = id
        self.subjectID = subjectID
        self.kind = kind
        self.recordID = recordID
        self.madeOn = madeOn
        self.validUntil = validUntil
        self.status = status
        self.review = review
    }
}
