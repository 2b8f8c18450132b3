import CreditVocabulary
import DisclosurePolicy
import PageModel
import Redaction
import SearchIndex
import SiteRender
import SnapshotModel

extension BuildContext {
    private func render(_ spec: PageSpec, feedDate: CivilDate? = nil, log: RedactionLog) -> RenderedPage {
        RenderedPage(
            path: spec.path, html: templates.render(spec),
            feedItem: feedDate.map { FeedItem(title: spec.title, path: String(spec.path.dropLast("index.html".count)), date: $0) },
            log: log)
    }

    private func newestFirst<T>(_ rows: [T], date: (T) -> CivilDate, id: (T) -> String) -> [T] {
        rows.sorted { (date($0), id($1)) > (date($1), id($0)) }
    }

    /// A record page; `facts` is its `facts_md`.
    func recordPage(_ row: RecordRow, facts: String) -> RenderedPage {
        var log = RedactionLog()
        let subject = redactor.subject(subjects[row.subjectID]!, log: &log)
        let reportShown = row.reportID.map { disclosure.isShown(.verificationReports, $0) } ?? false
        let record = redactor.record(row, facts: facts, reportShown: reportShown, log: &log)
        let report = reportShown ? row.reportID.flatMap { reports[$0] }.map { redactor.reportSummary($0, log: &log) } : nil
        let rectifications = (rectificationsByRecord[row.id] ?? []).sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
            .map { redactor.rectification($0, log: &log) }
        let interviews = (interviewsByRecord[row.id] ?? []).sorted { ($0.heldOn, $0.id) < ($1.heldOn, $1.id) }
            .map { redactor.interview($0, log: &log) }
        let repairs = (repairsByRecord[row.id] ?? []).sorted { ($0.completedOn, $0.id) < ($1.completedOn, $1.id) }
            .map { redactor.repairAction($0, log: &log) }
        let spec = factory.recordPage(
            record, subject: subject, report: report, rectifications: rectifications, interviews: interviews,
            repairs: repairs, note: note(.records, row.id))
        var page = render(spec, feedDate: row.review.approvedOn, log: log)
        let texts: [(any PublishableText)?] = [
            subject.name, subject.uscc, label(row.kind.label), label(row.severity.label), record.documentNo,
            record.authority, record.basis, record.facts, record.outcome,
        ] + rectifications.map { $0.requirement } + interviews.map { $0.summary }
        page.searchDocuments = [SearchDocument(
            kind: .record, path: SitePaths.record(record.path), title: spec.title, date: row.decidedOn,
            regions: regions(of: subjects[row.subjectID]!), texts: texts)]
        return page
    }

    /// A verification report page; `body` is its `body_md`.
    func reportPage(_ row: ReportRow, body: String) -> RenderedPage {
        var log = RedactionLog()
        let corrected = row.supersedes.flatMap { reports[$0] }
        let report = redactor.report(row, body: body, supersedes: corrected, log: &log)
        let caseSummary = cases[row.caseID].map { redactor.caseSummary($0, log: &log) }
        let records = newestFirst(recordsByReport[row.id] ?? [], date: \.decidedOn, id: \.id)
            .map { redactor.recordSummary($0, log: &log) }
        let spec = factory.reportPage(report, caseSummary: caseSummary, records: records, note: note(.verificationReports, row.id))
        var page = render(spec, feedDate: row.review.approvedOn, log: log)
        page.searchDocuments = [SearchDocument(
            kind: .report, path: SitePaths.report(report.path), title: spec.title,
            date: row.review.approvedOn ?? row.concludedOn, regions: cases[row.caseID].map(regions(of:)) ?? [],
            texts: [report.leadDepartment, report.serviceAgency, label(row.conclusion.label), report.body,
                    caseSummary?.title, caseSummary?.region])]
        return page
    }

    /// A case page; `summary` is its `summary_md`.
    func casePage(_ row: CaseRow, summary: String?) -> RenderedPage {
        var log = RedactionLog()
        let item = redactor.case(row, summary: summary, log: &log)
        let reportLines = newestFirst(reportsByCase[row.id] ?? [], date: { $0.review.approvedOn ?? $0.concludedOn }, id: \.id)
            .map { redactor.reportSummary($0, log: &log) }
        let subjectLines = (subjectsByCase[row.id] ?? []).sorted().compactMap { subjects[$0] }
            .map { redactor.subject($0, log: &log) }
        let spec = factory.casePage(item, reports: reportLines, subjects: subjectLines)
        var page = render(spec, log: log)
        page.searchDocuments = [SearchDocument(
            kind: .case, path: SitePaths.case(item.path), title: spec.title, date: row.reportedOn, regions: regions(of: row),
            texts: [item.region, item.source, item.domain, item.summary, item.proposedAction] + item.tags
                + subjectLines.map { $0.name })]
        return page
    }

    /// A commitment page; `body` is its `body_md`.
    func commitmentPage(_ row: CommitmentRow, body: String) -> RenderedPage {
        var log = RedactionLog()
        let recordShown = row.recordID.map { disclosure.isShown(.records, $0) } ?? false
        let commitment = redactor.commitment(row, body: body, recordShown: recordShown, log: &log)
        let subject = redactor.subject(subjects[row.subjectID]!, log: &log)
        let spec = factory.commitmentPage(commitment, subject: subject, note: note(.commitments, row.id))
        var page = render(spec, feedDate: row.review.approvedOn, log: log)
        page.searchDocuments = [SearchDocument(
            kind: .commitment, path: SitePaths.commitment(commitment.path), title: spec.title, date: row.madeOn,
            regions: regions(of: subjects[row.subjectID]!),
            texts: [subject.name, subject.uscc, label(row.kind.label), label(row.status.label), commitment.body])]
        return page
    }

    /// A subject page; `reasons` holds the `reason_md` of its list entries.
    func subjectPage(_ row: SubjectRow, reasons: [String: String]) -> RenderedPage {
        var log = RedactionLog()
        let subject = redactor.subject(row, log: &log)
        let records = newestFirst(recordsBySubject[row.id] ?? [], date: \.decidedOn, id: \.id)
            .map { redactor.recordSummary($0, log: &log) }
        let entries = newestFirst(entriesBySubject[row.id] ?? [], date: \.listedOn, id: \.id).map { entry in
            let recordShown = entry.recordID.map { disclosure.isShown(.records, $0) } ?? false
            return (redactor.listEntry(entry, reason: reasons[entry.id], recordShown: recordShown, log: &log),
                    note(.listEntries, entry.id))
        }
        let commitments = newestFirst(commitmentsBySubject[row.id] ?? [], date: \.madeOn, id: \.id)
            .map { redactor.commitmentSummary($0) }
        let caseLines = (casesBySubject[row.id] ?? []).sorted().compactMap { cases[$0] }
            .map { redactor.caseSummary($0, log: &log) }
        return render(
            factory.subjectPage(subject, records: records, listEntries: entries, commitments: commitments, cases: caseLines),
            log: log)
    }

    /// The pages of one list, newest listing first.
    func listPages(_ list: ListKind, pageSize: Int) -> [RenderedPage] {
        let entries = snapshot.listEntries.filter { $0.list == list && disclosure.isShown(.listEntries, $0.id) }
        let sorted = newestFirst(entries, date: \.listedOn, id: \.id)
        return paginate(sorted, pageSize: pageSize) { slice, page, pages in
            var log = RedactionLog()
            let lines = slice.map { entry in
                (redactor.listEntry(entry, reason: nil, recordShown: false, log: &log),
                 redactor.subject(subjects[entry.subjectID]!, log: &log), note(.listEntries, entry.id))
            }
            var rendered = render(factory.listPage(list, entries: lines, page: page, pages: pages, total: sorted.count), log: log)
            rendered.searchDocuments = zip(slice, lines).map { row, line in
                let (entry, subject, _) = line
                return SearchDocument(
                    kind: .list, path: SitePaths.subject(subject.slug) + "#" + entry.path,
                    title: "\(subject.name.value) \(list.label)", date: row.listedOn,
                    regions: regions(of: subjects[row.subjectID]!), list: list,
                    texts: [subject.name, subject.uscc, label(list.label), entry.authority, entry.basis, entry.domain])
            }
            return rendered
        }
    }

    /// The pages of the commitment index.
    func commitmentIndexPages(pageSize: Int) -> [RenderedPage] {
        let shown = newestFirst(snapshot.commitments.filter { disclosure.isShown(.commitments, $0.id) },
                                date: \.madeOn, id: \.id)
        return paginate(shown, pageSize: pageSize) { slice, page, pages in
            var log = RedactionLog()
            let lines = slice.map { (redactor.commitmentSummary($0), redactor.subject(subjects[$0.subjectID]!, log: &log)) }
            return render(factory.commitmentIndex(lines, page: page, pages: pages), log: log)
        }
    }

    /// The pages of the case index.
    func caseIndexPages(pageSize: Int) -> [RenderedPage] {
        let shown = newestFirst(snapshot.cases.filter { disclosure.isShown(.cases, $0.id) }, date: \.reportedOn, id: \.id)
        return paginate(shown, pageSize: pageSize) { slice, page, pages in
            var log = RedactionLog()
            let lines = slice.map { redactor.caseSummary($0, log: &log) }
            return render(factory.caseIndex(lines, page: page, pages: pages), log: log)
        }
    }

    /// The home page.
    func homePage() -> RenderedPage {
        var log = RedactionLog()
        let reportLines = newestFirst(snapshot.reports.filter { disclosure.isShown(.verificationReports, $0.id) },
                                      date: { $0.review.approvedOn ?? $0.concludedOn }, id: \.id)
            .prefix(10).map { redactor.reportSummary($0, log: &log) }
        let caseLines = newestFirst(snapshot.cases.filter { disclosure.isShown(.cases, $0.id) }, date: \.reportedOn, id: \.id)
            .prefix(10).map { redactor.caseSummary($0, log: &log) }
        var counts: [ListKind: Int] = [:]
        for entry in snapshot.listEntries where disclosure.isShown(.listEntries, entry.id) {
            counts[entry.list, default: 0] += 1
        }
        let commitmentCount = snapshot.commitments.filter { disclosure.isShown(.commitments, $0.id) }.count
        return render(
            factory.home(reports: Array(reportLines), cases: Array(caseLines), listCounts: counts,
                         commitmentCount: commitmentCount),
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
        return render(factory.timelinessPage(authorities: authorities, late: late, limit: report.limit,
                                             notComputed: report.notComputed.count), log: log)
    }

    /// A program label (kind, status) as searchable text.
    private func label(_ text: String) -> SiteText { SiteText(operatorAuthored: text) }

    /// The provinces of a subject, or of the publishing authority when the subject has none.
    func regions(of subject: SubjectRow) -> [String] {
        [ProvinceNames.province(ofCode: subject.regionCode) ?? ProvinceNames.province(ofCode: snapshot.meta.regionCode)]
            .compactMap { $0 }
    }

    /// The provinces a case names, or the publishing authority's.
    func regions(of item: CaseRow) -> [String] {
        let named = ProvinceNames.provinces(in: item.region)
        return named.isEmpty ? [ProvinceNames.province(ofCode: snapshot.meta.regionCode)].compactMap { $0 } : named
    }

    /// Splits `rows` into pages (at least one, so that an empty listing still has its page).
    private func paginate<T>(
        _ rows: [T], pageSize: Int, _ make: (ArraySlice<T>, Int, Int) -> RenderedPage
    ) -> [RenderedPage] {
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        return (1...pages).map { page in
            let start = (page - 1) * pageSize
            return make(rows[start..<min(start + pageSize, rows.count)], page, pages)
        }
    }
}
