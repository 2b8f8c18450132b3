import CreditVocabulary

/// A row of `objections`: a subject's 异议 on a record, list entry or report.
public struct ObjectionRow: Hashable, Sendable, Encodable {
    /// Objection id.
    public var id: String
    /// The disputed table.
    public var target: ObjectionTarget
    /// The disputed row.
    public var targetID: String
    /// Date filed.
    public var filedOn: CivilDate
    /// pending, upheld or rejected.
    public var status: ObjectionStatus
    /// Date resolved.
    public var resolvedOn: CivilDate?

    /// A row with every field given.
    public init(id: String, target: ObjectionTarget, targetID: String, filedOn: CivilDate, status: ObjectionStatus, resolvedOn: CivilDate? = nil) {
        self.id = id
        self.target = target
        self.targetID = targetID
        self.filedOn = filedOn
        self.status = status
        self.resolvedOn = resolvedOn
    }
}
