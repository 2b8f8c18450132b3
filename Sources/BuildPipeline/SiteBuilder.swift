import BackgroundWork
import CreditVocabulary
import DisclosurePolicy
import Foundation
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

/// `gongshi build`: snapshot → disclosure policy → redaction → page model → rendering →
/// output. ``build(_:notify:)`` reads as its stages (``BuildStage``); what runs beside a
/// stage is started where it is declared, as a ``Pending`` value of the build's task group
/// or an `async let`, and taken where it is needed. docs/architecture.md draws them.
///
/// Builds are incremental: each cacheable page's inputs are digested (``PageInput``), and
/// a page whose digest the cache of the published build holds is not made again; its
/// published file is kept; so is a search index file whose fingerprint (``SearchFileCache``)
/// is the last build's. The staging folder is the previous site, recycled. Without a usable
/// cache every page and index file is made, and the output is the same.
public enum SiteBuilder {
    /// Builds the site and replaces `options.out` in one step.
    /// - Returns: the build report (also written to `options.report` when set).
    /// - Throws: on a snapshot that cannot be published, a bad site folder, or an output
    ///   error; the previous output is then untouched.
    @discardableResult
    public static func build(_ options: BuildOptions, notify: (BuildNotice) -> Void = { _ in }) async throws -> BuildReport {
        var stages = BuildStages(progress: options.progress)
        defer { stages.end() }
        return try await withThrowingDiscardingTaskGroup { tasks in
            // Read: the site folder and the snapshot. Beside `records`, the largest table: the
            // redactor, from the subjects and overrides, as soon as those are read.
            stages.begin(.read)
            let sources = try BuildSources(options, notify: notify)
            let (redactorSources, redactorSource) = AsyncStream.makeStream(of: Redactor.Source.self)
            let earlyRedactor = Pending(in: &tasks) { await sources.earlyRedactor(from: redactorSources) }
            let (everyRow, readingProblems) = try await sources.readSnapshot(handingOver: redactorSource)
            // `snapshot` holds every row until the policy, the redactor and the change dates
            // have seen them, then only the shown ones (below).
            var snapshot = consume everyRow

            // Policy. Beside it: the key of the last build's change dates (a digest of every row
            // the policy reads). After it: the withheld rows' report lines, beside the rest of
            // the build; `disclosure` holds the shown rows alone from here on.
            stages.begin(.policy)
            let cacheFiles = CacheFiles(options.cacheFolder)
            let policy = DisclosurePolicy(configuration: sources.configuration.policy, audience: options.audience)
            let lastChanges = Pending(in: &tasks) { [snapshot] in
                ChangeDates.lastBuild(snapshot, policy: policy, file: cacheFiles.changeDates, asOf: options.asOf, full: options.full)
            }
            var disclosure = policy.evaluate(snapshot, asOf: options.asOf)
            let withheld = Pending(in: &tasks) { [reasons = disclosure.takeWithheld()] in
                WithheldRows(reasons, prewritingIn: options.reportParts)
            }
            let problems = readingProblems + policy.ruleWarnings(snapshot, asOf: options.asOf)

            // Prepare: the staging folder, the tools pages are made with, and, beside it, what
            // the last build left (the change dates, the page cache, the search files).
            stages.begin(.prepare)
            inputWarnings(problems, sources: sources, meta: snapshot.meta, asOf: options.asOf).forEach(notify)
            let timeliness = Pending(in: &tasks) { [snapshot, disclosure, calendar = sources.configuration.calendar] in
                TimelinessReport(snapshot: snapshot, disclosure: disclosure, calendar: calendar)
            }
            let output = try StagedOutput(destination: options.out, recycle: !options.full, state: options.state)
            let changes = Pending(in: &tasks) { [snapshot, disclosure, lastBuild = try await lastChanges.value()] in
                ChangeDates.workedOut(from: lastBuild, snapshot: snapshot, policy: policy, disclosure: disclosure,
                                      asOf: options.asOf, file: cacheFiles.changeDates)
            }
            let info = siteInfo(options, sources, snapshot.meta)
            let tools = PageTools(
                redactor: sources.redactor(try await earlyRedactor.value(), validated: snapshot), site: info,
                templates: sources.templates, regionCode: snapshot.meta.regionCode)
            let fingerprint = BuildFingerprint(tools: tools).digest
            output.inspect = lastCheck(tools.redactor, site: sources.site, templates: sources.templates)
            let pageCache = Pending(in: &tasks) { [manifestID = output.publishedManifestID] in
                cacheFiles.lastPageCache(fingerprint: fingerprint, manifestID: manifestID, full: options.full)
            }
            let searchFiles = Pending(in: &tasks) { cacheFiles.lastSearchFiles(fingerprint: fingerprint, full: options.full) }
            let searchNumbers = Pending(in: &tasks) { cacheFiles.lastSearchNumbers() }
            let timelinessReport = try await timeliness.value()
            for (id, reason) in timelinessReport.notComputed {
                notify(.warning(Message("timeliness_not_computed", ["id": id, "reason": "\(reason)"])))
            }
            snapshot = disclosure.shownSnapshot(of: snapshot)
            let writer = pageWriter(
                output, sources.configuration, options: options, cacheFile: cacheFiles.pages, fingerprint: fingerprint, notify: notify)

            do {
                // Pages and listings, from the shown rows; the rows and the tools are theirs
                // alone and freed when they end.
                stages.begin(.pages)
                let pageSources = PageSources(
                    reader: sources.reader, disclosure: disclosure, info: info, templates: sources.templates,
                    contentPages: sources.site.contentPages, timeliness: timelinessReport, output: output,
                    fingerprint: fingerprint, audience: options.audience, listPageSize: sources.configuration.listPageSize)
                let dates = try await writePages(
                    pageSources, snapshot: consume snapshot, tools: consume tools, changes: changes, pageCache: pageCache,
                    into: writer, stages: &stages, notify: notify)

                // Search index and site files; beside them, the report (all but what the commit
                // decides), with its long parts written ahead.
                stages.begin(.search)
                let events = await writer.takeEvents()
                let withheldRows = try await withheld.value()
                let report = Pending(in: &tasks) { [disclosure] in
                    prewritten(makeReport(options: options, disclosure: disclosure, withheld: withheldRows.lines,
                                          problems: problems, events: events, timeliness: timelinessReport),
                               withheld: withheldRows.json, in: options.reportParts)
                }
                let configuration = sources.configuration
                try await writer.finish(
                    stylesheet: sources.templates.stylesheet(), title: configuration.title, baseURL: configuration.baseURL,
                    asOf: options.asOf, audience: options.audience, feedItems: configuration.feedItems,
                    searchFiles: try await searchFiles.value(), numbering: try await searchNumbers.value())

                // Commit: the changes, the audit, the swap; the report completed beside it.
                stages.begin(.commit)
                let written = WrittenCounts(files: writer.files, pages: writer.pageCount, made: writer.made, kept: writer.kept)
                let reportDraft = try await publish(
                    output, report: report, written: written, nextChange: dates.next, options: options, in: &tasks)

                // Finish: the next build's caches, and the report put in place.
                stages.begin(.finish)
                let finished = try await finish(
                    reportDraft, cacheFiles: cacheFiles, fingerprint: fingerprint, writer: writer, output: output,
                    options: options, notify: notify)
                stages.end(" (\(writer.made) pages made, \(writer.kept) kept)")
                return finished
            } catch {
                // Nothing is published, or what was is whole; the next build's page cache is
                // left as it was (a no-op once published or finished).
                await writer.cache?.abandon()
                output.discard()
                throw error
            }
        }
    }

    /// The warnings a build prints about its inputs: the snapshot's and the policy's
    /// problems (summarised), the demo slug key, a calendar that does not cover the year.
    private static func inputWarnings(
        _ problems: [SnapshotProblem], sources: BuildSources, meta: SnapshotMeta, asOf: CivilDate
    ) -> [BuildNotice] {
        let configuration = sources.configuration
        var notices = WarningSummary.notices(problems, expected: configuration.expectedWarnings)
        configuration.slugKeyWarning(snapshotIsDemo: meta.isDemo).map { notices.append(.warning($0)) }
        let years = configuration.calendar.coveredYears
        if !years.contains(asOf.year) {
            // disclosure-rules.md §3: working days are counted from the official calendar only.
            notices.append(.warning(Message("calendar_not_covered", [
                "first": years.first.map(String.init) ?? "-", "last": years.last.map(String.init) ?? "-", "year": "\(asOf.year)",
            ])))
        }
        return notices
    }

    /// What every page says about the site.
    private static func siteInfo(_ options: BuildOptions, _ sources: BuildSources, _ meta: SnapshotMeta) -> SiteInfo {
        let configuration = sources.configuration
        var info = SiteInfo(
            title: SiteText(operatorAuthored: configuration.title),
            description: SiteText(operatorAuthored: configuration.description),
            publisher: SiteText(operatorAuthored: configuration.publisher), baseURL: configuration.baseURL,
            asOf: options.asOf, updatedOn: nil,
            audience: options.audience, isDemo: meta.isDemo,
            source: SiteText(operatorAuthored: meta.source),
            contentLinks: sources.site.contentPages.map { .init(path: $0.name + "/", label: $0.title) })
        info.objectionContacts = configuration.objections.contacts
        info.objectionAnswerDays = configuration.objections.answerWorkingDays
        return info
    }

    /// The writer of the pages into `output`, with the next build's page cache (none, and a
    /// warning, when that cannot be written); the search index's result lines wait for the
    /// `d/` files in a temporary file in the cache folder (on the output's disk), not in memory.
    private static func pageWriter(
        _ output: StagedOutput, _ configuration: SiteConfiguration, options: BuildOptions, cacheFile: URL, fingerprint: [UInt8],
        notify: (BuildNotice) -> Void
    ) -> PageWriter {
        var nextCache: PageCacheWriter?
        do {
            nextCache = try PageCacheWriter(url: cacheFile, fingerprint: fingerprint)
        } catch {
            notify(.warning(Message("page_cache_not_written", ["cause": MessageLanguage.current.text(of: error)])))
        }
        let writer = PageWriter(
            output: output, cache: nextCache, feedLimit: configuration.feedItems,
            searchLines: ResultLineStore(spillingTo: options.cacheFolder), searchBlockPostings: configuration.searchBlockPostings)
        writer.failAfterWrittenPages = options.failAfterWrittenPages
        writer.progress = options.progress
        return writer
    }

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
}
