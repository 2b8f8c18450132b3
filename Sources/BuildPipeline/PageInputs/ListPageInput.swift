import CreditVocabulary
import PageModel
import Redaction
import SearchIndex
import SnapshotModel
import StableDigest

/// One page of a list's inputs.
struct ListPageInput: PageInput {
    /// One entry on the page.
    struct Line: DigestWritable, Sendable {
        let entry: ListEntryRow
        let subject: SubjectRow
        let note: DisclosureNote?

        /// Writes the digest bytes, fields in declaration order.
        func write(to digest: inout DigestWriter) {
            digest.object {
                $0.field("entry", entry)
                $0.field("subject", subject)
                $0.field("note", note)
            }
        }

        /// The entry and its subject as the list's pages and downloads show them.
        func redacted(by redactor: Redactor, log: inout RedactionLog) -> (PublicListEntry, PublicSubject, DisclosureNote?) {
            (redactor.listEntry(entry, reason: nil, recordShown: false, log: &log), redactor.subject(subject, log: &log), note)
        }
    }

    let list: ListKind
    let lines: [Line]
    let page: Int
    let pages: Int
    let total: Int

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("list", list)
            $0.field("lines", lines)
            $0.field("page", page)
            $0.field("pages", pages)
            $0.field("total", total)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        var log = RedactionLog()
        let redacted = lines.map { $0.redacted(by: tools.redactor, log: &log) }
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
