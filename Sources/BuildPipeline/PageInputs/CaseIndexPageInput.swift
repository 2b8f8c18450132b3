import Redaction
import SnapshotModel
import StableDigest

/// One page of the case index's inputs.
struct CaseIndexPageInput: PageInput {
    let cases: [CaseRow]
    let page: Int
    let pages: Int

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("cases", cases)
            $0.field("page", page)
            $0.field("pages", pages)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let lines = cases.map { tools.redactor.caseSummary($0, log: &log) }
        return tools.render(tools.factory.caseIndex(lines, page: page, pages: pages), log: log)
    }
}
