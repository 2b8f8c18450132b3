import Redaction
import SiteConfig
import SnapshotModel

/// What a row is called where the public reads it, redacted as published: a record's kind and
/// document number with its subject (行政处罚 榕市监罚〔2026〕12号 · 福州某某公司), a report's or a
/// case's title, a subject's name (王某), a list entry's list and subject, a commitment's kind
/// and subject. For `gongshi schedule`, whose lines go to logs and mail: no unredacted value.
public struct RowTitles: Sendable {
    private let redactor: Redactor
    private let subjects: RowsByID<SubjectRow>
    private let records: RowsByID<RecordRow>
    private let reports: RowsByID<ReportRow>
    private let cases: RowsByID<CaseRow>
    private let entries: RowsByID<ListEntryRow>
    private let commitments: RowsByID<CommitmentRow>

    /// Titles of `snapshot`'s rows under `configuration`'s redaction settings.
    public init(snapshot: Snapshot, configuration: SiteConfiguration) {
        redactor = Redactor(snapshot: snapshot, slugKey: configuration.effectiveSubjectSlugKey,
                            contextNames: configuration.masksContextNames)
        subjects = RowsByID(snapshot.subjects, id: \.id)
        records = RowsByID(snapshot.records, id: \.id)
        reports = RowsByID(snapshot.reports, id: \.id)
        cases = RowsByID(snapshot.cases, id: \.id)
        entries = RowsByID(snapshot.listEntries, id: \.id)
        commitments = RowsByID(snapshot.commitments, id: \.id)
    }

    /// The row's title, or nil for a row without one of its own (a rectification, …).
    public func title(of ref: RowRef) -> String? {
        var log = RedactionLog()
        func subject(_ id: String) -> String? { subjects[id].map { redactor.subject($0, log: &log).name.value } }
        func joined(_ parts: String?...) -> String? {
            let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
            return present.isEmpty ? nil : present.joined(separator: " · ")
        }
        switch ref.table {
        case .records:
            guard let row = records[ref.id] else { return nil }
            let summary = redactor.recordSummary(row, log: &log)
            return joined("\(row.kind.label) \(summary.documentNo?.value ?? "")".trimmingCharacters(in: .whitespaces), subject(row.subjectID))
        case .verificationReports:
            return reports[ref.id].map { redactor.reportSummary($0, log: &log).title.value }
        case .cases:
            return cases[ref.id].map { redactor.caseSummary($0, log: &log).title.value }
        case .subjects:
            return subject(ref.id)
        case .listEntries:
            guard let row = entries[ref.id] else { return nil }
            return joined(row.list.label, subject(row.subjectID))
        case .commitments:
            guard let row = commitments[ref.id] else { return nil }
            return joined(row.kind.label, subject(row.subjectID))
        default:
            return nil
        }
    }
}
