import Redaction
import SnapshotModel

/// One page of the commitment index's inputs.
struct CommitmentIndexPageInput: PageInput {
    /// One commitment on the page.
    struct Line: Encodable, Sendable {
        let commitment: CommitmentRow
        let subject: SubjectRow
    }

    let lines: [Line]
    let page: Int
    let pages: Int

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let redacted = lines.map {
            (tools.redactor.commitmentSummary($0.commitment), tools.redactor.subject($0.subject, log: &log))
        }
        return tools.render(tools.factory.commitmentIndex(redacted, page: page, pages: pages), log: log)
    }
}
