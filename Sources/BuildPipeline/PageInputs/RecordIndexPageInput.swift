import Redaction
import SnapshotModel
import StableDigest

/// One page of the record index's inputs.
struct RecordIndexPageInput: PageInput {
    /// One record on the page.
    struct Line: DigestWritable, Sendable {
        let record: RecordRow
        let subject: SubjectRow

        /// Writes the digest bytes, fields in declaration order.
        func write(to digest: inout DigestWriter) {
            digest.object {
                $0.field("record", record)
                $0.field("subject", subject)
            }
        }
    }

    let lines: [Line]
    let page: Int
    let pages: Int
    let total: Int

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("lines", lines)
            $0.field("page", page)
            $0.field("pages", pages)
            $0.field("total", total)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let redacted = lines.map {
            (tools.redactor.recordSummary($0.record, log: &log), tools.redactor.subject($0.subject, log: &log))
        }
        return tools.render(tools.factory.recordIndex(redacted, page: page, pages: pages, total: total), log: log)
    }
}
