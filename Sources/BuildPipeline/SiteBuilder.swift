import Audit
import BackgroundWork
import CreditVocabulary
import DisclosurePolicy
import Foundation
import JSONText
import Messages
import PageCache
import PageModel
import Redaction
import SearchIndex
import SiteConfig
import SiteOutput
import SiteRender
import SnapshotModel
import SnapshotReader
import StableDigest

/// `gongshi build`: snapshot → disclosure policy → redaction → page model → rendering →
/// output. Pages whose rows have long bodies are rendered in batches on all cores, the
/// bodies of one batch read from the snapshot at a time.
///
/// Builds are incremental: each cacheable page's inputs are digested (``PageInput``), and
/// a page whose digest the cache of the published build holds is not made again; its
/// published file is kept; so is a search index file whose fingerprint (``SearchFileCache``)
/// is the last build's. The staging folder is the previous site, recycled. Without a usable
/// cache every page and index file is made, and the output is the same.
public enum SiteBuilder {
    /// Rows per batch of pages.
    static let batchSize = 512

    /// The last check of every file written (``OutputGuard``): a file holding what looks like
    /// unmasked personal data stops the build before anything is published.
    static func lastCheck(_ redactor: Redactor, site: SiteFolder, templates: TemplateSet) -> @Sendable (String, Data) throws -> Void {
        let configuration = site.configuration
        let operatorTexts = [configuration.title, configuration.description, configuration.publisher]
            + configuration.objections.contacts.map(\.value.value)
            + site.contentPages.flatMap { [$0.title.value, $0.body.value] } + templates.sources.values.sorted()
        let check = redactor.outputGuard(allowing: operatorTexts)
        return { path, data in
            let findings = check.check(path, data)
            if !findings.isEmpty { throw BuildError.personalDataInOutput(findings) }
        }
    }

    /// Builds the site and replaces `options.out` in one step.
    /// - Returns: the build report (also written to `options.report` when set).
    /// - Throws: on a snapshot that cannot be published, a bad site folder, or an output
    ///   error; the previous output is then untouched.
    @discardableResult
    public static func build(_ options: BuildOptions, notify: (BuildNotice) -> Void = { _ in }) throws -> BuildReport {
        func warn(_ code: String, _ arguments: [String: String] = [:]) { notify(.warning(Message(code, arguments))) }
        var clock = PhaseClock()
        defer { clock.report() }
        let site = try SiteFolder.load(options.site)
        site.warnings.forEach { notify(.warning($0)) }
        let templates = try TemplateSet(overrides: site.layoutOverrides)
        let reader = try SnapshotReader(file: options.snapshot, maximumBodyCharacters: site.configuration.maximumMarkdownCharacters)
        // The redactor (name lists, slugs) needs only the subjects and overrides: it is made
        // on the other core as soon as those are read, while `records` is still being read.
        let slugKey = site.configuration.effectiveSubjectSlugKey
        let contextNames = site.configuration.masksContextNames
        // `snapshot` holds every row until the policy, the redactor and the schedule have
        // seen them, then only the shown ones (below); nothing else may keep the whole of it.
        var snapshot: Snapshot
        let problemsReading: [SnapshotProblem]
        let pendingRedactor: BackgroundValue<Redactor>
        do {
            let (reading, early) = try reader.read { partial in
                let source = Redactor.Source(partial)
                return (redactor: BackgroundValue {
                    Redactor(source: source, slugKey: slugKey, contextNames: contextNames)
                }, madeFrom: source)
            }
            let blocking = reading.blockingErrors
            guard blocking.isEmpty else { throw BuildError.unpublishableSnapshot(blocking) }
            snapshot = reading.snapshot
            problemsReading = reading.problems
            // Made again (on the other core, while the policy is evaluated) should validation
            // have changed what it was made from.
            pendingRedactor = BackgroundValue { [snapshot] in
                early.madeFrom.matches(snapshot)
                    ? try early.redactor.value : Redactor(snapshot: snapshot, slugKey: slugKey, contextNames: contextNames)
            }
        }
        clock.lap("read snapshot")
        options.progress?.stage("stage_policy")

        let policy = DisclosurePolicy(configuration: site.configuration.policy, audience: options.audience)
        // The key of the last build's change dates (a digest of every row the policy reads)
        // is worked out on the other core while the policy is evaluated, which leaves that
        // core idle otherwise; the dates themselves need the policy's outcome (below).
        let asOf = options.asOf
        let changeDatesFile = options.cacheFolder.appendingPathComponent("change-dates.json")
        let full = options.full
        let storedChanges = BackgroundValue { [snapshot] in
            let cache = ChangeDatesCache(snapshot: snapshot, policy: policy)
            return (cache: cache, dates: full ? nil : cache.dates(at: changeDatesFile, asOf: asOf))
        }
        // The reasons rows are withheld for go only to the report: its lines are made from
        // them on the other core, and from here on the build's `disclosure` holds the shown
        // rows alone (a national build withholds a million rows).
        let disclosure: Disclosure
        let withheldLines: BackgroundValue<BuildReport.WithheldLines>
        do {
            var evaluated = policy.evaluate(snapshot, asOf: options.asOf)
            let withheld = evaluated.takeWithheld()
            disclosure = evaluated
            withheldLines = BackgroundValue { BuildReport.WithheldLines(withheld) }
        }
        clock.lap("policy")
        options.progress?.stage("stage_prepare")
        let problems = problemsReading + policy.ruleWarnings(snapshot, asOf: options.asOf)
        WarningSummary.notices(problems, expected: site.configuration.expectedWarnings).forEach(notify)
        site.configuration.slugKeyWarning(snapshotIsDemo: snapshot.meta.isDemo).map { notify(.warning($0)) }

        let configuration = site.configuration
        let calendar = configuration.calendar
        if !calendar.coveredYears.contains(options.asOf.year) {
            // disclosure-rules.md §3: working days are counted from the official calendar only.
            let years = calendar.coveredYears
            warn("calendar_not_covered", ["first": years.first.map(String.init) ?? "-", "last": years.last.map(String.init) ?? "-",
                                          "year": "\(options.asOf.year)"])
        }
        let pendingTimeliness = BackgroundValue { [snapshot] in
            TimelinessReport(snapshot: snapshot, disclosure: disclosure, calendar: calendar)
        }
        let output = try StagedOutput(destination: options.out, recycle: !options.full, state: options.state)
        clock.lap("staging folder and manifests")
        // The update date (home page only) and the next change (report) only read the
        // snapshot too: taken from the last build when the policy's inputs are the same and
        // nothing fell due since (ChangeDatesCache, keyed above), or worked out on the other
        // core from here from one list of transition dates.
        let changes = BackgroundValue { [snapshot] () -> (last: CivilDate?, next: CivilDate?) in
            let (cache, stored) = try storedChanges.take()
            if let stored { return stored }
            let transitions = policy.transitionDates(snapshot)
            let dates = (last: policy.lastChange(snapshot, onOrBefore: asOf, current: disclosure, transitions: transitions),
                         next: policy.nextChange(snapshot, after: asOf, current: disclosure, transitions: transitions))
            cache.store(at: changeDatesFile, asOf: asOf, last: dates.last, next: dates.next)
            return dates
        }
        var info = SiteInfo(
            title: SiteText(operatorAuthored: configuration.title),
            description: SiteText(operatorAuthored: configuration.description),
            publisher: SiteText(operatorAuthored: configuration.publisher), baseURL: configuration.baseURL,
            asOf: options.asOf, updatedOn: nil,
            audience: options.audience, isDemo: snapshot.meta.isDemo,
            source: SiteText(operatorAuthored: snapshot.meta.source),
            contentLinks: site.contentPages.map { .init(path: $0.name + "/", label: $0.title) })
        info.objectionContacts = configuration.objections.contacts
        info.objectionAnswerDays = configuration.objections.answerWorkingDays
        // The tools cacheable pages are made with, fingerprinted for the page cache; the page
        // context is given these very tools. The redactor is taken, not read, and held by them
        // alone: its name tables are freed with the page context.
        var tools: PageTools? = PageTools(
            redactor: try pendingRedactor.take(), site: info, templates: templates, regionCode: snapshot.meta.regionCode)
        let fingerprint = BuildFingerprint(tools: tools!).digest
        output.inspect = lastCheck(tools!.redactor, site: site, templates: templates)
        let cacheFile = options.cacheFolder.appendingPathComponent("pages.bin")
        // The last build's page cache is opened and checked (a digest of the whole file) on the
        // other core meanwhile.
        let publishedManifestID = output.publishedManifestID
        let pendingCache = BackgroundValue { () -> (cache: PageCache?, why: String) in
            var why = "--full"
            let cache = full ? nil : PageCache.load(cacheFile, fingerprint: fingerprint, manifestID: publishedManifestID, why: &why)
            return (cache, why)
        }
        // So are the fingerprints of the last build's search index files.
        let searchFilesFile = options.cacheFolder.appendingPathComponent("search-files.bin")
        let pendingSearchFiles = BackgroundValue { full ? nil : SearchFileCache.load(searchFilesFile, fingerprint: fingerprint) }
        // And the search documents' numbers, kept even by --full: a document keeps its number
        // while it is shown, so that the index does not churn (see ``SearchNumbering``).
        let searchNumbersFile = options.cacheFolder.appendingPathComponent("search-numbers.bin")
        let pendingSearchNumbers = BackgroundValue { SearchNumberFile.load(searchNumbersFile) ?? SearchNumbering() }
        let timeliness = try pendingTimeliness.value
        for (id, reason) in timeliness.notComputed { warn("timeliness_not_computed", ["id": id, "reason": "\(reason)"]) }
        clock.lap("redactor")
        // The report's JSON of the withheld rows, its longest part, is written ahead on the
        // other core, which has time while the shown rows and the page context are made; the
        // report copies it in at the end.
        let reportParts = options.report == nil ? nil : options.cacheFolder
        let withheldJSON = BackgroundValue { () -> PrewrittenJSON? in
            guard let reportParts else { return nil }
            return try? PrewrittenJSON(BuildReport.json(withheld: try withheldLines.value), depth: 1, in: reportParts)
        }
        // From here on, only the rows the policy shows: the pages are made from them alone.
        snapshot = disclosure.shownSnapshot(of: snapshot)
        clock.lap("shown rows")
        let commit: CommitResult
        var pendingReport: BackgroundValue<BuildReport>?
        var reportDraft: BackgroundValue<(BuildReport, URL?)>?
        func cacheNotWritten(_ why: Any) { warn("page_cache_not_written", ["cause": MessageLanguage.current.text(of: why)]) }
        let nextCache: PageCacheWriter?
        do {
            nextCache = try PageCacheWriter(url: cacheFile, fingerprint: fingerprint)
        } catch {
            cacheNotWritten(error)
            nextCache = nil
        }
        // The search index's result lines wait for the `d/` files in a temporary file in the
        // cache folder (on the output's disk), not in memory.
        let writer = PageWriter(
            output: output, cache: nextCache, feedLimit: configuration.feedItems,
            searchLines: ResultLineStore(spillingTo: options.cacheFolder), searchBlockPostings: configuration.searchBlockPostings)
        writer.failAfterWrittenPages = options.failAfterWrittenPages
        writer.progress = options.progress
        do {
            // The rows, their indexes, the redactor and the last build's page cache are needed
            // only while pages are made: they are freed at the end of this scope, before the
            // search index and the report take their memory.
            do {
                let context = BuildContext(
                    reader: reader, snapshot: snapshot, disclosure: disclosure, factory: PageFactory(site: info), tools: tools!)
                snapshot = Snapshot(file: snapshot.file, meta: snapshot.meta)
                tools = nil
                clock.lap("page context")
                // The change dates are the last work to read every row: waited for here, so
                // that the whole snapshot is freed before the pages take their memory (at a
                // million rows, the two together were the build's peak).
                let updatedOn = try changes.value.last
                clock.lap("change dates")
                let (cache, why) = try pendingCache.take()
                if cache == nil && output.publishedManifestID != nil && clock.enabled {
                    warn("page_cache_not_used", ["cause": MessageLanguage.current.text(of: why)])
                }
                let pages = CacheablePages(context: context, cache: cache, output: output, fingerprint: fingerprint)
                clock.lap("page cache load")
                options.progress?.stage(BuildProgress.pagesStage)
                try writeRowPages(context, pages, writer)
                clock.lap("row pages")
                options.progress?.stage(BuildProgress.listsStage)
                let pageSize = configuration.listPageSize
                // Listing pages are made a batch at a time too: a national list runs to thousands.
                for list in ListKind.allCases {
                    try batches(context.listInputs(list, pageSize: pageSize), writer) { try pages.results($0) }
                    try writer.write(try pages.results(context.listDownloadInputs(list)))
                }
                try batches(context.commitmentIndexInputs(pageSize: pageSize), writer) { try pages.results($0) }
                try batches(context.caseIndexInputs(pageSize: pageSize), writer) { try pages.results($0) }
                try batches(context.recordIndexInputs(pageSize: pageSize), writer) { try pages.results($0) }
                try batches(context.reportIndexInputs(pageSize: pageSize), writer) { try pages.results($0) }
                try writer.write([context.homePage(updatedOn: updatedOn)])
                let dictionary = context.factory.dataDictionaryPage()
                try writer.write([RenderedPage(path: dictionary.path, html: templates.render(dictionary), feedItem: nil,
                                               log: RedactionLog())])
                let searchSpec = context.factory.searchPage()
                try writer.write([RenderedPage(path: searchSpec.path, html: templates.render(searchSpec), feedItem: nil,
                                               log: RedactionLog())])
                if options.audience == .internal {
                    try writer.write([context.timelinessPage(timeliness)])
                }
                let factory = context.factory
                try writer.write(site.contentPages.map { page in
                    let spec = factory.contentPage(name: page.name, title: page.title, body: page.body)
                    return RenderedPage(path: spec.path, html: templates.render(spec), feedItem: nil, log: RedactionLog())
                })
            }
            clock.lap("listings")
            options.progress?.stage("stage_search")
            // Every page is in: the report's long lists are made on the other core meanwhile.
            let events = writer.takeEvents()
            pendingReport = BackgroundValue {
                // (The withheld rows' JSON first: it reads their lines, which are then taken.)
                let prewrittenWithheld = try withheldJSON.take()
                var report = makeReport(options: options, disclosure: disclosure, withheld: try withheldLines.take(),
                                        problems: problems, events: events, timeliness: timeliness)
                // Its other long parts are written ahead too, while the site files are.
                report.prewritten["withheld"] = prewrittenWithheld
                if let reportParts { report.prewrite(["problems", "published", "redactions", "timeliness"], in: reportParts) }
                return report
            }
            try writer.finish(
                stylesheet: templates.stylesheet(), title: configuration.title, baseURL: configuration.baseURL,
                asOf: options.asOf, audience: options.audience, feedItems: configuration.feedItems,
                searchFiles: try pendingSearchFiles.take(), numbering: try pendingSearchNumbers.take())
            clock.lap("site files and search index")
            options.progress?.stage("stage_swap")
            commit = try output.prepareCommit()
            // The audit reads the staging folder as it will be published: after prepareCommit
            // removed the recycled previous site's leftovers (audited before, a page of a row
            // whose window closed since the previous site was built failed the build of the very
            // day the page had to go).
            if options.auditBeforePublishing {
                let findings = try SiteAuditor.audit(
                    snapshot: options.snapshot, out: output.staging.path, site: options.site, asOf: options.asOf,
                    audience: options.audience)
                guard findings.isEmpty else { throw BuildError.auditFailed(findings.map(\.description)) }
            }
            // What the commit will do is known: the report is completed and written to a
            // temporary file on the other core while the site is published, and put in place
            // only once it is.
            let nextChange = try changes.value.next
            let files = writer.files, pages = writer.pageCount, made = writer.made, kept = writer.kept
            let reportPath = options.report
            reportDraft = BackgroundValue { [commit, pendingReport] () -> (BuildReport, URL?) in
                guard var report = try pendingReport?.value else { throw OutputError("the report was not made") }
                completeReport(&report, files: files, pages: pages, made: made, kept: kept, commit: commit,
                               nextChange: nextChange)
                return (report, try reportPath.map { try writeReportDraft(report, for: $0) })
            }
            try output.publish(commit)
            clock.lap("commit")
        } catch {
            writer.cache?.abandon()
            output.discard()
            if let draft = try? reportDraft?.value.1 { unlink(draft.path) }
            throw error
        }
        // The cache is complete now that the site it describes is published; a cache that
        // cannot be finished is removed (the old one no longer matches the site). It is
        // finished on the other core while the report is made and written, and waited for
        // before this returns or throws, so that a complete cache or none is left.
        let cacheProblem = writer.cacheProblem
        let cacheWriter = writer.cache
        let manifestID = output.committedManifestID
        let cacheFinished = BackgroundValue { () -> String? in
            if let cacheProblem {
                PageCache.remove(cacheFile)
                return cacheProblem
            }
            guard let cacheWriter else { return nil }
            do {
                guard let manifestID else { throw OutputError("no manifest was written") }
                try cacheWriter.finish(manifestID: manifestID)
                return nil
            } catch {
                cacheWriter.abandon()
                PageCache.remove(cacheFile)
                return "\(error)"
            }
        }
        // So are the search files' fingerprints; a file that cannot be written is removed (the
        // next build then makes every index file).
        let searchFiles = SearchFileCache(files: writer.searchFiles)
        let searchNumbers = writer.searchNumbering
        let searchFilesWritten = BackgroundValue { () -> String? in
            do {
                try searchFiles.write(to: searchFilesFile, fingerprint: fingerprint)
                try SearchNumberFile.write(searchNumbers, to: searchNumbersFile)
                return nil
            } catch {
                SearchFileCache.remove(searchFilesFile)
                SearchFileCache.remove(searchNumbersFile)
                return "\(error)"
            }
        }
        func cachesFinished() throws {
            if let problem = try cacheFinished.value { cacheNotWritten(problem) }
            if let problem = try searchFilesWritten.value {
                warn("search_cache_not_written", ["cause": MessageLanguage.current.text(of: problem)])
            }
        }
        let report: BuildReport
        do {
            guard let (made, draft) = try reportDraft?.value else { throw OutputError("the report was not made") }
            report = made
            if let draft, let path = options.report { try putReport(draft, at: path) }
        } catch {
            try cachesFinished()
            throw error
        }
        try cachesFinished()
        clock.lap("page cache and report (\(writer.made) pages made, \(writer.kept) kept)")
        return report
    }

    /// Pages of rows with bodies: records, reports, cases, commitments, subjects.
    private static func writeRowPages(_ context: BuildContext, _ pages: CacheablePages, _ writer: PageWriter) throws {
        let disclosure = context.disclosure
        let snapshot = context.snapshot
        let reader = context.reader
        // The context holds only shown rows (so nothing is copied here); checked all the same.
        try batches(disclosure.keepingShown(snapshot.records, of: .records, id: \.id), writer) { batch in
            try reader.bodies(.recordFacts, ids: batch.map(\.id))
        } render: { batch, facts in
            try pages.results(batch) { context.recordInput($0, facts: facts[$0.id] ?? "") }
        }
        try batches(disclosure.keepingShown(snapshot.reports, of: .verificationReports, id: \.id), writer) { batch in
            try reader.bodies(.reportBody, ids: batch.map(\.id))
        } render: { batch, bodies in
            try pages.results(batch) { context.reportInput($0, body: bodies[$0.id] ?? "") }
        }
        try batches(disclosure.keepingShown(snapshot.cases, of: .cases, id: \.id), writer) { batch in
            try reader.bodies(.caseSummary, ids: batch.map(\.id))
        } render: { batch, summaries in
            try pages.results(batch) { context.caseInput($0, summary: summaries[$0.id]) }
        }
        try batches(disclosure.keepingShown(snapshot.commitments, of: .commitments, id: \.id), writer) { batch in
            try reader.bodies(.commitmentBody, ids: batch.map(\.id))
        } render: { batch, bodies in
            try pages.results(batch) { context.commitmentInput($0, body: bodies[$0.id] ?? "") }
        }
        try batches(disclosure.keepingShown(snapshot.subjects, of: .subjects, id: \.id), writer) { batch in
            try reader.bodies(.listReason, ids: batch.flatMap { context.entriesBySubject[$0.id] ?? [] }.map(\.id))
        } render: { batch, reasons in
            try pages.results(batch) { context.subjectInput($0, reasons: reasons) }
        }
    }

    /// Renders and writes `rows` a batch at a time, the bodies of each batch read (by `read`)
    /// on the other core while the batch before it is rendered: read on the way, they were
    /// a sixth of an incremental build's page phase, with the other core idle.
    private static func batches<Row: Sendable, Bodies: Sendable>(
        _ rows: [Row], _ writer: PageWriter, read: @escaping @Sendable ([Row]) throws -> Bodies,
        render: ([Row], Bodies) throws -> [PageResult]
    ) throws {
        let starts = Array(stride(from: 0, to: rows.count, by: batchSize))
        let batch = { @Sendable (start: Int) in Array(rows[start..<min(start + batchSize, rows.count)]) }
        var next = starts.first.map { start in BackgroundValue { try read(batch(start)) } }
        for (position, start) in starts.enumerated() {
            let bodies = try next!.take()
            next = position + 1 < starts.count ? BackgroundValue { [start = starts[position + 1]] in try read(batch(start)) } : nil
            try writer.write(try render(batch(start), bodies))
        }
    }

    /// Renders and writes `rows` a batch at a time (a lazy collection's rows are made a batch
    /// at a time too).
    private static func batches<Rows: RandomAccessCollection>(
        _ rows: Rows, _ writer: PageWriter, _ render: ([Rows.Element]) throws -> [PageResult]
    ) throws where Rows.Index == Int {
        for start in stride(from: rows.startIndex, to: rows.endIndex, by: batchSize) {
            try writer.write(try render(Array(rows[start..<min(start + batchSize, rows.endIndex)])))
        }
    }
}
