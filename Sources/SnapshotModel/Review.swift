import CreditVocabulary

/// The review state every publishable row carries.
public struct Review: Hashable, Sendable, Encodable {
    /// draft, pending, approved, rejected or withdrawn.
    public var status: ReviewStatus
    /// The approval date; only approved rows have one.
    public var approvedOn: CivilDate?
    /// public or internal (不宜公开).
    public var scope: Scope

    /// A review state.
    public init(status: ReviewStatus, approvedOn: CivilDate?, scope: Scope) {
        self.status = status
        self.approvedOn = approvedOn
        self.scope = scope
    }
}
