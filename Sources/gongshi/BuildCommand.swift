import ArgumentParser
import BuildPipeline
import CAllocator
import CreditVocabulary
import Foundation
import Messages
import SiteOutput

/// `gongshi build`.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site into --out, replacing it in one step.")

    @Option(help: "The snapshot file (SQLite, format version 1).") var snapshot: String
    @Option(help: "The site folder: site.toml, content/, layouts/.") var site: String = "."
    @Option(help: "The output folder.") var out: String = "public"
    @Option(name: .customLong("as-of"), help: "The as-of date, YYYY-MM-DD (default: today in China Standard Time).")
    var asOf: CivilDate?
    @Option(help: "public or internal.") var audience: Audience = .public
    @Option(help: "Write a JSON build report to this file.") var report: String?
    @Flag(help: "Audit the new site before it replaces the old one; publish nothing if the audit finds anything.")
    var audit = false
    @Option(help: "The cache folder of incremental builds (default: .OUT.gongshi-cache beside the output).")
    var cache: String?
    @Option(help: "The state folder: staging, previous site, lock, manifests and cache (default: hidden folders beside the output). Outside any served folder, on the output's file system.")
    var state: String?
    @Flag(help: "Make and write every page, ignoring the page cache and the previous site (same output).")
    var full = false

    /// Warnings printed before the rest are only counted (the report lists them all).
    static let warningsShown = 20

    func run() async throws {
        if ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil {
            printError("timing: allocator \(String(cString: gongshi_allocator())) \(String(cString: gongshi_jemalloc_version()))")
        }
        // The state files the kept snapshots live in (a state folder the build refuses fails it below).
        let statePaths = state.flatMap { try? StagedOutput.statePaths(destination: URL(fileURLWithPath: out).standardizedFileURL, state: $0) }
        if let paths = statePaths, (try? KeptSnapshots.isRejected(snapshot, paths: paths)) == true {
            fail("build_rejected_snapshot", ["snapshot": snapshot, "rejected": paths.rejectedSnapshot.path])
            tell("nothing_published", ["out": out])
            throw ExitCode(1)
        }
        var options = BuildOptions(
            snapshot: snapshot, site: site, out: out, asOf: asOf ?? .today(), audience: audience, report: report,
            auditBeforePublishing: audit, cache: cache, full: full, state: state)
        // A line redrawn on a terminal; one start line in a log.
        let progress = BuildProgress()
        options.progress = progress
        progress.start("gongshi: " + Message("build_start", ["snapshot": snapshot, "date": options.asOf.iso, "audience": audience.rawValue, "out": out]).text)
        defer { progress.finish() }
        do {
            var warnings = 0
            let result = try await SiteBuilder.build(options) { notice in
                if notice.isWarning {
                    warnings += 1
                    if warnings > Self.warningsShown { return }
                }
                progress.clear()
                printError("gongshi: " + notice.text)
            }
            progress.finish()
            if warnings > Self.warningsShown {
                let more = "\(warnings - Self.warningsShown)"
                if let report { tell("more_warnings_in_report", ["count": more, "report": report]) } else { tell("more_warnings_no_report", ["count": more]) }
            }
            let withheld = result.withheld.count(inTables: { $0 != "subjects" && $0 != "cases" })
            say("build_summary", ["pages": "\(result.pages)", "files": "\(result.files)", "date": options.asOf.iso,
                                  "audience": audience.rawValue, "withheld": "\(withheld)"])
            if result.output.unchanged {
                say("build_unchanged", ["out": out])
            } else {
                say("build_published", ["out": out, "added": "\(result.output.added)", "changed": "\(result.output.changed)",
                                        "removed": "\(result.output.removed)", "kept": "\(result.output.kept)"])
            }
            if let next = result.nextChange { say("build_next_change", ["date": next]) }
            if let statePaths {
                // For `gongshi rollback`: the snapshot of this build and of the one before.
                do {
                    try KeptSnapshots.keep(snapshot, paths: statePaths)
                } catch {
                    warn("snapshot_not_kept", ["cause": MessageLanguage.current.text(of: error)])
                }
            }
        } catch {
            progress.finish()
            printFailure(error)
            tell("nothing_published", ["out": out])
            throw ExitCode(1)
        }
    }
}
