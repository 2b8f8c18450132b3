import PageModel
import Redaction
import SnapshotModel
import StableDigest

/// A subject page's inputs.
struct SubjectPageInput: PageInput {
    /// One list entry on the page.
    struct Entry: DigestWritable, Sendable {
        let row: ListEntryRow
        let reason: String?
        let recordShown: Bool
        let note: DisclosureNote?

        /// Writes the digest bytes, fields in declaration order.
        func write(to digest: inout DigestWriter) {
            digest.object {
                $0.field("row", row)
                $0.field("reason", reason)
                $0.field("recordShown", recordShown)
                $0.field("note", note)
            }
        }
    }

    let row: SubjectRow
    /// Shown records, newest first.
    let records: [RecordRow]
    /// Shown list entries, newest first.
    let entries: [Entry]
    /// Shown commitments, newest first.
    let commitments: [CommitmentRow]
    /// Shown cases, by id.
    let cases: [CaseRow]

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("records", records)
            $0.field("entries", entries)
            $0.field("commitments", commitments)
            $0.field("cases", cases)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let subject = redactor.subject(row, log: &log)
        let records = self.records.map { redactor.recordSummary($0, log: &log) }
        let entries = self.entries.map { entry in
            (redactor.listEntry(entry.row, reason: entry.reason, recordShown: entry.recordShown, log: &log), entry.note)
        }
        let commitments = self.commitments.map { redactor.commitmentSummary($0) }
        let caseLines = cases.map { redactor.caseSummary($0, log: &log) }
        return tools.render(
            tools.factory.subjectPage(subject, records: records, listEntries: entries, commitments: commitments, cases: caseLines),
            log: log)
    }
}
