import ArgumentParser
import BuildPipeline
import CAllocator
import CreditVocabulary
import Foundation
import SiteOutput

/// `gongshi build`.
struct BuildCommand: ParsableCommand {
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

    func run() throws {
        if ProcessInfo.processInfo.environment["GONGSHI_TIMING"] != nil {
            printError("timing: allocator \(String(cString: gongshi_allocator())) \(String(cString: gongshi_jemalloc_version()))")
        }
        // The state files the kept snapshots live in (a state folder the build refuses fails it below).
        let statePaths = state.flatMap { try? StagedOutput.statePaths(destination: URL(fileURLWithPath: out).standardizedFileURL, state: $0) }
        if let paths = statePaths, (try? KeptSnapshots.isRejected(snapshot, paths: paths)) == true {
            printError("gongshi: error: \(snapshot) has the bytes of the snapshot `gongshi rollback` turned away; put a corrected export "
                + "there (or delete \(paths.rejectedSnapshot.path) to build it all the same)")
            printError("gongshi: nothing was published; \(out) is unchanged")
            throw ExitCode(1)
        }
        var options = BuildOptions(
            snapshot: snapshot, site: site, out: out, asOf: asOf ?? .today(), audience: audience, report: report,
            auditBeforePublishing: audit, cache: cache, full: full, state: state)
        // A line redrawn on a terminal; one start line in a log.
        let progress = BuildProgress()
        options.progress = progress
        progress.start("gongshi: 开始构建 \(snapshot)（\(options.asOf)，\(audience.rawValue)）→ \(out)")
        defer { progress.finish() }
        do {
            var warnings = 0
            let result = try SiteBuilder.build(options) { message in
                if message.hasPrefix("info: ") {
                    progress.clear()
                    return printError("gongshi: " + message.dropFirst("info: ".count))
                }
                warnings += 1
                if warnings <= Self.warningsShown {
                    progress.clear()
                    printError("gongshi: " + (message.hasPrefix("warning: ") ? message : "warning: " + message))
                }
            }
            progress.finish()
            if warnings > Self.warningsShown {
                printError("gongshi: \(warnings - Self.warningsShown) more warnings" + (report.map { " are listed in \($0)" } ?? "; use --report to list them all"))
            }
            let withheld = result.withheld.count(inTables: { $0 != "subjects" && $0 != "cases" })
            print("gongshi: built \(result.pages) pages (\(result.files) files) for \(options.asOf) (\(audience.rawValue)); \(withheld) rows withheld")
            if result.output.unchanged {
                print("gongshi: nothing changed since the last build; \(out) is untouched")
            } else {
                print("gongshi: published into \(out): \(result.output.added) files added, \(result.output.changed) changed, \(result.output.removed) removed, \(result.output.kept) kept")
            }
            if let next = result.nextChange { print("gongshi: next change on \(next)") }
            if let statePaths {
                // For `gongshi rollback`: the snapshot of this build and of the one before.
                do {
                    try KeptSnapshots.keep(snapshot, paths: statePaths)
                } catch {
                    printError("gongshi: warning: the snapshot was not kept for a rollback: \(error)")
                }
            }
        } catch {
            progress.finish()
            printFailure(error)
            printError("gongshi: nothing was published; \(out) is unchanged")
            throw ExitCode(1)
        }
    }
}
