import PageModel
import Redaction
import SearchIndex
import SnapshotModel
import StableDigest

/// A verification report page's inputs.
struct ReportPageInput: PageInput {
    let row: ReportRow
    let body: String
    let supersedes: ReportRow?
    let caseRow: CaseRow?
    /// Its shown records, newest first.
    let records: [RecordRow]
    let note: DisclosureNote?

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("body", body)
            $0.field("supersedes", supersedes)
            $0.field("caseRow", caseRow)
            $0.field("records", records)
            $0.field("note", note)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let report = redactor.report(row, body: body, supersedes: supersedes, log: &log)
        let caseSummary = caseRow.map { redactor.caseSummary($0, log: &log) }
        let records = self.records.map { redactor.recordSummary($0, log: &log) }
        let spec = tools.factory.reportPage(report, caseSummary: caseSummary, records: records, note: note)
        var page = tools.render(spec, feedDate: row.review.approvedOn, log: log)
        var texts: [(any PublishableText)?] = [
            report.leadDepartment, report.serviceAgency, tools.label(row.conclusion.label), report.body, caseSummary?.title,
            caseSummary?.region,
        ]
        texts += report.methods.map { tools.label($0.label) }
        texts += report.measures.map { tools.label($0.label) }
        for record in records { texts += [tools.label(record.kind.label), record.documentNo, record.authority] }
        page.searchDocuments = [SearchDocument(
            kind: .report, path: SitePaths.report(report.path), title: spec.title,
            date: row.review.approvedOn ?? row.concludedOn, regions: caseRow.map(tools.regions(of:)) ?? [], texts: texts)]
        return page
    }
}
