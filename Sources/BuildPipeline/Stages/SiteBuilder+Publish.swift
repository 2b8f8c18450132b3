import Audit
import BackgroundWork
import CreditVocabulary
import Foundation
import Messages
import PageCache
import SiteOutput
import SnapshotModel

extension SiteBuilder {
    /// The commit stage: works out what the commit changes (the new manifest drafted beside
    /// it), audits the staging folder when asked, and publishes it. The report is completed
    /// and written to a temporary file meanwhile, in a child task of `tasks`.
    /// - Returns: the report and its draft file (put in place by ``finish(_:cacheFiles:fingerprint:writer:output:notify:)``).
    static func publish(
        _ output: StagedOutput, report: consuming Pending<BuildReport>, written: WrittenCounts, nextChange: CivilDate?,
        options: BuildOptions, in tasks: inout ThrowingDiscardingTaskGroup<any Error>
    ) async throws -> Pending<(BuildReport, URL?)> {
        let (commit, manifest) = try await prepareCommit(output, options: options)
        // What the commit will do is known: the report is completed and written beside the
        // publication, and put in place only once the site is published.
        let report = try await report.value()
        let draft = Pending(in: &tasks) { [commit, reportPath = options.report] () -> (BuildReport, URL?) in
            var report = report
            completeReport(&report, written: written, commit: commit, nextChange: nextChange)
            return (report, try reportPath.map { try writeReportDraft(report, for: $0) })
        }
        do {
            try output.publish(commit, manifest: manifest)
        } catch {
            if let (_, file) = try? await draft.value(), let file { unlink(file.path) }
            throw error
        }
        return draft
    }

    /// Works out the commit's changes while the new manifest is written to its temporary
    /// file, then runs the audit on the staging folder as it will be published: after
    /// `prepareCommit` removed the recycled previous site's leftovers (audited before, a page
    /// of a row whose window closed since the previous site was built failed the build of
    /// the very day the page had to go).
    private static func prepareCommit(
        _ output: StagedOutput, options: BuildOptions
    ) async throws -> (CommitResult, ManifestDraft) {
        async let draft = output.draftManifest(output.stagedManifest())
        do {
            let commit = try output.prepareCommit()
            if options.auditBeforePublishing {
                let findings = try SiteAuditor.audit(
                    snapshot: options.snapshot, out: output.staging.path, site: options.site, asOf: options.asOf,
                    audience: options.audience)
                guard findings.isEmpty else { throw BuildError.auditFailed(findings.map(\.description)) }
            }
            return (commit, try await draft)
        } catch {
            (try? await draft)?.remove()
            throw error
        }
    }

    /// The finish stage: the next build's caches are finished in child tasks while the
    /// report is put in place; both are waited for before this returns or throws, so that a
    /// complete cache or none is left.
    static func finish(
        _ draft: consuming Pending<(BuildReport, URL?)>, cacheFiles: CacheFiles, fingerprint: [UInt8],
        writer: PageWriter, output: StagedOutput, options: BuildOptions, notify: (BuildNotice) -> Void
    ) async throws -> BuildReport {
        let cacheWriter = await writer.cache, cacheProblem = await writer.cacheProblem, manifestID = output.committedManifestID
        async let pageCacheProblem = cacheFiles.finishPageCache(cacheWriter, problem: cacheProblem, manifestID: manifestID)
        let searchFiles = SearchFileCache(files: writer.searchFiles), numbering = writer.searchNumbering
        async let searchCacheProblem = cacheFiles.writeSearchCaches(searchFiles, numbering: numbering, fingerprint: fingerprint)
        let placed: Result<BuildReport, any Error>
        do {
            let (report, file) = try await draft.value()
            if let file, let path = options.report { try putReport(file, at: path) }
            placed = .success(report)
        } catch {
            placed = .failure(error)
        }
        if let problem = await pageCacheProblem {
            notify(.warning(Message("page_cache_not_written", ["cause": MessageLanguage.current.text(of: problem)])))
        }
        if let problem = await searchCacheProblem {
            notify(.warning(Message("search_cache_not_written", ["cause": MessageLanguage.current.text(of: problem)])))
        }
        return try placed.get()
    }
}
