import Redaction
import SnapshotModel

/// One page of the case index's inputs.
struct CaseIndexPageInput: PageInput {
    let cases: [CaseRow]
    let page: Int
    let pages: Int

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let lines = cases.map { tools.redactor.caseSummary($0, log: &log) }
        return tools.render(tools.factory.caseIndex(lines, page: page, pages: pages), log: log)
    }
}
