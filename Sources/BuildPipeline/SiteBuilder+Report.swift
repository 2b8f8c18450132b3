import CreditVocabulary
import DisclosurePolicy
import Foundation
import JSONText
import Redaction
import SiteOutput
import SnapshotModel

extension SiteBuilder {
    /// The report but for what only the end of the build knows (files, the output, the next
    /// change; see ``completeReport(_:written:commit:nextChange:)``): made beside the writing
    /// of the site files and the publication.
    static func makeReport(
        options: BuildOptions, disclosure: Disclosure, withheld: BuildReport.WithheldLines, problems: [SnapshotProblem],
        events: [RedactionEvent], timeliness: TimelinessReport
    ) -> BuildReport {
        var published: [String: [String]] = [:]
        for ref in disclosure.shown.keys { published[ref.table.rawValue, default: []].append(ref.id) }
        for key in published.keys { published[key]!.sort() }
        let log = BuildReport.ReplacementLines(sorting: events)
        return BuildReport(
            snapshot: options.snapshot, asOf: options.asOf.iso, audience: options.audience.rawValue,
            counts: published.mapValues(\.count), files: 0, pages: 0,
            published: published, withheld: withheld,
            problems: problems.map {
                BuildReport.Problem(severity: $0.severity.rawValue, table: $0.table?.rawValue, id: $0.rowID,
                                    column: $0.column, message: $0.message.text(in: .english), code: $0.message.code)
            },
            redactions: BuildReport.Redactions(counts: log.counts, log: log),
            nextChange: nil,
            output: BuildReport.Output(unchanged: false, added: 0, changed: 0, removed: 0, kept: 0, pagesMade: 0, pagesKept: 0),
            timeliness: BuildReport.Timeliness(
                limitWorkingDays: timeliness.limit,
                late: timeliness.late.map {
                    BuildReport.Timeliness.Late(id: $0.recordID, authority: $0.authority, decidedOn: $0.decidedOn.iso,
                                                approvedOn: $0.approvedOn.iso, workingDays: $0.workingDays)
                },
                notComputed: timeliness.notComputed.map { .init(id: $0.recordID, reason: $0.reason) }))
    }

    /// Fills in what ``makeReport(options:disclosure:withheld:problems:events:timeliness:)``
    /// left out.
    static func completeReport(_ report: inout BuildReport, written: WrittenCounts, commit: CommitResult, nextChange: CivilDate?) {
        let (files, pages, made, kept) = (written.files, written.pages, written.made, written.kept)
        report.files = files
        report.pages = pages
        report.nextChange = nextChange?.iso
        report.output = BuildReport.Output(
            unchanged: commit.isUnchanged, added: commit.added.count, changed: commit.changed.count,
            removed: commit.removed.count, kept: commit.unchanged, pagesMade: made, pagesKept: kept)
    }

    /// Writes the report piece by piece to a temporary file beside `path` and returns it;
    /// ``putReport(_:at:)`` puts it in place once the site is published.
    static func writeReportDraft(_ report: BuildReport, for path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try report.writeJSON { try handle.write(contentsOf: $0) }
            } catch {
                try? handle.close()
                throw error
            }
            try handle.close()
        } catch {
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Renames a report draft to `path`.
    static func putReport(_ draft: URL, at path: String) throws {
        guard rename(draft.path, path) == 0 else {
            unlink(draft.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// The report's long parts written ahead into `parts` (when a report is made), the
    /// withheld rows' JSON among them.
    static func prewritten(_ report: consuming BuildReport, withheld: PrewrittenJSON?, in parts: URL?) -> BuildReport {
        report.prewritten["withheld"] = withheld
        if let parts { report.prewrite(["problems", "published", "redactions", "timeliness"], in: parts) }
        return report
    }
}

/// How many files and pages a build wrote or kept.
struct WrittenCounts: Sendable {
    let files: Int
    let pages: Int
    let made: Int
    let kept: Int
}
