import Redaction
import SnapshotModel
import StableDigest

/// One page of the report index's inputs.
struct ReportIndexPageInput: PageInput {
    let reports: [ReportRow]
    let page: Int
    let pages: Int
    let total: Int

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("reports", reports)
            $0.field("page", page)
            $0.field("pages", pages)
            $0.field("total", total)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let lines = reports.map { tools.redactor.reportSummary($0, log: &log) }
        return tools.render(tools.factory.reportIndex(lines, page: page, pages: pages, total: total), log: log)
    }
}
