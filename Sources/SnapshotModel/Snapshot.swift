import CreditVocabulary

/// Everything a build decides with: every row of the snapshot except the long Markdown
/// bodies, which are streamed when a page needs them (``BodyColumn``).
///
/// Arrays are sorted by id so that every pass over them is deterministic.
public struct Snapshot: Sendable {
    /// The snapshot file as named on the command line.
    public var file: String
    /// `snapshot_meta`.
    public var meta: SnapshotMeta
    /// `subjects`.
    public var subjects: [SubjectRow]
    /// `cases`.
    public var cases: [CaseRow]
    /// `case_subjects`.
    public var caseSubjects: [CaseSubjectRow]
    /// `verification_reports`.
    public var reports: [ReportRow]
    /// `records`.
    public var records: [RecordRow]
    /// `list_entries`.
    public var listEntries: [ListEntryRow]
    /// `commitments`.
    public var commitments: [CommitmentRow]
    /// `rectifications`.
    public var rectifications: [RectificationRow]
    /// `interviews`.
    public var interviews: [InterviewRow]
    /// `repair_actions`.
    public var repairActions: [RepairActionRow]
    /// `objections`.
    public var objections: [ObjectionRow]
    /// `redaction_overrides`.
    public var overrides: [RedactionOverrideRow]
    /// Rows that failed validation, with the first problem of each: they are withheld.
    public var invalidRows: [RowRef: SnapshotProblem]
    /// Names found in `subjects` rows that failed validation: they are masked in free text
    /// wherever they appear, since nobody can tell whether they name a natural person.
    public var namesOfInvalidSubjects: [String]

    /// An empty snapshot with the given metadata; readers and tests fill it in.
    public init(file: String, meta: SnapshotMeta) {
        self.file = file
        self.meta = meta
        subjects = []
        cases = []
        caseSubjects = []
        reports = []
        records = []
        listEntries = []
        commitments = []
        rectifications = []
        interviews = []
        repairActions = []
        objections = []
        overrides = []
        invalidRows = [:]
        namesOfInvalidSubjects = []
    }
}
