import BackgroundWork
import CreditVocabulary
import DisclosurePolicy
import Messages
import PageCache
import PageModel
import Redaction
import SiteConfig
import SiteOutput
import SiteRender
import SnapshotModel
import SnapshotReader

extension SiteBuilder {
    /// Rows per batch of pages.
    static let batchSize = 512

    /// What the page stages make every page with.
    struct PageSources: Sendable {
        let reader: SnapshotReader
        let disclosure: Disclosure
        let info: SiteInfo
        let templates: TemplateSet
        let contentPages: [ContentPage]
        let timeliness: TimelinessReport
        let output: StagedOutput
        let fingerprint: [UInt8]
        let audience: Audience
        let listPageSize: Int
    }

    /// The pages and listings stages: every page of the shown rows in `snapshot`, made with
    /// `tools` or kept from the last build (`pageCache`), into `writer`.
    ///
    /// The rows, their indexes, the redactor and the last build's page cache are this
    /// function's alone (`snapshot` and `tools` are consumed, the pending values too): they
    /// are freed when it returns, before the search index and the report take their memory.
    /// - Returns: the change dates, waited for here (the home page shows the update date).
    static func writePages(
        _ sources: PageSources, snapshot: consuming Snapshot, tools: consuming PageTools,
        changes: consuming Pending<ChangeDates>, pageCache: consuming Pending<(cache: PageCache?, why: String)>,
        into writer: PageWriter, stages: inout BuildStages, notify: (BuildNotice) -> Void
    ) async throws -> ChangeDates {
        let context = BuildContext(reader: sources.reader, snapshot: snapshot, disclosure: sources.disclosure,
                                   factory: PageFactory(site: sources.info), tools: tools)
        stages.lap("page context")
        // The change dates are the last work to read every row: waited for here, so that the
        // whole snapshot is freed before the pages take their memory (at a million rows, the
        // two together were the build's peak).
        let dates = try await changes.value()
        stages.lap("change dates")
        let (cache, why) = try await pageCache.value()
        if cache == nil && sources.output.publishedManifestID != nil && stages.timed {
            notify(.warning(Message("page_cache_not_used", ["cause": MessageLanguage.current.text(of: why)])))
        }
        let pages = CacheablePages(context: context, cache: cache, output: sources.output, fingerprint: sources.fingerprint)
        stages.lap("page cache load")
        try await writeRowPages(context, pages, writer)
        stages.begin(.listings)
        try await writeListings(context, pages, writer, sources, updatedOn: dates.last)
        return dates
    }

    /// Pages of rows with bodies: records, reports, cases, commitments, subjects.
    private static func writeRowPages(_ context: BuildContext, _ pages: CacheablePages, _ writer: PageWriter) async throws {
        let disclosure = context.disclosure
        let snapshot = context.snapshot
        let reader = context.reader
        // The context holds only shown rows (so nothing is copied here); checked all the same.
        try await batches(disclosure.keepingShown(snapshot.records, of: .records, id: \.id), writer) { batch in
            try reader.bodies(.recordFacts, ids: batch.map(\.id))
        } render: { batch, facts in
            try await pages.results(batch) { context.recordInput($0, facts: facts[$0.id] ?? "") }
        }
        try await batches(disclosure.keepingShown(snapshot.reports, of: .verificationReports, id: \.id), writer) { batch in
            try reader.bodies(.reportBody, ids: batch.map(\.id))
        } render: { batch, bodies in
            try await pages.results(batch) { context.reportInput($0, body: bodies[$0.id] ?? "") }
        }
        try await batches(disclosure.keepingShown(snapshot.cases, of: .cases, id: \.id), writer) { batch in
            try reader.bodies(.caseSummary, ids: batch.map(\.id))
        } render: { batch, summaries in
            try await pages.results(batch) { context.caseInput($0, summary: summaries[$0.id]) }
        }
        try await batches(disclosure.keepingShown(snapshot.commitments, of: .commitments, id: \.id), writer) { batch in
            try reader.bodies(.commitmentBody, ids: batch.map(\.id))
        } render: { batch, bodies in
            try await pages.results(batch) { context.commitmentInput($0, body: bodies[$0.id] ?? "") }
        }
        try await batches(disclosure.keepingShown(snapshot.subjects, of: .subjects, id: \.id), writer) { batch in
            try reader.bodies(.listReason, ids: batch.flatMap { context.entriesBySubject[$0.id] ?? [] }.map(\.id))
        } render: { batch, reasons in
            try await pages.results(batch) { context.subjectInput($0, reasons: reasons) }
        }
    }

    /// The listings (lists and their downloads, the commitment, case, record and report
    /// indexes, a batch of pages at a time: a national list runs to thousands), then the home
    /// page, the data dictionary, the search page, the timeliness page (internal builds) and
    /// the operator's content pages.
    private static func writeListings(
        _ context: BuildContext, _ pages: CacheablePages, _ writer: PageWriter, _ sources: PageSources, updatedOn: CivilDate?
    ) async throws {
        let pageSize = sources.listPageSize
        for list in ListKind.allCases {
            try await batches(context.listInputs(list, pageSize: pageSize), writer) { try await pages.results($0) }
            try await writer.write(try await pages.results(context.listDownloadInputs(list)))
        }
        try await batches(context.commitmentIndexInputs(pageSize: pageSize), writer) { try await pages.results($0) }
        try await batches(context.caseIndexInputs(pageSize: pageSize), writer) { try await pages.results($0) }
        try await batches(context.recordIndexInputs(pageSize: pageSize), writer) { try await pages.results($0) }
        try await batches(context.reportIndexInputs(pageSize: pageSize), writer) { try await pages.results($0) }
        try await writer.write([context.homePage(updatedOn: updatedOn)])
        let templates = sources.templates
        func plain(_ spec: PageSpec) -> RenderedPage {
            RenderedPage(path: spec.path, html: templates.render(spec), feedItem: nil, log: RedactionLog())
        }
        try await writer.write([plain(context.factory.dataDictionaryPage())])
        try await writer.write([plain(context.factory.searchPage())])
        if sources.audience == .internal {
            try await writer.write([context.timelinessPage(sources.timeliness)])
        }
        let factory = context.factory
        try await writer.write(sources.contentPages.map { plain(factory.contentPage(name: $0.name, title: $0.title, body: $0.body)) })
    }

    /// Renders and writes `rows` a batch at a time, the bodies of the next batch read (by
    /// `read`) in a child task while this one is rendered: read on the way, they were a sixth
    /// of an incremental build's page phase, with the other core idle.
    private static func batches<Row: Sendable, Bodies: Sendable>(
        _ rows: [Row], _ writer: PageWriter, read: @escaping @Sendable ([Row]) throws -> Bodies,
        render: ([Row], Bodies) async throws -> [PageResult]
    ) async throws {
        let starts = Array(stride(from: 0, to: rows.count, by: batchSize))
        let batch = { @Sendable (start: Int) in Array(rows[start..<min(start + batchSize, rows.count)]) }
        guard let first = starts.first else { return }
        var bodies = try read(batch(first))
        for (position, start) in starts.enumerated() {
            let following: Int? = position + 1 < starts.count ? starts[position + 1] : nil
            async let next: Bodies? = try following.map { try read(batch($0)) }
            try await writer.write(try await render(batch(start), bodies))
            guard let next = try await next else { return }
            bodies = next
        }
    }

    /// Renders and writes `rows` a batch at a time (a lazy collection's rows are made a batch
    /// at a time too).
    private static func batches<Rows: RandomAccessCollection>(
        _ rows: Rows, _ writer: PageWriter, _ render: ([Rows.Element]) async throws -> [PageResult]
    ) async throws where Rows.Index == Int {
        for start in stride(from: rows.startIndex, to: rows.endIndex, by: batchSize) {
            try await writer.write(try await render(Array(rows[start..<min(start + batchSize, rows.endIndex)])))
        }
    }
}
