import CreditVocabulary
import DisclosurePolicy
import PageModel
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel

extension BuildContext {
    private func newestFirst<T>(_ rows: [T], date: (T) -> CivilDate, id: (T) -> String) -> [T] {
        rows.sorted { (date($0), id($1)) > (date($1), id($0)) }
    }

    /// A record page's inputs; `facts` is its `facts_md`.
    func recordInput(_ row: RecordRow, facts: String) -> RecordPageInput {
        let reportShown = row.reportID.map { isShown(.verificationReports, $0) } ?? false
        return RecordPageInput(
            row: row, facts: facts, subject: subjects[row.subjectID]!, reportShown: reportShown,
            report: reportShown ? row.reportID.flatMap { reports[$0] } : nil,
            rectifications: (rectificationsByRecord[row.id] ?? []).sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) },
            interviews: (interviewsByRecord[row.id] ?? []).sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) },
            repairs: (repairsByRecord[row.id] ?? []).sorted { ($0.completedOn, $0.id) < ($1.completedOn, $1.id) },
            note: note(.records, row.id))
    }

    /// A verification report page's inputs; `body` is its `body_md`.
    func reportInput(_ row: ReportRow, body: String) -> ReportPageInput {
        ReportPageInput(
            row: row, body: body, supersedes: row.supersedes.flatMap { reports[$0] }, caseRow: cases[row.caseID],
            records: newestFirst(recordsByReport[row.id] ?? [], date: \.decidedOn, id: \.id),
            note: note(.verificationReports, row.id))
    }

    /// A case page's inputs; `summary` is its `summary_md`.
    func caseInput(_ row: CaseRow, summary: String?) -> CasePageInput {
        CasePageInput(
            row: row, summary: summary,
            reports: newestFirst(reportsByCase[row.id] ?? [], date: { $0.review.approvedOn ?? $0.concludedOn }, id: \.id),
            subjects: (subjectsByCase[row.id] ?? []).sorted().compactMap { subjects[$0] })
    }

    /// A commitment page's inputs; `body` is its `body_md`.
    func commitmentInput(_ row: CommitmentRow, body: String) -> CommitmentPageInput {
        CommitmentPageInput(
            row: row, body: body, recordShown: row.recordID.map { isShown(.records, $0) } ?? false,
            subject: subjects[row.subjectID]!, note: note(.commitments, row.id))
    }

    /// A subject page's inputs; `reasons` holds the `reason_md` of its list entries.
    func subjectInput(_ row: SubjectRow, reasons: [String: String]) -> SubjectPageInput {
        SubjectPageInput(
            row: row,
            records: newestFirst(recordsBySubject[row.id] ?? [], date: \.decidedOn, id: \.id),
            entries: newestFirst(entriesBySubject[row.id] ?? [], date: \.listedOn, id: \.id).map { entry in
                SubjectPageInput.Entry(
                    row: entry, reason: reasons[entry.id],
                    recordShown: entry.recordID.map { isShown(.records, $0) } ?? false,
                    note: note(.listEntries, entry.id))
            },
            commitments: newestFirst(commitmentsBySubject[row.id] ?? [], date: \.madeOn, id: \.id),
            cases: (casesBySubject[row.id] ?? []).sorted().compactMap { cases[$0] })
    }

    /// A record page (the reviewer preview makes single pages this way).
    func recordPage(_ row: RecordRow, facts: String) -> RenderedPage { recordInput(row, facts: facts).make(tools) }
    /// A verification report page.
    func reportPage(_ row: ReportRow, body: String) -> RenderedPage { reportInput(row, body: body).make(tools) }
    /// A case page.
    func casePage(_ row: CaseRow, summary: String?) -> RenderedPage { caseInput(row, summary: summary).make(tools) }
    /// A commitment page.
    func commitmentPage(_ row: CommitmentRow, body: String) -> RenderedPage { commitmentInput(row, body: body).make(tools) }
    /// A subject page.
    func subjectPage(_ row: SubjectRow, reasons: [String: String]) -> RenderedPage {
        subjectInput(row, reasons: reasons).make(tools)
    }

    /// The entries of `list` that are shown, newest listing first: the order of its pages
    /// and of its downloads.
    private func shownEntries(_ list: ListKind) -> [ListEntryRow] {
        newestFirst(snapshot.listEntries.filter { $0.list == list && isShown(.listEntries, $0.id) }, date: \.listedOn, id: \.id)
    }

    /// The inputs of `list`'s downloads, one per format.
    func listDownloadInputs(_ list: ListKind) -> [ListDownloadInput] {
        let lines = shownEntries(list).map { ListPageInput.Line(entry: $0, subject: subjects[$0.subjectID]!, note: note(.listEntries, $0.id)) }
        return ListDownload.Format.allCases.map { ListDownloadInput(list: list, format: $0, lines: lines) }
    }

    /// The inputs of the pages of one list, newest listing first, each made when read.
    func listInputs(_ list: ListKind, pageSize: Int) -> Pages<ListPageInput> {
        let sorted = shownEntries(list)
        return paginate(sorted, pageSize: pageSize) { slice, page, pages in
            ListPageInput(
                list: list,
                lines: slice.map { .init(entry: $0, subject: subjects[$0.subjectID]!, note: note(.listEntries, $0.id)) },
                page: page, pages: pages, total: sorted.count)
        }
    }

    /// The inputs of the pages of the commitment index, each made when read.
    func commitmentIndexInputs(pageSize: Int) -> Pages<CommitmentIndexPageInput> {
        let shown = newestFirst(snapshot.commitments.filter { isShown(.commitments, $0.id) },
                                date: \.madeOn, id: \.id)
        return paginate(shown, pageSize: pageSize) { slice, page, pages in
            CommitmentIndexPageInput(
                lines: slice.map { .init(commitment: $0, subject: subjects[$0.subjectID]!) }, page: page, pages: pages)
        }
    }

    /// The inputs of the pages of the record index, newest decision first, each made when read.
    func recordIndexInputs(pageSize: Int) -> Pages<RecordIndexPageInput> {
        // Positions in the records, not copies of them: a national index has a million rows,
        // which copied would take some 300 MB while the index's pages are made.
        let records = snapshot.records
        var shown = records.indices.filter { isShown(.records, records[$0].id) }
        shown.sort { (records[$0].decidedOn, records[$1].id) > (records[$1].decidedOn, records[$0].id) }
        return paginate(shown, pageSize: pageSize) { [shown] slice, page, pages in
            RecordIndexPageInput(lines: slice.map { .init(record: records[$0], subject: subjects[records[$0].subjectID]!) },
                                 page: page, pages: pages, total: shown.count)
        }
    }

    /// The inputs of the pages of the report index, newest first (the home page's order),
    /// each made when read.
    func reportIndexInputs(pageSize: Int) -> Pages<ReportIndexPageInput> {
        let shown = newestFirst(snapshot.reports.filter { isShown(.verificationReports, $0.id) },
                                date: { $0.review.approvedOn ?? $0.concludedOn }, id: \.id)
        return paginate(shown, pageSize: pageSize) { slice, page, pages in
            ReportIndexPageInput(reports: Array(slice), page: page, pages: pages, total: shown.count)
        }
    }

    /// The inputs of the pages of the case index, each made when read.
    func caseIndexInputs(pageSize: Int) -> Pages<CaseIndexPageInput> {
        let shown = newestFirst(snapshot.cases.filter { isShown(.cases, $0.id) }, date: \.reportedOn, id: \.id)
        return paginate(shown, pageSize: pageSize) { slice, page, pages in
            CaseIndexPageInput(cases: Array(slice), page: page, pages: pages)
        }
    }

    /// The home page; `updatedOn` is the site's last change (only the home page shows it).
    func homePage(updatedOn: CivilDate? = nil) -> RenderedPage {
        var log = RedactionLog()
        let reportLines = newestFirst(snapshot.reports.filter { isShown(.verificationReports, $0.id) },
                                      date: { $0.review.approvedOn ?? $0.concludedOn }, id: \.id)
            .prefix(10).map { redactor.reportSummary($0, log: &log) }
        let caseLines = newestFirst(snapshot.cases.filter { isShown(.cases, $0.id) }, date: \.reportedOn, id: \.id)
            .prefix(10).map { redactor.caseSummary($0, log: &log) }
        var counts: [ListKind: Int] = [:]
        for entry in snapshot.listEntries where isShown(.listEntries, entry.id) {
            counts[entry.list, default: 0] += 1
        }
        let commitmentCount = snapshot.commitments.filter { isShown(.commitments, $0.id) }.count
        let recordCount = snapshot.records.reduce(0) { count, record in isShown(.records, record.id) ? count + 1 : count }
        var site = factory.site
        site.updatedOn = updatedOn ?? site.updatedOn
        return tools.render(
            PageFactory(site: site).home(reports: Array(reportLines), cases: Array(caseLines), listCounts: counts,
                         commitmentCount: commitmentCount, recordCount: recordCount),
            log: log)
    }

    /// The internal page on timeliness.
    func timelinessPage(_ report: TimelinessReport) -> RenderedPage {
        var log = RedactionLog()
        let firstRecord = Dictionary(report.entries.map { ($0.authority, $0.recordID) }, uniquingKeysWith: { first, _ in first })
        let authorities = report.byAuthority.map { summary in
            (authority: redactor.text(summary.authority, row: RowRef(.records, firstRecord[summary.authority] ?? ""),
                                      field: "authority", log: &log),
             published: summary.published, late: summary.late, longest: summary.longest)
        }
        let late = report.late.compactMap { entry -> TimelinessLine? in
            guard let row = records[entry.recordID] else { return nil }
            let summary = redactor.recordSummary(row, log: &log)
            return TimelinessLine(recordPath: summary.path, documentNo: summary.documentNo, authority: summary.authority,
                                  decidedOn: entry.decidedOn, approvedOn: entry.approvedOn, workingDays: entry.workingDays)
        }
        return tools.render(factory.timelinessPage(authorities: authorities, late: late, limit: report.limit,
                                             notComputed: report.notComputed.count), log: log)
    }

    /// The pages of a listing, each page's input made when it is read: made at once, a
    /// national listing's inputs held a copy of the rows of every line (tens of megabytes).
    typealias Pages<Page> = LazyMapCollection<Range<Int>, Page>

    /// Splits `rows` into pages (at least one, so that an empty listing still has its page).
    private func paginate<T, Page>(
        _ rows: [T], pageSize: Int, _ make: @escaping (ArraySlice<T>, Int, Int) -> Page
    ) -> Pages<Page> {
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        return (1..<(pages + 1)).lazy.map { page in
            let start = (page - 1) * pageSize
            return make(rows[start..<min(start + pageSize, rows.count)], page, pages)
        }
    }
}
