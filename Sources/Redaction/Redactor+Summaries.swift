import CreditVocabulary
import SnapshotModel

extension Redactor {
    /// A case's line (no summary body needed).
    public func caseSummary(_ row: CaseRow, log: inout RedactionLog) -> PublicCaseSummary {
        let ref = RowRef(.cases, row.id)
        return PublicCaseSummary(
            path: path(row.id), title: text(row.title, row: ref, field: "title", log: &log),
            region: text(row.region, row: ref, field: "region", log: &log), reportedOn: row.reportedOn)
    }

    /// A report's line (no body needed).
    public func reportSummary(_ row: ReportRow, log: inout RedactionLog) -> PublicReportSummary {
        let ref = RowRef(.verificationReports, row.id)
        return PublicReportSummary(
            path: path(row.id), casePath: path(row.caseID), title: text(row.title, row: ref, field: "title", log: &log),
            conclusion: row.conclusion,
            leadDepartment: text(row.leadDepartment, row: ref, field: "lead_department", log: &log),
            approvedOn: row.review.approvedOn)
    }

    /// A record's line (no facts needed).
    public func recordSummary(_ row: RecordRow, log: inout RedactionLog) -> PublicRecordSummary {
        let ref = RowRef(.records, row.id)
        return PublicRecordSummary(
            path: path(row.id), subjectSlug: subjectSlug(row.subjectID), kind: row.kind, severity: row.severity,
            documentNo: text(row.documentNo, row: ref, field: "document_no", log: &log),
            authority: text(row.authority, row: ref, field: "authority", log: &log), decidedOn: row.decidedOn,
            penaltyTypes: row.penaltyTypes)
    }

    /// A commitment's line (no body needed).
    public func commitmentSummary(_ row: CommitmentRow) -> PublicCommitmentSummary {
        PublicCommitmentSummary(
            path: path(row.id), subjectSlug: subjectSlug(row.subjectID), kind: row.kind, madeOn: row.madeOn,
            validUntil: row.validUntil, status: row.status)
    }
}
