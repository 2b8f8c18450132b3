import Redaction
import SnapshotModel
import StableDigest

/// One page of the commitment index's inputs.
struct CommitmentIndexPageInput: PageInput {
    /// One commitment on the page.
    struct Line: DigestWritable, Sendable {
        let commitment: CommitmentRow
        let subject: SubjectRow

        /// Writes the digest bytes, fields in declaration order.
        func write(to digest: inout DigestWriter) {
            digest.object {
                $0.field("commitment", commitment)
                $0.field("subject", subject)
            }
        }
    }

    let lines: [Line]
    let page: Int
    let pages: Int

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("lines", lines)
            $0.field("page", page)
            $0.field("pages", pages)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let redacted = lines.map {
            (tools.redactor.commitmentSummary($0.commitment), tools.redactor.subject($0.subject, log: &log))
        }
        return tools.render(tools.factory.commitmentIndex(redacted, page: page, pages: pages), log: log)
    }
}
