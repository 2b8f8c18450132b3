import CreditVocabulary
import PageModel
import Redaction
import SearchIndex
import SnapshotModel

/// One page of a list's inputs.
struct ListPageInput: PageInput {
    /// One entry on the page.
    struct Line: Encodable, Sendable {
        let entry: ListEntryRow
        let subject: SubjectRow
        let note: DisclosureNote?
    }

    let list: ListKind
    let lines: [Line]
    let page: Int
    let pages: Int
    let total: Int

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let redacted = lines.map { line in
            (redactor.listEntry(line.entry, reason: nil, recordShown: false, log: &log),
             redactor.subject(line.subject, log: &log), line.note)
        }
        var rendered = tools.render(
            tools.factory.listPage(list, entries: redacted, page: page, pages: pages, total: total), log: log)
        rendered.searchDocuments = zip(lines, redacted).map { line, item in
            let (entry, subject, _) = item
            return SearchDocument(
                kind: .list, path: SitePaths.subject(subject.slug) + "#" + entry.path,
                title: "\(subject.name.value) \(list.label)", date: line.entry.listedOn,
                regions: tools.regions(of: line.subject), list: list,
                texts: [subject.name, subject.uscc, tools.label(list.label), entry.authority, entry.basis, entry.domain])
        }
        return rendered
    }
}
