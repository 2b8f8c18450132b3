import CreditVocabulary

/// A row of `case_subjects`: a subject involved in a case.
public struct CaseSubjectRow: Hashable, Sendable, Encodable {
    /// The case.
    public var caseID: String
    /// The subject.
    public var subjectID: String
    /// involved or responsible.
    public var role: CaseRole

    /// A row with every field given.
    public init(caseID: String, subjectID: String, role: CaseRole) {
        self.caseID = caseID
        self.subjectID = subjectID
        self.role = role
    }
}
