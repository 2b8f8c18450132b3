import CreditVocabulary
import DisclosurePolicy
import Foundation
import PageModel
import Redaction
import SiteConfig
import SiteRender
import SnapshotModel
import SnapshotReader
import Synchronization

/// Renders any row of a snapshot for a reviewer, whatever its review state, scope or window,
/// with the public site's layouts and a redactor in preview mode (every replacement marked,
/// its original kept). It reads the snapshot and writes nothing.
public final class PreviewRenderer: Sendable {
    /// The page kinds a reviewer can open, by their folder in the site.
    public enum Kind: String, CaseIterable, Sendable {
        case records, reports, cases, commitments, subjects
    }

    /// A rendered preview.
    public struct Page: Sendable {
        /// The page, with preview markers around each replacement.
        public var html: String
        /// The replacements the markers point at.
        public var replacements: [PreviewReplacement]
        /// The row's disclosure status.
        public var status: PreviewStatus
        /// The row.
        public var row: RowRef
    }

    /// A row waiting for approval.
    public struct PendingRow: Hashable, Sendable {
        /// The row.
        public var row: RowRef
        /// What the index shows of it (title or document number, already redacted).
        public var label: String
        /// Authority or lead department (redacted).
        public var authority: String
        /// Review state.
        public var status: ReviewStatus
        /// Link to its preview.
        public var path: String
        /// What the public would see were it approved today (公示期… or 不会公示：…).
        public var ifApprovedToday: String = "随所属信息公示"
        /// The subject as the public would read it (王某), or the case of a report.
        public var subject: String = ""
        /// The date the row is about: decided, concluded, listed or made on.
        public var date: CivilDate?
        /// What a reviewer may type to find it, folded to lower case: the id, the title, the
        /// subject's name as stored (a natural person's too: the preview is not public) and
        /// USCC, the document number.
        public var searchText: String = ""
    }

    /// How the index of pending rows is ordered.
    public enum PendingOrder: String, Sendable, CaseIterable {
        /// Table, then id as a person counts (R2 before R10).
        case id
        /// Newest date first.
        case date
        /// Kind, then newest first.
        case kind
        /// Authority, then newest first.
        case authority
    }

    /// The as-of date of the preview.
    public let asOf: CivilDate
    let snapshot: Snapshot
    let reader: SnapshotReader
    let templates: TemplateSet
    let policy: DisclosurePolicy
    let publicPolicy: DisclosurePolicy
    let redactor: Redactor
    let factory: PageFactory
    let internalDisclosure: Disclosure
    let publicDisclosure: Disclosure
    let bySegment: [Kind: [String: String]]
    /// The rows by id and by owner, and the context of the shown ones.
    let indexes: PreviewIndexes
    /// Problems found in the snapshot.
    public let problems: [SnapshotProblem]

    /// Reads the snapshot and the site folder.
    public init(snapshot path: String, site sitePath: String, asOf: CivilDate = .today()) throws {
        let site = try SiteFolder.load(sitePath)
        templates = try TemplateSet(overrides: site.layoutOverrides)
        reader = try SnapshotReader(file: path, maximumBodyCharacters: site.configuration.maximumMarkdownCharacters)
        let reading = try reader.read()
        snapshot = reading.snapshot
        problems = reading.problems
        self.asOf = asOf
        let configuration = site.configuration
        policy = DisclosurePolicy(configuration: configuration.policy, audience: .internal)
        publicPolicy = DisclosurePolicy(configuration: configuration.policy, audience: .public)
        internalDisclosure = policy.evaluate(snapshot, asOf: asOf)
        publicDisclosure = publicPolicy.evaluate(snapshot, asOf: asOf)
        redactor = Redactor(
            snapshot: snapshot, slugKey: configuration.effectiveSubjectSlugKey, preview: true,
            contextNames: configuration.masksContextNames)
        factory = PageFactory(site: SiteInfo(
            title: SiteText(operatorAuthored: configuration.title), description: SiteText(operatorAuthored: configuration.description),
            publisher: SiteText(operatorAuthored: configuration.publisher), baseURL: configuration.baseURL, asOf: asOf,
            updatedOn: nil, audience: .public, isDemo: snapshot.meta.isDemo, source: SiteText(operatorAuthored: snapshot.meta.source),
            contentLinks: []))
        let redactor = self.redactor
        // Each row at its public address, and, where that is a keyed hash (natural persons,
        // unsafe ids), at its platform id too: a reviewer sent to check one person's entry
        // knows the id, not the hash. A public address wins over an id that equals it.
        func segments(_ ids: [String], _ segment: (String) -> String) -> [String: String] {
            var map = Dictionary(ids.map { (segment($0), $0) }, uniquingKeysWith: { a, _ in a })
            for id in ids where map[id] == nil { map[id] = id }
            return map
        }
        bySegment = [
            .records: segments(snapshot.records.map(\.id), redactor.path),
            .reports: segments(snapshot.reports.map(\.id), redactor.path),
            .cases: segments(snapshot.cases.map(\.id), redactor.path),
            .commitments: segments(snapshot.commitments.map(\.id), redactor.path),
            .subjects: segments(snapshot.subjects.map(\.id), redactor.subjectSlug),
        ]
        indexes = PreviewIndexes(base: BuildContext(reader: reader, snapshot: snapshot, disclosure: internalDisclosure,
                                                    redactor: redactor, factory: factory, templates: templates))
    }

    /// The context of a page where `forced` rows are shown whatever their state.
    private func context(forcing forced: [RowRef]) -> BuildContext {
        indexes.context(forcing: forced)
    }

    /// The preview of the row whose page folder is `segment`, or nil when there is none;
    /// made once per renderer (``PreviewPageMemo``).
    public func page(_ kind: Kind, segment: String) throws -> Page? {
        let key = kind.rawValue + "/" + segment
        if let known = memo.page(key) { return known }
        let page = try renderPage(kind, segment: segment)
        if let page { memo.keep(page, for: key) }
        return page
    }

    /// The pages made so far.
    private let memo = PreviewPageMemo()
    /// The rows waiting for approval, once listed.
    private let pendingMemo = Mutex<[PendingRow]?>(nil)
    /// The global redaction report, once made.
    let redactionsMemo = Mutex<SnapshotRedactions?>(nil)

    private func renderPage(_ kind: Kind, segment: String) throws -> Page? {
        guard let id = bySegment[kind]?[segment] else { return nil }
        let rendered: RenderedPage
        let ref: RowRef
        switch kind {
        case .records:
            guard let row = indexes.base.records[id], indexes.base.subjects[row.subjectID] != nil else { return nil }
            ref = RowRef(.records, id)
            var forced = [ref, RowRef(.subjects, row.subjectID)]
            forced += (indexes.rectificationsByRecord[id] ?? []).map { RowRef(.rectifications, $0.id) }
            forced += (indexes.interviewsByRecord[id] ?? []).map { RowRef(.interviews, $0.id) }
            forced += (indexes.repairsByRecord[id] ?? []).map { RowRef(.repairActions, $0.id) }
            let facts = try reader.bodies(.recordFacts, ids: [id])[id] ?? ""
            rendered = context(forcing: forced).recordPage(row, facts: facts)
        case .reports:
            guard let row = indexes.base.reports[id] else { return nil }
            ref = RowRef(.verificationReports, id)
            let body = try reader.bodies(.reportBody, ids: [id])[id] ?? ""
            rendered = context(forcing: [ref, RowRef(.cases, row.caseID)]).reportPage(row, body: body)
        case .cases:
            guard let row = indexes.base.cases[id] else { return nil }
            ref = RowRef(.cases, id)
            let summary = try reader.bodies(.caseSummary, ids: [id])[id]
            rendered = context(forcing: [ref]).casePage(row, summary: summary)
        case .commitments:
            guard let row = indexes.commitments[id], indexes.base.subjects[row.subjectID] != nil else { return nil }
            ref = RowRef(.commitments, id)
            let body = try reader.bodies(.commitmentBody, ids: [id])[id] ?? ""
            rendered = context(forcing: [ref, RowRef(.subjects, row.subjectID)]).commitmentPage(row, body: body)
        case .subjects:
            guard let row = indexes.base.subjects[id] else { return nil }
            ref = RowRef(.subjects, id)
            // Every list entry of the subject, so that pending entries can be reviewed here.
            let entries = indexes.entriesBySubject[id] ?? []
            let forced = [ref] + entries.map { RowRef(.listEntries, $0.id) }
            let reasons = try reader.bodies(.listReason, ids: entries.map(\.id))
            rendered = context(forcing: forced).subjectPage(row, reasons: reasons)
        }
        return Page(html: rendered.html, replacements: rendered.log.previewReplacements, status: status(of: ref), row: ref)
    }

    /// Rows waiting for approval (draft, pending), optionally of one kind (`records`, ...), one
    /// authority (a part of its name) and with `query` in what ``PendingRow/searchText``
    /// holds (any case), in `order`. The rows are listed once per renderer.
    public func pendingRows(kind: String? = nil, authority: String? = nil, query: String? = nil,
                            order: PendingOrder = .id) -> [PendingRow] {
        let query = query?.lowercased()
        let rows = allPending.filter { pending in
            (kind.map { $0.isEmpty || $0 == pending.row.table.rawValue } ?? true)
                && (authority.map { $0.isEmpty || pending.authority.contains($0) } ?? true)
                && (query.map { $0.isEmpty || pending.searchText.contains($0) } ?? true)
        }
        // Newest first, undated last; nil when the dates do not decide (the id order stays).
        func newest(_ left: PendingRow, _ right: PendingRow) -> Bool? {
            switch (left.date, right.date) {
            case let (a?, b?) where a != b: return a > b
            case (nil, _?): return false
            case (_?, nil): return true
            default: return nil
            }
        }
        switch order {
        case .id: return rows
        case .date: return rows.sorted { newest($0, $1) ?? false }
        case .kind: return rows.sorted { $0.row.table != $1.row.table ? $0.row.table.chineseLabel < $1.row.table.chineseLabel : newest($0, $1) ?? false }
        case .authority: return rows.sorted { $0.authority != $1.authority ? $0.authority < $1.authority : newest($0, $1) ?? false }
        }
    }

    /// Every row waiting for approval, in id order, made on first use.
    private var allPending: [PendingRow] {
        pendingMemo.withLock { memo in
            if let memo { return memo }
            let rows = listPending()
            memo = rows
            return rows
        }
    }

    private func listPending() -> [PendingRow] {
        var rows: [PendingRow] = []
        var log = RedactionLog()
        func waiting(_ review: Review) -> Bool { review.status == .draft || review.status == .pending }
        let subjects = indexes.base.subjects
        var shownNames: [String: String] = [:]
        func subjectName(_ id: String) -> String {
            if let known = shownNames[id] { return known }
            guard let row = subjects[id] else { return id }
            let name = redactor.subject(row, log: &log).name.value
            shownNames[id] = name
            return name
        }
        func searchText(_ id: String, _ label: String, subject: String?, _ extra: String?...) -> String {
            let stored = subject.flatMap { subjects[$0] }
            return ([id, label, stored?.name, stored?.uscc, stored?.id] + extra).compactMap { $0 }.joined(separator: "\n").lowercased()
        }
        for row in snapshot.records where waiting(row.review) {
            let summary = redactor.recordSummary(row, log: &log)
            let label = "\(row.kind.label) \(summary.documentNo?.value ?? row.id)"
            rows.append(PendingRow(row: RowRef(.records, row.id), label: label,
                                   authority: summary.authority.value, status: row.review.status, path: SitePaths.record(summary.path),
                                   ifApprovedToday: ifApprovedToday(row, \.review, publicPolicy.window(for:)),
                                   subject: subjectName(row.subjectID), date: row.decidedOn,
                                   searchText: searchText(row.id, label, subject: row.subjectID, row.documentNo, row.authority)))
        }
        for row in snapshot.reports where waiting(row.review) {
            let summary = redactor.reportSummary(row, log: &log)
            rows.append(PendingRow(row: RowRef(.verificationReports, row.id), label: summary.title.value,
                                   authority: summary.leadDepartment.value, status: row.review.status, path: SitePaths.report(summary.path),
                                   ifApprovedToday: ifApprovedToday(row, \.review, publicPolicy.window(for:)),
                                   subject: "失信案例 \(row.caseID)", date: row.concludedOn,
                                   searchText: searchText(row.id, summary.title.value, subject: nil, row.title, row.caseID, row.leadDepartment)))
        }
        for row in snapshot.listEntries where waiting(row.review) {
            let entry = redactor.listEntry(row, reason: nil, recordShown: false, log: &log)
            let label = "\(row.list.label) \(row.id)"
            rows.append(PendingRow(row: RowRef(.listEntries, row.id), label: label,
                                   authority: entry.authority.value, status: row.review.status,
                                   path: SitePaths.subject(redactor.subjectSlug(row.subjectID)) + "#" + entry.path,
                                   subject: subjectName(row.subjectID), date: row.listedOn,
                                   searchText: searchText(row.id, label, subject: row.subjectID, row.authority)))
        }
        for row in snapshot.commitments where waiting(row.review) {
            let label = "\(row.kind.label) \(row.id)"
            rows.append(PendingRow(row: RowRef(.commitments, row.id), label: label, authority: "",
                                   status: row.review.status, path: SitePaths.commitment(redactor.path(row.id)),
                                   ifApprovedToday: ifApprovedToday(row, \.review, publicPolicy.window(for:)),
                                   subject: subjectName(row.subjectID), date: row.madeOn,
                                   searchText: searchText(row.id, label, subject: row.subjectID)))
        }
        // The index lists rows, it does not highlight them: the preview markers go, each
        // replacement standing alone (they showed as stray digits: 关于1崔某…).
        for index in rows.indices {
            rows[index].label = PreviewMarker.unmarked(rows[index].label)
            rows[index].authority = PreviewMarker.unmarked(rows[index].authority)
            rows[index].subject = PreviewMarker.unmarked(rows[index].subject)
            rows[index].searchText += "\n" + rows[index].label.lowercased()
        }
        // R2 before R10: ids in the order a person counts them, table by table.
        return rows.sorted { RowRef.precedesInCountingOrder($0.row, $1.row) }
    }
}

extension PreviewRenderer {
    /// The preview page of a row, relative to the root, when it has one of its own.
    public func previewPath(for row: RowRef) -> String? {
        switch row.table {
        case .records: return SitePaths.record(redactor.path(row.id))
        case .verificationReports: return SitePaths.report(redactor.path(row.id))
        case .cases: return SitePaths.case(redactor.path(row.id))
        case .commitments: return SitePaths.commitment(redactor.path(row.id))
        case .subjects: return SitePaths.subject(redactor.subjectSlug(row.id))
        case .listEntries:
            return indexes.listEntries[row.id].map { SitePaths.subject(redactor.subjectSlug($0.subjectID)) }
        default: return nil
        }
    }

    /// The page that holds row `id` of `table`, for the redaction report of one row.
    public func page(for table: SnapshotTable, id: String) throws -> Page? {
        guard let path = previewPath(for: RowRef(table, id)) else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return nil }
        guard var page = try page(kind, segment: parts[1]) else { return nil }
        page.row = RowRef(table, id)
        return page
    }

    /// Match keys of the people's names the public may read (legal representatives of legal
    /// persons), which the preview's doubt marks leave alone.
    public var publicNameKeys: Set<String> { redactor.publicNameKeys }

    /// The built-in stylesheet of the public site.
    public var stylesheet: String { templates.stylesheet() }
}
