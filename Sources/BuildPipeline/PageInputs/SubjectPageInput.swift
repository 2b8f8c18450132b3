import PageModel
import SearchIndex
import SiteRender
import Redaction
import SnapshotModel
import StableDigest

/// A subject page's inputs.
struct SubjectPageInput: PageInput {
    /// One list entry on the page.
    struct Entry: DigestWritable, Sendable {
        let row: ListEntryRow
        let reason: String?
        let recordShown: Bool
        let note: DisclosureNote?

        /// Writes the digest bytes, fields in declaration order.
        func write(to digest: inout DigestWriter) {
            digest.object {
                $0.field("row", row)
                $0.field("reason", reason)
                $0.field("recordShown", recordShown)
                $0.field("note", note)
            }
        }
    }

    let row: SubjectRow
    /// Shown records, newest first.
    let records: [RecordRow]
    /// Shown list entries, newest first.
    let entries: [Entry]
    /// Shown commitments, newest first.
    let commitments: [CommitmentRow]
    /// Shown cases, by id.
    let cases: [CaseRow]

    /// Writes the inputs' digest bytes, fields in declaration order.
    func write(to digest: inout DigestWriter) {
        digest.object {
            $0.field("row", row)
            $0.field("records", records)
            $0.field("entries", entries)
            $0.field("commitments", commitments)
            $0.field("cases", cases)
        }
    }

    func make(_ tools: PageTools) -> RenderedPage {
        let redactor = tools.redactor
        var log = RedactionLog()
        let subject = redactor.subject(row, log: &log)
        let records = self.records.map { redactor.recordSummary($0, log: &log) }
        let entries = self.entries.map { entry in
            (redactor.listEntry(entry.row, reason: entry.reason, recordShown: entry.recordShown, log: &log), entry.note)
        }
        let commitments = self.commitments.map { redactor.commitmentSummary($0) }
        let caseLines = cases.map { redactor.caseSummary($0, log: &log) }
        var page = tools.render(
            tools.factory.subjectPage(subject, records: records, listEntries: entries, commitments: commitments, cases: caseLines),
            log: log)
        page.searchDocuments = [searchDocument(subject, records, entries.map(\.0), commitments, caseLines, tools)]
        return page
    }

    /// The subject as a search result: found by the text its page shows (the title and
    /// details of what is shown about it), first for its name or USCC, dated by the newest
    /// of what is shown. The legal representative's name is shown but not indexed: the
    /// column is searched for companies, not for people (and a snippet cut beside the name
    /// would read as a person's name out of its context).
    private func searchDocument(
        _ subject: PublicSubject, _ records: [PublicRecordSummary], _ entries: [PublicListEntry],
        _ commitments: [PublicCommitmentSummary], _ cases: [PublicCaseSummary], _ tools: PageTools
    ) -> SearchDocument {
        var texts: [(any PublishableText)?] = [
            subject.name, tools.label(subject.kind.label), subject.uscc, subject.address,
        ]
        for entry in entries {
            texts += [tools.label(entry.list.label), entry.authority, entry.domain, entry.basis, entry.reason]
        }
        for record in records { texts += [tools.label(record.kind.label), record.documentNo, record.authority] }
        for commitment in commitments { texts.append(tools.label(commitment.kind.label)) }
        for line in cases { texts += [line.title, line.region] }
        let dates = records.map(\.decidedOn) + entries.map(\.listedOn) + commitments.map(\.madeOn) + cases.map(\.reportedOn)
        return SearchDocument(
            kind: .subject, path: SitePaths.subject(subject.slug), title: subject.name.value,
            date: dates.max() ?? .earliest, regions: tools.regions(of: row),
            name: [subject.name, subject.uscc], texts: texts)
    }
}
