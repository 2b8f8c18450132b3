import CreditVocabulary
import PageModel
import Redaction
import SearchIndex
import SnapshotModel
import StableDigest

/// A record page's inputs.
struct RecordPageInput: PageInput {
    let row: RecordRow
    let facts: String
    let subject: SubjectRow
    let reportShown: Bool
    let report: ReportRow?
    let rectifications: [RectificationRow]
    let interviews: [InterviewRow]
    let repairs: [RepairActionRow]
    let note: DisclosureNote?

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("facts", facts)
            $0.field("subject", subject)
            $0.field("reportShown", reportShown)
            $0.field("report", report)
            $0.field("rectifications", rectifications)
            $0.field("interviews", interviews)
            $0.field("repairs", repairs)
            $0.field("note", note)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let subject = redactor.subject(self.subject, log: &log)
        let record = redactor.record(row, facts: facts, reportShown: reportShown, log: &log)
        let report = self.report.map { redactor.reportSummary($0, log: &log) }
        let rectifications = self.rectifications.map { redactor.rectification($0, log: &log) }
        let interviews = self.interviews.map { redactor.interview($0, log: &log) }
        let repairs = self.repairs.map { redactor.repairAction($0, log: &log) }
        let spec = tools.factory.recordPage(
            record, subject: subject, report: report, rectifications: rectifications, interviews: interviews,
            repairs: repairs, note: note)
        var page = tools.render(spec, feedDate: row.review.approvedOn, log: log)
        let texts: [(any PublishableText)?] = [
            subject.name, subject.uscc, tools.label(row.kind.label), tools.label(row.severity.label), record.documentNo,
            record.authority, record.basis, record.facts, record.outcome, report?.title,
        ] + rectifications.map { $0.requirement } + interviews.map { $0.summary }
        page.searchDocuments = [SearchDocument(
            kind: .record, path: SitePaths.record(record.path), title: spec.title, date: row.decidedOn,
            regions: tools.regions(of: self.subject), texts: texts)]
        return page
    }
}
