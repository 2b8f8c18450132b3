import PageModel
import Redaction
import SearchIndex
import SnapshotModel
import StableDigest

/// A case page's inputs.
struct CasePageInput: PageInput {
    let row: CaseRow
    let summary: String?
    /// Its shown reports, newest first.
    let reports: [ReportRow]
    /// Its shown subjects, by id.
    let subjects: [SubjectRow]

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("summary", summary)
            $0.field("reports", reports)
            $0.field("subjects", subjects)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let item = redactor.case(row, summary: summary, log: &log)
        let reportLines = reports.map { redactor.reportSummary($0, log: &log) }
        let subjectLines = subjects.map { redactor.subject($0, log: &log) }
        let spec = tools.factory.casePage(item, reports: reportLines, subjects: subjectLines)
        var page = tools.render(spec, log: log)
        var texts: [(any PublishableText)?] = [item.region, item.source, item.domain, item.summary, item.proposedAction]
        texts += item.tags
        for subject in subjectLines { texts += [subject.name, subject.uscc] }
        for report in reportLines { texts += [report.title, report.leadDepartment] }
        page.searchDocuments = [SearchDocument(
            kind: .case, path: SitePaths.case(item.path), title: spec.title, date: row.reportedOn,
            regions: tools.regions(of: row), texts: texts)]
        return page
    }
}
