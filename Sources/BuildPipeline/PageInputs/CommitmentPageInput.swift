import PageModel
import Redaction
import SearchIndex
import SnapshotModel
import StableDigest

/// A commitment page's inputs.
struct CommitmentPageInput: PageInput {
    let row: CommitmentRow
    let body: String
    let recordShown: Bool
    let subject: SubjectRow
    let note: DisclosureNote?

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("body", body)
            $0.field("recordShown", recordShown)
            $0.field("subject", subject)
            $0.field("note", note)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let commitment = redactor.commitment(row, body: body, recordShown: recordShown, log: &log)
        let subject = redactor.subject(self.subject, log: &log)
        let spec = tools.factory.commitmentPage(commitment, subject: subject, note: note)
        var page = tools.render(spec, feedDate: row.review.approvedOn, log: log)
        page.searchDocuments = [SearchDocument(
            kind: .commitment, path: SitePaths.commitment(commitment.path), title: spec.title, date: row.madeOn,
            regions: tools.regions(of: self.subject),
            texts: [subject.name, subject.uscc, tools.label(row.kind.label), tools.label(row.status.label), commitment.body])]
        return page
    }
}
