import SnapshotModel

/// The tables and columns of format version 1 that the generator reads.
public enum SnapshotSchema {
    /// Required columns per table.
    static let columns: [SnapshotTable: [String]] = [
        .meta: ["key", "value"],
        .subjects: ["id", "kind", "name", "uscc", "id_number", "legal_representative", "region_code", "address", "phone"],
        .cases: ["id", "title", "region", "reported_on", "source", "source_url", "domain", "summary_md",
                 "proposed_action", "tags"],
        .caseSubjects: ["case_id", "subject_id", "role"],
        .verificationReports: ["id", "case_id", "title", "lead_department", "service_agency", "methods", "conclusion",
                               "measures", "body_md", "concluded_on", "supersedes", "review_status", "approved_on",
                               "scope"],
        .records: ["id", "subject_id", "report_id", "kind", "severity", "procedure", "penalty_types", "fine_yuan",
                   "document_no", "decided_on", "authority", "basis", "facts_md", "outcome", "publish_until",
                   "repaired_on", "revoked_on", "review_status", "approved_on", "scope"],
        .listEntries: ["id", "subject_id", "list", "domain", "authority", "basis", "reason_md", "record_id",
                       "listed_on", "valid_until", "removed_on", "removal_reason", "review_status", "approved_on",
                       "scope"],
        .commitments: ["id", "subject_id", "kind", "record_id", "made_on", "valid_until", "status", "body_md",
                       "review_status", "approved_on", "scope"],
        .rectifications: ["id", "record_id", "requirement_md", "deadline", "status", "completed_on"],
        .interviews: ["id", "record_id", "kind", "held_on", "refused", "summary_md", "scope"],
        .repairActions: ["id", "record_id", "kind", "completed_on", "provider", "hours"],
        .objections: ["id", "target_table", "target_id", "filed_on", "status", "resolved_on", "resolution_md"],
        .redactionOverrides: ["id", "target_table", "target_id", "field", "phrase", "reason", "replacement"],
    ]

    /// The value of `snapshot_meta.format` this reader accepts.
    static let format = "credit-disclosure-snapshot"

    /// The longest Markdown field a row may have, in characters (256 Ki, some 250 pages of
    /// text): a longer one withholds its row, so that no single field can hold a build or a
    /// preview request for long, whatever it repeats.
    public static let maximumBodyCharacters: Int64 = 262_144
    /// The value of `snapshot_meta.version` this reader accepts.
    static let version = "1"
}
